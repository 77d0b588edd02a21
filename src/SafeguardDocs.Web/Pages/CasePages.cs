using System.Globalization;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Text;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Pipeline;
using SafeguardDocs.Web.Security;

namespace SafeguardDocs.Web.Pages;

/// <summary>
/// A kind's records, its form, check your answers, the document (preview and download), export and
/// duplicate. Every page checks the user's role against the record's kind: a record opened by its
/// address by someone whose role does not allow it gets 403.
/// </summary>
public static class CasePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).RequireAuthorization();
        pages.MapGet("/cases/{kind}", List);
        pages.MapGet("/cases/{kind}/new", New);
        pages.MapPost("/cases/{kind}/new", PostNew);
        pages.MapGet("/records/{id:guid}", Open);
        pages.MapPost("/records/{id:guid}", PostRecord);
        pages.MapPost("/records/{id:guid}/duplicate", Duplicate);
        pages.MapGet("/records/{id:guid}/check", Check);
        pages.MapGet("/records/{id:guid}/document", Document);
        pages.MapGet("/records/{id:guid}/download", Download);
        pages.MapGet("/records/{id:guid}/export", Export);
    }

    /// <summary>404 for a kind that does not exist, 403 for one the role does not allow; null when the user may go on.</summary>
    private static IResult? Guard(HttpContext http, string kind) =>
        CasePipeline.FindKind(kind) is null ? CommonPages.NotFound(http)
        : !KindAccess.Allows(http, kind) ? CommonPages.Forbidden(http)
        : null;

    private static async Task<(CaseRecord? Record, IResult? Refusal)> Load(HttpContext http, Guid id, RecordStore records)
    {
        var record = await records.FindAsync(id);
        if (record is null)
        {
            return (null, CommonPages.NotFound(http));
        }

        return Guard(http, record.Kind) is { } refusal ? (null, refusal) : (record, null);
    }

    private static async Task<IResult> List(HttpContext http, string kind, string? reference, RecordStore records)
    {
        if (Guard(http, kind) is { } refusal)
        {
            return refusal;
        }

        var list = await records.ListAsync(kind, reference);
        var html = new HtmlBuilder();
        html.Raw("<h1 class=\"govuk-heading-l\">").Text(KindNames.Plural(kind)).Raw("</h1>")
            .Raw(kind == Packs.PackService.Kind
                ? "<p class=\"govuk-body\">Pack details are what the packs are made from: the school, the year and the dates. The packs themselves are made on the pack page, from saved pack details and the MIS export.</p><div class=\"govuk-button-group\">"
                : string.Empty)
            .Raw("<a class=\"govuk-button\" draggable=\"false\"").Attr("href", $"/cases/{kind}/new").Raw(">").Text("Start a new " + KindNames.Singular(kind).ToLowerInvariant()).Raw("</a>")
            .Raw(kind == Packs.PackService.Kind ? "<a class=\"govuk-button govuk-button--secondary\" draggable=\"false\" href=\"/packs\" id=\"make-packs\">Make the packs</a></div>" : string.Empty)
            .Raw("<form method=\"get\"").Attr("action", "/cases/" + kind).Raw(" class=\"app-search\" role=\"search\"><div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"reference\">Search by reference</label>")
            .Raw("<input class=\"govuk-input govuk-input--width-20\" id=\"reference\" name=\"reference\" type=\"search\"").Attr("value", reference).Raw("></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Search</button></form>");
        if (list.Count == 0)
        {
            html.Raw("<p class=\"govuk-body\">").Text(string.IsNullOrWhiteSpace(reference) ? "There are no saved records yet." : "No record has a reference containing that.").Raw("</p>");
        }
        else
        {
            html.Raw("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Newest first</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Reference</th><th scope=\"col\" class=\"govuk-table__header\">Last saved</th><th scope=\"col\" class=\"govuk-table__header\">Status</th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var record in list)
            {
                html.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}").Raw(">").Text(record.Reference ?? "No reference yet").Raw("</a></td>")
                    .Raw("<td class=\"govuk-table__cell\">").Text(When(record.UpdatedUtc)).Raw("</td><td class=\"govuk-table__cell\">").Raw(Status(record)).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        return Layout.Page(http, KindNames.Plural(kind), html.ToString());
    }

    internal static string When(DateTime utc) => EnglishDates.WrittenWithTime(utc) + " (UTC)";

    internal static string Status(CaseRecord record) => record.ErrorCount > 0
        ? $"<strong class=\"govuk-tag govuk-tag--yellow\">Draft: {AccountPages.Count(record.ErrorCount, "error")}</strong>"
        : "<strong class=\"govuk-tag govuk-tag--green\">Ready</strong>";

    private static IResult New(HttpContext http, string kind)
    {
        if (Guard(http, kind) is { } refusal)
        {
            return refusal;
        }

        var form = CaseForm.For(CasePipeline.FindKind(kind)!);
        return FormPage(http, form, FormCodec.Empty(form), [], [], $"/cases/{kind}/new", null, null);
    }

    private static async Task<IResult> PostNew(HttpContext http, string kind, RecordStore records, CasePipeline pipeline, SettingsStore settings)
    {
        if (Guard(http, kind) is { } refusal)
        {
            return refusal;
        }

        return await Save(http, CaseForm.For(CasePipeline.FindKind(kind)!), null, records, pipeline, settings);
    }

    private static async Task<IResult> Open(HttpContext http, Guid id, RecordStore records, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        await evidence.LogAsync(record, http.User, AccessWhat.Viewed);
        var state = await evidence.StateAsync(record.Id);
        if (state.Locked)
        {
            return await EvidencePages.SignedPage(http, record, state, evidence);
        }

        var form = CaseForm.For(CasePipeline.FindKind(record.Kind)!);
        var check = pipeline.Check(record.Json, await settings.GetAsync());
        return FormPage(http, form, FormCodec.FromJson(form, record.Json), check.Findings, [], $"/records/{record.Id}", record, null, extra: await Extra(http, record, state, evidence));
    }

    /// <summary>What an evidence record's form page shows under the form: the version being changed and why, its versions, who opened it.</summary>
    private static async Task<string?> Extra(HttpContext http, CaseRecord record, RecordState state, EvidenceStore evidence) =>
        EvidenceStore.IsEvidence(record.Kind) ? await EvidencePages.Sections(http, record, state, evidence) : null;

    private static async Task<IResult> PostRecord(HttpContext http, Guid id, RecordStore records, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        var state = await evidence.StateAsync(record.Id);
        if (state.Locked)
        {
            return Layout.Page(http, "This version is signed", new HtmlBuilder().Raw("<h1 class=\"govuk-heading-l\">This version is signed</h1><p class=\"govuk-body\">")
                .Text($"Version {state.CurrentVersion.ToString(CultureInfo.InvariantCulture)} was signed by {state.CurrentSignature!.SignedBy} on {When(state.CurrentSignature.SignedUtc)}, so it cannot be changed. Nothing was saved. To change the record, start a new version from the record's page and give the reason.")
                .Raw("</p><p class=\"govuk-body\"><a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}").Raw(">Back to the record</a></p>").ToString(), StatusCodes.Status409Conflict);
        }

        return await Save(http, CaseForm.For(CasePipeline.FindKind(record.Kind)!), record, records, pipeline, settings, await Extra(http, record, state, evidence));
    }

    /// <summary>
    /// Every post saves (drafts too), then: adding or removing a row shows the form again; "Continue"
    /// goes on to check your answers when there are no errors; otherwise the form comes back exactly as
    /// typed with each error beside its field.
    /// </summary>
    private static async Task<IResult> Save(HttpContext http, CaseForm form, CaseRecord? record, RecordStore records, CasePipeline pipeline, SettingsStore settings, string? extra = null)
    {
        var posted = await http.Request.ReadFormAsync();
        var state = FormCodec.FromPost(posted.Select(p => new KeyValuePair<string, string[]>(p.Key, [.. p.Value.Select(v => v ?? string.Empty)])));
        var action = posted["action"].ToString();
        FormCodec.Apply(form, state, action);
        var (json, problems) = FormCodec.ToJson(form, state);
        var check = pipeline.Check(json, await settings.GetAsync());
        if (record is null)
        {
            record = await records.CreateAsync(form.Kind.Name, json, check, http.User);
        }
        else
        {
            await records.UpdateAsync(record, json, check, http.User);
        }

        if (action == "check" && problems.Count == 0 && !check.HasErrors)
        {
            return Results.Redirect($"/records/{record.Id}/check");
        }

        // Adding or removing a row is not a submission: the rules' findings wait until the user saves or continues.
        var rowChange = action.StartsWith("add:", StringComparison.Ordinal) || action.StartsWith("remove:", StringComparison.Ordinal);
        var banner = action == "check" || rowChange ? null : "Draft saved. You can come back to it from the list of records.";
        var focus = action.StartsWith("add:", StringComparison.Ordinal) ? $"{action[4..]}[{state.RowsOf(action[4..]) - 1}]"
            : action.StartsWith("remove:", StringComparison.Ordinal) && action.LastIndexOf('[') > 7 ? action[7..action.LastIndexOf('[')]
            : null;
        return FormPage(http, form, state, rowChange ? [] : check.Findings, problems, $"/records/{record.Id}", record, banner, action == "check" ? 400 : 200, focus, extra);
    }

    private static IResult FormPage(HttpContext http, CaseForm form, FormState state, IReadOnlyList<Core.Diagnostics.Finding> findings, IReadOnlyList<FormProblem> problems, string action, CaseRecord? record, string? banner, int status = 200, string? focus = null, string? extra = null)
    {
        var view = new FormView(form, state, findings, problems) { Focus = focus };
        var title = KindNames.Singular(form.Kind.Name);
        var html = new HtmlBuilder();
        html.Raw(view.Summary());
        if (banner is not null)
        {
            html.Raw("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"status\"><div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">").Text(banner).Raw("</p></div></div>");
        }

        html.Raw("<span class=\"govuk-caption-l\">").Text(record is null ? "New record" : "Record " + (record.Reference ?? "without a reference yet")).Raw("</span>")
            .Raw("<h1 class=\"govuk-heading-l\">").Text(title).Raw("</h1>");
        if (form.Kind.Name == Core.Cases.ViewingDecision.ViewingDecisionKind.Name)
        {
            html.Raw("<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>Never copy, upload or attach the imagery. Record the decision, and describe what was seen without reproducing it.</strong></div>");
        }

        html.Raw("<p class=\"govuk-body\">The rules of the guidance are checked as you type; errors must be put right before the document can be made, warnings are shown and kept with it.</p>")
            .Raw("<form method=\"post\" novalidate id=\"case-form\" class=\"app-case-form\"").Attr("action", action).Attr("data-kind", form.Kind.Name).Raw(">")
            .Raw(Layout.AntiforgeryField(http))
            .Raw("<button type=\"submit\" name=\"action\" value=\"save\" class=\"govuk-button govuk-button--secondary\">Save draft</button>")
            .Raw(view.Fields())
            .Raw("<div class=\"govuk-button-group\"><button type=\"submit\" name=\"action\" value=\"check\" class=\"govuk-button\">Continue to check your answers</button>")
            .Raw("<button type=\"submit\" name=\"action\" value=\"save\" class=\"govuk-button govuk-button--secondary\">Save draft</button></div></form>");
        if (record is not null)
        {
            html.Raw("<h2 class=\"govuk-heading-m\">This record</h2><div class=\"govuk-button-group\"><form method=\"post\"").Attr("action", $"/records/{record.Id}/duplicate").Raw(">").Raw(Layout.AntiforgeryField(http))
                .Raw("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Duplicate this record</button></form>")
                .Raw("<a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}/export").Raw(">Export the case file (.json)</a></div>");
        }

        html.Raw(extra ?? string.Empty);
        return Layout.Page(http, title, html.ToString(), status, script: true);
    }

    private static async Task<IResult> Duplicate(HttpContext http, Guid id, RecordStore records, CasePipeline pipeline, SettingsStore settings)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        var check = pipeline.Check(record.Json, await settings.GetAsync());
        var copy = await records.CreateAsync(record.Kind, record.Json, check, http.User);
        return Results.Redirect($"/records/{copy.Id}");
    }

    private static async Task<IResult> Check(HttpContext http, Guid id, RecordStore records, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        await evidence.LogAsync(record, http.User, AccessWhat.ViewedAnswers);
        var locked = (await evidence.StateAsync(record.Id)).Locked;

        var check = pipeline.Check(record.Json, await settings.GetAsync());
        if (!check.Readable || check.HasErrors)
        {
            return Results.Redirect($"/records/{record.Id}");
        }

        var form = CaseForm.For(check.Kind!);
        var state = FormCodec.FromJson(form, record.Json);
        var html = new HtmlBuilder();
        html.Raw("<span class=\"govuk-caption-l\">").Text(KindNames.Singular(record.Kind)).Raw("</span><h1 class=\"govuk-heading-l\">Check your answers</h1>");
        var warnings = check.Findings.Where(f => !f.IsError).ToList();
        if (warnings.Count > 0)
        {
            html.Raw("<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>")
                .Text($"The guidance asks for more here ({AccountPages.Count(warnings.Count, "warning")}). You can still make the document; the warnings are kept with the record.").Raw("</strong></div><ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var warning in warnings)
            {
                html.Raw("<li>").Text(FormWords.Message(form, warning.Path, warning.Message)).Raw(" <span class=\"app-source\">(").Text(warning.Source).Raw(")</span></li>");
            }

            html.Raw("</ul>");
        }

        html.Raw(Answers.Render(form, state, record.Id, changeLinks: !locked));
        var templates = pipeline.TemplatesFor(check.Kind!);
        if (templates.Count == 0)
        {
            html.Raw("<p class=\"govuk-body\">").Text("These details are used to make many documents at once from the school's roster (safeguard-docs pack). The record is saved.").Raw("</p>");
        }
        else
        {
            html.Raw("<form method=\"get\"").Attr("action", $"/records/{record.Id}/document").Raw(">");
            if (templates.Count > 1)
            {
                html.Raw("<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Which version of the document?</legend><div class=\"govuk-radios\">");
                for (var i = 0; i < templates.Count; i++)
                {
                    var inputId = "template-" + i.ToString(CultureInfo.InvariantCulture);
                    html.Raw("<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" type=\"radio\" name=\"template\"").Attr("id", inputId).Attr("value", templates[i].Name).Raw(i == 0 ? " checked" : string.Empty).Raw(">")
                        .Raw("<label class=\"govuk-label govuk-radios__label\"").Attr("for", inputId).Raw(">").Text(templates[i].Description).Raw(" (").Text(templates[i].Name).Raw(")</label></div>");
                }

                html.Raw("</div></fieldset></div>");
            }

            html.Raw("<button type=\"submit\" class=\"govuk-button\">Create document</button></form>");
        }

        return Layout.Page(http, "Check your answers", html.ToString());
    }

    private static async Task<(CaseRecord? Record, MadeDocument? Document, IResult? Other)> Make(HttpContext http, Guid id, string? template, RecordStore records, CasePipeline pipeline, SettingsStore settings)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return (null, null, refusal);
        }

        var options = await settings.GetAsync();
        var check = pipeline.Check(record.Json, options);
        if (!check.Readable || check.HasErrors)
        {
            return (record, null, Results.Redirect($"/records/{record.Id}"));
        }

        var (document, problems) = pipeline.Make(check, string.IsNullOrEmpty(template) ? null : template, options);
        if (document is null)
        {
            var body = new HtmlBuilder().Raw("<h1 class=\"govuk-heading-l\">The document could not be made</h1>");
            foreach (var problem in problems)
            {
                body.Raw("<p class=\"govuk-body\">").Text(problem).Raw("</p>");
            }

            return (record, null, Layout.Page(http, "The document could not be made", body.Raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/records/" + record.Id + "/check\">Back to check your answers</a></p>").ToString(), StatusCodes.Status422UnprocessableEntity));
        }

        return (record, document, null);
    }

    private static async Task<IResult> Document(HttpContext http, Guid id, string? template, RecordStore records, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence)
    {
        var (record, document, other) = await Make(http, id, template, records, pipeline, settings);
        if (document is null)
        {
            return other!;
        }

        await evidence.LogAsync(record!, http.User, AccessWhat.ViewedDocument);
        var locked = (await evidence.StateAsync(record!.Id)).Locked;

        var download = $"/records/{record!.Id}/download" + (string.IsNullOrEmpty(template) ? string.Empty : "?template=" + Uri.EscapeDataString(template));
        var html = new HtmlBuilder();
        html.Raw("<span class=\"govuk-caption-l\">").Text(KindNames.Singular(record.Kind)).Raw("</span><h1 class=\"govuk-heading-l\">Your document</h1>")
            .Raw("<p class=\"govuk-body\">File name: <strong id=\"file-name\">").Text(document.FileName).Raw("</strong></p>")
            .Raw("<div class=\"govuk-button-group\"><a class=\"govuk-button\" id=\"download\" draggable=\"false\"").Attr("href", download).Raw(">Download (.docx)</a>")
            .Raw(EvidencePages.PdfForm(http, record, null, template)).Raw("</div>")
            .Raw("<h2 class=\"govuk-heading-m\">What to do next</h2><ul class=\"govuk-list govuk-list--bullet\">")
            .Raw(NextSteps(record.Kind))
            .Raw("</ul>")
            .Raw(locked ? "<p class=\"govuk-body\">This version is signed: the download is the signed document.</p>" : EvidencePages.SignForm(http, record, template))
            .Raw("<h2 class=\"govuk-heading-m\">Preview</h2>")
            .Raw(MarkupHtml.Render(document.Markup))
            .Raw("<p class=\"govuk-body\"><a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}").Raw(">Change the answers</a></p>");
        return Layout.Page(http, "Your document", html.ToString());
    }

    private static string NextSteps(string kind) => kind switch
    {
        "viewing-decision" => "<li>Sign and date the record.</li><li>Keep it with the child protection record, securely and separately from the pupil's general file.</li><li>Do not attach or keep any copy of the imagery.</li>",
        "device-allocation" => "<li>Sign the letter and send it with the equipment.</li><li>Keep a copy with the loan records.</li>",
        "strategy-meeting" => "<li>Send the agenda to those invited.</li><li>Keep it with the child protection record.</li>",
        _ => "<li>Check it, sign it where it asks, and send it to those who need it.</li><li>Keep a copy with the record it belongs to.</li>",
    };

    /// <summary>
    /// The .docx, issued in the signed-in account's name and entered in the register (the same case again
    /// gives the document issued before: the same entry, the same bytes).
    /// </summary>
    private static async Task<IResult> Download(HttpContext http, Guid id, string? template, RecordStore records, CasePipeline pipeline, SettingsStore settings, EvidenceStore evidence)
    {
        var (record, document, other) = await Make(http, id, template, records, pipeline, settings);
        if (document is null)
        {
            return other!;
        }

        IssuedDocument issued;
        try
        {
            issued = await evidence.IssueDocxAsync(record!, document, http.User);
        }
        catch (NotRegisteredException e)
        {
            return Layout.Page(http, "The document could not be issued", new HtmlBuilder().Raw("<h1 class=\"govuk-heading-l\">The document could not be issued</h1><p class=\"govuk-body\">").Text(e.Message)
                .Raw("</p><p class=\"govuk-body\"><a class=\"govuk-link\"").Attr("href", $"/records/{record!.Id}/check").Raw(">Back to check your answers</a></p>").ToString(), StatusCodes.Status422UnprocessableEntity);
        }

        await evidence.LogAsync(record!, http.User, AccessWhat.DownloadedDocx);
        return Results.File(issued.Content, EvidencePages.ContentType(issued.Format), issued.FileName);
    }

    private static async Task<IResult> Export(HttpContext http, Guid id, RecordStore records, EvidenceStore evidence)
    {
        var (record, refusal) = await Load(http, id, records);
        if (record is null)
        {
            return refusal!;
        }

        await evidence.LogAsync(record, http.User, AccessWhat.ExportedJson);

        var name = record.Reference is { } reference && Core.Naming.OutputNaming.IsSafeReference(reference) ? reference : "case";
        return Results.File(record.Json, "application/json", name + ".json");
    }

    /// <summary>Reads a case file sent from the import page; the caller checks the role against its kind.</summary>
    internal static async Task<(byte[]? Json, string? Error)> ReadUpload(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var file = form.Files.GetFile("caseFile");
        if (file is null || file.Length == 0)
        {
            return (null, "Choose a case file (.json) to import.");
        }

        if (file.Length > CasePipeline.MaxCaseBytes)
        {
            return (null, "That file is too large to be a case file.");
        }

        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        return (stream.ToArray(), null);
    }

    internal static IResult? GuardKind(HttpContext http, string? kind) => kind is null ? null : Guard(http, kind);
}

