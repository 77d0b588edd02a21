using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafeguardDocs.Records;

/// <summary>What is needed to start issuing a document.</summary>
public sealed record IssueRequest
{
    public required string Reference { get; init; }

    public required string Kind { get; init; }

    public required string Template { get; init; }

    public required string TemplateSha256 { get; init; }

    public required string CaseSha256 { get; init; }

    public required string By { get; init; }

    /// <summary>Kept until at least this day.</summary>
    public required DateOnly RetainUntil { get; init; }

    /// <summary>A correction: the entry this issue replaces, with <see cref="Reason"/>.</summary>
    public long? Replaces { get; init; }

    public string? Reason { get; init; }
}

/// <summary>A problem found by <see cref="DocumentRegister.Check"/>: which entry and what is wrong.</summary>
public sealed record ChainProblem(long EntryId, string Problem);

/// <summary>What <see cref="DocumentRegister.Check"/> found.</summary>
/// <param name="Entries">How many entries were read.</param>
/// <param name="Breaks">Deleted or altered entries: the chain cannot be trusted from the first.</param>
/// <param name="Unfinished">Issues reserved and neither completed nor abandoned (a run stopped part-way): not a break.</param>
public sealed record ChainReport(int Entries, IReadOnlyList<ChainProblem> Breaks, IReadOnlyList<RegisterEntry> Unfinished)
{
    public bool Intact => Breaks.Count == 0;
}

/// <summary>An issued document past its retention date.</summary>
/// <param name="Issue">The reserved entry of the issue.</param>
/// <param name="Held">A hold on its reference stops its destruction.</param>
public sealed record RetentionDue(RegisterEntry Issue, bool Held);

/// <summary>
/// The register of issued documents: <c>register.sqlite</c> in the data folder. Every change is an appended
/// entry written in its own immediate transaction (the file is locked while the previous entry is read and
/// the next one written), with a busy timeout, so the command line and the web app can write at the same
/// time and lose nothing. Connections are not pooled: nothing holds the file between calls.
/// </summary>
public sealed class DocumentRegister
{
    public const string FileName = "register.sqlite";

    private readonly string connectionString;
    private readonly TimeProvider clock;

    private DocumentRegister(string path, TimeProvider clock)
    {
        Path = path;
        this.clock = clock;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = 60,
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }

    /// <summary>The register's file.</summary>
    public string Path { get; }

    /// <summary>The register in <paramref name="dataFolder"/>, created (with the folder) when missing.</summary>
    public static DocumentRegister Open(string dataFolder, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(clock);
        Directory.CreateDirectory(dataFolder);
        var register = new DocumentRegister(System.IO.Path.Combine(dataFolder, FileName), clock);
        register.CreateSchema();
        return register;
    }

    /// <summary>True when the data folder has a register.</summary>
    public static bool ExistsIn(string dataFolder) => File.Exists(System.IO.Path.Combine(dataFolder, FileName));

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void CreateSchema()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        // WAL lets readers (verify, the web app's pages) read while a writer appends.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS entries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                type TEXT NOT NULL,
                refers_to INTEGER,
                reference TEXT,
                kind TEXT,
                template TEXT,
                template_sha256 TEXT,
                case_sha256 TEXT,
                document_sha256 TEXT,
                file_path TEXT,
                at TEXT NOT NULL,
                by TEXT NOT NULL,
                reason TEXT,
                retain_until TEXT,
                personal_digest TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                entry_hash TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS entries_document ON entries (document_sha256);
            CREATE INDEX IF NOT EXISTS entries_refers_to ON entries (refers_to);
            CREATE INDEX IF NOT EXISTS entries_reference ON entries (reference);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Takes the next entry id for a document about to be issued. Complete it with <see cref="Complete"/> once the file is written.</summary>
    public RegisterEntry Reserve(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Replaces is { } replaced && Get(replaced) is not { Type: EntryType.Reserved })
        {
            throw new ArgumentException($"Entry {replaced} is not an issue in the register, so it cannot be corrected.", nameof(request));
        }

