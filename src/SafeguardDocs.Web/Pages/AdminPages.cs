using System.Globalization;
using System.Security.Claims;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Web.Accounts;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Pages;

/// <summary>For administrators only: accounts (list, add, change role, disable; each change recorded) and the organisation's settings.</summary>
public static class AdminPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization("admin");
        admin.MapGet("/accounts", (HttpContext http, AccountService accounts) => AccountsPage(http, accounts, null, null));
        admin.MapPost("/accounts", Add);
        admin.MapPost("/accounts/{id}/roles", ChangeRoles);
        admin.MapPost("/accounts/{id}/disable", Disable);
        admin.MapGet("/settings", async (HttpContext http, SettingsStore store) => SettingsPage(http, await store.GetAsync(), null, null));
        admin.MapPost("/settings", SaveSettings);
        admin.MapGet("/settings/export", async (SettingsStore store) =>
            Results.File(await store.ExportAsync(), "application/json", "settings.json"));
    }

    private static string Actor(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    private static async Task<IResult> AccountsPage(HttpContext http, AccountService accounts, IReadOnlyList<string>? errors, string? done, int status = 200)
    {
        var html = new HtmlBuilder();
        if (errors is { Count: > 0 })
        {
            html.Raw(Layout.ErrorSummary(errors.Select(e => ("email", e))));
        }

        if (done is not null)
        {
            html.Raw("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"status\"><div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">").Text(done).Raw("</p></div></div>");
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Accounts</h1><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Staff who can sign in</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Email</th><th scope=\"col\" class=\"govuk-table__header\">Roles</th><th scope=\"col\" class=\"govuk-table__header\">Status</th><th scope=\"col\" class=\"govuk-table__header\">Change</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var account in await accounts.ListAsync())
        {
            var status2 = account.Disabled ? "Disabled" : account.LockedOut ? "Locked out for now" : account.TwoFactor ? "Active, two-factor on" : "Active";
            html.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").Text(account.Email).Raw("</td><td class=\"govuk-table__cell\">").Text(string.Join(", ", account.Roles)).Raw("</td><td class=\"govuk-table__cell\">").Text(status2).Raw("</td><td class=\"govuk-table__cell\">");
            if (!account.Disabled)
            {
                html.Raw("<form method=\"post\" class=\"app-inline-form\"").Attr("action", $"/admin/accounts/{account.Id}/roles").Raw(">").Raw(Layout.AntiforgeryField(http))
                    .Raw("<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Roles<span class=\"govuk-visually-hidden\">").Text(" of " + account.Email).Raw("</span></legend><div class=\"govuk-checkboxes govuk-checkboxes--small\">");
                foreach (var role in Roles.All)
                {
                    var id = $"r-{account.Id}-{role}";
                    html.Raw("<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" type=\"checkbox\" name=\"roles\"").Attr("id", id).Attr("value", role).Raw(account.Roles.Contains(role) ? " checked" : string.Empty).Raw(">")
                        .Raw("<label class=\"govuk-label govuk-checkboxes__label\"").Attr("for", id).Raw(">").Text(role).Raw("</label></div>");
                }

                html.Raw("</div></fieldset><button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Change roles<span class=\"govuk-visually-hidden\">").Text(" of " + account.Email).Raw("</span></button></form>")
                    .Raw("<form method=\"post\"").Attr("action", $"/admin/accounts/{account.Id}/disable").Raw(">").Raw(Layout.AntiforgeryField(http))
                    .Raw("<button type=\"submit\" class=\"govuk-button govuk-button--warning\">Disable<span class=\"govuk-visually-hidden\">").Text(" " + account.Email).Raw("</span></button></form>");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table><h2 class=\"govuk-heading-m\">Add a member of staff</h2><form method=\"post\" action=\"/admin/accounts\" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"email\">Email address</label><input class=\"govuk-input\" id=\"email\" name=\"email\" type=\"email\" spellcheck=\"false\" autocomplete=\"off\"></div>")
            .Raw("<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Roles</legend><div class=\"govuk-hint\" id=\"roles-hint\">office: loan letters, AUP agreements and packs. dsl: every kind, including safeguarding records. admin: accounts and settings only.</div><div class=\"govuk-checkboxes\">");
        foreach (var role in Roles.All)
        {
            html.Raw("<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" type=\"checkbox\" name=\"roles\"").Attr("id", "new-" + role).Attr("value", role).Raw(">")
                .Raw("<label class=\"govuk-label govuk-checkboxes__label\"").Attr("for", "new-" + role).Raw(">").Text(role).Raw("</label></div>");
        }

        html.Raw("</div></fieldset></div><div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"password\">First password</label><div class=\"govuk-hint\" id=\"password-hint\">At least 12 characters. Give it to them in person.</div><input class=\"govuk-input\" id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" aria-describedby=\"password-hint\"></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Add account</button></form>");
        var history = await accounts.HistoryAsync();
        html.Raw("<h2 class=\"govuk-heading-m\">Recent changes</h2>");
        if (history.Count == 0)
        {
            html.Raw("<p class=\"govuk-body\">None yet.</p>");
        }
        else
        {
            html.Raw("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Changes to accounts and settings, newest first</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">When</th><th scope=\"col\" class=\"govuk-table__header\">By</th><th scope=\"col\" class=\"govuk-table__header\">Change</th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var (when, actor, action, target) in history)
            {
                html.Raw("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").Text(CasePages.When(when)).Raw("</td><td class=\"govuk-table__cell\">").Text(actor)
                    .Raw("</td><td class=\"govuk-table__cell\">").Text(target is null ? action : $"{target}: {action}").Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        return Layout.Page(http, "Accounts", html.ToString(), status);
    }

    private static async Task<IResult> Add(HttpContext http, AccountService accounts)
    {
        var form = await http.Request.ReadFormAsync();
        var result = await accounts.AddAsync(form["email"].ToString(), [.. form["roles"].Select(r => r ?? string.Empty)], form["password"].ToString(), Actor(http));
        return result.Succeeded
            ? await AccountsPage(http, accounts, null, "Account added.")
            : await AccountsPage(http, accounts, result.Errors, null, 400);
    }

    private static async Task<IResult> ChangeRoles(HttpContext http, string id, AccountService accounts)
    {
        var form = await http.Request.ReadFormAsync();
        if (id == Actor(http) && !form["roles"].Contains(Roles.Admin))
        {
            return await AccountsPage(http, accounts, ["You cannot take the admin role from your own account: ask another administrator."], null, 400);
        }

        var result = await accounts.SetRolesAsync(id, [.. form["roles"].Select(r => r ?? string.Empty)], Actor(http));
        return result.Succeeded
            ? await AccountsPage(http, accounts, null, "Roles changed.")
            : await AccountsPage(http, accounts, result.Errors, null, 400);
    }

    private static async Task<IResult> Disable(HttpContext http, string id, AccountService accounts)
    {
        if (id == Actor(http))
        {
            return await AccountsPage(http, accounts, ["You cannot disable your own account: ask another administrator."], null, 400);
        }

        var result = await accounts.DisableByIdAsync(id, Actor(http));
        return result.Succeeded
            ? await AccountsPage(http, accounts, null, "Account disabled: it can no longer sign in, and its API tokens are revoked.")
            : await AccountsPage(http, accounts, result.Errors, null, 400);
    }

    private static IResult SettingsPage(HttpContext http, OrganisationSettings settings, IReadOnlyList<(string, string)>? errors, string? done, int status = 200)
    {
        var html = new HtmlBuilder();
        var beside = (errors ?? []).GroupBy(e => e.Item1).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);
        if (errors is { Count: > 0 })
        {
            html.Raw(Layout.ErrorSummary(errors));
        }

        if (done is not null)
        {
            html.Raw("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"status\"><div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">").Text(done).Raw("</p></div></div>");
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Settings</h1><form method=\"post\" action=\"/admin/settings\" novalidate>").Raw(Layout.AntiforgeryField(http));
        Input(html, beside, "ladoMeetingWorkingDays", "Working days to convene a LADO-chaired meeting", "The guidance says five.", settings.LadoMeetingWorkingDays.ToString(CultureInfo.InvariantCulture), numeric: true);
        Input(html, beside, "annualCheckMonths", "Months to the check of loaned equipment", "The guidance says annual: 12.", settings.AnnualCheckMonths.ToString(CultureInfo.InvariantCulture), numeric: true);
        Input(html, beside, "deliveryChaseDays", "Days before a recipient chases a delivery", "The template letter says 21.", settings.DeliveryChaseDays.ToString(CultureInfo.InvariantCulture), numeric: true);
        Area(html, beside, "extraClosureDays", "Extra closure days", "Days closed besides weekends and bank holidays, one a line, as YYYY-MM-DD. They are not counted as working days.", string.Join('\n', settings.ExtraClosureDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        Contact(html, beside, "safeguardingUnit", "Safeguarding unit", "Where incidents involving coercion or an adult are referred.", settings.SafeguardingUnit);
        Contact(html, beside, "safeSchoolsTeam", "Safe Schools and Communities Team", "The police schools team a loan letter gives for online-safety advice.", settings.SafeSchoolsTeam);
        Area(html, beside, "usefulWebsites", "Useful websites", "Websites a loan letter points to, one a line, as the name, a vertical bar, then the address: UK Safer Internet Centre | www.saferinternet.org.uk", string.Join('\n', settings.UsefulWebsites.Select(w => $"{w.Name} | {w.Address}")));
        html.Raw("<button type=\"submit\" class=\"govuk-button\">Save settings</button></form><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/admin/settings/export\">Export the settings (.json)</a></p>");
        return Layout.Page(http, "Settings", html.ToString(), status);
    }

    private static void Input(HtmlBuilder html, Dictionary<string, string> errors, string name, string label, string hint, string? value, bool numeric = false) =>
        Start(html, errors, name, label, hint)
            .Raw("<input").Attr("class", numeric ? "govuk-input govuk-input--width-3" : "govuk-input").Attr("id", name).Attr("name", name).Raw(numeric ? " inputmode=\"numeric\"" : string.Empty).Raw(" type=\"text\"").Attr("aria-describedby", name + "-hint").Attr("value", value).Raw("></div>");

    /// <summary>A question's label, hint and (when wrong) its error, directly above the input.</summary>
    private static HtmlBuilder Start(HtmlBuilder html, Dictionary<string, string> errors, string name, string label, string hint)
    {
        var error = errors.TryGetValue(name, out var message);
        html.Raw(error ? "<div class=\"govuk-form-group govuk-form-group--error\">" : "<div class=\"govuk-form-group\">")
            .Raw("<label class=\"govuk-label\"").Attr("for", name).Raw(">").Text(label).Raw("</label><div class=\"govuk-hint\"").Attr("id", name + "-hint").Raw(">").Text(hint).Raw("</div>");
        if (error)
        {
            html.Raw("<p class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(message).Raw("</p>");
        }

        return html;
    }

    /// <summary>A contact's name, telephone and email, in a fieldset of its own.</summary>
    private static void Contact(HtmlBuilder html, Dictionary<string, string> errors, string name, string legend, string hint, OrganisationContact contact)
    {
        html.Raw("<fieldset class=\"govuk-fieldset\"").Attr("aria-describedby", name + "-hint").Raw("><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").Text(legend).Raw("</legend><div class=\"govuk-hint\"").Attr("id", name + "-hint").Raw(">").Text(hint).Raw("</div>");
        Input(html, errors, name + "Name", "Name", "Required.", contact.Name);
        Input(html, errors, name + "Phone", "Telephone", "If known.", contact.Phone);
        Input(html, errors, name + "Email", "Email", "If known.", contact.Email);
        html.Raw("</fieldset>");
    }

    private static void Area(HtmlBuilder html, Dictionary<string, string> errors, string name, string label, string hint, string value) =>
        Start(html, errors, name, label, hint)
            .Raw("<textarea class=\"govuk-textarea\" rows=\"4\"").Attr("id", name).Attr("name", name).Attr("aria-describedby", name + "-hint").Raw(">").Text(value).Raw("</textarea></div>");

    private static async Task<IResult> SaveSettings(HttpContext http, SettingsStore store, AccountService accounts)
    {
        var form = await http.Request.ReadFormAsync();
        var errors = new List<(string, string)>();
        int Number(string name, string words, int min, int max)
        {
            if (int.TryParse(form[name].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            errors.Add((name, $"{words} must be a whole number from {min} to {max}."));
            return min;
        }

        var closures = new List<DateOnly>();
        foreach (var line in form["extraClosureDays"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                closures.Add(day);
            }
            else
            {
                errors.Add(("extraClosureDays", "Write each closure day as YYYY-MM-DD, one a line, like 2026-12-21."));
                break;
            }
        }

        OrganisationContact ContactFrom(string name, string words)
        {
            string? Text(string field) => form[name + field].ToString().Trim() is { Length: > 0 } t ? t : null;
            if (Text("Name") is not { } contactName)
            {
                errors.Add((name + "Name", $"Enter the name of the {words}."));
                return new OrganisationContact(string.Empty, Text("Phone"), Text("Email"));
            }

            return new OrganisationContact(contactName, Text("Phone"), Text("Email"));
        }

        var websites = new List<UsefulWebsite>();
        foreach (var line in form["usefulWebsites"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
            {
                websites.Add(new UsefulWebsite(parts[0], parts[1]));
            }
            else
            {
                errors.Add(("usefulWebsites", "Write each website as its name, a vertical bar, then its address, one a line."));
                break;
            }
        }

        var settings = new OrganisationSettings
        {
            LadoMeetingWorkingDays = Number("ladoMeetingWorkingDays", "Working days to convene a LADO-chaired meeting", 1, 30),
            AnnualCheckMonths = Number("annualCheckMonths", "Months to the check of loaned equipment", 1, 36),
            DeliveryChaseDays = Number("deliveryChaseDays", "Days before a recipient chases a delivery", 1, 365),
            ExtraClosureDays = [.. closures.Distinct().Order()],
            SafeguardingUnit = ContactFrom("safeguardingUnit", "safeguarding unit"),
            SafeSchoolsTeam = ContactFrom("safeSchoolsTeam", "Safe Schools and Communities Team"),
            UsefulWebsites = websites,
        };
        if (errors.Count > 0)
        {
            return SettingsPage(http, settings, errors, null, 400);
        }

        await store.SaveAsync(settings);
        await accounts.RecordAsync(Actor(http), "settings changed", null);
        return SettingsPage(http, settings, null, "Settings saved.");
    }
}
