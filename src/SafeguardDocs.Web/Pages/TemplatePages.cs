using SafeguardDocs.Core.Cases;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.Web.Accounts;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Pages;

/// <summary>
/// For administrators only: the school's own Word templates. One is uploaded for a kind and checked as
/// <c>safeguard-docs check</c> checks it before it is accepted (a refused one is not kept, and its problems
/// are listed by where they are in the document); accepted ones are listed and can be removed. Staff
/// choose them on "Check your answers".
/// </summary>
public static class TemplatePages
{
    public const string Path = "/admin/templates";

    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Path).RequireAuthorization("admin");
        admin.MapGet(string.Empty, async (HttpContext http, TemplateUploads uploads) => await Page(http, uploads, null, null, null));
        admin.MapPost(string.Empty, Upload);
        admin.MapPost("/{id:guid}/remove", Remove);
    }

    /// <summary>The kinds a Word template can be uploaded for: every kind made one document at a time.</summary>
    private static IEnumerable<CaseKind> Kinds => CasePipeline.Kinds.Where(k => !k.MakesManyDocuments);

    private static string Email(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    private static async Task<IResult> Page(HttpContext http, TemplateUploads uploads, IReadOnlyList<string>? problems, string? done, string? chosenKind, int status = 200)
    {
        var html = new HtmlBuilder();
        if (problems is { Count: > 0 })
        {
            html.Raw(Layout.ErrorSummary([("template", "The template was not accepted. Correct it in Word and upload it again.")]));
        }

        if (done is not null)
        {
            html.Raw("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"status\"><div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">").Text(done).Raw("</p></div></div>");
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Word templates</h1>")
            .Raw("<p class=\"govuk-body\">A school's own letter, written in Word with tags such as <code>{{ child.name }}</code> where the case's details go. Staff choose it on \u201cCheck your answers\u201d when they create a document. Start from the starter the command line writes (<code>safeguard-docs template new KIND --word FILE.docx</code>), which lists every field.</p>");

        var list = await uploads.ListAsync();
        if (list.Count == 0)
        {
            html.Raw("<p class=\"govuk-body\" id=\"no-templates\">No Word templates have been uploaded yet.</p>");
        }
        else
        {
            html.Raw("<table class=\"govuk-table\" id=\"templates\"><caption class=\"govuk-table__caption govuk-table__caption--m\">Uploaded templates</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
                .Raw("<th scope=\"col\" class=\"govuk-table__header\">For</th><th scope=\"col\" class=\"govuk-table__header\">Name</th><th scope=\"col\" class=\"govuk-table__header\">Uploaded by</th><th scope=\"col\" class=\"govuk-table__header\">When</th><th scope=\"col\" class=\"govuk-table__header\"><span class=\"govuk-visually-hidden\">Remove</span></th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var template in list)
            {
                html.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").Text(KindNames.Singular(template.Kind))
                    .Raw("</td><td class=\"govuk-table__cell\">").Text(template.Name).Raw("<br><span class=\"app-muted\">").Text(template.Description).Raw("</span>")
                    .Raw("</td><td class=\"govuk-table__cell\">").Text(template.UploadedBy)
                    .Raw("</td><td class=\"govuk-table__cell\">").Text(CasePages.When(template.UploadedUtc))
                    .Raw("</td><td class=\"govuk-table__cell\"><form method=\"post\"").Attr("action", $"{Path}/{template.Id}/remove").Raw(">").Raw(Layout.AntiforgeryField(http))
                    .Raw("<button type=\"submit\" class=\"govuk-button govuk-button--warning govuk-!-margin-bottom-0\">Remove<span class=\"govuk-visually-hidden\">").Text(" " + template.Name).Raw("</span></button></form></td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("<h2 class=\"govuk-heading-m\">Upload a template</h2><form method=\"post\" enctype=\"multipart/form-data\" novalidate").Attr("action", Path).Raw(">").Raw(Layout.AntiforgeryField(http))
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"kind\">What it is for</label><select class=\"govuk-select\" id=\"kind\" name=\"kind\">");
        foreach (var kind in Kinds)
        {
            html.Raw("<option").Attr("value", kind.Name).Raw(kind.Name == chosenKind ? " selected" : string.Empty).Raw(">").Text(KindNames.Singular(kind.Name)).Raw("</option>");
        }

        html.Raw("</select></div>");
        var error = problems is { Count: > 0 };
        html.Raw(error ? "<div class=\"govuk-form-group govuk-form-group--error\">" : "<div class=\"govuk-form-group\">")
            .Raw("<label class=\"govuk-label\" for=\"template\">Word document (.docx)</label><div class=\"govuk-hint\" id=\"template-hint\">")
            .Text($"At most {WordDocumentTemplate.MaxBytes / (1024 * 1024)} MB. It is checked before it is accepted: a misspelt field or a loop never closed is listed with where it is.")
            .Raw("</div>");
        if (error)
        {
            html.Raw("<div class=\"govuk-error-message\" id=\"template-error\"><span class=\"govuk-visually-hidden\">Error:</span> The template has problems:<ul class=\"govuk-list govuk-list--bullet\" id=\"template-problems\">");
            foreach (var problem in problems!)
            {
                html.Raw("<li>").Text(problem).Raw("</li>");
            }

            html.Raw("</ul></div>");
        }

        html.Raw("<input class=\"govuk-file-upload\" id=\"template\" name=\"template\" type=\"file\" accept=\".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document\"")
            .Attr("aria-describedby", error ? "template-hint template-error" : "template-hint").Raw("></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Check and upload</button></form>");
        return Layout.Page(http, "Word templates", html.ToString(), status);
    }

    private static async Task<IResult> Upload(HttpContext http, TemplateUploads uploads, AccountService accounts)
    {
        var form = await http.Request.ReadFormAsync();
        var kind = form["kind"].ToString();
        var file = form.Files.GetFile("template");
        if (file is null || file.Length == 0)
        {
            return await Page(http, uploads, ["Choose the Word document (.docx) to upload."], null, kind, StatusCodes.Status400BadRequest);
        }

        if (file.Length > WordDocumentTemplate.MaxBytes)
        {
            return await Page(http, uploads, [$"The file is larger than {WordDocumentTemplate.MaxBytes / (1024 * 1024)} MB. Make its pictures smaller (in Word: Picture Format \u203a Compress Pictures) and save it again."], null, kind, StatusCodes.Status400BadRequest);
        }

        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        var result = await uploads.AddAsync(stream.ToArray(), file.FileName, kind, Email(http));
        if (result.Template is not { } accepted)
        {
            return await Page(http, uploads, result.Problems, null, kind, StatusCodes.Status400BadRequest);
        }

        await accounts.RecordAsync(Actor(http), $"Word template {accepted.Name} added for {accepted.Kind}", null);
        return await Page(http, uploads, null, $"The template {accepted.Name} was checked and added. Staff can now choose it for a {KindNames.Singular(accepted.Kind).ToLowerInvariant()}.", accepted.Kind);
    }

    private static async Task<IResult> Remove(HttpContext http, Guid id, TemplateUploads uploads, AccountService accounts)
    {
        var removed = await uploads.RemoveAsync(id);
        if (removed is null)
        {
            return await Page(http, uploads, null, "That template had already been removed.", null, StatusCodes.Status404NotFound);
        }

        await accounts.RecordAsync(Actor(http), $"Word template {removed.Name} removed", null);
        return await Page(http, uploads, null, $"The template {removed.Name} was removed. Documents already made with it are not changed.", null);
    }

    private static string Actor(HttpContext http) => http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "unknown";
}
