using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Cli;

namespace SafeguardDocs.Web.Tests;

/// <summary>The <c>serve</c> and <c>users</c> commands, run in-process as a person at the console would.</summary>
[Collection("console")]
public sealed class CommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("sgd-users-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private (int Exit, string Out, string Error) Run(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var input = Console.In;
        Console.SetIn(new StringReader(stdin ?? string.Empty));
        try
        {
            var exit = CliApp.Run(args, new CliEnvironment(output, error, TimeProvider.System, data, IsTerminal: false));
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetIn(input);
        }
    }

    [Fact]
    public void Users_are_added_listed_given_a_token_on_the_last_line_and_disabled()
    {
        var added = Run("a long enough password here\n", "users", "add", "dsl@school.example", "--role", "dsl", "--role", "admin", "--password-stdin", "--data", "d");
        added.Exit.ShouldBe(0, added.Error);
        added.Out.ShouldNotContain("a long enough password here");

        var generated = Run(null, "users", "add", "office@school.example", "--role", "office", "--data", "d");
        generated.Exit.ShouldBe(0, generated.Error);
        generated.Out.TrimEnd().Split('\n')[^1].Length.ShouldBeGreaterThanOrEqualTo(12);

        var list = Run(null, "users", "list", "--data", "d");
        list.Out.ShouldContain("dsl@school.example\tadmin,dsl\tactive");
        list.Out.ShouldContain("office@school.example\toffice\tactive");
        list.Out.ShouldContain("2 accounts.");

        var token = Run(null, "users", "token", "office@school.example", "--data", "d");
        token.Exit.ShouldBe(0);
        token.Out.TrimEnd().Split('\n')[^1].ShouldStartWith("sgd_");

        Run(null, "users", "disable", "office@school.example", "--data", "d").Exit.ShouldBe(0);
        Run(null, "users", "list", "--data", "d").Out.ShouldContain("office@school.example\toffice\tdisabled");

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(data, "d")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_short_password_an_unknown_role_and_a_duplicate_are_refused_with_what_to_do()
    {
        var shortPassword = Run("short\n", "users", "add", "a@school.example", "--role", "office", "--password-stdin", "--data", "d");
        shortPassword.Exit.ShouldBe(2);
        shortPassword.Error.ShouldContain("at least 12 characters");
        shortPassword.Error.ShouldNotContain("short\n");

        var role = Run("a long enough password here\n", "users", "add", "a@school.example", "--role", "teacher", "--password-stdin", "--data", "d");
        role.Exit.ShouldBe(2);
        role.Error.ShouldContain("admin, dsl, office");

        Run("a long enough password here\n", "users", "add", "a@school.example", "--role", "office", "--password-stdin", "--data", "d").Exit.ShouldBe(0);
        Run("a long enough password here\n", "users", "add", "a@school.example", "--role", "office", "--password-stdin", "--data", "d").Error.ShouldContain("already an account");
    }

    [Fact]
    public void Serve_refuses_to_listen_beyond_this_machine_over_plain_HTTP_and_says_why()
    {
        var refused = Run(null, "serve", "--urls", "http://0.0.0.0:5999", "--data", "d");
        refused.Exit.ShouldBe(2);
        refused.Error.ShouldContain("--behind-tls-proxy");
        refused.Error.ShouldContain("https://");
    }

    [Fact]
    public async Task The_first_start_prints_a_one_time_setup_link_that_creates_the_first_administrator()
    {
        using var host = new WebHost();
        var token = host.Services.GetRequiredService<SetupToken>().Issue();
        var client = host.Browser();
        (await client.GetAsync("/setup?token=wrong")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync($"/setup?token={token}")).ShouldContain("Create the first administrator");

        var created = await Session.PostForm(client, "/setup", [new("token", token), new("email", "head@school.example"), new("password", WebHost.Password)], $"/setup?token={token}");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.OriginalString.ShouldBe("/account/two-factor");
        (await client.GetAsync("/admin/accounts")).Headers.Location!.OriginalString.ShouldBe("/account/two-factor");
        (await host.Browser().GetAsync($"/setup?token={token}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_cookies_are_marked_secure_when_the_proxy_says_the_request_came_over_HTTPS()
    {
        using var host = new WebHost(behindTlsProxy: true);
        var viaProxy = host.Browser();
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var secure = await viaProxy.GetAsync("/sign-in");
        secure.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sgd.antiforgery=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);

        var plain = await host.Browser().GetAsync("/sign-in");
        plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sgd.antiforgery=", StringComparison.Ordinal)).ShouldNotContain("secure", Case.Insensitive);
    }
}
