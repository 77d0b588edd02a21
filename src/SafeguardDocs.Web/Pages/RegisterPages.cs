using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Excel.Registers;
using SafeguardDocs.Generation.Registers;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Pipeline;
using SafeguardDocs.Web.Security;

namespace SafeguardDocs.Web.Pages;

/// <summary>
/// Registers made from the saved records: the incident log for governors (DSL only: incident forms are a DSL
/// kind) and the register of loaned equipment (office and DSL), downloaded as .xlsx. The workbooks are made by
/// the library code behind <c>safeguard-docs log</c>; records it leaves out (those with errors) are listed with
/// the same findings, named by reference and opaque id. Dates are posted in the form, never put in an address.
/// </summary>
public static class RegisterPages
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(string.Empty).RequireAuthorization();
        pages.MapGet("/registers", Page);
        pages.MapPost("/registers/incidents", PostIncidents);
        pages.MapPost("/registers/devices", PostDevices);

        var api = app.MapGroup("/api/registers").RequireAuthorization();
        api.MapGet("/incidents", ApiIncidents);
        api.MapGet("/devices", ApiDevices);
    }

    private static bool MayIncidents(HttpContext http) => KindAccess.Allows(http, IncidentReportKind.Name);

    private static bool MayDevices(HttpContext http) => KindAccess.Allows(http, DeviceAllocationKind.Name);

    /// <summary>True when the user may make at least one register (the navigation shows the link then).</summary>
    public static bool MayOpen(System.Security.Claims.ClaimsPrincipal user) =>
        Roles.MayOpen(user, IncidentReportKind.Name) || Roles.MayOpen(user, DeviceAllocationKind.Name);

    private static async Task<IResult> Page(HttpContext http, WebDb db, SettingsStore settings, TimeProvider clock)
    {
        if (!MayIncidents(http) && !MayDevices(http))
        {
            return CommonPages.Forbidden(http);
        }

        return await Render(http, db, settings, clock, new Dictionary<string, string>(StringComparer.Ordinal), []);
    }

    private static async Task<IResult> Render(HttpContext http, WebDb db, SettingsStore settings, TimeProvider clock, IReadOnlyDictionary<string, string> typed, List<(string Anchor, string Message)> errors, int status = StatusCodes.Status200OK)
    {
        var options = await settings.GetAsync();
        var html = new HtmlBuilder();
        if (errors.Count > 0)
        {
            html.Raw(Layout.ErrorSummary(errors));
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Registers</h1>")
            .Raw("<p class=\"govuk-body\">Made from the records saved here, as <code>safeguard-docs log</code> makes them from case files. A record with errors (a draft) is left out until it is corrected; those left out are listed under each register.</p>");

        if (MayIncidents(http))
        {
            var records = await Load(db, IncidentReportKind.Name);
            var prepared = RegisterRuns.PrepareIncidentLog(Inputs(records), IncidentLogOptions.Default with { Clock = clock, Settings = options });
            html.Raw("<h2 class=\"govuk-heading-m\" id=\"incident-log\">Incident log for governors</h2>")
                .Raw("<p class=\"govuk-body\">One row per e-safety incident form, with no names and no free text, and a summary by type, who was involved, setting, media and action taken. ")
                .Text($"{AccountPages.Count(records.Count, "incident form")} saved.").Raw("</p>")
                .Raw("<form method=\"post\" action=\"/registers/incidents\" novalidate>").Raw(Layout.AntiforgeryField(http))
                .Raw(DateInput("from", "From", "The first day of the period, for example 1 9 2026. Leave both dates blank for every incident saved.", typed, errors))
                .Raw(DateInput("to", "To", "The last day of the period, for example 31 12 2026.", typed, errors))
                .Raw("<button type=\"submit\" class=\"govuk-button\" id=\"download-incidents\">Download the incident log (.xlsx)</button></form>");
            LeftOut(html, "incidents", records, prepared.Result.Findings);
        }

        if (MayDevices(http))
        {
            var records = await Load(db, DeviceAllocationKind.Name);
            var prepared = RegisterRuns.PrepareDeviceRegister(Inputs(records), DeviceRegisterOptions.Default with { Clock = clock, Settings = options });
            html.Raw("<h2 class=\"govuk-heading-m\" id=\"device-register\">Register of loaned equipment</h2>")
                .Raw("<p class=\"govuk-body\">One row per item on loan, with the child's initials (never the name), the annual check due and whether it is overdue. Equipment given outright is not listed. ")
                .Text($"{AccountPages.Count(records.Count, "loan letter")} saved.").Raw("</p>")
                .Raw("<form method=\"post\" action=\"/registers/devices\" novalidate>").Raw(Layout.AntiforgeryField(http))
                .Raw(DateInput("asOf", "As of", "The day the annual check is judged overdue on. Leave blank for today.", typed, errors))
                .Raw("<button type=\"submit\" class=\"govuk-button\" id=\"download-devices\">Download the device register (.xlsx)</button></form>");
            LeftOut(html, "devices", records, prepared.Result.Findings);
        }

        html.Raw("<p class=\"govuk-body\">The workbooks hold safeguarding information: keep them where the records are kept, and share them only with those who need them.</p>");
        return Layout.Page(http, "Registers", html.ToString(), status);
    }

    private static string DateInput(string name, string label, string hint, IReadOnlyDictionary<string, string> typed, List<(string Anchor, string Message)> errors)
    {
        var error = errors.FirstOrDefault(e => e.Anchor == name + "-day").Message;
        var html = new HtmlBuilder();
        html.Raw("<div class=\"govuk-form-group").Raw(error is null ? string.Empty : " govuk-form-group--error").Raw("\"><fieldset class=\"govuk-fieldset\" role=\"group\"").Attr("aria-describedby", name + "-hint" + (error is null ? string.Empty : " " + name + "-error")).Raw(">")
            .Raw("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").Text(label).Raw("</legend>")
            .Raw("<div class=\"govuk-hint\"").Attr("id", name + "-hint").Raw(">").Text(hint).Raw("</div>");
        if (error is not null)
        {
            html.Raw("<p class=\"govuk-error-message\"").Attr("id", name + "-error").Raw("><span class=\"govuk-visually-hidden\">Error:</span> ").Text(error).Raw("</p>");
        }

        html.Raw("<div class=\"govuk-date-input\">");
        foreach (var (part, partLabel, width) in new[] { ("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4) })
        {
            var id = $"{name}-{part}";
            html.Raw("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\"").Attr("for", id).Raw(">").Text(partLabel).Raw("</label>")
                .Raw("<input").Attr("class", $"govuk-input govuk-date-input__input govuk-input--width-{width.ToString(CultureInfo.InvariantCulture)}{(error is null ? string.Empty : " govuk-input--error")}")
                .Attr("id", id).Attr("name", id).Raw(" type=\"text\" inputmode=\"numeric\"").Attr("value", typed.GetValueOrDefault(id)).Raw("></div></div>");
        }

        return html.Raw("</div></fieldset></div>").ToString();
    }

    /// <summary>The records left out of a register, each by its reference (a link to it) with the findings <c>log</c> prints for it.</summary>
    private static void LeftOut(HtmlBuilder html, string register, IReadOnlyList<CaseRecord> records, IReadOnlyList<Finding> findings)
    {
        var byName = records.ToDictionary(r => InputName(r), StringComparer.Ordinal);
        var leftOut = findings.Where(f => f.IsError && f.File is not null).Select(f => f.File!).Distinct(StringComparer.Ordinal).ToList();
        if (leftOut.Count == 0)
        {
            return;
        }

        html.Raw("<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>")
            .Text($"The register is incomplete: {AccountPages.Count(leftOut.Count, "record")} left out with errors. Correct them and download it again.").Raw("</strong></div>")
            .Raw("<ul class=\"govuk-list app-left-out\"").Attr("id", "left-out-" + register).Raw(">");
        foreach (var name in leftOut)
        {
            var record = byName.GetValueOrDefault(name);
            html.Raw("<li class=\"app-list__row\">");
            if (record is null)
            {
                html.Text(name);
            }
            else
            {
                html.Raw("<a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}").Raw(">").Text("Record " + (record.Reference ?? "without a reference")).Raw("</a> <span class=\"app-muted\">(").Text(record.Id.ToString()).Raw(")</span>");
            }

            html.Raw("<ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var finding in findings.Where(f => f.File == name))
            {
                html.Raw("<li>").Text($"{(finding.IsError ? "Error" : "Warning")} {finding.Id}: {finding.Message}").Raw(" <span class=\"app-source\">[").Text(finding.Path).Raw("]</span></li>");
            }

            html.Raw("</ul></li>");
        }

        html.Raw("</ul>");
    }

    private static async Task<IReadOnlyList<CaseRecord>> Load(WebDb db, string kind) =>
        await db.Records.AsNoTracking().Where(r => r.Kind == kind).OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).ToListAsync();

    /// <summary>What findings call a record: its opaque id, as a file name (never its content).</summary>
    private static string InputName(CaseRecord record) => record.Id.ToString("D") + ".json";

    private static RegisterInput[] Inputs(IReadOnlyList<CaseRecord> records) => [.. records.Select(r => new RegisterInput(InputName(r), r.Json))];

    private static async Task<IResult> PostIncidents(HttpContext http, WebDb db, SettingsStore settings, TimeProvider clock)
    {
        if (!MayIncidents(http))
        {
            return CommonPages.Forbidden(http);
        }

        var form = await http.Request.ReadFormAsync();
        var typed = Typed(form);
        var errors = new List<(string, string)>();
        var from = FormDate(typed, "from", "From", errors);
        var to = FormDate(typed, "to", "To", errors);
        if (errors.Count == 0 && from > to)
        {
            errors.Add(("to-day", "The end of the period must be on or after its start."));
        }

        if (errors.Count > 0)
        {
            return await Render(http, db, settings, clock, typed, errors, StatusCodes.Status400BadRequest);
        }

        var bytes = await IncidentLogBytes(db, settings, clock, from, to);
        return Results.File(bytes.Workbook, XlsxType, "incidents.xlsx");
    }

    private static async Task<IResult> PostDevices(HttpContext http, WebDb db, SettingsStore settings, TimeProvider clock)
    {
        if (!MayDevices(http))
        {
            return CommonPages.Forbidden(http);
        }

        var form = await http.Request.ReadFormAsync();
        var typed = Typed(form);
        var errors = new List<(string, string)>();
        var asOf = FormDate(typed, "asOf", "As of", errors);
        if (errors.Count > 0)
        {
            return await Render(http, db, settings, clock, typed, errors, StatusCodes.Status400BadRequest);
        }

        var bytes = await DeviceRegisterBytes(db, settings, clock, asOf);
        return Results.File(bytes.Workbook, XlsxType, "devices.xlsx");
    }

    private static async Task<IResult> ApiIncidents(HttpContext http, WebDb db, SettingsStore settings, TimeProvider clock, string? from, string? to)
    {
        if (!MayIncidents(http))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "Your role does not allow the incident log: incident forms are for the DSL.");
        }

        if (!IsoDate(from, out var fromDate) || !IsoDate(to, out var toDate))
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "'from' and 'to' must be dates written YYYY-MM-DD, for example 2026-09-01.");
        }

        if (fromDate > toDate)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "'from' is after 'to'. Give the start of the period first.");
        }

        var made = await IncidentLogBytes(db, settings, clock, fromDate, toDate);
        http.Response.Headers["X-Records-Left-Out"] = made.LeftOut.ToString(CultureInfo.InvariantCulture);
        return Results.File(made.Workbook, XlsxType, "incidents.xlsx");
    }

    private static async Task<IResult> ApiDevices(HttpContext http, WebDb db, SettingsStore settings, TimeProvider clock, string? asOf)
    {
        if (!MayDevices(http))
        {
            return ApiResults.Problem(StatusCodes.Status403Forbidden, "Your role does not allow the device register.");
        }

        if (!IsoDate(asOf, out var asOfDate))
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "'asOf' must be a date written YYYY-MM-DD, for example 2026-11-22.");
        }

        var made = await DeviceRegisterBytes(db, settings, clock, asOfDate);
        http.Response.Headers["X-Records-Left-Out"] = made.LeftOut.ToString(CultureInfo.InvariantCulture);
        return Results.File(made.Workbook, XlsxType, "devices.xlsx");
    }

    private static async Task<(byte[] Workbook, int LeftOut)> IncidentLogBytes(WebDb db, SettingsStore settings, TimeProvider clock, DateOnly? from, DateOnly? to)
    {
        var prepared = RegisterRuns.PrepareIncidentLog(Inputs(await Load(db, IncidentReportKind.Name)), IncidentLogOptions.Default with { From = from, To = to, Clock = clock, Settings = await settings.GetAsync() });
        using var stream = new MemoryStream();
        prepared.Write(stream);
        return (stream.ToArray(), prepared.Result.FilesLeftOut);
    }

    private static async Task<(byte[] Workbook, int LeftOut)> DeviceRegisterBytes(WebDb db, SettingsStore settings, TimeProvider clock, DateOnly? asOf)
    {
        var prepared = RegisterRuns.PrepareDeviceRegister(Inputs(await Load(db, DeviceAllocationKind.Name)), DeviceRegisterOptions.Default with { AsOf = asOf, Clock = clock, Settings = await settings.GetAsync() });
        using var stream = new MemoryStream();
        prepared.Write(stream);
        return (stream.ToArray(), prepared.Result.FilesLeftOut);
    }

    private static Dictionary<string, string> Typed(IFormCollection form)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "from", "to", "asOf" })
        {
            foreach (var part in new[] { "day", "month", "year" })
            {
                typed[$"{name}-{part}"] = form[$"{name}-{part}"].ToString().Trim();
            }
        }

        return typed;
    }

    /// <summary>A date from its day, month and year boxes: null when all are blank; an error when partly filled or not a real date.</summary>
    private static DateOnly? FormDate(IReadOnlyDictionary<string, string> typed, string name, string label, List<(string, string)> errors)
    {
        var day = typed.GetValueOrDefault($"{name}-day") ?? string.Empty;
        var month = typed.GetValueOrDefault($"{name}-month") ?? string.Empty;
        var year = typed.GetValueOrDefault($"{name}-year") ?? string.Empty;
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return null;
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        errors.Add(($"{name}-day", $"\"{label}\" must be a real date with a day, month and year, for example 1 9 2026."));
        return null;
    }

    private static bool IsoDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
