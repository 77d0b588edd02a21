using System.Security.Cryptography;
using System.Text;

namespace SafeguardDocs.Records;

/// <summary>What an entry in the register records.</summary>
public enum EntryType
{
    /// <summary>A document is being issued: its entry id is taken before it is rendered, so the id can be printed on it.</summary>
    Reserved,

    /// <summary>The document reserved by <see cref="RegisterEntry.RefersTo"/> was written; the entry keeps its SHA-256.</summary>
    Issued,

    /// <summary>A PDF of the document reserved by <see cref="RegisterEntry.RefersTo"/> was written; the entry keeps its SHA-256.</summary>
    Pdf,

    /// <summary>The issue reserved by <see cref="RegisterEntry.RefersTo"/> stopped before the document was written; no document carries its id.</summary>
    Abandoned,

    /// <summary>Records with this reference must not be destroyed (an inquiry, a court case), with the reason.</summary>
    Hold,

    /// <summary>The hold on this reference is lifted, with the reason.</summary>
    Release,

    /// <summary>The records of the issue <see cref="RegisterEntry.RefersTo"/> were destroyed at the end of their retention: its reference, file and retention date are blanked; its hashes stay.</summary>
    Tombstone,
}

/// <summary>
/// One row of the register. Rows are only ever appended; each holds the hash of the one before
/// (<see cref="PreviousHash"/>) and its own (<see cref="EntryHash"/>), so a row deleted or changed is found
/// by <see cref="DocumentRegister.Check"/>. The reference, file and retention date (which is derived from
/// a child's date of birth) are the entry's personal data: they are hashed together into
/// <see cref="PersonalDigest"/>, which the entry hash covers, so a tombstone can blank them and the chain
/// still verifies.
/// </summary>
public sealed record RegisterEntry
{
    public required long Id { get; init; }

    public required EntryType Type { get; init; }

    /// <summary>The entry this one completes, abandons, converts or tombstones; for a new issue, the entry it replaces (a correction).</summary>
    public long? RefersTo { get; init; }

    /// <summary>The case reference (blank once tombstoned).</summary>
    public string? Reference { get; init; }

    /// <summary>The case kind, for example <c>viewing-decision</c>.</summary>
    public string? Kind { get; init; }

    public string? Template { get; init; }

    /// <summary>SHA-256 of the template's content (the file, or the compiled built-in templates).</summary>
    public string? TemplateSha256 { get; init; }

    /// <summary>SHA-256 of the case data as read.</summary>
    public string? CaseSha256 { get; init; }

    /// <summary>SHA-256 of the finished document (on <see cref="EntryType.Issued"/> and <see cref="EntryType.Pdf"/>).</summary>
    public string? DocumentSha256 { get; init; }

    /// <summary>Where the document was written (blank once tombstoned).</summary>
    public string? FilePath { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>By whom: the operating-system user for the command line, the account for the web app.</summary>
    public required string By { get; init; }

    /// <summary>Why: a correction's, a hold's or a release's reason.</summary>
    public string? Reason { get; init; }

    /// <summary>Kept until at least this day (blank once tombstoned).</summary>
    public DateOnly? RetainUntil { get; init; }

    public required string PersonalDigest { get; init; }

    public required string PreviousHash { get; init; }

    public required string EntryHash { get; init; }

    /// <summary>The hash of nothing: the previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The short form of a case hash printed in a sealed document's footer.</summary>
    public static string ShortHash(string sha256) => sha256[..Math.Min(12, sha256.Length)];

    internal static string DigestOfPersonal(string? reference, string? filePath, DateOnly? retainUntil) =>
        Sha256.Of($"{reference}\n{filePath}\n{retainUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>The hash of everything in the entry but its own hash: the personal fields through their digest.</summary>
    internal string ComputeHash() => Sha256.Of(string.Join('\n',
        "sgd-register-v1",
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Type.ToString(),
        RefersTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        Kind ?? string.Empty,
        Template ?? string.Empty,
        TemplateSha256 ?? string.Empty,
        CaseSha256 ?? string.Empty,
        DocumentSha256 ?? string.Empty,
        At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        By,
        Reason ?? string.Empty,
        PersonalDigest,
        PreviousHash));
}

/// <summary>SHA-256 as lower-case hex.</summary>
public static class Sha256
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
