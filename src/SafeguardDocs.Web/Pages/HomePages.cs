using System.Security.Claims;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Pages;

/// <summary>"What do you need to do?": the tasks the user's role allows and the records they worked on last; and importing a case file.</summary>
public static class HomePages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home).RequireAuthorization();
        app.MapGet("/import", (HttpContext http) => ImportPage(http, null)).RequireAuthorization();
        app.MapPost("/import", Import).RequireAuthorization();
    }

    private static async Task<IResult> Home(HttpContext http, RecordStore records)
    {
        var user = http.User;
        var kinds = CasePipeline.Kinds.Where(k => Roles.MayOpen(user, k.Name)).Select(k => k.Name).ToList();
        var html = new HtmlBuilder();
        html.Raw("<h1 class=\"govuk-heading-l\">What do you need to do?</h1><ul class=\"govuk-list app-tasks\">");
        foreach (var kind in kinds)
        {
            html.Raw("<li><a class=\"govuk-link govuk-!-font-weight-bold\"").Attr("href", $"/cases/{kind}/new").Raw(">").Text(KindNames.Task(kind)).Raw("</a>")
                .Raw(" <span class=\"app-muted\">or <a class=\"govuk-link\"").Attr("href", "/cases/" + kind).Raw(">").Text("find a saved one (" + KindNames.Plural(kind).ToLowerInvariant() + ")").Raw("</a></span></li>");
        }

        if (Roles.MayOpen(user, Packs.PackService.Kind))
        {
            html.Raw("<li><a class=\"govuk-link govuk-!-font-weight-bold\" href=\"/packs\">Make every family's AUP pack from the MIS export</a></li>");
        }

        if (user.IsInRole(Roles.Admin))
        {
            html.Raw("<li><a class=\"govuk-link govuk-!-font-weight-bold\" href=\"/admin/accounts\">Add a member of staff, change a role or remove an account</a></li>")
                .Raw("<li><a class=\"govuk-link govuk-!-font-weight-bold\" href=\"/admin/settings\">Change the organisation's settings</a></li>")
                .Raw("<li><a class=\"govuk-link govuk-!-font-weight-bold\" href=\"/admin/templates\">Add a school's own Word template, or remove one</a></li>");
        }

        if (kinds.Count > 0)
        {
            html.Raw("<li><a class=\"govuk-link\" href=\"/import\">Import a case file (.json) made with the command line</a></li>");
        }

        html.Raw("</ul>");
        if (kinds.Count > 0)
        {
            var recent = await records.RecentAsync(kinds, user.FindFirstValue(ClaimTypes.NameIdentifier));
            html.Raw("<h2 class=\"govuk-heading-m\">Records you worked on last</h2>");
            if (recent.Count == 0)
            {
                html.Raw("<p class=\"govuk-body\">None yet.</p>");
            }
            else
            {
                html.Raw("<ul class=\"govuk-list\">");
                foreach (var record in recent)
                {
                    html.Raw("<li><a class=\"govuk-link\"").Attr("href", $"/records/{record.Id}").Raw(">").Text($"{KindNames.Singular(record.Kind)}: {record.Reference ?? "no reference yet"}").Raw("</a> – ")
                        .Text(CasePages.When(record.UpdatedUtc)).Raw(" ").Raw(CasePages.Status(record)).Raw("</li>");
                }

                html.Raw("</ul>");
            }
        }

        if (!Roles.NeedsSecondFactor(user) && user.Identity?.AuthenticationType != Security.ApiTokenHandler.SchemeName && !user.HasClaim("amr", "mfa"))
        {
            html.Raw("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/account/two-factor\">Protect your account with two-factor sign-in</a></p>");
        }

        return Layout.Page(http, "Home", html.ToString());
    }

    private static IResult ImportPage(HttpContext http, IReadOnlyList<(string Anchor, string Message)>? errors, int status = 200)
    {
        var html = new HtmlBuilder();
        if (errors is { Count: > 0 })
        {
            html.Raw(Layout.ErrorSummary(errors));
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Import a case file</h1><p class=\"govuk-body\">A case file is the JSON file the command line reads. It is saved as a record exactly as it is, and can be exported again unchanged.</p>")
            .Raw("<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"caseFile\">Case file (.json)</label><input class=\"govuk-file-upload\" id=\"caseFile\" name=\"caseFile\" type=\"file\" accept=\".json,application/json\"></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Import</button></form>");
        return Layout.Page(http, "Import a case file", html.ToString(), status);
    }

    private static async Task<IResult> Import(HttpContext http, CasePipeline pipeline, SettingsStore settings, RecordStore records)
    {
        var (json, error) = await CasePages.ReadUpload(http);
        if (json is null)
        {
            return ImportPage(http, [("caseFile", error!)], 400);
        }

        if (CasePages.GuardKind(http, CasePipeline.PeekKind(json)) is { } refusal)
        {
            return refusal;
        }

        var check = pipeline.Check(json, await settings.GetAsync());
        if (!check.Readable || check.Kind is null)
        {
            // In the form's words where the file names a kind the form knows: the question, not the JSON path.
            var form = CasePipeline.FindKind(CasePipeline.PeekKind(json)) is { } kind ? CaseForm.For(kind) : null;
            return ImportPage(http, [.. check.Findings.Select(f => ("caseFile", $"{(form is null ? f.Message : FormWords.Message(form, f.Path, f.Message))} [{FormWords.Path(form, f.Path)}{(f.Line is int l ? $", line {l}" : string.Empty)}]"))], 400);
        }

        var record = await records.CreateAsync(check.Kind.Name, json, check, http.User);
        return Results.Redirect($"/records/{record.Id}");
    }
}
