using System.IO.Compression;
using System.Text.RegularExpressions;
using SafeguardDocs.Records;

namespace SafeguardDocs.Generation.Records;

/// <summary>What <see cref="DocumentVerifier.Verify"/> found.</summary>
public enum VerifyOutcome
{
    /// <summary>The file is, byte for byte, a document the register records as issued, and the register's chain is intact.</summary>
    Issued,

    /// <summary>The file carries a register entry's seal but is not the document issued under it: it has been changed.</summary>
    Differs,

    /// <summary>The register has no document with this content and the file carries no seal the register knows.</summary>
    NeverIssued,

    /// <summary>The file carries the seal of an entry whose issue never completed (a run stopped after writing it).</summary>
    NotCompleted,

    /// <summary>The register's chain is broken: no answer from it can be trusted.</summary>
    ChainBroken,

    /// <summary>The file could not be read.</summary>
    Unreadable,
}

/// <summary>The answer for one file, with the entries it matched or claims.</summary>
public sealed record VerifyResult(VerifyOutcome Outcome, string Sha256)
{
    /// <summary>The issue (reserved entry) the file matches or claims by its seal.</summary>
    public RegisterEntry? Issue { get; init; }

    /// <summary>The completion (or PDF) entry whose hash the file has.</summary>
    public RegisterEntry? Document { get; init; }

    /// <summary>The entry id printed in the file's footer, if any.</summary>
    public long? SealedEntryId { get; init; }

    public ChainReport? Chain { get; init; }

    /// <summary>Why the file could not be read.</summary>
    public string? Problem { get; init; }
}

/// <summary>Tells whether a file is a document the register records as issued.</summary>
public static partial class DocumentVerifier
{
    public static VerifyResult Verify(string path, DocumentRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        string sha;
        try
        {
            sha = Sha256.OfFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new VerifyResult(VerifyOutcome.Unreadable, string.Empty) { Problem = e.Message };
        }

        var chain = register.Check();
        var sealedId = ReadSeal(path);
        if (!chain.Intact)
        {
            return new VerifyResult(VerifyOutcome.ChainBroken, sha) { Chain = chain, SealedEntryId = sealedId };
        }

        if (register.FindDocument(sha) is { } found)
        {
            return new VerifyResult(VerifyOutcome.Issued, sha) { Issue = found.Issue, Document = found.Document, Chain = chain, SealedEntryId = sealedId };
        }

        if (sealedId is { } id && register.Get(id) is { Type: EntryType.Reserved } claimed)
        {
            var completed = register.Following(id).Any(e => e.Type == EntryType.Issued);
            return new VerifyResult(completed ? VerifyOutcome.Differs : VerifyOutcome.NotCompleted, sha) { Issue = claimed, Chain = chain, SealedEntryId = id };
        }

        return new VerifyResult(VerifyOutcome.NeverIssued, sha) { Chain = chain, SealedEntryId = sealedId };
    }

    /// <summary>The register entry id in a Word document's footer ("Register entry 12"), or null.</summary>
    public static long? ReadSeal(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var part in zip.Entries.Where(e => e.FullName.StartsWith("word/footer", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(part.Open());
                var text = TagPattern().Replace(reader.ReadToEnd(), string.Empty);
                if (SealPattern().Match(text) is { Success: true } match && long.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    return id;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Not a Word document (a PDF, or a damaged file): no seal to read.
        }

        return null;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"Register entry (\d+)")]
    private static partial Regex SealPattern();
}
