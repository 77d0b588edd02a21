using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SafeguardDocs.Web.Data;

/// <summary>How many of the web app's stored copies of issued documents were removed.</summary>
public sealed record IssuedCopiesRemoved(int Documents, int Pdfs)
{
    public int Total => Documents + Pdfs;
}

/// <summary>
/// Retention in the web app's database: when <c>safeguard-docs register prune --yes</c> destroys an issue, the
/// copies the web app kept of it (the .docx it issued and any PDF made of it, <see cref="IssuedDocument"/> rows
/// under the register entry) are removed too, so no copy outlives the record.
/// </summary>
public static class WebRetention
{
    /// <summary>
    /// Removes the stored copies of the documents issued under <paramref name="entryIds"/> (register entries of
    /// issues) from the database in <paramref name="dataFolder"/>; nothing when the folder has no web database.
    /// The removed bytes are overwritten in the database file (SQLite's secure delete). Returns counts only.
    /// </summary>
    public static IssuedCopiesRemoved RemoveIssuedCopies(string dataFolder, IReadOnlyCollection<long> entryIds)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(entryIds);
        if (entryIds.Count == 0 || !File.Exists(Path.Combine(dataFolder, DataFolder.DatabaseFile)))
        {
            return new IssuedCopiesRemoved(0, 0);
        }

        using var connection = new SqliteConnection(DataFolder.ConnectionString(dataFolder));
        connection.Open();
        using (var secure = connection.CreateCommand())
        {
            secure.CommandText = "PRAGMA secure_delete = ON";
            secure.ExecuteNonQuery();
        }

        using var db = new WebDb(new DbContextOptionsBuilder<WebDb>().UseSqlite(connection).Options);
        SchemaUpgrade.ApplyAsync(db).GetAwaiter().GetResult();
        var ids = entryIds.ToList();
        using var transaction = db.Database.BeginTransaction();
        var documents = db.IssuedDocuments.Where(d => ids.Contains(d.EntryId) && d.Format != Pipeline.EvidenceStore.Pdf).ExecuteDelete();
        var pdfs = db.IssuedDocuments.Where(d => ids.Contains(d.EntryId) && d.Format == Pipeline.EvidenceStore.Pdf).ExecuteDelete();
        transaction.Commit();
        return new IssuedCopiesRemoved(documents, pdfs);
    }
}
