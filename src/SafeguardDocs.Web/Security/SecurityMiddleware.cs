using Microsoft.AspNetCore.Antiforgery;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;

namespace SafeguardDocs.Web.Security;

/// <summary>The headers on every response: no inline script, no framing, no sniffing, no referrer.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!http.Request.Path.StartsWithSegments("/static", StringComparison.Ordinal))
            {
                // Pages and API answers hold case data: never kept in a shared or browser cache.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(http);
    });
}

/// <summary>
/// A DSL or administrator signed in with a password alone may only set up or enter their second factor:
/// every other page sends them there, and the API refuses (403). API tokens are for systems and exempt.
/// </summary>
public static class TwoFactorGate
{
    private static readonly string[] Open = ["/account/two-factor", "/sign-out", "/static", "/sign-in"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && !Layout.SecondFactorDone(user)
            && !Open.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await ApiResults.Problem(StatusCodes.Status403Forbidden, "Set up two-factor sign-in (an authenticator app) before using this account. Sign in in the browser to do it.").ExecuteAsync(http);
                return;
            }

            http.Response.Redirect("/account/two-factor");
            return;
        }

        await next(http);
    });
}

/// <summary>
/// Antiforgery on every form post, and on every API call that is authenticated by the session cookie
/// (the page's script sends the token in a header). Calls with an API token carry no cookie and need none.
/// </summary>
public static class AntiforgeryCheck
{
    public static IApplicationBuilder UseAntiforgeryCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        var unsafeMethod = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method);
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        // An API call without any sign-in is answered by authorization with 401, not by this check.
        var anonymousApi = http.User.Identity?.IsAuthenticated != true && http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        if (unsafeMethod && !bearer && !anonymousApi)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    await ApiResults.Problem(StatusCodes.Status400BadRequest, "The request was refused: it did not carry this session's antiforgery token. Reload the page and try again; systems should use an API token.").ExecuteAsync(http);
                }
                else
                {
                    await Layout.Page(http, "The form could not be sent", "<h1 class=\"govuk-heading-l\">The form could not be sent</h1><p class=\"govuk-body\">The page was open for too long, or was sent from somewhere else. Go back, reload the page and send it again. Nothing was saved.</p>", StatusCodes.Status400BadRequest).ExecuteAsync(http);
                }

                return;
            }
        }

        await next(http);
    });
}

/// <summary>Roles checked per kind, for pages and the API alike.</summary>
public static class KindAccess
{
    public static bool Allows(HttpContext http, string? kind) => Roles.MayOpen(http.User, kind);
}
