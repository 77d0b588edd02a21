using Microsoft.EntityFrameworkCore;

namespace SafeguardDocs.Web.Data;

/// <summary>
/// Brings a database made by an earlier version up to the current model without losing anything:
/// every table and index of the model is created when it is missing, and nothing existing is touched.
/// A new feature therefore adds a new table (an entity of its own) rather than a column to an
/// existing table, which this step could not add to databases already in use.
/// </summary>
public static class SchemaUpgrade
{
    public static async Task ApplyAsync(WebDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var statement in Statements(db.Database.GenerateCreateScript()))
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }

    /// <summary>The model's create script as idempotent statements (<c>IF NOT EXISTS</c> on every table and index).</summary>
    public static IReadOnlyList<string> Statements(string createScript)
    {
        ArgumentNullException.ThrowIfNull(createScript);
        var statements = new List<string>();
        foreach (var raw in createScript.Split(';'))
        {
            var statement = raw.Trim();
            if (statement.Length == 0)
            {
                continue;
            }

            statement = Idempotent(statement, "CREATE TABLE ")
                ?? Idempotent(statement, "CREATE UNIQUE INDEX ")
                ?? Idempotent(statement, "CREATE INDEX ")
                ?? throw new InvalidOperationException("The database model produced a statement the upgrade does not know how to repeat safely: " + statement.Split('\n')[0]);
            statements.Add(statement + ";");
        }

        return statements;
    }

    private static string? Idempotent(string statement, string prefix) =>
        statement.StartsWith(prefix, StringComparison.Ordinal)
            ? prefix + "IF NOT EXISTS " + statement[prefix.Length..]
            : null;
}
