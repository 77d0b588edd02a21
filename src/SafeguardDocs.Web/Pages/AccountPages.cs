using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using SafeguardDocs.Web.Accounts;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;

namespace SafeguardDocs.Web.Pages;

/// <summary>Sign in, the second factor (entering it and setting it up), sign out and the first-run setup.</summary>
public static class AccountPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", (HttpContext http, string? returnUrl) => SignInPage(http, returnUrl, null)).AllowAnonymous();
        app.MapPost("/sign-in", SignIn).AllowAnonymous();
        app.MapGet("/sign-in/two-factor", (HttpContext http, string? returnUrl) => CodePage(http, returnUrl, null)).AllowAnonymous();
        app.MapPost("/sign-in/two-factor", SignInWithCode).AllowAnonymous();
        app.MapPost("/sign-out", async (SignInManager<WebUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/sign-in");
        }).AllowAnonymous();
        app.MapGet("/account/two-factor", SetUpPage).RequireAuthorization();
        app.MapPost("/account/two-factor", SetUp).RequireAuthorization();
        app.MapGet("/setup", (HttpContext http, string? token, SetupToken setup) => setup.Matches(token) ? SetupPage(http, token!, null) : SetupGone(http)).AllowAnonymous();
        app.MapPost("/setup", Setup).AllowAnonymous();
    }

    private static IResult SignInPage(HttpContext http, string? returnUrl, string? error, int status = 200)
    {
        var html = new HtmlBuilder();
        if (error is not null)
        {
            html.Raw(Layout.ErrorSummary([("email", error)]));
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Sign in</h1><form method=\"post\" action=\"/sign-in\" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<input type=\"hidden\" name=\"returnUrl\"").Attr("value", CommonPages.LocalOrHome(returnUrl)).Raw(">")
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"email\">Email address</label><input class=\"govuk-input\" id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" spellcheck=\"false\"></div>")
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"password\">Password</label><input class=\"govuk-input\" id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\"></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Sign in</button></form>");
        return Layout.Page(http, "Sign in", html.ToString(), status);
    }

    private static async Task<IResult> SignIn(HttpContext http, SignInManager<WebUser> signIn)
    {
        var form = await http.Request.ReadFormAsync();
        var email = form["email"].ToString().Trim();
        var returnUrl = CommonPages.LocalOrHome(form["returnUrl"]);
        if (email.Length == 0 || form["password"].ToString().Length == 0)
        {
            return SignInPage(http, returnUrl, "Enter your email address and password.", 400);
        }

        var result = await signIn.PasswordSignInAsync(email, form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.Redirect(returnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return Results.Redirect("/sign-in/two-factor?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        return result.IsLockedOut
            ? SignInPage(http, returnUrl, "This account is locked after too many wrong passwords, or has been disabled. Try again in 15 minutes, or ask an administrator.", 423)
            : SignInPage(http, returnUrl, "The email address or password is not right. Check them and try again.", 400);
    }

    private static IResult CodePage(HttpContext http, string? returnUrl, string? error, int status = 200)
    {
        var html = new HtmlBuilder();
        if (error is not null)
        {
            html.Raw(Layout.ErrorSummary([("code", error)]));
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Enter the code from your authenticator app</h1><form method=\"post\" action=\"/sign-in/two-factor\" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<input type=\"hidden\" name=\"returnUrl\"").Attr("value", CommonPages.LocalOrHome(returnUrl)).Raw(">")
            .Raw("<div class=\"govuk-form-group").Raw(error is null ? string.Empty : " govuk-form-group--error").Raw("\"><label class=\"govuk-label\" for=\"code\">Code</label><div class=\"govuk-hint\" id=\"code-hint\">The 6-digit code your authenticator app shows for SafeguardDocs.</div>");
        if (error is not null)
        {
            html.Raw("<p class=\"govuk-error-message\" id=\"code-error\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(error).Raw("</p>");
        }

        html.Raw("<input class=\"govuk-input govuk-input--width-10\" id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\" aria-describedby=\"code-hint").Raw(error is null ? string.Empty : " code-error").Raw("\"></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Continue</button></form>");
        return Layout.Page(http, "Enter your code", html.ToString(), status);
    }

    private static async Task<IResult> SignInWithCode(HttpContext http, SignInManager<WebUser> signIn)
    {
        var form = await http.Request.ReadFormAsync();
        var returnUrl = CommonPages.LocalOrHome(form["returnUrl"]);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Results.Redirect("/sign-in");
        }

        var code = new string([.. form["code"].ToString().Where(char.IsDigit)]);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return Results.Redirect(returnUrl);
        }

        return result.IsLockedOut
            ? SignInPage(http, "/", "This account is locked after too many wrong codes. Try again in 15 minutes, or ask an administrator.", 423)
            : CodePage(http, returnUrl, "The code is not right. Enter the code your app shows now; codes change every 30 seconds.", 400);
    }

    private static async Task<IResult> SetUpPage(HttpContext http, UserManager<WebUser> users)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/sign-in");
        }

        return await SetUpView(http, users, user, null, 200);
    }

    private static async Task<IResult> SetUpView(HttpContext http, UserManager<WebUser> users, WebUser user, string? error, int status)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        var html = new HtmlBuilder();
        if (error is not null)
        {
            html.Raw(Layout.ErrorSummary([("code", error)]));
        }

        var required = Data.Roles.NeedsSecondFactor(http.User);
        html.Raw("<h1 class=\"govuk-heading-l\">Set up two-factor sign-in</h1>")
            .Raw(required
                ? "<p class=\"govuk-body\">Your role opens child protection records or accounts, so you need a second factor as well as your password before you can open anything.</p>"
                : "<p class=\"govuk-body\">A second factor as well as your password protects the records you work on.</p>")
            .Raw("<ol class=\"govuk-list govuk-list--number\"><li>Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).</li>")
            .Raw("<li>Add an account by entering this key: <strong class=\"app-key\" id=\"authenticator-key\">").Text(grouped.ToString().Trim()).Raw("</strong> (time-based, 6 digits).</li>")
            .Raw("<li>Enter the 6-digit code the app then shows.</li></ol>")
            .Raw("<form method=\"post\" action=\"/account/two-factor\" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<div class=\"govuk-form-group").Raw(error is null ? string.Empty : " govuk-form-group--error").Raw("\"><label class=\"govuk-label\" for=\"code\">Code from the app</label>");
        if (error is not null)
        {
            html.Raw("<p class=\"govuk-error-message\" id=\"code-error\"><span class=\"govuk-visually-hidden\">Error:</span> ").Text(error).Raw("</p>");
        }

        html.Raw("<input class=\"govuk-input govuk-input--width-10\" id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\"></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Turn on two-factor sign-in</button></form>");
        return Layout.Page(http, "Set up two-factor sign-in", html.ToString(), status);
    }

    private static async Task<IResult> SetUp(HttpContext http, UserManager<WebUser> users, SignInManager<WebUser> signIn, AccountService accounts)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/sign-in");
        }

        var form = await http.Request.ReadFormAsync();
        var code = new string([.. form["code"].ToString().Where(char.IsDigit)]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return await SetUpView(http, users, user, "The code is not right. Check the key was entered exactly, then enter the code the app shows now.", 400);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await accounts.RecordAsync(user.Id, "two-factor sign-in turned on", user.Id);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return Results.Redirect("/");
    }

    private static IResult SetupGone(HttpContext http) => Layout.Page(http, "Setup link not valid",
        "<h1 class=\"govuk-heading-l\">This setup link is not valid</h1><p class=\"govuk-body\">The first administrator has already been created, or the link is from an earlier start. Sign in instead, or ask whoever runs the server to add an account with <code>safeguard-docs users add</code>.</p>",
        StatusCodes.Status404NotFound);

    private static IResult SetupPage(HttpContext http, string token, IReadOnlyList<string>? errors, int status = 200)
    {
        var html = new HtmlBuilder();
        if (errors is { Count: > 0 })
        {
            html.Raw(Layout.ErrorSummary(errors.Select(e => ("email", e))));
        }

        html.Raw("<h1 class=\"govuk-heading-l\">Create the first administrator</h1><p class=\"govuk-body\">Administrators add and remove staff accounts. They do not see safeguarding records unless they are also given the DSL role.</p>")
            .Raw("<form method=\"post\" action=\"/setup\" novalidate>").Raw(Layout.AntiforgeryField(http))
            .Raw("<input type=\"hidden\" name=\"token\"").Attr("value", token).Raw(">")
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"email\">Email address</label><input class=\"govuk-input\" id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" spellcheck=\"false\"></div>")
            .Raw("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"password\">Password</label><div class=\"govuk-hint\" id=\"password-hint\">At least 12 characters. A few unrelated words make a good one.</div><input class=\"govuk-input\" id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" aria-describedby=\"password-hint\"></div>")
            .Raw("<button type=\"submit\" class=\"govuk-button\">Create administrator</button></form>");
        return Layout.Page(http, "Create the first administrator", html.ToString(), status);
    }

    private static async Task<IResult> Setup(HttpContext http, SetupToken setup, AccountService accounts, SignInManager<WebUser> signIn)
    {
        var form = await http.Request.ReadFormAsync();
        var token = form["token"].ToString();
        if (!setup.Matches(token) || await accounts.AnyAccountsAsync())
        {
            return SetupGone(http);
        }

        var email = form["email"].ToString().Trim();
        var result = await accounts.AddAsync(email, [Data.Roles.Admin], form["password"].ToString(), "setup");
        if (!result.Succeeded)
        {
            return SetupPage(http, token, result.Errors, 400);
        }

        setup.Spend();
        await signIn.PasswordSignInAsync(email, form["password"].ToString(), isPersistent: false, lockoutOnFailure: false);
        return Results.Redirect("/account/two-factor");
    }

    internal static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