        return Append(new Draft(EntryType.Reserved, request.By)
        {
            RefersTo = request.Replaces,
            Reference = request.Reference,
            Kind = request.Kind,
            Template = request.Template,
            TemplateSha256 = request.TemplateSha256,
            CaseSha256 = request.CaseSha256,
            Reason = request.Reason,
            RetainUntil = request.RetainUntil,
        });
    }

    /// <summary>
    /// Records that the document reserved as <paramref name="issue"/> was made with the SHA-256 given: written to
    /// <paramref name="filePath"/> (a full path, the file <see cref="Destroy"/> deletes), or null for a document handed
    /// out from memory (the web app keeps its own copy), which has no file here.
    /// </summary>
    public RegisterEntry Complete(RegisterEntry issue, string? filePath, string documentSha256) =>
        Append(Follow(issue, EntryType.Issued, filePath, documentSha256));

    /// <summary>Records a PDF made of the document reserved as <paramref name="issue"/>: its full path, or null when it was made in memory.</summary>
    public RegisterEntry AddPdf(RegisterEntry issue, string? filePath, string documentSha256) =>
        Append(Follow(issue, EntryType.Pdf, filePath, documentSha256));

    /// <summary>Records that the issue stopped before its document was written (no file carries its id).</summary>
    public RegisterEntry Abandon(RegisterEntry issue, string reason)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return Append(new Draft(EntryType.Abandoned, issue.By) { RefersTo = issue.Id, Kind = issue.Kind, Reason = reason });
    }

    private static Draft Follow(RegisterEntry issue, EntryType type, string? filePath, string sha)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Type != EntryType.Reserved)
        {
            throw new ArgumentException("Only a reserved issue can be completed.", nameof(issue));
        }

        if (filePath is not null && !System.IO.Path.IsPathFullyQualified(filePath))
        {
            throw new ArgumentException("A document's file is recorded by its full path (or not at all, for a document made in memory).", nameof(filePath));
        }

        return new Draft(type, issue.By)
        {
            RefersTo = issue.Id,
            Reference = issue.Reference,
            Kind = issue.Kind,
            CaseSha256 = issue.CaseSha256,
            DocumentSha256 = sha,
            FilePath = filePath,
        };
    }

    /// <summary>Places a hold on every record with this reference: none is destroyed until it is released.</summary>
    public RegisterEntry Hold(string reference, string reason, string by) =>
        Append(new Draft(EntryType.Hold, by) { Reference = reference, Reason = reason });

    /// <summary>Lifts the hold on a reference.</summary>
    public RegisterEntry Release(string reference, string reason, string by) =>
        Append(new Draft(EntryType.Release, by) { Reference = reference, Reason = reason });

    /// <summary>True when the last hold or release of this reference is a hold.</summary>
    public bool IsHeld(string reference)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type FROM entries WHERE reference = $r AND type IN ('Hold', 'Release') ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$r", reference);
        return command.ExecuteScalar() is string type && type == nameof(EntryType.Hold);
    }

    /// <summary>One entry, or null.</summary>
    public RegisterEntry? Get(long id) => Query("SELECT * FROM entries WHERE id = $id", ("$id", id)) is [var entry, ..] ? entry : null;

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<RegisterEntry> All() => Query("SELECT * FROM entries ORDER BY id");

    /// <summary>The entries that follow an issue (its completion, PDF, abandonment, tombstone), oldest first.</summary>
    public IReadOnlyList<RegisterEntry> Following(long issueId) => Query("SELECT * FROM entries WHERE refers_to = $id AND type <> 'Reserved' ORDER BY id", ("$id", issueId));

    /// <summary>The completion (or PDF) entry whose document has this SHA-256, and its issue; null when no document issued has it.</summary>
    public (RegisterEntry Issue, RegisterEntry Document)? FindDocument(string sha256)
    {
        var document = Query("SELECT * FROM entries WHERE document_sha256 = $s AND type IN ('Issued', 'Pdf') ORDER BY id LIMIT 1", ("$s", sha256)) is [var found, ..] ? found : null;
        return document?.RefersTo is { } id && Get(id) is { } issue ? (issue, document) : null;
    }

    /// <summary>
    /// Reads every entry in order and checks each: ids follow on with none missing (the largest id ever
    /// given is kept by SQLite, so a deleted last entry is found too), each holds the previous entry's
    /// hash, its own hash matches its content, and blanked personal data has a tombstone.
    /// </summary>
    public ChainReport Check()
    {
        var entries = All();
        var breaks = new List<ChainProblem>();
        var previousHash = RegisterEntry.Genesis;
        long previousId = 0;
        var tombstoned = entries.Where(e => e.Type == EntryType.Tombstone && e.RefersTo is not null).Select(e => e.RefersTo!.Value).ToHashSet();
        foreach (var entry in entries)
        {
            if (entry.Id != previousId + 1)
            {
                breaks.Add(new ChainProblem(previousId + 1, entry.Id == previousId + 2
                    ? $"entry {previousId + 1} is missing: it has been deleted from the register"
                    : $"entries {previousId + 1} to {entry.Id - 1} are missing: they have been deleted from the register"));
            }

            if (entry.PreviousHash != previousHash)
            {
                breaks.Add(new ChainProblem(entry.Id, $"entry {entry.Id} does not follow the entry before it (its record of the previous entry's hash does not match): an entry before it was deleted, altered or inserted"));
            }

            var blanked = entry.Reference is null && entry.FilePath is null && entry.RetainUntil is null;
            var digestMatches = entry.PersonalDigest == RegisterEntry.DigestOfPersonal(entry.Reference, entry.FilePath, entry.RetainUntil);
            var issueId = entry.Type == EntryType.Reserved ? entry.Id : entry.RefersTo ?? 0;
            if (!digestMatches && !(blanked && tombstoned.Contains(issueId)))
            {
                breaks.Add(new ChainProblem(entry.Id, $"entry {entry.Id} has been altered: its reference, file or retention date is not what was recorded"));
            }
            else if (entry.ComputeHash() != entry.EntryHash)
            {
                breaks.Add(new ChainProblem(entry.Id, $"entry {entry.Id} has been altered: its content no longer matches its hash"));
            }

            previousHash = entry.EntryHash;
            previousId = entry.Id;
        }

        var highest = HighestIdGiven();
        if (highest > previousId)
        {
            breaks.Add(new ChainProblem(previousId + 1, highest == previousId + 1
                ? $"entry {highest}, the last one, is missing: it has been deleted from the register"
                : $"entries {previousId + 1} to {highest}, the last ones, are missing: they have been deleted from the register"));
        }

        var settled = entries.Where(e => e.Type is EntryType.Issued or EntryType.Abandoned && e.RefersTo is not null).Select(e => e.RefersTo!.Value).ToHashSet();
        var unfinished = entries.Where(e => e.Type == EntryType.Reserved && !settled.Contains(e.Id)).ToList();
        return new ChainReport(entries.Count, breaks, unfinished);
    }

    /// <summary>Issues whose retention date is before <paramref name="today"/>, not yet destroyed, each with whether a hold stops it.</summary>
    public IReadOnlyList<RetentionDue> PastRetention(DateOnly today)
    {
        var entries = All();
        var destroyed = entries.Where(e => e.Type == EntryType.Tombstone).Select(e => e.RefersTo).ToHashSet();
        var held = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var e in entries.Where(e => e.Type is EntryType.Hold or EntryType.Release && e.Reference is not null))
        {
            held[e.Reference!] = e.Type == EntryType.Hold;
        }

        return [.. entries
            .Where(e => e.Type == EntryType.Reserved && e.RetainUntil is { } until && until < today && !destroyed.Contains(e.Id))
            .Select(e => new RetentionDue(e, held.GetValueOrDefault(e.Reference!)))];
    }

    /// <summary>
    /// Destroys the records of an issue past retention and not held: deletes its files (the document and any
    /// PDF), blanks the reference, file and retention date in its entries, and appends a tombstone that keeps
    /// what kind it was, when and by whom it is destroyed, and the hashes. Returns the tombstone.
    /// </summary>
    public RegisterEntry Destroy(RegisterEntry issue, string by)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Type != EntryType.Reserved || issue.Reference is null)
        {
            throw new ArgumentException($"Entry {issue.Id} is not an issue that can be destroyed.", nameof(issue));
        }

        if (IsHeld(issue.Reference))
        {
            throw new InvalidOperationException($"Entry {issue.Id} is under a hold and cannot be destroyed until the hold is released.");
        }

        // Only a full path the register recorded for a file it was written to: an entry without a file (a document
        // handed out from memory) or with a bare name (recorded by earlier versions) never deletes a file that
        // happens to have that name in the current folder.
        foreach (var file in Following(issue.Id).Select(e => e.FilePath).OfType<string>().Where(System.IO.Path.IsPathFullyQualified))
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        var documents = string.Join(' ', Following(issue.Id).Where(e => e.DocumentSha256 is not null).Select(e => e.DocumentSha256));
        return Append(new Draft(EntryType.Tombstone, by)
        {
            RefersTo = issue.Id,
            Kind = issue.Kind,
            CaseSha256 = issue.CaseSha256,
            DocumentSha256 = documents.Length == 0 ? null : documents,
            Reason = "retention period ended",
        }, blank: issue.Id);
    }

    private long HighestIdGiven()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = 'entries'";
        return command.ExecuteScalar() is long seq ? seq : 0;
    }

    /// <summary>An entry before it has its id and hashes.</summary>
    private sealed record Draft(EntryType Type, string By)
    {
        public long? RefersTo { get; init; }

        public string? Reference { get; init; }

        public string? Kind { get; init; }

        public string? Template { get; init; }

        public string? TemplateSha256 { get; init; }

        public string? CaseSha256 { get; init; }

        public string? DocumentSha256 { get; init; }

        public string? FilePath { get; init; }

        public string? Reason { get; init; }

        public DateOnly? RetainUntil { get; init; }
    }

    /// <summary>
    /// Appends one entry in an immediate transaction: the write lock is taken before the last entry is read,
    /// so two writers can never chain to the same entry. <paramref name="blank"/>: an issue whose personal
    /// data is blanked in the same transaction (a tombstone).
    /// </summary>
    private RegisterEntry Append(Draft draft, long? blank = null)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        long lastId = 0;
        var previousHash = RegisterEntry.Genesis;
        using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT id, entry_hash FROM entries ORDER BY id DESC LIMIT 1";
            using var reader = last.ExecuteReader();
            if (reader.Read())
            {
                lastId = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }
        }

        using (var seq = connection.CreateCommand())
        {
            seq.Transaction = transaction;
            seq.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = 'entries'";
            if (seq.ExecuteScalar() is long given && given > lastId)
            {
                throw new RegisterBrokenException($"The register {Path} has lost its last entries (the highest id given is {given}, the last entry is {lastId}). Run 'safeguard-docs register check' and restore the register from a backup.");
            }
        }

        if (blank is { } issueId)
        {
            using var redact = connection.CreateCommand();
            redact.Transaction = transaction;
            redact.CommandText = "UPDATE entries SET reference = NULL, file_path = NULL, retain_until = NULL WHERE (id = $id AND type = 'Reserved') OR (refers_to = $id AND type IN ('Issued', 'Pdf', 'Abandoned'))";
            redact.Parameters.AddWithValue("$id", issueId);
            redact.ExecuteNonQuery();
        }

        var entry = new RegisterEntry
        {
            Id = lastId + 1,
            Type = draft.Type,
            RefersTo = draft.RefersTo,
            Reference = draft.Reference,
            Kind = draft.Kind,
            Template = draft.Template,
            TemplateSha256 = draft.TemplateSha256,
            CaseSha256 = draft.CaseSha256,
            DocumentSha256 = draft.DocumentSha256,
            FilePath = draft.FilePath,
            At = TruncateToMilliseconds(clock.GetUtcNow()),
            By = draft.By,
            Reason = draft.Reason,
            RetainUntil = draft.RetainUntil,
            PersonalDigest = RegisterEntry.DigestOfPersonal(draft.Reference, draft.FilePath, draft.RetainUntil),
            PreviousHash = previousHash,
            EntryHash = string.Empty,
        };
        entry = entry with { EntryHash = entry.ComputeHash() };

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO entries (id, type, refers_to, reference, kind, template, template_sha256, case_sha256, document_sha256,
                    file_path, at, by, reason, retain_until, personal_digest, previous_hash, entry_hash)
                VALUES ($id, $type, $refers_to, $reference, $kind, $template, $template_sha256, $case_sha256, $document_sha256,
                    $file_path, $at, $by, $reason, $retain_until, $personal_digest, $previous_hash, $entry_hash)
                """;
            var p = insert.Parameters;
            p.AddWithValue("$id", entry.Id);
            p.AddWithValue("$type", entry.Type.ToString());
            p.AddWithValue("$refers_to", (object?)entry.RefersTo ?? DBNull.Value);
            p.AddWithValue("$reference", (object?)entry.Reference ?? DBNull.Value);
            p.AddWithValue("$kind", (object?)entry.Kind ?? DBNull.Value);
            p.AddWithValue("$template", (object?)entry.Template ?? DBNull.Value);
            p.AddWithValue("$template_sha256", (object?)entry.TemplateSha256 ?? DBNull.Value);
            p.AddWithValue("$case_sha256", (object?)entry.CaseSha256 ?? DBNull.Value);
            p.AddWithValue("$document_sha256", (object?)entry.DocumentSha256 ?? DBNull.Value);
            p.AddWithValue("$file_path", (object?)entry.FilePath ?? DBNull.Value);
            p.AddWithValue("$at", entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            p.AddWithValue("$by", entry.By);
            p.AddWithValue("$reason", (object?)entry.Reason ?? DBNull.Value);
            p.AddWithValue("$retain_until", (object?)entry.RetainUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
            p.AddWithValue("$personal_digest", entry.PersonalDigest);
            p.AddWithValue("$previous_hash", entry.PreviousHash);
            p.AddWithValue("$entry_hash", entry.EntryHash);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return entry;
    }

    /// <summary>Times are kept to the millisecond so that what is stored reads back exactly.</summary>
    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private List<RegisterEntry> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var entries = new List<RegisterEntry>();
        while (reader.Read())
        {
            string? Text(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));
            entries.Add(new RegisterEntry
            {
                Id = reader.GetInt64(reader.GetOrdinal("id")),
                Type = Enum.TryParse<EntryType>(Text("type"), out var type) ? type : (EntryType)(-1),
                RefersTo = reader.IsDBNull(reader.GetOrdinal("refers_to")) ? null : reader.GetInt64(reader.GetOrdinal("refers_to")),
                Reference = Text("reference"),
                Kind = Text("kind"),
                Template = Text("template"),
                TemplateSha256 = Text("template_sha256"),
                CaseSha256 = Text("case_sha256"),
                DocumentSha256 = Text("document_sha256"),
                FilePath = Text("file_path"),
                At = DateTimeOffset.TryParse(Text("at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : DateTimeOffset.MinValue,
                By = Text("by") ?? string.Empty,
                Reason = Text("reason"),
                RetainUntil = DateOnly.TryParseExact(Text("retain_until"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null,
                PersonalDigest = Text("personal_digest") ?? string.Empty,
                PreviousHash = Text("previous_hash") ?? string.Empty,
                EntryHash = Text("entry_hash") ?? string.Empty,
            });
        }

        return entries;
    }
}

/// <summary>The register has lost entries; nothing more is appended until it is restored.</summary>
public sealed class RegisterBrokenException(string message) : Exception(message);
