using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Pipeline;
using SafeguardDocs.Web.Security;

namespace SafeguardDocs.Web.Api;

/// <summary>A finding as the API gives it: the same id, severity, path and message as the CLI prints.</summary>
public sealed record FindingDto(string Id, string Severity, string Path, string Message, string? Source, int? Line, int? Column)
{
    public static FindingDto From(Finding f) =>
        new(f.Id, f.IsError ? "error" : "warning", f.Path, f.FullMessage, f.Source, f.Line, f.Column);
}

/// <summary>Every error from the API: a title saying what to do, and the findings when there are some.</summary>
public sealed record ProblemDto(int Status, string Title, IReadOnlyList<FindingDto> Findings);

public sealed record ValidationDto(string? Kind, bool Readable, int Errors, int Warnings, IReadOnlyList<FindingDto> Findings);

/// <summary>A new version of a signed record: the reason for the change.</summary>
public sealed record NewVersionDto(string? Reason);

/// <summary>A record's version opened for a change.</summary>
public sealed record VersionDto(Guid RecordId, int Version, string Reason);

public sealed record RecordDto(Guid Id, string Kind, string? Reference, DateTime UpdatedUtc, int Errors, int Warnings, IReadOnlyList<FindingDto> Findings);

public static class ApiResults
{
    public static IResult Problem(int status, string title, IEnumerable<Finding>? findings = null) =>
        Results.Json(new ProblemDto(status, title, [.. (findings ?? []).Select(FindingDto.From)]), statusCode: status);
}

/// <summary>
/// The JSON API the pages use and other systems call, with the session cookie or a bearer token. Role
/// rules apply as on pages: a case of a kind the caller may not open is refused with 403, whether it is
/// sent or asked for by id.
/// </summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapPost("/validate", Validate);
        api.MapPost("/documents", Document);
        api.MapPost("/records", Create);
        api.MapGet("/records/{id:guid}", Get);
        api.MapPut("/records/{id:guid}", Put);
        api.MapPost("/records/{id:guid}/versions", NewVersion);
    }

    /// <summary>Reads the body up to the case size limit; null (with the reason) when it is too big.</summary>
    internal static async Task<(byte[]? Body, IResult? Refusal)> ReadCase(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > CasePipeline.MaxCaseBytes)
            {
                return (null, ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, $"A case file is at most {CasePipeline.MaxCaseBytes / 1024 / 1024} MB; this is larger, so it is not a case file."));
            }
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Refuses a case whose kind the caller's role does not allow (403); an unknown or missing kind goes on to the loader's diagnostics.</summary>
    private static IResult? Forbidden(HttpContext http, byte[] body)
    {
        var kind = CasePipeline.PeekKind(body);
        return CasePipeline.FindKind(kind) is not null && !KindAccess.Allows(http, kind)
            ? ApiResults.Problem(StatusCodes.Status403Forbidden, "Your role does not allow cases of this kind.")
            : null;
    }

    /// <summary>
    /// Checks a case sent in the body. The messages are the library's, as the CLI prints them; with
    /// <c>?wording=form</c> (the form's script asks so) they are in the form's words instead (<see cref="Html.FormWords"/>).
    /// </summary>
    private static async Task<IResult> Validate(HttpContext http, CasePipeline pipeline, SettingsStore settings, string? wording)
    {
        var (body, refusal) = await ReadCase(http);
        if (body is null)
        {
            return refusal!;
        }

        if (Forbidden(http, body) is { } forbidden)
        {
            return forbidden;
        }

        var check = pipeline.Check(body, await settings.GetAsync());
        var form = wording == "form" && check.Kind is not null ? CaseForm.For(check.Kind) : null;
        return Results.Json(new ValidationDto(check.Kind?.Name, check.Readable, check.ErrorCount, check.WarningCount, [.. check.Findings.Select(f => FindingDto.From(Html.FormWords.Plain(form, f)))]));
    }

    /// <summary>Makes the .docx of a case sent in the body, entered in the register in the calling account's name.</summary>
    private static async Task<IResult> Document(HttpContext http, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence, string? template)
    {
        var (body, refusal) = await ReadCase(http);
        if (body is null)
        {
            return refusal!;
        }

        if (Forbidden(http, body) is { } forbidden)
        {
            return forbidden;
        }

        var options = await settings.GetAsync();
        var check = pipeline.Check(body, options);
        if (!check.Readable)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "The case could not be read. Correct the findings and send it again.", check.Findings);
        }

        if (check.HasErrors)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "The case has errors against the guidance; no document was made. Correct them and send it again.", check.Findings);
        }

        var (document, problems) = pipeline.Make(check, template, options);
        if (document is null)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, string.Join(' ', problems));
        }

        IssuedFile issued;
        try
        {
            issued = pipeline.Issue(document, await evidence.WhoAsync(http.User));
        }
        catch (NotRegisteredException e)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, e.Message);
        }

        return Results.File(issued.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", issued.FileName);
    }

    private static async Task<IResult> Create(HttpContext http, CasePipeline pipeline, SettingsStore settings, RecordStore records)
    {
        var (body, refusal) = await ReadCase(http);
        if (body is null)
        {
            return refusal!;
        }

        if (Forbidden(http, body) is { } forbidden)
        {
            return forbidden;
        }

        var check = pipeline.Check(body, await settings.GetAsync());
        if (!check.Readable || check.Kind is null)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "The case could not be read, so it was not saved. Correct the findings and send it again.", check.Findings);
        }

        var record = await records.CreateAsync(check.Kind.Name, body, check, http.User);
        return Results.Created($"/api/records/{record.Id}", Dto(record, check));
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, RecordStore records, EvidenceStore evidence)
    {
        var record = await records.FindAsync(id);
        if (record is null)
        {
            return ApiResults.Problem(StatusCodes.Status404NotFound, "There is no record with that id.");
        }

        if (!KindAccess.Allows(http, record.Kind))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "Your role does not allow records of this kind.");
        }

        await evidence.LogAsync(record, http.User, AccessWhat.OpenedThroughApi);
        return Results.Bytes(record.Json, "application/json");
    }

    private static async Task<IResult> Put(HttpContext http, Guid id, CasePipeline pipeline, SettingsStore settings, RecordStore records, EvidenceStore evidence)
    {
        var record = await records.FindAsync(id);
        if (record is null)
        {
            return ApiResults.Problem(StatusCodes.Status404NotFound, "There is no record with that id.");
        }

        if (!KindAccess.Allows(http, record.Kind))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "Your role does not allow records of this kind.");
        }

        var state = await evidence.StateAsync(record.Id);
        if (state.Locked)
        {
            return ApiResults.Problem(StatusCodes.Status409Conflict, $"Version {state.CurrentVersion} of this record is signed, so it cannot be changed; nothing was saved. Start a new version with the reason for the change (POST /api/records/{record.Id}/versions with {{\"reason\": \"...\"}}), then send the change.");
        }

        var (body, refusal) = await ReadCase(http);
        if (body is null)
        {
            return refusal!;
        }

        var check = pipeline.Check(body, await settings.GetAsync());
        if (!check.Readable || check.Kind is null)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "The case could not be read, so the record was not changed. Correct the findings and send it again.", check.Findings);
        }

        if (check.Kind.Name != record.Kind)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, $"This record holds a {record.Kind} case; a case of another kind cannot replace it. Create a new record instead.");
        }

        await records.UpdateAsync(record, body, check, http.User);
        return Results.Json(Dto(record, check));
    }

    /// <summary>Opens a new version of a signed record, with the reason for the change (required); the record can then be changed.</summary>
    private static async Task<IResult> NewVersion(HttpContext http, Guid id, RecordStore records, EvidenceStore evidence)
    {
        var record = await records.FindAsync(id);
        if (record is null)
        {
            return ApiResults.Problem(StatusCodes.Status404NotFound, "There is no record with that id.");
        }

        if (!KindAccess.Allows(http, record.Kind))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "Your role does not allow records of this kind.");
        }

        NewVersionDto? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<NewVersionDto>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        catch (InvalidOperationException)
        {
            body = null;
        }

        var reason = body?.Reason?.Trim() ?? string.Empty;
        if (reason.Length == 0 || reason.Length > EvidenceStore.MaxReasonLength)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, $"Send the reason for the change as JSON: {{\"reason\": \"...\"}} (1 to {EvidenceStore.MaxReasonLength} characters). It is kept with the new version.");
        }

        var version = await evidence.NewVersionAsync(record, reason, http.User);
        if (version is null)
        {
            return ApiResults.Problem(StatusCodes.Status409Conflict, "The current version of this record is not signed: change it as it is, no new version is needed.");
        }

        return Results.Created($"/api/records/{record.Id}", new VersionDto(record.Id, version.Number, version.Reason));
    }

    private static RecordDto Dto(CaseRecord record, CaseCheck check) =>
        new(record.Id, record.Kind, record.Reference, record.UpdatedUtc, check.ErrorCount, check.WarningCount, [.. check.Findings.Select(FindingDto.From)]);
}

