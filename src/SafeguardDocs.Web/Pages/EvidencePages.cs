using System.Globalization;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Records;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Jobs;
using SafeguardDocs.Web.Pipeline;
using SafeguardDocs.Web.Security;

namespace SafeguardDocs.Web.Pages;

/// <summary>
/// Records that can be trusted (issue 16), in the web app: a DSL signs an evidence record (the signed version
/// cannot change; a later change is a new version with its reason), the issued documents of each version,
/// who opened the record, and the page that verifies an uploaded document against the register.
/// </summary>
public static class EvidencePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).RequireAuthorization();
        pages.MapPost("/records/{id:guid}/sign", Sign);
        pages.MapPost("/records/{id:guid}/versions", NewVersion);
        pages.MapGet("/records/{id:guid}/documents/{document:guid}", DownloadIssued);
        pages.MapPost("/records/{id:guid}/pdf", RequestPdf);
        pages.MapGet("/records/{id:guid}/pdf/{job:guid}", PdfProgress);
        pages.MapGet("/records/{id:guid}/pdf/{job:guid}/status", PdfStatus);
        pages.MapGet("/verify", (HttpContext http) => MayVerify(http) ? VerifyPage(http, null, null) : CommonPages.Forbidden(http));
        pages.MapPost("/verify", Verify);
    }

    /// <summary>Signing needs a DSL signed in in the browser with their second factor (an API token cannot sign).</summary>
    internal static bool MaySign(HttpContext http) =>
        http.User.IsInRole(Roles.Dsl) && http.User.HasClaim("amr", "mfa");

    /// <summary>What the verify page says of an upload over the request limit.</summary>
    public static string TooLargeToVerify { get; } = $"The file is larger than {CasePipeline.MaxCaseBytes / 1024 / 1024} MB, the most this page takes. Check it on the server with safeguard-docs verify.";

    internal static bool MayVerify(HttpContext http) => http.User.IsInRole(Roles.Dsl) || http.User.IsInRole(Roles.Admin);

    private static async Task<(CaseRecord? Record, IResult? Refusal)> Load(HttpContext http, Guid id, RecordStore records)
    {
        var record = await records.FindAsync(id);
        return record is null ? (null, CommonPages.NotFound(http))
            : !KindAccess.Allows(http, record.Kind) ? (null, CommonPages.Forbidden(http))
            : (record, null);
    }

    internal static string When(DateTime utc) => CasePages.When(utc);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static async Task<IResult> Sign(HttpContext http, Guid id, RecordStore records, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        if (!MaySign(http))
        {
            return CommonPages.Forbidden(http);
        }

        if (!EvidenceStore.IsEvidence(record.Kind))
        {
            return Message(http, "Only safeguarding records are signed here", "Loan letters and agreements are signed on paper by the people they name. Safeguarding records (viewing decisions, strategy meeting agendas, Online Safety Plans and incident forms) are signed here by a DSL.", record.Id, StatusCodes.Status409Conflict);
        }

        var form = await http.Request.ReadFormAsync();
        var template = form["template"].ToString();
        var options = await settings.GetAsync();
        var check = pipeline.Check(record.Json, options);
        if (!check.Readable || check.HasErrors)
        {
            return Message(http, "This record cannot be signed yet", "It has errors against the guidance. Put them right, check your answers and create the document, then sign it.", record.Id, StatusCodes.Status409Conflict);
        }

        var (document, problems) = pipeline.Make(check, template.Length == 0 ? null : template, options);
        if (document is null)
        {
            return Message(http, "The document could not be made", string.Join(' ', problems), record.Id, StatusCodes.Status422UnprocessableEntity);
        }

        RecordSignature? signature;
        try
        {
            signature = await evidence.SignAsync(record, document, http.User);
        }
        catch (NotRegisteredException e)
        {
            return Message(http, "The document could not be issued", e.Message, record.Id, StatusCodes.Status422UnprocessableEntity);
        }

        return signature is null
            ? Message(http, "This version is already signed", "A signed version cannot be changed or signed again. To change the record, start a new version and give the reason.", record.Id, StatusCodes.Status409Conflict)
            : Results.Redirect($"/records/{record.Id}");
    }

    private static async Task<IResult> NewVersion(HttpContext http, Guid id, RecordStore records, EvidenceStore evidence)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        if (!http.User.IsInRole(Roles.Dsl))
        {
            return CommonPages.Forbidden(http);
        }

        var reason = (await http.Request.ReadFormAsync())["reason"].ToString().Trim();
        var state = await evidence.StateAsync(record.Id);
        if (!state.Locked)
        {
            return Message(http, "This version is not signed", "It can be changed as it is: no new version is needed.", record.Id, StatusCodes.Status409Conflict);
        }

        var error = reason.Length == 0 ? "Enter the reason for the change: it is kept with the new version."
            : reason.Length > EvidenceStore.MaxReasonLength ? $"The reason must be {EvidenceStore.MaxReasonLength.ToString(CultureInfo.InvariantCulture)} characters or fewer."
            : null;
        if (error is not null)
        {
            return await SignedPage(http, record, state, evidence, error, reason, StatusCodes.Status400BadRequest);
        }

        return await evidence.NewVersionAsync(record, reason, http.User) is null
            ? Message(http, "A new version was started at the same moment", "Someone else started a new version of this record just now. Open the record again to see it.", record.Id, StatusCodes.Status409Conflict)
            : Results.Redirect($"/records/{record.Id}");
    }

    private static async Task<IResult> DownloadIssued(HttpContext http, Guid id, Guid document, RecordStore records, EvidenceStore evidence)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        var issued = await evidence.DocumentAsync(record.Id, document);
        if (issued is null)
        {
            return CommonPages.NotFound(http);
        }

        await evidence.LogAsync(record, http.User, issued.Format == EvidenceStore.Pdf ? AccessWhat.DownloadedPdf : AccessWhat.DownloadedDocx);
        return Results.File(issued.Content, ContentType(issued.Format), issued.FileName);
    }

    internal static string ContentType(string format) => format == EvidenceStore.Pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static IResult Message(HttpContext http, string title, string text, Guid recordId, int status) =>
        Layout.Page(http, title, new HtmlBuilder().Raw("<h1 class=\"govuk-heading-l\">").Text(title).Raw("</h1><p class=\"govuk-body\">").Text(text).Raw("</p>")
            .Raw("<p class=\"govuk-body\"><a class=\"govuk-link\"").Attr("href", $"/records/{recordId}").Raw(">Back to the record</a></p>").ToString(), status);

    /// <summary>
    /// The page of a record whose current version is signed: what was signed, by whom and when, the signed
    /// document, the answers read back (no way to change them), and "Start a new version" with its reason.
    /// </summary>
    internal static async Task<IResult> SignedPage(HttpContext http, CaseRecord record, RecordState state, EvidenceStore evidence, string? error = null, string? reason = null, int status = StatusCodes.Status200OK)
    {
        var signature = state.CurrentSignature!;
        var title = KindNames.Singular(record.Kind);
        var html = new HtmlBuilder();
        if (error is not null)
        {
            html.Raw(Layout.ErrorSummary([("reason", error)]));
        }

        html.Raw("<span class=\"govuk-caption-l\">").Text("Record " + (record.Reference ?? "without a reference")).Raw("</span>")
            .Raw("<h1 class=\"govuk-heading-l\">").Text(title).Raw("</h1>")
            .Raw("<div class=\"govuk-inset-text\" id=\"signed\"><strong class=\"govuk-tag govuk-tag--blue\">Signed</strong> ")
            .Text($"Version {Number(signature.Version)}, signed by {signature.SignedBy} on {When(signature.SignedUtc)}. A signed version cannot be changed.").Raw("</div>");
        var document = await evidence.DocumentAsync(record.Id, signature.DocumentId);
        if (document is not null)
        {
            html.Raw("<p class=\"govuk-body\">The document issued for it: <strong>").Text(document.FileName).Raw("</strong>, register entry ").Text(Number(document.EntryId)).Raw(".</p>")
                .Raw("<div class=\"govuk-button-group\"><a class=\"govuk-button\" id=\"download-signed\" draggable=\"false\"").Attr("href", $"/records/{record.Id}/documents/{document.Id}").Raw(">Download the signed document (.docx)</a>")
                .Raw(PdfForm(http, record, document.Id, null))
                .Raw("</div>");
        }

        var form = CaseForm.For(CasePipeline.FindKind(record.Kind)!);
        html.Raw(Answers.Render(form, FormCodec.FromJson(form, signature.Json), record.Id, changeLinks: false));
        if (http.User.IsInRole(Roles.Dsl))
        {
            html.Raw("<h2 class=\"govuk-heading-m\">Change this record</h2><p class=\"govuk-body\">The signed version stays as it is. A change makes a new version, which is signed in its turn; both versions stay listed below.</p>")
                .Raw("<form method=\"post\" novalidate").Attr("action", $"/records/{record.Id}/versions").Raw(">").Raw(Layout.AntiforgeryField(http))
                .Raw("<div class=\"govuk-form-group").Raw(error is null ? string.Empty : " govuk-form-group--error").Raw("\"><label class=\"govuk-label govuk-label--s\" for=\"reason\">Reason for the change</label>")
                .Raw("<div class=\"govuk-hint\" id=\"reason-hint\">For example, what was found to be wrong or missing, and who asked for the change.</div>");
            if (error is not null)
            {
                html.Raw("<p class=\"govuk-error-message\" id=\"reason-error\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(error).Raw("</p>");
            }

            html.Raw("<textarea class=\"govuk-textarea\" id=\"reason\" name=\"reason\" rows=\"3\"").Attr("aria-describedby", error is null ? "reason-hint" : "reason-hint reason-error").Raw(">").Text(reason).Raw("</textarea></div>")
                .Raw("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Start a new version</button></form>");
        }

        html.Raw(await Sections(http, record, state, evidence));
        html.Raw("<h2 class=\"govuk-heading-m\">This record</h2><div class=\"govuk-button-group\"><form method=\"post\"").Attr("action", $"/records/{record.Id}/duplicate").Raw(">").Raw(Layout.AntiforgeryField(http))
            .Raw("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Duplicate this record</button></form>")
            .Raw("<a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}/export").Raw(">Export the case file (.json)</a></div>");
        return Layout.Page(http, title, html.ToString(), status);
    }

    /// <summary>"Download PDF": a form that starts the conversion of the issued document (by id) or of the document made with a template.</summary>
    internal static string PdfForm(HttpContext http, CaseRecord record, Guid? document, string? template)
    {
        var html = new HtmlBuilder().Raw("<form method=\"post\" class=\"app-inline-form\"").Attr("action", $"/records/{record.Id}/pdf").Raw(">").Raw(Layout.AntiforgeryField(http));
        if (document is { } id)
        {
            html.Raw("<input type=\"hidden\" name=\"document\"").Attr("value", id.ToString()).Raw(">");
        }
        else
        {
            html.Raw("<input type=\"hidden\" name=\"template\"").Attr("value", template ?? string.Empty).Raw(">");
        }

        return html.Raw("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" id=\"download-pdf\">Download PDF</button></form>").ToString();
    }

    /// <summary>
    /// Starts the PDF of a record's document as a background job (the .docx is issued first, as "Download
    /// (.docx)" issues it) and shows its progress; when a PDF of that document exists, goes straight to it.
    /// </summary>
    private static async Task<IResult> RequestPdf(HttpContext http, Guid id, RecordStore records, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence, PdfTool tool, JobRunner jobs)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        var form = await http.Request.ReadFormAsync();
        IssuedDocument? docx;
        if (Guid.TryParse(form["document"].ToString(), out var documentId))
        {
            docx = await evidence.DocumentAsync(record.Id, documentId);
            if (docx is not { Format: EvidenceStore.Docx })
            {
                return CommonPages.NotFound(http);
            }
        }
        else
        {
            var template = form["template"].ToString();
            var options = await settings.GetAsync();
            var check = pipeline.Check(record.Json, options);
            if (!check.Readable || check.HasErrors)
            {
                return Results.Redirect($"/records/{record.Id}");
            }

            var (document, problems) = pipeline.Make(check, template.Length == 0 ? null : template, options);
            if (document is null)
            {
                return Message(http, "The document could not be made", string.Join(' ', problems), record.Id, StatusCodes.Status422UnprocessableEntity);
            }

            try
            {
                docx = await evidence.IssueDocxAsync(record, document, http.User);
            }
            catch (NotRegisteredException e)
            {
                return Message(http, "The document could not be issued", e.Message, record.Id, StatusCodes.Status422UnprocessableEntity);
            }
        }

        if (await evidence.PdfOfAsync(docx) is { } pdf)
        {
            return Results.Redirect($"/records/{record.Id}/documents/{pdf.Id}");
        }

        if (tool.Find() is null)
        {
            return Message(http, "A PDF cannot be made on this server", "LibreOffice, which makes the PDF, is not installed on the server. The .docx can still be downloaded. To make PDFs, whoever looks after the server should: " + PdfConverter.HowToInstall, record.Id, StatusCodes.Status503ServiceUnavailable);
        }

        var owner = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var submitted = await jobs.SubmitAsync(new JobRequest(PdfJobHandler.KindName, owner)
        {
            ExclusiveKey = "pdf:" + docx.Id.ToString("N"),
            Parameters = new PdfJobParameters(record.Id, docx.Id).ToJson(),
        });
        if (submitted.Job is { } job)
        {
            return Results.Redirect($"/records/{record.Id}/pdf/{job.Id}");
        }

        // The same document is being converted already: follow that job when it is this user's.
        return submitted.Blocking is { } blocking && await jobs.FindAsync(blocking) is { } running && running.OwnerId == owner
            ? Results.Redirect($"/records/{record.Id}/pdf/{running.Id}")
            : Message(http, "The PDF is being made", "Someone else asked for the PDF of this document a moment ago. Wait a few seconds and choose \"Download PDF\" again.", record.Id, StatusCodes.Status409Conflict);
    }

    /// <summary>The PDF job of this user, for this record; null when there is none (or it is someone else's).</summary>
    private static async Task<(CaseRecord? Record, JobRecord? Job, PdfJobParameters? Parameters, IResult? Refusal)> PdfJob(HttpContext http, Guid id, Guid jobId, RecordStore records, JobRunner jobs)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return (null, null, null, refusal);
        }

        var job = await jobs.FindAsync(jobId);
        var owner = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var parameters = PdfJobParameters.From(job?.Parameters);
        return job is null || job.Kind != PdfJobHandler.KindName || job.OwnerId != owner || parameters?.RecordId != record.Id
            ? (null, null, null, CommonPages.NotFound(http))
            : (record, job, parameters, null);
    }

    private static string StateWords(JobRecord job) => job.State switch
    {
        JobState.Queued => "Waiting to start.",
        JobState.Running => job.Total == 0 ? "Starting." : $"Making the PDF: step {Number(job.Done)} of {Number(job.Total)}.",
        JobState.Succeeded => "The PDF is ready.",
        _ => job.Message ?? "The PDF could not be made.",
    };

    private static async Task<IResult> PdfProgress(HttpContext http, Guid id, Guid job, RecordStore records, JobRunner jobs, EvidenceStore evidence)
    {
        var (record, found, parameters, refusal) = await PdfJob(http, id, job, records, jobs);
        if (record is null)
        {
            return refusal!;
        }

        var html = new HtmlBuilder().Raw("<span class=\"govuk-caption-l\">").Text(KindNames.Singular(record.Kind)).Raw("</span><h1 class=\"govuk-heading-l\">PDF of the document</h1>");
        var docx = await evidence.DocumentAsync(record.Id, parameters!.DocumentId);
        var pdf = docx is null ? null : await evidence.PdfOfAsync(docx);
        if (found!.State == JobState.Succeeded && pdf is not null)
        {
            html.Raw("<p class=\"govuk-body\" role=\"status\">The PDF (PDF/A) is ready. It is entered in the register with the document, under entry ").Text(Number(pdf.EntryId)).Raw(".</p>")
                .Raw("<a class=\"govuk-button\" id=\"download-pdf-file\" draggable=\"false\"").Attr("href", $"/records/{record.Id}/documents/{pdf.Id}").Raw(">Download PDF</a>");
        }
        else if (found.IsActive)
        {
            html.Raw("<div id=\"job-progress\"").Attr("data-status", $"/records/{record.Id}/pdf/{found.Id}/status").Raw(">")
                .Raw("<label class=\"govuk-label\" for=\"job-bar\">Progress</label><progress id=\"job-bar\" class=\"app-progress\"").Attr("max", Number(Math.Max(found.Total, 1))).Attr("value", Number(found.Done)).Raw("></progress>")
                .Raw("<p class=\"govuk-body\" id=\"job-state\" role=\"status\">").Text(StateWords(found)).Raw("</p>")
                .Raw("<p class=\"govuk-body\">A conversion takes a few seconds. This page moves on by itself; without JavaScript, <a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}/pdf/{found.Id}").Raw(">refresh it</a>.</p></div>")
                .Raw("<script src=\"/static/job-progress.js\" defer></script>");
        }
        else
        {
            html.Raw("<div class=\"govuk-error-summary\" tabindex=\"-1\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">The PDF could not be made</h2><div class=\"govuk-error-summary__body\"><p class=\"govuk-body\">").Text(StateWords(found)).Raw("</p></div></div></div>");
            if (docx is not null)
            {
                html.Raw(PdfForm(http, record, docx.Id, null).Replace(">Download PDF<", ">Try again<", StringComparison.Ordinal));
            }
        }

        html.Raw("<p class=\"govuk-body\"><a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}").Raw(">Back to the record</a></p>");
        return Layout.Page(http, "PDF of the document", html.ToString());
    }

    private static async Task<IResult> PdfStatus(HttpContext http, Guid id, Guid job, RecordStore records, JobRunner jobs)
    {
        var (record, found, _, refusal) = await PdfJob(http, id, job, records, jobs);
        return record is null
            ? refusal!
            : Results.Json(new { state = found!.State.ToString().ToLowerInvariant(), done = found.Done, total = found.Total, finished = !found.IsActive, words = StateWords(found) });
    }

    /// <summary>The versions of an evidence record (who signed, when, the document issued for it) and, for DSLs, who has opened it.</summary>
    internal static async Task<string> Sections(HttpContext http, CaseRecord record, RecordState state, EvidenceStore evidence)
    {
        if (!EvidenceStore.IsEvidence(record.Kind))
        {
            return string.Empty;
        }

        var html = new HtmlBuilder();
        html.Raw("<h2 class=\"govuk-heading-m\" id=\"versions\">Versions and signatures</h2>");
        if (state.Signatures.Count == 0)
        {
            html.Raw("<p class=\"govuk-body\">Not signed yet. When the record is complete, check your answers, create the document and sign it there.</p>");
        }
        else
        {
            html.Raw("<table class=\"govuk-table\"><caption class=\"govuk-visually-hidden\">Versions of this record</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Version</th><th scope=\"col\" class=\"govuk-table__header\">Reason for the change</th><th scope=\"col\" class=\"govuk-table__header\">Signed</th><th scope=\"col\" class=\"govuk-table__header\">Document issued for it</th></tr></thead><tbody class=\"govuk-table__body\">");
            for (var n = state.CurrentVersion; n >= 1; n--)
            {
                var signature = state.Signatures.FirstOrDefault(s => s.Version == n);
                var opened = state.Opened(n);
                html.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").Text(Number(n)).Raw("</td><td class=\"govuk-table__cell\">")
                    .Text(opened is null ? "First version" : $"{opened.Reason} (started by {opened.OpenedBy} on {When(opened.OpenedUtc)})").Raw("</td><td class=\"govuk-table__cell\">")
                    .Text(signature is null ? "Not signed yet: being changed" : $"by {signature.SignedBy} on {When(signature.SignedUtc)}").Raw("</td><td class=\"govuk-table__cell\">");
                if (signature is not null && await evidence.DocumentAsync(record.Id, signature.DocumentId) is { } document)
                {
                    html.Raw("<a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}/documents/{document.Id}").Raw(">").Text(document.FileName)
                        .Raw("<span class=\"govuk-visually-hidden\">").Text($" (version {Number(n)})").Raw("</span></a> (register entry ").Text(Number(document.EntryId)).Raw(")");
                }
                else
                {
                    html.Text("None yet");
                }

                html.Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        if (http.User.IsInRole(Roles.Dsl))
        {
            var accesses = await evidence.AccessesAsync(record.Id);
            html.Raw("<h2 class=\"govuk-heading-m\" id=\"who-has-opened\">Who has opened this</h2><p class=\"govuk-body\">Every opening and download of this record is logged, newest first. The log cannot be changed from here.</p>");
            html.Raw("<table class=\"govuk-table\" id=\"access-log\"><caption class=\"govuk-visually-hidden\">Who has opened this record</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">When</th><th scope=\"col\" class=\"govuk-table__header\">Who</th><th scope=\"col\" class=\"govuk-table__header\">What</th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var access in accesses)
            {
                html.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").Text(When(access.WhenUtc)).Raw("</td><td class=\"govuk-table__cell\">").Text(access.Who).Raw("</td><td class=\"govuk-table__cell\">").Text(access.What).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        return html.ToString();
    }

    /// <summary>The sign form on the document page, for a DSL, on an evidence record whose current version is not signed.</summary>
    internal static string SignForm(HttpContext http, CaseRecord record, string? template)
    {
        if (!EvidenceStore.IsEvidence(record.Kind) || !MaySign(http))
        {
            return string.Empty;
        }

        return new HtmlBuilder().Raw("<h2 class=\"govuk-heading-m\">Sign this record</h2><p class=\"govuk-body\">Sign when the record is complete and correct. The document is then issued in your name and entered in the register, and this version can no longer be changed: a later change makes a new version, with its reason.</p>")
            .Raw("<form method=\"post\"").Attr("action", $"/records/{record.Id}/sign").Raw(">").Raw(Layout.AntiforgeryField(http))
            .Raw("<input type=\"hidden\" name=\"template\"").Attr("value", template ?? string.Empty).Raw(">")
            .Raw("<button type=\"submit\" class=\"govuk-button\" id=\"sign\">Sign this version</button></form>").ToString();
    }

    private static async Task<IResult> Verify(HttpContext http, CasePipeline pipeline, WebSettings web)
    {
        if (!MayVerify(http))
        {
            return CommonPages.Forbidden(http);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return VerifyPage(http, null, TooLargeToVerify, StatusCodes.Status413PayloadTooLarge);
        }

        var file = form.Files.GetFile("document");
        if (file is null || file.Length == 0)
        {
            return VerifyPage(http, null, "Choose the document (.docx or .pdf) to check.", StatusCodes.Status400BadRequest);
        }

        if (!pipeline.HasRegister)
        {
            return VerifyPage(http, Answer("Not issued", "govuk-tag--red", "No document has been issued here yet: there is no register in the data folder, so this file cannot be one that was issued here.", []), null);
        }

        // The upload is written to a file only the app can read, checked, and removed at once.
        var folder = Path.Combine(web.DataFolder, "verify");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".upload");
        VerifyResult result;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await file.CopyToAsync(target);
            }

            result = DocumentVerifier.Verify(path, pipeline.Register);
        }
        finally
        {
            File.Delete(path);
        }

        return VerifyPage(http, Words(result, pipeline.Register), null);
    }

    /// <summary>The answer of <c>safeguard-docs verify</c>, in the same words, for "the file you uploaded".</summary>
    private static string Words(VerifyResult result, DocumentRegister register)
    {
        switch (result.Outcome)
        {
            case VerifyOutcome.Issued:
                var issue = result.Issue!;
                var lines = new List<(string, string)>
                {
                    ("Register entry", Number(issue.Id)),
                    ("Kind", $"{KindNames.Singular(issue.Kind ?? string.Empty)} ({issue.Kind})"),
                    ("Reference", issue.Reference ?? "(removed at the end of its retention)"),
                    ("Issued", RegisterWhen(issue.At)),
                    ("By", issue.By),
                    ("Which file", result.Document!.Type == EntryType.Pdf ? "the PDF of the document" : "the document (.docx)"),
                    ("SHA-256", result.Sha256),
                };
                if (issue.RefersTo is { } replaced)
                {
                    lines.Add(("Correcting", $"entry {Number(replaced)} ({issue.Reason})"));
                }

                foreach (var correction in register.All().Where(e => e.Type == EntryType.Reserved && e.RefersTo == issue.Id))
                {
                    lines.Add(("Corrected by", $"entry {Number(correction.Id)}, issued {RegisterWhen(correction.At)} by {correction.By}"));
                }

                return Answer("Issued", "govuk-tag--green", $"It is byte for byte the {(result.Document.Type == EntryType.Pdf ? "PDF" : "document")} issued under register entry {Number(issue.Id)}, and the register's chain of {Number(result.Chain!.Entries)} entries is intact.", lines);
            case VerifyOutcome.Differs:
                return Answer("Changed", "govuk-tag--red", $"Its footer names register entry {Number(result.Issue!.Id)} ({result.Issue.Kind} {result.Issue.Reference}, issued {RegisterWhen(result.Issue.At)} by {result.Issue.By}), but it is not the document issued then: it has been altered since. Ask for the issued copy (or download it again from the record) and compare.", []);
            case VerifyOutcome.NotCompleted:
                return Answer("Not issued", "govuk-tag--red", $"Its footer names register entry {result.SealedEntryId}, which was reserved on {RegisterWhen(result.Issue!.At)} but never completed: the run that made it stopped before entering the document. Make the document again.", []);
            case VerifyOutcome.ChainBroken:
                return Answer("Cannot be verified: the register is broken", "govuk-tag--red", "The register of issued documents has been tampered with, so nothing it says can be trusted. Restore it from a backup (or ask whoever looks after the server to run 'safeguard-docs register check'), then verify again.",
                    [.. result.Chain!.Breaks.Select(b => ("Break", b.Problem))]);
            case VerifyOutcome.NeverIssued:
                return Answer("Not issued", "govuk-tag--red", result.SealedEntryId is { } claimed
                    ? $"Its footer names register entry {claimed}, which this register does not have as an issue. It was not issued here."
                    : "No document with this content is in the register, and no register seal could be read from it (a PDF's seal is read by eye: look for the entry printed in its footer). If it was changed after it was issued, ask for the issued copy.", []);
            default:
                return Answer("Could not be read", "govuk-tag--red", "The file could not be read. Upload it again.", []);
        }
    }

    private static string RegisterWhen(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Answer(string verdict, string tag, string text, List<(string Key, string Value)> lines)
    {
        var html = new HtmlBuilder().Raw("<div id=\"verify-answer\" role=\"status\"><h2 class=\"govuk-heading-m\">The file you uploaded: <strong class=\"govuk-tag ").Raw(tag).Raw("\">").Text(verdict).Raw("</strong></h2>")
            .Raw("<p class=\"govuk-body\">").Text(text).Raw("</p>");
        if (lines.Count > 0)
        {
            html.Raw("<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
            foreach (var (key, value) in lines)
            {
                html.Raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Text(key).Raw("</dt><dd class=\"govuk-summary-list__value\">").Text(value).Raw("</dd></div>");
            }

            html.Raw("</dl></div></div>");
        }

        return html.Raw("</div>").ToString();
    }

    private static IResult VerifyPage(HttpContext http, string? answer, string? error, int status = StatusCodes.Status200OK)
    {
        var html = new HtmlBuilder();
        if (error is not null)
        {
            html.Raw(Layout.ErrorSummary([("document", error)]));
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Verify a document</h1>")
            .Raw("<p class=\"govuk-body\">Check whether a document is, byte for byte, one that was issued here and entered in the register (by this web app or by the command line). The answer is the same as <code>safeguard-docs verify</code> gives. The file is checked and then discarded: nothing of it is kept or shown.</p>");
        if (answer is not null)
        {
            html.Raw(answer);
        }

        html.Raw("<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<div class=\"govuk-form-group").Raw(error is null ? string.Empty : " govuk-form-group--error").Raw("\"><label class=\"govuk-label govuk-label--s\" for=\"document\">")
            .Raw(answer is null ? "Document to check" : "Check another document").Raw("</label><div class=\"govuk-hint\" id=\"document-hint\">A .docx or .pdf downloaded from here or made with safeguard-docs generate.</div>");
        if (error is not null)
        {
            html.Raw("<p class=\"govuk-error-message\" id=\"document-error\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(error).Raw("</p>");
        }

        html.Raw("<input class=\"govuk-file-upload\" id=\"document\" name=\"document\" type=\"file\" accept=\".docx,.pdf\"").Attr("aria-describedby", error is null ? "document-hint" : "document-hint document-error").Raw("></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Check the document</button></form>");
        return Layout.Page(http, "Verify a document", html.ToString(), status);
    }
}
