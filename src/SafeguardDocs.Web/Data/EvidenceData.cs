using Microsoft.EntityFrameworkCore;

namespace SafeguardDocs.Web.Data;

/// <summary>
/// A document the web app issued for a saved record (its .docx or PDF), as entered in the register of issued
/// documents: kept so that downloading the same case again gives the same document (the same entry, the
/// same bytes) and so that a signed version keeps the document issued for it.
/// </summary>
[Index(nameof(RecordId), nameof(CaseSha256))]
public sealed class IssuedDocument
{
    public Guid Id { get; set; }

    public Guid RecordId { get; set; }

    /// <summary><c>docx</c> or <c>pdf</c>.</summary>
    public required string Format { get; set; }

    public required string FileName { get; set; }

    public required string TemplateName { get; set; }

    /// <summary>SHA-256 of the case data it was made from (as the register keeps it).</summary>
    public required string CaseSha256 { get; set; }

    /// <summary>SHA-256 of the organisation's settings it was made with.</summary>
    public required string SettingsSha256 { get; set; }

    /// <summary>The register entry of the issue (the number in a sealed document's footer).</summary>
    public long EntryId { get; set; }

    public required string DocumentSha256 { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>The account (e-mail) that issued it.</summary>
    public required string IssuedBy { get; set; }

    public DateTime IssuedUtc { get; set; }
}

/// <summary>A new version of a signed record, opened with the reason for the change (version 1 needs none and has no row).</summary>
[Index(nameof(RecordId), nameof(Number), IsUnique = true)]
public sealed class RecordVersion
{
    public long Id { get; set; }

    public Guid RecordId { get; set; }

    public int Number { get; set; }

    public required string Reason { get; set; }

    public required string OpenedBy { get; set; }

    public DateTime OpenedUtc { get; set; }
}

/// <summary>A DSL's signature on one version of an evidence record: what was signed (the case data) and the document issued for it.</summary>
[Index(nameof(RecordId), nameof(Version), IsUnique = true)]
public sealed class RecordSignature
{
    public long Id { get; set; }

    public Guid RecordId { get; set; }

    public int Version { get; set; }

    /// <summary>The case data as signed: it stays readable after a later version changes the record.</summary>
    public required byte[] Json { get; set; }

    public required string CaseSha256 { get; set; }

    /// <summary>The account (e-mail) that signed.</summary>
    public required string SignedBy { get; set; }

    public DateTime SignedUtc { get; set; }

    /// <summary>The <see cref="IssuedDocument"/> issued for this version.</summary>
    public Guid DocumentId { get; set; }
}

/// <summary>One opening or download of an evidence record: who, when, what.</summary>
[Index(nameof(RecordId), nameof(WhenUtc))]
public sealed class RecordAccess
{
    public long Id { get; set; }

    public Guid RecordId { get; set; }

    public DateTime WhenUtc { get; set; }

    /// <summary>The account (e-mail).</summary>
    public required string Who { get; set; }

    /// <summary>What was done, in words: "viewed", "downloaded .docx"…</summary>
    public required string What { get; set; }
}
