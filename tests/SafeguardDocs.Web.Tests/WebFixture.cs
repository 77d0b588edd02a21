using System.Net.Http.Headers;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// One app per test class (password hashing makes accounts slow to make): an office user, a DSL and an
/// administrator with two-factor on, a viewing record and a loan record, and signed-in clients.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public WebHost Host { get; } = new();

    public Guid ViewingRecord { get; private set; }

    public Guid LoanRecord { get; private set; }

    public string? DslKey { get; private set; }

    public string? AdminKey { get; private set; }

    public HttpClient Dsl { get; private set; } = null!;

    public HttpClient Office { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.AddUserAsync("office@school.example", ["office"]);
        DslKey = await Host.AddUserAsync("dsl@school.example", ["dsl"], twoFactor: true);
        AdminKey = await Host.AddUserAsync("admin@school.example", ["admin"], twoFactor: true);
        await Host.AddUserAsync("new-dsl@school.example", ["dsl"]);
        ViewingRecord = await Host.AddRecordAsync(Samples.Path("viewing-decision.json"));
        LoanRecord = await Host.AddRecordAsync(Samples.Path("device-allocation.json"));
        Dsl = Host.Browser();
        await Session.SignInFully(Dsl, "dsl@school.example", DslKey);
        Office = Host.Browser();
        await Session.SignInFully(Office, "office@school.example", null);
        Api = Host.Browser();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Host.TokenAsync("dsl@school.example"));
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
