using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Records;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>Where a record stands: its versions, its signatures, and whether the current version is signed (and so cannot change).</summary>
public sealed record RecordState(int CurrentVersion, IReadOnlyList<RecordVersion> Versions, IReadOnlyList<RecordSignature> Signatures)
{
    /// <summary>The current version is signed: it cannot be changed until a new version is opened with a reason.</summary>
    public bool Locked => Signatures.Any(s => s.Version == CurrentVersion);

    public RecordSignature? CurrentSignature => Signatures.FirstOrDefault(s => s.Version == CurrentVersion);

    /// <summary>Why the current version was opened (null for version 1).</summary>
    public string? ReasonFor(int version) => Versions.FirstOrDefault(v => v.Number == version)?.Reason;

    public RecordVersion? Opened(int version) => Versions.FirstOrDefault(v => v.Number == version);
}

/// <summary>What was done with an evidence record, as the access log words it.</summary>
public static class AccessWhat
{
    public const string Viewed = "viewed";
    public const string ViewedAnswers = "viewed (check your answers)";
    public const string ViewedDocument = "viewed the document";
    public const string DownloadedDocx = "downloaded .docx";
    public const string DownloadedPdf = "downloaded .pdf";
    public const string ExportedJson = "exported the case file (.json)";
    public const string OpenedThroughApi = "opened through the API";
}

/// <summary>
/// The evidence side of saved records (issue 16): documents issued for a record and entered in the register,
/// DSLs' signatures and the versions that follow them, and the log of who opened each evidence record.
/// </summary>
public sealed class EvidenceStore(WebDb db, CasePipeline pipeline, TimeProvider clock, UserManager<WebUser> users)
{
    public const string Docx = "docx";
    public const string Pdf = "pdf";

    public static bool IsEvidence(string kind) => EvidenceRecords.IsEvidence(kind);

