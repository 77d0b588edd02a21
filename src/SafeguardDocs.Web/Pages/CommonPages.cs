using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Html;

namespace SafeguardDocs.Web.Pages;

/// <summary>Pages for when something goes wrong: never a stack trace, never case data, always what to do.</summary>
public static class CommonPages
{
    public static IResult Forbidden(HttpContext http) => Layout.Page(http, "You cannot open this page",
        "<h1 class=\"govuk-heading-l\">You cannot open this page</h1><p class=\"govuk-body\">Your role does not allow it. If you need it for your work, ask an administrator to change your role.</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to the home page</a></p>",
        StatusCodes.Status403Forbidden);

    public static IResult NotFound(HttpContext http) => Layout.Page(http, "Page not found",
        "<h1 class=\"govuk-heading-l\">Page not found</h1><p class=\"govuk-body\">If you typed the address, check it is correct. If you followed a link to a record, it may have been removed.</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">Go to the home page</a></p>",
        StatusCodes.Status404NotFound);

    /// <summary>The exception handler: a plain page or JSON, with nothing of the exception in it.</summary>
    public static async Task Error(HttpContext http)
    {
        // A form over the upload limit (read by the antiforgery check) fails with InvalidDataException: too large, not a server fault.
        var status = http.Features.Get<IExceptionHandlerFeature>()?.Error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or { InnerException: InvalidDataException } => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status500InternalServerError,
        };
        http.Response.StatusCode = status;
        var title = status == StatusCodes.Status413PayloadTooLarge
            ? http.Request.Path.StartsWithSegments("/verify", StringComparison.Ordinal)
                ? Pages.EvidencePages.TooLargeToVerify
                : "That is too large to be a case file. Nothing was saved."
            : status < 500 ? "The request could not be read. Go back and try again." : "Something went wrong on the server. Nothing was lost that had been saved; go back and try again.";
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await ApiResults.Problem(status, title).ExecuteAsync(http);
            return;
        }

        await Layout.Page(http, "Sorry, there is a problem", $"<h1 class=\"govuk-heading-l\">Sorry, there is a problem</h1><p class=\"govuk-body\">{HtmlBuilder.Encode(title)}</p>", status).ExecuteAsync(http);
    }

    /// <summary>Bodies for empty 4xx answers: JSON for the API, a page otherwise.</summary>
    public static async Task StatusCode(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            var title = status switch
            {
                401 => "Sign in, or send an API token as 'Authorization: Bearer TOKEN'.",
                403 => "Your role does not allow this.",
                404 => "There is no such address in the API.",
                405 => "That method is not allowed here.",
                _ => "The request could not be used.",
            };
            await ApiResults.Problem(status, title).ExecuteAsync(http);
            return;
        }

        var result = status switch
        {
            403 => Forbidden(http),
            404 => NotFound(http),
            _ => Layout.Page(http, "Sorry, there is a problem", "<h1 class=\"govuk-heading-l\">Sorry, there is a problem</h1><p class=\"govuk-body\">The request could not be used. Go back and try again.</p>", status),
        };
        await result.ExecuteAsync(http);
    }

    /// <summary>A local path to return to after signing in; anything else goes home.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}

/// <summary>The style sheet and script, served from the assembly (no CDN, no outside call).</summary>
public static class StaticFiles
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type)> Files = Load();

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/static/{name}", (string name, HttpContext http) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Bytes, file.Type);
        }).AllowAnonymous();

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("static/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource["static/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (copy.ToArray(), type);
        }

        return files;
    }
}
