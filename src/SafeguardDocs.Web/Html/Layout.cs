using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Html;

/// <summary>
/// The page around every page: the service name, the links the user's role allows (nothing else, not
/// even disabled), a skip link, and the antiforgery token for forms and the page's script. Titles never
/// hold personal data: they name the page, not the case.
/// </summary>
public static class Layout
{
    public const string ServiceName = "SafeguardDocs";

    /// <summary>A page; <c>head</c> adds markup written in this code to the head (a no-script refresh), <c>scriptName</c> is the script under /static/ when <c>script</c> is true.</summary>
    public static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK, bool script = false, string? head = null, string scriptName = "form.js")
    {
        ArgumentNullException.ThrowIfNull(http);
        var html = new HtmlBuilder();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"govuk-template\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" – ").Text(ServiceName).Raw("</title>")
            .Raw("<link rel=\"stylesheet\" href=\"/static/site.css\">");
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            html.Raw("<meta name=\"csrf-token\"").Attr("content", tokens.RequestToken).Raw(">");
        }

        if (script)
        {
            html.Raw("<script").Attr("src", "/static/" + scriptName).Raw(" defer></script>");
        }

        if (head is not null)
        {
            html.Raw(head);
        }

        html.Raw("</head><body class=\"govuk-template__body\">")
            .Raw("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>")
            .Raw("<header class=\"govuk-header\"><div class=\"govuk-width-container govuk-header__container\">")
            .Raw("<a href=\"/\" class=\"govuk-header__service-name\">").Text(ServiceName).Raw("</a>");
        Navigation(http, html);
        html.Raw("</div></header>")
            .Raw("<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" id=\"main-content\">")
            .Raw(body)
            .Raw("</main></div>")
            .Raw("<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><p class=\"govuk-body-s\">Rules from the published online-safety procedures. Keep documents with the child protection record; never store imagery here.</p></div></footer>")
            .Raw("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static void Navigation(HttpContext http, HtmlBuilder html)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        html.Raw("<nav aria-label=\"Menu\" class=\"govuk-header__navigation\"><ul class=\"govuk-header__navigation-list\">");
        html.Raw("<li><a class=\"govuk-header__link\" href=\"/\">Home</a></li>");
        if (SecondFactorDone(user))
        {
            foreach (var kind in CasePipeline.Kinds.Where(k => Roles.MayOpen(user, k.Name)))
            {
                html.Raw("<li><a class=\"govuk-header__link\"").Attr("href", "/cases/" + kind.Name).Raw(">").Text(KindNames.Plural(kind.Name)).Raw("</a></li>");
                if (kind.Name == Packs.PackService.Kind)
                {
                    // The saved pack details are not the packs: the page that makes them has its own link.
                    html.Raw("<li><a class=\"govuk-header__link\" href=\"/packs\">Make AUP packs</a></li>");
                }
            }

            if (Pages.RegisterPages.MayOpen(user))
            {
                html.Raw("<li><a class=\"govuk-header__link\" href=\"/registers\">Registers</a></li>");
            }

            if (user.IsInRole(Roles.Dsl) || user.IsInRole(Roles.Admin))
            {
                html.Raw("<li><a class=\"govuk-header__link\" href=\"/verify\">Verify a document</a></li>");
            }

            if (user.IsInRole(Roles.Admin))
            {
                html.Raw("<li><a class=\"govuk-header__link\" href=\"/admin/accounts\">Accounts</a></li>");
                html.Raw("<li><a class=\"govuk-header__link\" href=\"/admin/settings\">Settings</a></li>");
                html.Raw("<li><a class=\"govuk-header__link\" href=\"/admin/templates\">Word templates</a></li>");
            }
        }

        html.Raw("<li><form method=\"post\" action=\"/sign-out\" class=\"govuk-header__form\">").Raw(AntiforgeryField(http))
            .Raw("<button type=\"submit\" class=\"govuk-header__button\">Sign out</button></form></li>");
        html.Raw("</ul></nav>");
    }

    public static bool SecondFactorDone(ClaimsPrincipal user) =>
        !Roles.NeedsSecondFactor(user) || user.HasClaim("amr", "mfa") || user.Identity?.AuthenticationType == Security.ApiTokenHandler.SchemeName;

    /// <summary>The hidden antiforgery input every form carries.</summary>
    public static string AntiforgeryField(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new HtmlBuilder().Raw("<input type=\"hidden\"").Attr("name", tokens.FormFieldName).Attr("value", tokens.RequestToken).Raw(">").ToString();
    }

    /// <summary>A GOV.UK error summary: a heading and a link to each problem's field.</summary>
    public static string ErrorSummary(IEnumerable<(string Anchor, string Message)> errors)
    {
        var list = errors.ToList();
        var html = new HtmlBuilder();
        html.Raw("<div class=\"govuk-error-summary\" data-module=\"error-summary\" tabindex=\"-1\" id=\"error-summary\"")
            .Raw(list.Count == 0 ? " hidden" : string.Empty)
            .Raw("><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (anchor, message) in list)
        {
            html.Raw("<li><a").Attr("href", "#" + anchor).Raw(">").Text(message).Raw("</a></li>");
        }

        html.Raw("</ul></div></div></div>");
        return html.ToString();
    }
}

/// <summary>What each kind is called on pages (plain words, not the file's kind name).</summary>
public static class KindNames
{
    public static string Singular(string kind) => kind switch
    {
        "device-allocation" => "Loan letter for equipment",
        "viewing-decision" => "Decision to view imagery",
        "strategy-meeting" => "Strategy meeting agenda",
        "incident-report" => "E-safety incident form",
        "online-safety-plan" => "Online Safety Plan",
        "aup-agreement" => "Acceptable use agreement",
        "aup-pack" => "School AUP pack details",
        _ => kind,
    };

    public static string Plural(string kind) => kind switch
    {
        "device-allocation" => "Loan letters",
        "viewing-decision" => "Viewing decisions",
        "strategy-meeting" => "Strategy meetings",
        "incident-report" => "Incident forms",
        "online-safety-plan" => "Online Safety Plans",
        "aup-agreement" => "AUP agreements",
        "aup-pack" => "AUP pack details",
        _ => kind,
    };

    /// <summary>The task on the home page: "Issue a loan letter…".</summary>
    public static string Task(string kind) => kind switch
    {
        "device-allocation" => "Issue a loan letter for a laptop or other equipment",
        "viewing-decision" => "Record a decision to view, or not to view, imagery",
        "strategy-meeting" => "Prepare a strategy meeting agenda",
        "incident-report" => "Fill in an e-safety incident form",
        "online-safety-plan" => "Write an Online Safety Plan",
        "aup-agreement" => "Make an acceptable use agreement",
        "aup-pack" => "Prepare the details for the school's AUP packs",
        _ => kind,
    };
}