    /// <summary>The account's e-mail address (as the register and the log name it), for a session or an API token alike.</summary>
    public async Task<string> WhoAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var account = await users.GetUserAsync(user);
        return account?.Email ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
    }

    public async Task<RecordState> StateAsync(Guid recordId)
    {
        var versions = await db.RecordVersions.AsNoTracking().Where(v => v.RecordId == recordId).OrderBy(v => v.Number).ToListAsync();
        var signatures = await db.RecordSignatures.AsNoTracking().Where(s => s.RecordId == recordId).OrderBy(s => s.Version).ToListAsync();
        var current = Math.Max(1, versions.Count == 0 ? 1 : versions.Max(v => v.Number));
        return new RecordState(current, versions, signatures);
    }

    /// <summary>Logs one opening or download of an evidence record (other kinds are not logged).</summary>
    public async Task LogAsync(CaseRecord record, ClaimsPrincipal user, string what)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IsEvidence(record.Kind))
        {
            return;
        }

        db.RecordAccesses.Add(new RecordAccess { RecordId = record.Id, WhenUtc = clock.GetUtcNow().UtcDateTime, Who = await WhoAsync(user), What = what });
        await db.SaveChangesAsync();
    }

    /// <summary>Who opened a record, newest first.</summary>
    public async Task<IReadOnlyList<RecordAccess>> AccessesAsync(Guid recordId, int take = 500) =>
        await db.RecordAccesses.AsNoTracking().Where(a => a.RecordId == recordId).OrderByDescending(a => a.WhenUtc).ThenByDescending(a => a.Id).Take(take).ToListAsync();

    public Task<IssuedDocument?> DocumentAsync(Guid recordId, Guid documentId) =>
        db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.RecordId == recordId && d.Id == documentId);

    /// <summary>
    /// The .docx issued for this record's case as it is now (same case data, template and settings): the one
    /// issued before when there is one (the same register entry, the same bytes), else a new issue entered in
    /// the register by this account.
    /// </summary>
    public async Task<IssuedDocument> IssueDocxAsync(CaseRecord record, MadeDocument document, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(document);
        var caseSha = Sha256.Of(document.Json);
        var settingsSha = CasePipeline.SettingsSha256(document.Settings);
        var existing = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.RecordId == record.Id && d.Format == Docx && d.CaseSha256 == caseSha && d.TemplateName == document.TemplateName && d.SettingsSha256 == settingsSha)
            .OrderBy(d => d.EntryId).FirstOrDefaultAsync();
        if (existing is not null)
        {
            return existing;
        }

        var issued = pipeline.Issue(document, await WhoAsync(user));
        var row = new IssuedDocument
        {
            Id = Guid.NewGuid(),
            RecordId = record.Id,
            Format = Docx,
            FileName = issued.FileName,
            TemplateName = document.TemplateName,
            CaseSha256 = caseSha,
            SettingsSha256 = settingsSha,
            EntryId = issued.Entry.Id,
            DocumentSha256 = Sha256.Of(issued.Content),
            Content = issued.Content,
            IssuedBy = issued.Entry.By,
            IssuedUtc = issued.Entry.At.UtcDateTime,
        };
        db.IssuedDocuments.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>The PDF made of an issued .docx, when one has been made.</summary>
    public Task<IssuedDocument?> PdfOfAsync(IssuedDocument docx) =>
        db.IssuedDocuments.AsNoTracking().Where(d => d.RecordId == docx.RecordId && d.Format == Pdf && d.EntryId == docx.EntryId).FirstOrDefaultAsync();

    /// <summary>Keeps a PDF made of an issued .docx, entered in the register under the .docx's issue.</summary>
    public async Task<IssuedDocument> AddPdfAsync(IssuedDocument docx, byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(pdf);
        if (await PdfOfAsync(docx) is { } already)
        {
            return already;
        }

        var issue = pipeline.Register.Get(docx.EntryId) ?? throw new InvalidOperationException($"Register entry {docx.EntryId} is missing: run 'safeguard-docs register check'.");
        var fileName = Path.ChangeExtension(docx.FileName, ".pdf");
        var sha = Sha256.Of(pdf);
        var entry = pipeline.Register.AddPdf(issue, null, sha);
        var row = new IssuedDocument
        {
            Id = Guid.NewGuid(),
            RecordId = docx.RecordId,
            Format = Pdf,
            FileName = fileName,
            TemplateName = docx.TemplateName,
            CaseSha256 = docx.CaseSha256,
            SettingsSha256 = docx.SettingsSha256,
            EntryId = docx.EntryId,
            DocumentSha256 = sha,
            Content = pdf,
            IssuedBy = entry.By,
            IssuedUtc = entry.At.UtcDateTime,
        };
        db.IssuedDocuments.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>Signs the current version: issues its document and records who signed, when. Null when it is already signed.</summary>
    public async Task<RecordSignature?> SignAsync(CaseRecord record, MadeDocument document, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = await StateAsync(record.Id);
        if (state.Locked)
        {
            return null;
        }

        var issued = await IssueDocxAsync(record, document, user);
        var signature = new RecordSignature
        {
            RecordId = record.Id,
            Version = state.CurrentVersion,
            Json = record.Json,
            CaseSha256 = Sha256.Of(record.Json),
            SignedBy = await WhoAsync(user),
            SignedUtc = clock.GetUtcNow().UtcDateTime,
            DocumentId = issued.Id,
        };
        db.RecordSignatures.Add(signature);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone signed this version at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            return null;
        }

        return signature;
    }

    /// <summary>Opens a new version of a signed record, with the reason for the change. Null when the current version is not signed (it can simply be changed).</summary>
    public async Task<RecordVersion?> NewVersionAsync(CaseRecord record, string reason, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = await StateAsync(record.Id);
        if (!state.Locked)
        {
            return null;
        }

        var version = new RecordVersion { RecordId = record.Id, Number = state.CurrentVersion + 1, Reason = reason.Trim(), OpenedBy = await WhoAsync(user), OpenedUtc = clock.GetUtcNow().UtcDateTime };
        db.RecordVersions.Add(version);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        return version;
    }

    /// <summary>The longest reason kept for a new version.</summary>
    public const int MaxReasonLength = 2000;
}
