using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Web;
using SafeguardDocs.Web.Accounts;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Tests;

/// <summary>The app over a test server, with its own data folder, and helpers to make accounts and records.</summary>
/// <remarks>
/// <paramref name="services"/> adds test services (a job handler, say); <paramref name="dataFolder"/> reuses
/// another host's data folder (to start the app again on the same data), which is then left for that host to delete.
/// </remarks>
public sealed class WebHost(bool behindTlsProxy = false, Action<IServiceCollection>? services = null, string? dataFolder = null) : WebApplicationFactory<Program>
{
    public const string Password = "a long enough test password";

    public string DataFolder { get; } = dataFolder ?? Directory.CreateTempSubdirectory("sgd-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data", DataFolder);
        builder.UseSetting("BehindTlsProxy", behindTlsProxy ? "true" : "false");
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && dataFolder is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine: the temporary folder is left for the system to clear.
            }
        }
    }

    /// <summary>Adds an account; with <paramref name="twoFactor"/> its authenticator key is returned and two-factor is on.</summary>
    public async Task<string?> AddUserAsync(string email, string[] roles, bool twoFactor = false)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = await accounts.AddAsync(email, roles, Password, "test");
        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors));
        if (!twoFactor)
        {
            return null;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return await users.GetAuthenticatorKeyAsync(user);
    }

    public async Task<string> TokenAsync(string email)
    {
        using var scope = Services.CreateScope();
        var (result, token) = await scope.ServiceProvider.GetRequiredService<AccountService>().IssueTokenAsync(email, "test");
        result.Succeeded.ShouldBeTrue();
        return token!;
    }

    /// <summary>Saves a case file as a record directly, as if someone with the right role had.</summary>
    public async Task<Guid> AddRecordAsync(string samplePath) => await AddRecordAsync(await File.ReadAllBytesAsync(samplePath));

    /// <summary>Saves a case file given as JSON bytes as a record (a draft when it has errors).</summary>
    public async Task<Guid> AddRecordAsync(byte[] json)
    {
        using var scope = Services.CreateScope();
        var check = scope.ServiceProvider.GetRequiredService<CasePipeline>().Check(json, Core.Settings.OrganisationSettings.Default);
        var record = await scope.ServiceProvider.GetRequiredService<RecordStore>().CreateAsync(check.Kind!.Name, json, check, new System.Security.Claims.ClaimsPrincipal());
        return record.Id;
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });
}

/// <summary>A signed-in browser, as far as HTTP goes: cookies, the antiforgery token from each page, forms posted.</summary>
public static partial class Session
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenMeta();

    public static async Task<string> TokenFrom(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenInput().Match(html);
        match.Success.ShouldBeTrue($"{page} has no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<string> HeaderTokenFrom(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(TokenMeta().Match(html).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostForm(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFromPage = null)
    {
        var token = await TokenFrom(client, tokenFromPage ?? url);
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password = WebHost.Password) =>
        await PostForm(client, "/sign-in", [new("email", email), new("password", password), new("returnUrl", "/")]);

    /// <summary>Signs in with the password and, when asked, the authenticator code.</summary>
    public static async Task SignInFully(HttpClient client, string email, string? key)
    {
        var first = await SignIn(client, email);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        if (key is null)
        {
            first.Headers.Location!.OriginalString.ShouldBe("/");
            return;
        }

        first.Headers.Location!.OriginalString.ShouldStartWith("/sign-in/two-factor");
        var second = await PostForm(client, "/sign-in/two-factor", [new("code", Totp.Code(key)), new("returnUrl", "/")], "/sign-in/two-factor");
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location!.OriginalString.ShouldBe("/");
    }
}

/// <summary>RFC 6238 codes, as an authenticator app makes them from the key the app shows.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32(base32Key);
        var counter = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

        // RFC 6238 is defined over HMAC-SHA1, and authenticator apps use it: this is the algorithm, not a choice.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != '=' && c != ' '))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}

public static class Samples
{
    public static string Path(string name) => TestSupport.Repo.Sample(name);

    /// <summary>A sample with one change, as JSON bytes.</summary>
    public static byte[] With(string name, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path(name)))!.AsObject();
        change(node);
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static bool LoadsInTheCli(byte[] json) => CaseLoader.Load(json, "case.json").Succeeded;

    public static FindingDto[] Findings(ValidationDto dto) => [.. dto.Findings];
}
