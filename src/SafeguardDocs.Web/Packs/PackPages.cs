using System.Globalization;
using System.Security.Claims;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Jobs;
using SafeguardDocs.Web.Pages;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Packs;

/// <summary>
/// The AUP pack page (office and DSL): choose the pack details and upload the MIS export → match
/// columns (first rows shown, best guesses preselected, required columns marked, rows that cannot be
/// used listed) → the run as a job with a progress bar → download the zip or each file. Addresses hold
/// opaque ids only; files are asked for by number, never by name.
/// </summary>
public static class PackPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/packs").RequireAuthorization();
        pages.MapGet(string.Empty, Index);
        pages.MapPost("/upload", Upload);
        pages.MapGet("/uploads/{id:guid}", Columns);
        pages.MapPost("/uploads/{id:guid}", PostColumns);
        pages.MapPost("/uploads/{id:guid}/delete", DeleteUpload);
        pages.MapGet("/{id:guid}", Run);
        pages.MapPost("/{id:guid}/cancel", Cancel);
        pages.MapPost("/{id:guid}/run-again", RunAgain);
        pages.MapPost("/{id:guid}/delete", Delete);
        pages.MapGet("/{id:guid}/download", Download);
        pages.MapGet("/{id:guid}/files/{number:int}", DownloadFile);
    }

    internal static string? UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static IResult? Guard(HttpContext http) => KindAccessAllows(http) ? null : CommonPages.Forbidden(http);

    internal static bool KindAccessAllows(HttpContext http) => Roles.MayOpen(http.User, PackService.Kind);

    /// <summary>The job when it is a pack run this user started; otherwise the page to show instead.</summary>
    private static async Task<(JobRecord? Job, IResult? Refusal)> Load(HttpContext http, Guid id, JobRunner jobs)
    {
        if (Guard(http) is { } refusal)
        {
            return (null, refusal);
        }

        var job = await jobs.FindAsync(id);
        if (job is null || job.Kind != PackService.Kind)
        {
            return (null, CommonPages.NotFound(http));
        }

        return job.OwnerId == UserId(http) ? (job, null) : (null, CommonPages.Forbidden(http));
    }

    private static async Task<IResult> Index(HttpContext http, JobRunner jobs, Api.RecordStore records) =>
        Guard(http) ?? await IndexPage(http, jobs, records, [], null);

    private static async Task<IResult> IndexPage(HttpContext http, JobRunner jobs, Api.RecordStore records, List<(string Anchor, string Message)> errors, Guid? chosenRecord, IReadOnlyList<Finding>? findings = null)
    {
        var saved = await records.ListAsync(PackService.Kind, null);
        var runs = await jobs.ListAsync(PackService.Kind, UserId(http) ?? string.Empty);
        var html = new HtmlBuilder();
        html.Raw(Layout.ErrorSummary(errors))
            .Raw("<h1 class=\"govuk-heading-l\">School AUP packs</h1>")
            .Raw("<p class=\"govuk-body\">Make every family's acceptable use pack, one print file with them all and a return tracker from the pupil export of your MIS. It takes three steps: choose the pack details and upload the export, check that the columns are matched, then make the packs and download them.</p>");
        if (findings is { Count: > 0 })
        {
            html.Raw(FindingList(findings, PackForm()));
        }

        html.Raw("<h2 class=\"govuk-heading-m\">1. Pack details and MIS export</h2>")
            .Raw("<form method=\"post\" action=\"/packs/upload\" enctype=\"multipart/form-data\" novalidate>").Raw(Layout.AntiforgeryField(http));
        var recordError = errors.FirstOrDefault(e => e.Anchor == "record").Message;
        html.Raw("<div class=\"govuk-form-group").Raw(recordError is null ? string.Empty : " govuk-form-group--error").Raw("\"><label class=\"govuk-label govuk-label--s\" for=\"record\">Pack details</label>")
            .Raw("<div id=\"record-hint\" class=\"govuk-hint\">The school, the letter date and the date to return by. Choose saved details, or <a class=\"govuk-link\" href=\"/cases/aup-pack/new\">enter new pack details</a> (save them, then come back here), or upload a pack details file below.</div>");
        if (recordError is not null)
        {
            html.Raw("<p id=\"record-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(recordError).Raw("</p>");
        }

        html.Raw("<select class=\"govuk-select\" id=\"record\" name=\"record\" aria-describedby=\"record-hint\"><option value=\"\">Choose saved pack details</option>");
        foreach (var record in saved)
        {
            html.Raw("<option").Attr("value", record.Id.ToString()).Raw(record.Id == chosenRecord ? " selected" : string.Empty).Raw(">")
                .Text((record.Reference ?? "No reference yet") + " – saved " + CasePages.When(record.UpdatedUtc) + (record.ErrorCount > 0 ? " (draft with errors)" : string.Empty)).Raw("</option>");
        }

        html.Raw("</select></div>")
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"pack\">Or upload a pack details file (.json)</label>")
            .Raw("<div id=\"pack-hint\" class=\"govuk-hint\">An aup-pack case file, as the command line uses. Leave empty when you chose saved details.</div>")
            .Raw("<input class=\"govuk-file-upload\" id=\"pack\" name=\"pack\" type=\"file\" accept=\".json,application/json\" aria-describedby=\"pack-hint\"></div>");
        var rosterError = errors.FirstOrDefault(e => e.Anchor == "roster").Message;
        html.Raw("<div class=\"govuk-form-group").Raw(rosterError is null ? string.Empty : " govuk-form-group--error").Raw("\"><label class=\"govuk-label govuk-label--s\" for=\"roster\">MIS export (CSV) <span class=\"app-required\">(required)</span></label>")
            .Raw("<div id=\"roster-hint\" class=\"govuk-hint\">The pupil export with each pupil's UPN, names, year group and primary contact, saved as CSV. You match its columns on the next page.</div>");
        if (rosterError is not null)
        {
            html.Raw("<p id=\"roster-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(rosterError).Raw("</p>");
        }

        html.Raw("<input class=\"govuk-file-upload\" id=\"roster\" name=\"roster\" type=\"file\" accept=\".csv,text/csv\" aria-describedby=\"roster-hint\"></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Upload and match columns</button></form>");

        html.Raw("<h2 class=\"govuk-heading-m\">Your pack runs</h2>");
        if (runs.Count == 0)
        {
            html.Raw("<p class=\"govuk-body\">None yet.</p>");
        }
        else
        {
            html.Raw("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Newest first</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Pack</th><th scope=\"col\" class=\"govuk-table__header\">Started</th><th scope=\"col\" class=\"govuk-table__header\">State</th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var run in runs)
            {
                html.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\"").Attr("href", $"/packs/{run.Id}").Raw(">").Text(run.Label ?? "Pack").Raw("</a></td>")
                    .Raw("<td class=\"govuk-table__cell\">").Text(CasePages.When(run.CreatedUtc)).Raw("</td><td class=\"govuk-table__cell\">").Raw(StateTag(run)).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        return Layout.Page(http, "School AUP packs", html.ToString(), errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static async Task<IResult> Upload(HttpContext http, JobRunner jobs, Api.RecordStore records, PackService packs)
    {
        if (Guard(http) is { } refusal)
        {
            return refusal;
        }

        var form = await http.Request.ReadFormAsync();
        var recordId = Guid.TryParse(form["record"].ToString(), out var parsed) ? parsed : Guid.Empty;
        var errors = new List<(string Anchor, string Message)>();
        byte[]? caseJson = null;
        if (form.Files.GetFile("pack") is { Length: > 0 } packFile)
        {
            if (packFile.Length > Pipeline.CasePipeline.MaxCaseBytes)
            {
                errors.Add(("pack", "That pack details file is too large to be a case file. Choose the aup-pack .json file."));
            }
            else
            {
                using var stream = new MemoryStream();
                await packFile.CopyToAsync(stream);
                caseJson = stream.ToArray();
            }
        }
        else if (recordId != Guid.Empty && await records.FindAsync(recordId) is { Kind: PackService.Kind } record)
        {
            caseJson = record.Json;
        }
        else
        {
            errors.Add(("record", "Choose saved pack details, or upload a pack details file."));
        }

        var rosterFile = form.Files.GetFile("roster");
        byte[]? roster = null;
        if (rosterFile is not { Length: > 0 })
        {
            errors.Add(("roster", "Choose the MIS export (a .csv file) to upload."));
        }
        else if (rosterFile.Length > RosterReader.MaxBytes)
        {
            errors.Add(("roster", PackService.TooLarge("roster").Message));
        }
        else
        {
            using var stream = new MemoryStream();
            await rosterFile.CopyToAsync(stream);
            roster = stream.ToArray();
            if (PackService.NotCsv(roster, rosterFile.FileName) is { } notCsv)
            {
                errors.Add(("roster", notCsv.Message));
                roster = null;
            }
        }

        if (caseJson is null || roster is null)
        {
            return await IndexPage(http, jobs, records, errors, recordId == Guid.Empty ? null : recordId);
        }

        var (check, problems) = await packs.CheckCaseAsync(caseJson);
        if (problems is not null)
        {
            errors.Add((form.Files.GetFile("pack") is { Length: > 0 } ? "pack" : "record", "The pack details have errors, so no packs can be made from them yet. Correct them (listed below), then upload again."));
            return await IndexPage(http, jobs, records, errors, recordId == Guid.Empty ? null : recordId, problems);
        }

        var upload = await packs.KeepUploadAsync(UserId(http)!, caseJson, PackService.ReferenceOf(check), roster, new Dictionary<RosterColumn, string>());
        return Results.Redirect($"/packs/uploads/{upload.Id}", permanent: false, preserveMethod: false);
    }

    private static async Task<(PackUpload? Upload, byte[]? Roster, IResult? Refusal)> LoadUpload(HttpContext http, Guid id, PackService packs)
    {
        if (Guard(http) is { } refusal)
        {
            return (null, null, refusal);
        }

        var upload = await packs.FindUploadAsync(id);
        if (upload is null || await packs.ReadUploadAsync(upload) is not { } roster)
        {
            return (null, null, Layout.Page(http, "Upload not found",
                "<h1 class=\"govuk-heading-l\">This upload is no longer kept</h1><p class=\"govuk-body\">An upload is kept for a day, or until its packs are started. <a class=\"govuk-link\" href=\"/packs\">Upload the export again</a>.</p>", StatusCodes.Status404NotFound));
        }

        return upload.OwnerId == UserId(http) ? (upload, roster, null) : (null, null, CommonPages.Forbidden(http));
    }

    private static async Task<IResult> Columns(HttpContext http, Guid id, PackService packs)
    {
        var (upload, roster, refusal) = await LoadUpload(http, id, packs);
        return refusal ?? ColumnsPage(http, upload!, PackService.Preview(roster!, "roster", PackService.MapFromJson(upload!.MapJson)), null);
    }

    private static async Task<IResult> PostColumns(HttpContext http, Guid id, PackService packs)
    {
        var (upload, roster, refusal) = await LoadUpload(http, id, packs);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = await http.Request.ReadFormAsync();
        var map = new Dictionary<RosterColumn, string>();
        foreach (var column in RosterColumns.All)
        {
            if (form["map." + column.Name].ToString() is { Length: > 0 } header)
            {
                map[column] = header;
            }
        }

        await packs.SaveMapAsync(upload!, map);
        var preview = PackService.Preview(roster!, "roster", map);
        if (form["action"] != "run")
        {
            return ColumnsPage(http, upload!, preview, null);
        }

        if (!preview.Usable)
        {
            return ColumnsPage(http, upload!, preview, preview.Errors.Count > 0
                ? "The columns are not all matched yet: match every required column, then make the packs."
                : "No row of the export can be used, so no packs can be made. Correct the rows listed below in the MIS, export again and upload it.", StatusCodes.Status422UnprocessableEntity);
        }

        var submission = await packs.StartAsync(upload!.OwnerId, upload.CaseJson, upload.Reference, roster!, map);
        if (!submission.Accepted)
        {
            return ColumnsPage(http, upload, preview, submission.Refusal, StatusCodes.Status409Conflict, submission.Blocking);
        }

        await packs.DeleteUploadAsync(upload);
        return Results.Redirect($"/packs/{submission.Job!.Id}");
    }

    private static async Task<IResult> DeleteUpload(HttpContext http, Guid id, PackService packs)
    {
        var (upload, _, refusal) = await LoadUpload(http, id, packs);
        if (refusal is not null)
        {
            return refusal;
        }

        await packs.DeleteUploadAsync(upload!);
        return Results.Redirect("/packs");
    }

    private static IResult ColumnsPage(HttpContext http, PackUpload upload, RosterPreview preview, string? problem, int status = StatusCodes.Status200OK, Guid? blocking = null)
    {
        var errors = new List<(string Anchor, string Message)>();
        if (problem is not null)
        {
            errors.Add(("columns", problem));
        }

        var html = new HtmlBuilder();
        html.Raw(Layout.ErrorSummary(errors))
            .Raw("<span class=\"govuk-caption-l\">").Text("Pack " + upload.Reference).Raw("</span>")
            .Raw("<h1 class=\"govuk-heading-l\">2. Match the columns</h1>")
            .Raw("<p class=\"govuk-body\">For each thing the packs need, choose the column of your export that holds it. Our best guess is already chosen; check it against the first rows of the export, shown below under their headings. Columns marked required must be matched.</p>");
        if (blocking is { } other)
        {
            html.Raw("<p class=\"govuk-body\"><a class=\"govuk-link\"").Attr("href", $"/packs/{other}").Raw(">See the run in progress</a>.</p>");
        }

        html.Raw("<form method=\"post\" id=\"columns\"").Attr("action", $"/packs/uploads/{upload.Id}").Raw(" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">What the packs need</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Needed</th><th scope=\"col\" class=\"govuk-table__header\">Column of your export</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var column in RosterColumns.All)
        {
            var chosen = preview.Chosen.GetValueOrDefault(column);
            var missing = column.Required && chosen is null;
            var field = "map-" + column.Name;
            html.Raw("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><label").Attr("for", field).Raw(">").Text(Capitalise(column.Meaning)).Raw("</label>")
                .Raw(column.Required ? " <strong class=\"govuk-tag govuk-tag--blue\">Required</strong>" : " <span class=\"app-muted\">(optional)</span>").Raw("</th><td class=\"govuk-table__cell\">");
            if (missing)
            {
                html.Raw("<p class=\"govuk-error-message\"").Attr("id", field + "-error").Raw("><span class=\"govuk-visually-hidden\">Error:</span> No column was found for this; choose the one that holds it.</p>");
            }

            html.Raw("<select class=\"govuk-select").Raw(missing ? " govuk-select--error" : string.Empty).Raw("\"").Attr("id", field).Attr("name", "map." + column.Name).Raw(">")
                .Raw("<option value=\"\">").Text(column.Required ? "Choose a column" : "Not in the export").Raw("</option>");
            foreach (var header in preview.Headers.Distinct(StringComparer.Ordinal))
            {
                html.Raw("<option").Attr("value", header).Raw(header == chosen ? " selected" : string.Empty).Raw(">").Text(header).Raw("</option>");
            }

            html.Raw("</select></td></tr>");
        }

        html.Raw("</tbody></table>");
        if (preview.Headers.Count > 0)
        {
            html.Raw("<h2 class=\"govuk-heading-m\">The first rows of your export</h2><div class=\"app-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"The first rows of your export\"><table class=\"govuk-table govuk-body-s\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
            foreach (var header in preview.Headers)
            {
                html.Raw("<th scope=\"col\" class=\"govuk-table__header\">").Text(header).Raw("</th>");
            }

            html.Raw("</tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var row in preview.FirstRows)
            {
                html.Raw("<tr class=\"govuk-table__row\">");
                for (var i = 0; i < preview.Headers.Count; i++)
                {
                    html.Raw("<td class=\"govuk-table__cell\">").Text(i < row.Count ? row[i] : string.Empty).Raw("</td>");
                }

                html.Raw("</tr>");
            }

            html.Raw("</tbody></table></div>");
        }

        html.Raw("<h2 class=\"govuk-heading-m\">Rows that cannot be used</h2>");
        if (preview.Errors.Count > 0)
        {
            html.Raw("<p class=\"govuk-body\">The export cannot be read with these columns yet:</p>").Raw(FindingList(preview.Errors));
        }
        else if (preview.Problems.Count == 0)
        {
            html.Raw("<p class=\"govuk-body\" id=\"rows-summary\">").Text(string.Create(CultureInfo.InvariantCulture, $"Every row can be used: {preview.Pupils} pupils.")).Raw("</p>");
        }
        else
        {
            html.Raw("<p class=\"govuk-body\" id=\"rows-summary\">").Text(string.Create(CultureInfo.InvariantCulture, $"{preview.Pupils} pupils can be used. These rows cannot; the packs are made without them, and the errors report in the download lists them again. Change them in the MIS and export again to include them."))
                .Raw("</p>").Raw(ProblemTable(preview.Problems.Select(p => new[] { (p.Cell?.Line ?? p.Line ?? 0).ToString(CultureInfo.InvariantCulture), p.Cell?.ColumnLetter ?? "(whole line)", p.Cell?.Heading ?? string.Empty, p.Message, p.WhatToDo ?? string.Empty })));
        }

        html.Raw("<div class=\"govuk-button-group\"><button type=\"submit\" name=\"action\" value=\"run\" class=\"govuk-button\" id=\"make-packs\">Make the packs</button>")
            .Raw("<button type=\"submit\" name=\"action\" value=\"check\" class=\"govuk-button govuk-button--secondary\">Check these columns again</button></div></form>")
            .Raw("<form method=\"post\"").Attr("action", $"/packs/uploads/{upload.Id}/delete").Raw(">").Raw(Layout.AntiforgeryField(http))
            .Raw("<button type=\"submit\" class=\"govuk-button govuk-button--warning\">Remove this upload</button></form>")
            .Raw("<p class=\"govuk-body-s app-muted\">The export holds pupils' and parents' personal data. It is kept on the server, readable only by the app, until the packs are started, you remove it, or a day has passed.</p>");
        return Layout.Page(http, "Match the columns", html.ToString(), status);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static async Task<IResult> Run(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        if (refusal is not null)
        {
            return refusal;
        }

        var html = new HtmlBuilder();
        var percent = job!.Total > 0 ? job.Done * 100 / job.Total : job.State == JobState.Succeeded ? 100 : 0;
        html.Raw("<span class=\"govuk-caption-l\">").Text("Pack " + (job.Label ?? string.Empty)).Raw("</span>")
            .Raw("<h1 class=\"govuk-heading-l\">3. Make the packs</h1>")
            .Raw("<div id=\"pack-run\"").Attr("data-job", job.Id.ToString()).Attr("data-state", StateName(job.State)).Raw(">")
            .Raw("<p class=\"govuk-body\">State: <span id=\"pack-state\">").Raw(StateTag(job)).Raw("</span></p>")
            .Raw("<div class=\"app-progress\"><div class=\"app-progress__bar\" id=\"pack-bar\" role=\"progressbar\" aria-label=\"Family packs made\" aria-valuemin=\"0\" aria-valuemax=\"100\"")
            .Attr("aria-valuenow", percent.ToString(CultureInfo.InvariantCulture)).Attr("style", $"width: {percent.ToString(CultureInfo.InvariantCulture)}%").Raw("></div></div>")
            .Raw("<p class=\"govuk-body\" id=\"pack-count\" aria-live=\"polite\">").Text(Counts(job)).Raw("</p>");
        if (job.Message is { Length: > 0 })
        {
            html.Raw("<p class=\"govuk-body\" id=\"pack-message\">").Text(job.Message).Raw("</p>");
        }

        html.Raw("</div>");
        if (job.IsActive)
        {
            html.Raw("<p class=\"govuk-body\">You can leave this page and come back: the packs are made on the server, and this page shows how far they have got. <a class=\"govuk-link\"").Attr("href", $"/packs/{job.Id}").Raw(">Refresh</a></p>")
                .Raw(PostButton(http, $"/packs/{job.Id}/cancel", "Cancel the run", "govuk-button--warning"));
        }

        if (job.CanRunAgain)
        {
            html.Raw(PostButton(http, $"/packs/{job.Id}/run-again", "Run again", string.Empty));
        }

        var result = Path.Combine(jobs.JobFolder(job.Id), "result");
        var findings = PackFiles.Findings(result).Where(f => f.Severity == "error" || job.State == JobState.Succeeded).ToList();
        if (!job.IsActive && findings.Count > 0)
        {
            html.Raw("<h2 class=\"govuk-heading-m\">Findings</h2><ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var f in findings)
            {
                html.Raw("<li>").Text($"{(f.Severity == "error" ? "Error" : "Warning")} {f.Id}: {f.Message}").Raw("</li>");
            }

            html.Raw("</ul>");
        }

        if (job.State == JobState.Succeeded)
        {
            var files = PackFiles.List(Path.Combine(result, PackJob.FilesFolder));
            html.Raw("<h2 class=\"govuk-heading-m\">Download</h2>")
                .Raw("<a class=\"govuk-button\" id=\"download-zip\" draggable=\"false\"").Attr("href", $"/packs/{job.Id}/download").Raw(">").Text($"Download everything (.zip, {Plural(files.Count, "file")})").Raw("</a>")
                .Raw("<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Download each file on its own</span></summary><div class=\"govuk-details__text\"><ul class=\"govuk-list\" id=\"pack-files\">");
            for (var i = 0; i < files.Count; i++)
            {
                html.Raw("<li><a class=\"govuk-link\"").Attr("href", $"/packs/{job.Id}/files/{i}").Raw(">").Text(Describe(Path.GetFileName(files[i]), job.Label)).Raw("</a></li>");
            }

            html.Raw("</ul></div></details>");
            var rows = PackFiles.ErrorRows(result);
            html.Raw("<h2 class=\"govuk-heading-m\">Rows that could not be used</h2>");
            html.Raw(rows.Count == 0
                ? "<p class=\"govuk-body\">None: every row of the export is in the packs.</p>"
                : "<p class=\"govuk-body\">These rows of the export are not in the packs. Change them in the MIS, export again and make the packs again to include them.</p>" + ProblemTable(rows));
        }

        html.Raw("<h2 class=\"govuk-heading-m\">Where the files are kept</h2>")
            .Raw("<p class=\"govuk-body\">").Text($"On the server, in the app's data folder under jobs/{job.Id:N}, readable only by the account the app runs as. They hold pupils' and parents' names and addresses: download them only to a school computer, and delete this run once the packs are sent. They are kept until you delete the run.").Raw("</p>")
            .Raw(PostButton(http, $"/packs/{job.Id}/delete", "Delete this run and its files", "govuk-button--warning"))
            .Raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/packs\">Back to School AUP packs</a></p>");
        return Layout.Page(http, "Make the packs", html.ToString(), script: true, head: job.IsActive ? "<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>" : null, scriptName: "packs.js");
    }

    private static string Describe(string file, string? reference)
    {
        var rest = reference is { Length: > 0 } && file.StartsWith(reference, StringComparison.Ordinal) ? file[reference.Length..] : file;
        return rest switch
        {
            _ when rest.StartsWith("_print", StringComparison.Ordinal) => $"Print file: {file}",
            _ when rest.StartsWith("_tracker", StringComparison.Ordinal) => $"Return tracker: {file}",
            _ when rest.StartsWith("_roster-errors", StringComparison.Ordinal) => $"Errors report: {file}",
            _ => $"Family pack: {file}",
        };
    }

    private static string PostButton(HttpContext http, string action, string label, string style) =>
        new HtmlBuilder().Raw("<form method=\"post\" class=\"app-inline-form\"").Attr("action", action).Raw(">").Raw(Layout.AntiforgeryField(http))
            .Raw("<button type=\"submit\"").Attr("class", ("govuk-button " + style).Trim()).Raw(">").Text(label).Raw("</button></form>").ToString();

    internal static string Counts(JobRecord job) => job.Total > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{job.Done} of {job.Total} family packs made ({job.Done * 100 / job.Total}%)")
        : job.State == JobState.Queued ? "Waiting to start." : job.State == JobState.Running ? "Reading the export…" : string.Empty;

    internal static string StateName(JobState state) => state.ToString().ToLowerInvariant();

    private static string StateTag(JobRecord job) => job.State switch
    {
        JobState.Queued => "<strong class=\"govuk-tag govuk-tag--grey\">Waiting to start</strong>",
        JobState.Running => "<strong class=\"govuk-tag govuk-tag--blue\">Making the packs</strong>",
        JobState.Succeeded => "<strong class=\"govuk-tag govuk-tag--green\">Done</strong>",
        JobState.Failed => "<strong class=\"govuk-tag govuk-tag--red\">Failed</strong>",
        JobState.Cancelled => "<strong class=\"govuk-tag govuk-tag--yellow\">Cancelled</strong>",
        _ => "<strong class=\"govuk-tag govuk-tag--yellow\">Interrupted</strong>",
    };

    private static string Plural(int n, string one) => string.Create(CultureInfo.InvariantCulture, $"{n} {one}{(n == 1 ? string.Empty : "s")}");

    private static CaseForm? PackForm() => Pipeline.CasePipeline.FindKind(PackService.Kind) is { } kind ? CaseForm.For(kind) : null;

    /// <summary>Findings as a list; with the pack details' form, in the form's words (the saved pack details are edited on that form).</summary>
    internal static string FindingList(IEnumerable<Finding> findings, CaseForm? form = null)
    {
        var html = new HtmlBuilder().Raw("<ul class=\"govuk-list govuk-list--bullet\" id=\"findings\">");
        foreach (var f in findings)
        {
            html.Raw("<li>").Text($"{f.Id}: {(form is null ? f.Message : FormWords.Message(form, f.Path, f.Message))}").Raw(f.Line is { } line ? $" (line {line.ToString(CultureInfo.InvariantCulture)})" : string.Empty).Raw("</li>");
        }

        return html.Raw("</ul>").ToString();
    }

    private static string ProblemTable(IEnumerable<string[]> rows)
    {
        var html = new HtmlBuilder().Raw("<table class=\"govuk-table govuk-body-s\" id=\"row-problems\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        foreach (var header in Generation.Packs.RosterErrorsReport.Headers)
        {
            html.Raw("<th scope=\"col\" class=\"govuk-table__header\">").Text(header).Raw("</th>");
        }

        html.Raw("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in rows)
        {
            html.Raw("<tr class=\"govuk-table__row\">");
            foreach (var cell in row)
            {
                html.Raw("<td class=\"govuk-table__cell\">").Text(cell).Raw("</td>");
            }

            html.Raw("</tr>");
        }

        return html.Raw("</tbody></table>").ToString();
    }

    private static async Task<IResult> Cancel(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        if (refusal is not null)
        {
            return refusal;
        }

        await jobs.CancelAsync(job!.Id);
        await jobs.WaitAsync(job.Id, TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        return Results.Redirect($"/packs/{job.Id}");
    }

    private static async Task<IResult> RunAgain(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await jobs.RunAgainAsync(job!.Id) is { } reason)
        {
            return Layout.Page(http, "The run cannot start again", new HtmlBuilder().Raw("<h1 class=\"govuk-heading-l\">The run cannot start again</h1><p class=\"govuk-body\">").Text(reason)
                .Raw("</p><p class=\"govuk-body\"><a class=\"govuk-link\"").Attr("href", $"/packs/{job.Id}").Raw(">Back to the run</a></p>").ToString(), StatusCodes.Status409Conflict);
        }

        return Results.Redirect($"/packs/{job.Id}");
    }

    private static async Task<IResult> Delete(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        if (refusal is not null)
        {
            return refusal;
        }

        await jobs.DeleteAsync(job!.Id);
        return Results.Redirect("/packs");
    }

    private static async Task<IResult> Download(HttpContext http, Guid id, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        return refusal ?? ZipOf(http, job!, jobs) ?? CommonPages.NotFound(http);
    }

    /// <summary>The run's zip as a download, or null when the run has none (not finished).</summary>
    internal static IResult? ZipOf(HttpContext http, JobRecord job, JobRunner jobs)
    {
        if (job.State != JobState.Succeeded || PackFiles.Zip(jobs.ResultFolder(job.Id)) is not { } zip)
        {
            return null;
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(zip, "application/zip", Path.GetFileName(zip));
    }

    private static async Task<IResult> DownloadFile(HttpContext http, Guid id, int number, JobRunner jobs)
    {
        var (job, refusal) = await Load(http, id, jobs);
        if (refusal is not null)
        {
            return refusal;
        }

        var files = job!.State == JobState.Succeeded ? PackFiles.List(Path.Combine(jobs.ResultFolder(job.Id), PackJob.FilesFolder)) : [];
        if (number < 0 || number >= files.Count)
        {
            return CommonPages.NotFound(http);
        }

        var file = files[number];
        var type = Path.GetExtension(file) switch
        {
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".csv" => "text/csv",
            _ => "application/octet-stream",
        };
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file, type, Path.GetFileName(file));
    }
}