/// <summary>"Check your answers": the case read back in words, section by section, each with "Change".</summary>
public static class Answers
{
    /// <summary>The answers of a case read back, each section with "Change" (<paramref name="changeLinks"/> false for a signed version, which cannot be changed).</summary>
    public static string Render(CaseForm form, FormState state, Guid recordId, bool changeLinks = true)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        var html = new HtmlBuilder();
        var loose = form.Fields.Where(f => f.Kind is not (FieldKind.Group or FieldKind.List)).ToList();
        Section(html, "About this case", "section-about", recordId, changeLinks, h => Rows(h, loose, string.Empty, state));
        foreach (var field in form.Fields.Where(f => f.Kind is FieldKind.Group or FieldKind.List))
        {
            Section(html, field.Label, "section-" + field.Name, recordId, changeLinks, h => Rows(h, [field], string.Empty, state, flattenTop: true));
        }

        return html.ToString();
    }

    private static void Section(HtmlBuilder html, string title, string anchor, Guid recordId, bool changeLinks, Action<HtmlBuilder> rows)
    {
        html.Raw("<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\"><h2 class=\"govuk-summary-card__title\">").Text(title).Raw("</h2>");
        if (changeLinks)
        {
            html.Raw("<a class=\"govuk-link app-change\"").Attr("href", $"/records/{recordId}#{anchor}").Raw(">Change<span class=\"govuk-visually-hidden\">").Text(" " + title.ToLowerInvariant()).Raw("</span></a>");
        }

        html.Raw("</div>")
            .Raw("<div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
        rows(html);
        html.Raw("</dl></div></div>");
    }

    private static void Rows(HtmlBuilder html, IEnumerable<FormField> fields, string prefix, FormState state, bool flattenTop = false, string labelPrefix = "")
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            var label = flattenTop ? string.Empty : labelPrefix + field.Label;
            switch (field.Kind)
            {
                case FieldKind.Group:
                    Rows(html, field.Children, path + ".", state, labelPrefix: label.Length == 0 ? string.Empty : label + ": ");
                    break;
                case FieldKind.List:
                    var rows = state.RowsOf(path);
                    if (rows == 0)
                    {
                        Row(html, label.Length == 0 ? field.Label : label, "None");
                    }

                    for (var i = 0; i < rows; i++)
                    {
                        Rows(html, field.Children, $"{path}[{i}].", state, labelPrefix: $"{(label.Length == 0 ? field.Label : label)} {(i + 1).ToString(CultureInfo.InvariantCulture)}: ");
                    }

                    break;
                default:
                    Row(html, label, Value(field, path, state));
                    break;
            }
        }
    }

    private static void Row(HtmlBuilder html, string label, string value) =>
        html.Raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Text(label).Raw("</dt><dd class=\"govuk-summary-list__value\">").Text(value).Raw("</dd></div>");

    private static string Value(FormField field, string path, FormState state)
    {
        var text = state.Get(path);
        switch (field.Kind)
        {
            case FieldKind.YesNo:
                return text switch { "true" => "Yes", "false" => "No", _ => "Not answered" };
            case FieldKind.Choice or FieldKind.Choices:
                var chosen = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                return chosen.Length == 0 ? "Not answered" : string.Join(", ", chosen.Select(c => field.Choices.FirstOrDefault(x => x.Value == c)?.Label ?? c));
            case FieldKind.Date or FieldKind.DateTime:
                if (!int.TryParse(state.Get(path + "-day"), CultureInfo.InvariantCulture, out var d) || !int.TryParse(state.Get(path + "-month"), CultureInfo.InvariantCulture, out var m) || !int.TryParse(state.Get(path + "-year"), CultureInfo.InvariantCulture, out var y))
                {
                    return "Not answered";
                }

                var date = EnglishDates.Written(new DateOnly(y, m, d));
                return field.Kind == FieldKind.DateTime ? $"{date} at {state.Get(path + "-time")}" : date;
            case FieldKind.Lines or FieldKind.WholeNumberLines:
                return text.Length == 0 ? "None" : string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            default:
                return text.Length == 0 ? "Not answered" : text;
        }
    }
}
