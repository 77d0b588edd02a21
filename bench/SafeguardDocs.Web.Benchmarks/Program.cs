using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Web;
using SafeguardDocs.Web.Accounts;

// dotnet run -c Release --project bench/SafeguardDocs.Web.Benchmarks [-- --users 20 --seconds 30]
// dotnet run -c Release --project bench/SafeguardDocs.Web.Benchmarks -- pack [--pupils 2000] [--users 5]
//   (the AUP pack through the web app against the library, and other users' pages meanwhile: PackWebBenchmark.cs)
//
// Starts the web app on a free local port with a fresh data folder, signs in N office users through the
// sign-in page (session cookie and antiforgery token, as a browser does), gives each a saved loan letter,
// then runs them all at once for the given time. Each user "types": POSTs the whole case to /api/validate
// with one field changed (as the page's script does after each pause in typing), and every fifth time
// opens the document preview (/records/{id}/document: check, render, preview HTML). Prints the latency
// percentiles and whether the targets (validate p95 < 50 ms, preview p95 < 150 ms) were met.
if (args.Length > 0 && args[0] == "pack")
{
    return await PackWebBenchmark.RunAsync(args);
}

var users = Option("--users", 20);
var seconds = Option("--seconds", 30);
var sample = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../samples/device-allocation.json"));
if (!File.Exists(sample))
{
    sample = Path.Combine(Environment.CurrentDirectory, "samples", "device-allocation.json");
}

var caseJson = File.ReadAllText(sample);
var data = Directory.CreateTempSubdirectory("sgd-web-bench-").FullName;
var app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--Data", data]);
await app.StartAsync();
var baseUrl = new Uri(app.Urls.First());
const string Password = "benchmark password long enough";
using (var scope = app.Services.CreateScope())
{
    var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
    for (var i = 0; i < users; i++)
    {
        await accounts.AddAsync($"office{i}@school.example", ["office"], Password, "benchmark");
    }
}

Console.WriteLine($"SafeguardDocs web benchmark: {users} concurrent users for {seconds} s, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var sessions = await Task.WhenAll(Enumerable.Range(0, users).Select(i => SignInAsync(baseUrl, $"office{i}@school.example")));
var validate = new List<double>();
var preview = new List<double>();
var failures = 0;
var stop = Stopwatch.StartNew();
await Task.WhenAll(sessions.Select(async (session, u) =>
{
    var record = await session.CreateRecordAsync(caseJson);
    var mine = new List<double>();
    var mineP = new List<double>();
    var random = new Random(u);
    for (var n = 0; stop.Elapsed.TotalSeconds < seconds; n++)
    {
        var typed = JsonNode.Parse(caseJson)!;
        typed["deliveredTo"] = "Hillside Academy, Student Services" + new string('x', random.Next(0, 20));
        var watch = Stopwatch.StartNew();
        var ok = await session.ValidateAsync(typed.ToJsonString());
        mine.Add(watch.Elapsed.TotalMilliseconds);
        if (n % 5 == 4)
        {
            watch.Restart();
            ok &= await session.PreviewAsync(record);
            mineP.Add(watch.Elapsed.TotalMilliseconds);
        }

        if (!ok)
        {
            Interlocked.Increment(ref failures);
        }

        // A person types for a moment before the next check is sent (the page waits 300 ms after the last key).
        await Task.Delay(random.Next(50, 150));
    }

    lock (validate)
    {
        validate.AddRange(mine);
        preview.AddRange(mineP);
    }
}));

Console.WriteLine();
Console.WriteLine("| request | count | p50 ms | p95 ms | p99 ms | max ms | target p95 |");
Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
var validateOk = Row("validate as you type (POST /api/validate)", validate, 50);
var previewOk = Row("preview (GET /records/{id}/document)", preview, 150);
Console.WriteLine();
Console.WriteLine($"{validate.Count + preview.Count} requests in {stop.Elapsed.TotalSeconds:F1} s, {failures} failed.");
Console.WriteLine(validateOk && previewOk && failures == 0 ? "Targets met." : "Targets NOT met.");
await app.StopAsync();
await app.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(data, recursive: true);
return validateOk && previewOk && failures == 0 ? 0 : 1;

static bool Row(string name, List<double> times, double target)
{
    times.Sort();
    double P(double p) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
    var p95 = P(0.95);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times.Count} | {P(0.50):F1} | {p95:F1} | {P(0.99):F1} | {(times.Count == 0 ? 0 : times[^1]):F1} | < {target} {(p95 < target ? "✓" : "✗")} |"));
    return times.Count > 0 && p95 < target;
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}

static async Task<Session> SignInAsync(Uri baseUrl, string email)
{
    var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUrl };
    var token = Session.Token(await client.GetStringAsync("/sign-in"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
    var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent([new("email", email), new("password", "benchmark password long enough"), new("returnUrl", "/"), new("__RequestVerificationToken", token)]));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException("A benchmark user could not sign in.");
    }

    var header = Session.Token(await client.GetStringAsync("/"), "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    return new Session(client, header);
}

internal sealed class Session(HttpClient client, string antiforgery)
{
    public static string Token(string html, string pattern) => WebUtility.HtmlDecode(Regex.Match(html, pattern).Groups[1].Value);

    public async Task<bool> ValidateAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/validate") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    public async Task<string> CreateRecordAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/records") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        using var response = await client.SendAsync(request);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return created["id"]!.GetValue<string>();
    }

    public async Task<bool> PreviewAsync(string record)
    {
        using var response = await client.GetAsync($"/records/{record}/document");
        var html = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && html.Contains("app-preview", StringComparison.Ordinal);
    }
}