/// <summary>Saved cases: create, find, update, list and search. Every query is by kind and opaque id.</summary>
public sealed class RecordStore(WebDb db, TimeProvider clock)
{
    public async Task<CaseRecord> CreateAsync(string kind, byte[] json, CaseCheck check, System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(check);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new CaseRecord { Id = Guid.NewGuid(), Kind = kind, Json = json, CreatedUtc = now };
        Apply(record, json, check, user, now);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        return record;
    }

    public async Task UpdateAsync(CaseRecord record, byte[] json, CaseCheck check, System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(record);
        Apply(record, json, check, user, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static void Apply(CaseRecord record, byte[] json, CaseCheck check, System.Security.Claims.ClaimsPrincipal user, DateTime now)
    {
        record.Json = json;
        record.Reference = check.Case?.Reference is { Length: > 0 and <= 100 } reference ? reference : null;
        record.ErrorCount = check.ErrorCount;
        record.WarningCount = check.WarningCount;
        record.UpdatedUtc = now;
        record.UpdatedBy = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
    }

    public Task<CaseRecord?> FindAsync(Guid id) => db.Records.FirstOrDefaultAsync(r => r.Id == id);

    /// <summary>A kind's records, newest first; with a search, those whose reference contains it (any case).</summary>
    public async Task<IReadOnlyList<CaseRecord>> ListAsync(string kind, string? reference, int take = 100)
    {
        var query = db.Records.AsNoTracking().Where(r => r.Kind == kind);
        if (!string.IsNullOrWhiteSpace(reference))
        {
            var pattern = "%" + reference.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(r => r.Reference != null && EF.Functions.Like(r.Reference, pattern, "\\"));
        }

        return await query.OrderByDescending(r => r.UpdatedUtc).Take(take).ToListAsync();
    }

    /// <summary>The records of the given kinds most recently saved by this user.</summary>
    public async Task<IReadOnlyList<CaseRecord>> RecentAsync(IReadOnlyCollection<string> kinds, string? userId, int take = 5) =>
        await db.Records.AsNoTracking().Where(r => kinds.Contains(r.Kind) && r.UpdatedBy == userId)
            .OrderByDescending(r => r.UpdatedUtc).Take(take).ToListAsync();
}
