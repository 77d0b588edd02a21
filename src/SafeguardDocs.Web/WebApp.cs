using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Web.Accounts;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Jobs;
using SafeguardDocs.Web.Packs;
using SafeguardDocs.Web.Pages;
using SafeguardDocs.Web.Pipeline;
using SafeguardDocs.Web.Security;

namespace SafeguardDocs.Web;

/// <summary>Why the app will not start, in words for whoever started it.</summary>
public sealed class WebStartupException(string message) : Exception(message);

/// <summary>
/// The web app, wired once: configuration keys <c>Data</c> (the data folder, default <c>data</c>),
/// <c>BehindTlsProxy</c> (true when a TLS proxy is in front) and <c>urls</c> (where to listen).
/// </summary>
public static class WebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the app from command-line style arguments (<c>--Data DIR --urls URL</c>) without starting it.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        Configure(builder);
        var app = builder.Build();
        Compose(app);
        return app;
    }

    /// <summary>Refuses to listen beyond this machine over plain HTTP unless a TLS proxy is said to be in front.</summary>
    public static void CheckUrls(string urls, bool behindTlsProxy)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                throw new WebStartupException($"'{url}' is not an address to listen on. Give one like {DefaultUrl}.");
            }

            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback && uri.Scheme == Uri.UriSchemeHttp && !behindTlsProxy)
            {
                throw new WebStartupException(
                    $"Refusing to listen on {url}: it can be reached from other machines, and over plain HTTP passwords and safeguarding records would cross the network unencrypted. " +
                    "Listen on https:// with a certificate (Kestrel:Certificates:Default:Path), or, if a TLS proxy is in front of this server, start with --behind-tls-proxy. " +
                    $"To use it on this machine only, listen on {DefaultUrl}.");
            }
        }
    }

    /// <summary>
    /// What to print once listening: where to open it, and on first start (no accounts) the one-time
    /// setup link. Only someone at this console sees the link.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StartupLinesAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var first = addresses.FirstOrDefault() ?? DefaultUrl;
        var lines = new List<string> { $"SafeguardDocs is running. Open {first} in a browser. Press Ctrl+C to stop." };
        using var scope = app.Services.CreateScope();
        if (!await scope.ServiceProvider.GetRequiredService<AccountService>().AnyAccountsAsync())
        {
            var token = app.Services.GetRequiredService<SetupToken>().Issue();
            lines.Add("There are no accounts yet. To create the first administrator, open this one-time link (it works until an administrator exists, and only for this run):");
            lines.Add($"{first.TrimEnd('/')}/setup?token={token}");
        }

        return lines;
    }

    private static void Configure(WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        CheckUrls(config["urls"] ?? config["ASPNETCORE_URLS"] ?? DefaultUrl, config.GetValue<bool>("BehindTlsProxy"));
        if (string.IsNullOrEmpty(config["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = CasePipeline.MaxCaseBytes + (64 * 1024);
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = CasePipeline.MaxCaseBytes;
            o.ValueCountLimit = 4096;
            o.ValueLengthLimit = 64 * 1024;
        });

        var services = builder.Services;

        // Read from the final configuration (a test host adds its own), when first needed.
        services.AddSingleton(sp =>
        {
            var final = sp.GetRequiredService<IConfiguration>();
            var folder = final["Data"] is { Length: > 0 } d ? Path.GetFullPath(d, Environment.CurrentDirectory) : Path.Combine(Environment.CurrentDirectory, "data");
            return new WebSettings(DataFolder.Prepare(folder), final.GetValue<bool>("BehindTlsProxy"));
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CasePipeline>();
        services.AddSingleton<SetupToken>();
        AddData(services);
        services.AddScoped<RecordStore>();
        services.AddScoped<EvidenceStore>();
        services.AddScoped<SettingsStore>();
        services.AddJobs();
        services.AddSingleton(PdfTool.System);
        services.AddJobHandler<PdfJobHandler>(PdfJobHandler.KindName, JobLane.Light);
        services.AddScoped<TemplateUploads>();
        services.AddSingleton<PackWriterSource>();
        services.AddScoped<PackService>();
        services.AddJobHandler<PackJob>(PackService.Kind, JobLane.Heavy);

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sgd.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "RequestVerificationToken";
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "smart";
                o.DefaultChallengeScheme = "smart";
                o.DefaultForbidScheme = "smart";
            })
            .AddPolicyScheme("smart", "Session cookie or API token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddIdentityCore<WebUser>(IdentitySetup.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WebDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sgd.session";
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/forbidden";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = http =>
            {
                if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return ApiResults.Problem(401, "Sign in, or send an API token as 'Authorization: Bearer TOKEN'.").ExecuteAsync(http.HttpContext);
                }

                // The address to come back to is only ever a local path (no case data is in any address).
                http.Response.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = http =>
                http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                    ? ApiResults.Problem(403, "Your role does not allow this.").ExecuteAsync(http.HttpContext)
                    : CommonPages.Forbidden(http.HttpContext).ExecuteAsync(http.HttpContext);
        });
        services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy("admin", p => p.RequireRole(Roles.Admin));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
    }

    /// <summary>The database, accounts and data protection keys in the data folder (<see cref="WebSettings"/>): shared with the <c>users</c> command.</summary>
    public static void AddData(IServiceCollection services)
    {
        services.AddDbContext<WebDb>((sp, o) => o.UseSqlite(DataFolder.ConnectionString(sp.GetRequiredService<WebSettings>().DataFolder)));
        services.AddDataProtection().SetApplicationName("SafeguardDocs");
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>(sp =>
            new Microsoft.Extensions.Options.ConfigureOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o =>
                o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(sp.GetRequiredService<WebSettings>().DataFolder, "keys")), sp.GetRequiredService<ILoggerFactory>())));
        services.AddScoped<AccountService>();
    }

    /// <summary>
    /// Accounts without the web server, for the <c>users</c> command: the same database, password rules
    /// and lockout as the app. Dispose the provider when done.
    /// </summary>
    public static ServiceProvider AccountServices(string dataFolder)
    {
        var folder = DataFolder.Prepare(dataFolder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new WebSettings(folder, false));
        AddData(services);
        services.AddIdentityCore<WebUser>(IdentitySetup.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WebDb>()
            .AddDefaultTokenProviders();
        var provider = services.BuildServiceProvider();
        PrepareDatabaseAsync(provider, folder).GetAwaiter().GetResult();
        return provider;
    }

    /// <summary>Creates the database when missing, and its roles; the data folder stays readable by its owner only.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, string dataFolder)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDb>();
        await SchemaUpgrade.ApplyAsync(db);
        await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureRolesAsync();
        DataFolder.Restrict(dataFolder);
        var keys = Path.Combine(dataFolder, "keys");
        if (!OperatingSystem.IsWindows() && Directory.Exists(keys))
        {
            File.SetUnixFileMode(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void Compose(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WebSettings>();
        PrepareDatabaseAsync(app.Services, settings.DataFolder).GetAwaiter().GetResult();
        if (settings.BehindTlsProxy)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = CommonPages.Error, AllowStatusCode404Response = true });
        app.UseStatusCodePages(CommonPages.StatusCode);
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoFactorGate();
        PackService.UseLargerUploadsForPacks(app);
        app.UseAntiforgeryCheck();
        app.UseAuthorization();

        StaticFiles.Map(app);
        AccountPages.Map(app);
        HomePages.Map(app);
        CasePages.Map(app);
        EvidencePages.Map(app);
        AdminPages.Map(app);
        RegisterPages.Map(app);
        TemplatePages.Map(app);
        ApiEndpoints.Map(app);
        PackPages.Map(app);
        PackApi.Map(app);
    }
}

/// <summary>Where the data is, and whether a TLS proxy is in front.</summary>
public sealed record WebSettings(string DataFolder, bool BehindTlsProxy);

/// <summary>
/// The one-time setup token: made on start when there are no accounts, printed on the console only,
/// and gone once the first administrator exists.
/// </summary>
public sealed class SetupToken
{
    private readonly Lock gate = new();
    private string? token;

    public string Issue()
    {
        lock (gate)
        {
            token ??= Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
            return token;
        }
    }

    public bool Matches(string? candidate)
    {
        lock (gate)
        {
            return token is not null && candidate is not null
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(token), System.Text.Encoding.ASCII.GetBytes(candidate));
        }
    }

    public void Spend()
    {
        lock (gate)
        {
            token = null;
        }
    }
}
