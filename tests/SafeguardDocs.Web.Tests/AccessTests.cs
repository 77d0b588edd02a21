using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SafeguardDocs.Web.Api;

namespace SafeguardDocs.Web.Tests;

/// <summary>Who may see what: sign-in required, roles per kind on every page and API call, two-factor for DSLs and administrators.</summary>
public sealed class AccessTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private WebHost host => fixture.Host;

    private Guid viewingRecord => fixture.ViewingRecord;

    private Guid loanRecord => fixture.LoanRecord;

    private string? dslKey => fixture.DslKey;

    private string? adminKey => fixture.AdminKey;

    private static IEnumerable<string> Pages(Guid id) =>
    [
        "/", "/import", "/cases/device-allocation", "/cases/device-allocation/new", $"/records/{id}", $"/records/{id}/check",
        $"/records/{id}/document", $"/records/{id}/download", $"/records/{id}/export", "/admin/accounts", "/admin/settings", "/admin/settings/export",
    ];

    [Fact]
    public async Task Every_page_sends_a_visitor_who_has_not_signed_in_to_sign_in()
    {
        var client = host.Browser();
        foreach (var page in Pages(loanRecord))
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.OriginalString.ShouldStartWith("/sign-in?returnUrl=", customMessage: page);
        }
    }

    [Fact]
    public async Task Every_API_call_without_sign_in_gets_401_as_JSON_never_a_redirect()
    {
        var client = host.Browser();
        var json = new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json")));
        var calls = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Post, "/api/validate"), (HttpMethod.Post, "/api/documents"), (HttpMethod.Post, "/api/records"),
            (HttpMethod.Get, $"/api/records/{loanRecord}"), (HttpMethod.Put, $"/api/records/{loanRecord}"),
        };
        foreach (var (method, url) in calls)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = method == HttpMethod.Get ? null : json });
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {url}");
            (await response.Content.ReadFromJsonAsync<ProblemDto>())!.Title.ShouldContain("Sign in");
        }

        var revoked = host.Browser();
        revoked.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sgd_not-a-token");
        (await revoked.GetAsync($"/api/records/{loanRecord}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_office_user_opening_a_viewing_record_by_its_address_gets_403_on_every_page_and_API_call()
    {
        var client = host.Browser();
        await Session.SignInFully(client, "office@school.example", null);
        foreach (var page in new[] { $"/records/{viewingRecord}", $"/records/{viewingRecord}/check", $"/records/{viewingRecord}/document", $"/records/{viewingRecord}/download", $"/records/{viewingRecord}/export", "/cases/viewing-decision", "/cases/viewing-decision/new", "/admin/accounts" })
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, page);
            (await response.Content.ReadAsStringAsync()).ShouldContain("You cannot open this page");
        }

        var post = await Session.PostForm(client, $"/records/{viewingRecord}/duplicate", [], "/");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var token = await host.TokenAsync("office@school.example");
        var api = host.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await api.GetAsync($"/api/records/{viewingRecord}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PutAsync($"/api/records/{viewingRecord}", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("viewing-decision.json"))))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.PostAsync("/api/validate", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("viewing-decision.json"))))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync($"/api/records/{loanRecord}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_office_home_page_shows_only_the_office_tasks()
    {
        var client = host.Browser();
        await Session.SignInFully(client, "office@school.example", null);
        var home = await client.GetStringAsync("/");
        home.ShouldContain("/cases/device-allocation/new");
        home.ShouldContain("/cases/aup-agreement/new");
        home.ShouldNotContain("viewing-decision");
        home.ShouldNotContain("strategy-meeting");
        home.ShouldNotContain("/admin/");
    }

    [Fact]
    public async Task An_administrator_sees_accounts_and_settings_but_no_case_records()
    {
        var client = host.Browser();
        await Session.SignInFully(client, "admin@school.example", adminKey);
        (await client.GetAsync("/admin/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/admin/settings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/cases/device-allocation")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/records/{loanRecord}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var home = await client.GetStringAsync("/");
        home.ShouldNotContain("/cases/");
    }

    [Fact]
    public async Task A_DSL_must_set_up_two_factor_before_opening_anything()
    {
        var client = host.Browser();
        var signIn = await Session.SignIn(client, "new-dsl@school.example");
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
        foreach (var page in new[] { "/", "/cases/viewing-decision", $"/records/{viewingRecord}" })
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            response.Headers.Location!.OriginalString.ShouldBe("/account/two-factor");
        }

        var setUp = await client.GetStringAsync("/account/two-factor");
        setUp.ShouldContain("Set up two-factor sign-in");
        var key = System.Text.RegularExpressions.Regex.Match(setUp, "id=\"authenticator-key\">([^<]+)<").Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var api = await client.PostAsync("/api/validate", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("viewing-decision.json"))));
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var wrong = await Session.PostForm(client, "/account/two-factor", [new("code", "000000")]);
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var right = await Session.PostForm(client, "/account/two-factor", [new("code", Totp.Code(key))]);
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync($"/records/{viewingRecord}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_DSL_with_two_factor_is_asked_for_the_code_and_a_wrong_code_is_refused()
    {
        var client = host.Browser();
        var signIn = await Session.SignIn(client, "dsl@school.example");
        signIn.Headers.Location!.OriginalString.ShouldStartWith("/sign-in/two-factor");
        (await client.GetAsync("/cases/viewing-decision")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var wrong = await Session.PostForm(client, "/sign-in/two-factor", [new("code", "123456"), new("returnUrl", "/")], "/sign-in/two-factor");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("The code is not right");
        var right = await Session.PostForm(client, "/sign-in/two-factor", [new("code", Totp.Code(dslKey!)), new("returnUrl", "/")], "/sign-in/two-factor");
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/cases/viewing-decision")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await host.AddUserAsync("locked@school.example", ["office"]);
        var client = host.Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Session.SignIn(client, "locked@school.example", "not the password at all");
            wrong.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        }

        var right = await Session.SignIn(client, "locked@school.example");
        right.StatusCode.ShouldBe((HttpStatusCode)423);
        (await right.Content.ReadAsStringAsync()).ShouldContain("locked");
    }

    [Fact]
    public async Task A_form_post_or_a_cookie_API_call_without_the_antiforgery_token_is_refused()
    {
        var client = host.Browser();
        await Session.SignInFully(client, "office@school.example", null);
        var form = await client.PostAsync("/cases/device-allocation/new", new FormUrlEncodedContent([new("reference", "DA-1"), new("action", "save")]));
        form.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await form.Content.ReadAsStringAsync()).ShouldContain("Nothing was saved");

        var api = await client.PostAsync("/api/validate", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json"))));
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var header = await Session.HeaderTokenFrom(client, "/");
        var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/validate") { Content = new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json"))) };
        withToken.Headers.Add("RequestVerificationToken", header);
        (await client.SendAsync(withToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signInWithoutToken = await host.Browser().PostAsync("/sign-in", new FormUrlEncodedContent([new("email", "office@school.example"), new("password", WebHost.Password)]));
        signInWithoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_token_stops_working()
    {
        await host.AddUserAsync("leaver@school.example", ["office"]);
        var token = await host.TokenAsync("leaver@school.example");
        var api = host.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await api.GetAsync($"/api/records/{loanRecord}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = host.Browser();
        await Session.SignInFully(admin, "admin@school.example", adminKey);
        var accounts = await admin.GetStringAsync("/admin/accounts");
        var id = System.Text.RegularExpressions.Regex.Match(accounts, "leaver@school.example</td>.*?/admin/accounts/([0-9a-f-]+)/roles", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var disabled = await Session.PostForm(admin, $"/admin/accounts/{id}/disable", [], "/admin/accounts");
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await disabled.Content.ReadAsStringAsync()).ShouldContain("leaver@school.example: disabled");

        (await api.GetAsync($"/api/records/{loanRecord}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Session.SignIn(host.Browser(), "leaver@school.example")).StatusCode.ShouldBe((HttpStatusCode)423);
    }
}
