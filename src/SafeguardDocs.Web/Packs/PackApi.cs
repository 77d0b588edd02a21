using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Generation;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Jobs;

namespace SafeguardDocs.Web.Packs;

/// <summary>How far a pack run has got: family packs made of the total (0 of 0 while the export is read).</summary>
public sealed record PackProgressDto(int Done, int Total, int Percent);

/// <summary>
/// A pack run as <c>GET /api/packs/{id}</c> gives it. <c>state</c> is <c>queued</c>, <c>running</c>,
/// <c>succeeded</c> or <c>failed</c>, or <c>cancelled</c> (stopped by its owner) or <c>interrupted</c> (the
/// app stopped while it ran); the last two, and <c>failed</c>, have <c>canRunAgain</c> true.
/// </summary>
public sealed record PackRunDto(Guid Id, string State, PackProgressDto Progress, string? Reference, string? Message, bool CanRunAgain, string? Download);

public sealed record PackCreatedDto(Guid Id);

/// <summary>
/// <c>POST /api/packs</c> (multipart: <c>pack</c>, <c>roster</c>, repeated <c>map</c> <c>Column=Header</c>) → 202
/// <c>{"id": …}</c>; <c>GET /api/packs/{id}</c>; <c>GET /api/packs/{id}/download</c> → the zip;
/// <c>DELETE /api/packs/{id}</c>. Office and DSL roles; a run is seen only by the account that started it.
/// </summary>
public static class PackApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/packs").RequireAuthorization();
        api.MapPost(string.Empty, Create);
        api.MapGet("/{id:guid}", Get);
        api.MapGet("/{id:guid}/download", Download);
        api.MapDelete("/{id:guid}", Delete);
    }

    private static IResult Forbidden() => ApiResults.Problem(StatusCodes.Status403Forbidden, "Your role does not allow AUP packs.");

    private static async Task<(JobRecord? Job, IResult? Refusal)> Load(HttpContext http, Guid id, JobRunner jobs)
    {
        if (!PackPages.KindAccessAllows(http))
        {
            return (null, Forbidden());
        }

        var job = await jobs.FindAsync(id);
        if (job is null || job.Kind != PackService.Kind)
        {
            return (null, ApiResults.Problem(StatusCodes.Status404NotFound, "There is no pack run with that id."));
        }

        return job.OwnerId == PackPages.UserId(http)
            ? (job, null)
            : (null, ApiResults.Problem(StatusCodes.Status403Forbidden, "Only the account that started a pack run can see or change it."));
    }

    private static async Task<IResult> Create(HttpContext http, PackService packs)
    {
        if (!PackPages.KindAccessAllows(http))
        {
            return Forbidden();
        }

        if (!http.Request.HasFormContentType)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "Send a multipart form with the fields 'pack' (the aup-pack case file) and 'roster' (the MIS export as CSV), and 'map' fields as Column=Header when needed.");
        }

        var form = await http.Request.ReadFormAsync();
        var (map, mapProblem) = PackService.ParseMap(form["map"].Select(v => v ?? string.Empty));
        if (mapProblem is not null)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, mapProblem);
        }

        var packFile = form.Files.GetFile("pack");
        var rosterFile = form.Files.GetFile("roster");
        if (packFile is not { Length: > 0 } || rosterFile is not { Length: > 0 })
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, $"The '{(packFile is not { Length: > 0 } ? "pack" : "roster")}' field is missing or empty. Send the aup-pack case file as 'pack' and the MIS export (CSV) as 'roster'.");
        }

        if (packFile.Length > Pipeline.CasePipeline.MaxCaseBytes)
        {
            return ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, $"A case file is at most {Pipeline.CasePipeline.MaxCaseBytes / 1024 / 1024} MB; 'pack' is larger, so it is not a case file.");
        }

        if (rosterFile.Length > RosterReader.MaxBytes)
        {
            return ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "The roster is too large.", [PackService.TooLarge("roster")]);
        }

        var caseJson = await Bytes(packFile);
        var roster = await Bytes(rosterFile);
        var (check, problems) = await packs.CheckCaseAsync(caseJson);
        if (problems is not null)
        {
            return check.Readable
                ? ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "The pack case has errors against the guidance; no packs were made. Correct them and send it again.", problems)
                : ApiResults.Problem(StatusCodes.Status400BadRequest, "The pack case could not be read. Correct the findings and send it again.", problems);
        }

        if (PackService.NotCsv(roster, rosterFile.FileName) is { } notCsv)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "The roster is not a CSV export.", [notCsv]);
        }

        var preview = PackService.Preview(roster, "roster", map);
        if (preview.Errors.Count > 0)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "The roster cannot be used: correct the findings (or send map fields as Column=Header) and send it again.", preview.Errors);
        }

        if (preview.Pupils == 0)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "No row of the roster could be used, so no packs were made. Each finding names the line and column, and what to change in the MIS.",
                [Finding.Problem(GenerationDiagnostics.NoRosterRowId, "No row of the roster could be used, so no packs were made."), .. preview.Problems]);
        }

        var submission = await packs.StartAsync(PackPages.UserId(http)!, caseJson, PackService.ReferenceOf(check), roster, map);
        if (!submission.Accepted)
        {
            http.Response.Headers.Location = $"/api/packs/{submission.Blocking}";
            return ApiResults.Problem(StatusCodes.Status409Conflict, submission.Refusal!);
        }

        return Results.Json(new PackCreatedDto(submission.Job!.Id), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<byte[]> Bytes(IFormFile file)
    {
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        return stream.ToArray();
    }

    private static async Task<IResult> Get(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        return refusal ?? Results.Json(Dto(job!));
    }

    internal static PackRunDto Dto(JobRecord job) => new(
        job.Id,
        PackPages.StateName(job.State),
        new PackProgressDto(job.Done, job.Total, job.Total > 0 ? job.Done * 100 / job.Total : job.State == JobState.Succeeded ? 100 : 0),
        job.Label,
        job.Message,
        job.CanRunAgain,
        job.State == JobState.Succeeded ? $"/api/packs/{job.Id}/download" : null);

    private static async Task<IResult> Download(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        return refusal ?? PackPages.ZipOf(http, job!, jobs)
            ?? ApiResults.Problem(StatusCodes.Status409Conflict, "The packs are not made yet (or the run did not finish). Ask GET /api/packs/{id} until the state is succeeded.");
    }

    private static async Task<IResult> Delete(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        if (refusal is not null)
        {
            return refusal;
        }

        await jobs.DeleteAsync(job!.Id);
        return Results.NoContent();
    }
}
