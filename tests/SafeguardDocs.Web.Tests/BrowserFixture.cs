using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using SafeguardDocs.Web.Accounts;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// The app on a real port and Debian's Chromium driven by Selenium, headless. The driver is the one at
/// /usr/bin/chromedriver (installed by .ci/run with apt-get): Selenium Manager never runs, nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumBinary = "/usr/bin/chromium";
    public const string DriverFolder = "/usr/bin";

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    private WebApplication? app;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("sgd-browser-").FullName;

    public string Downloads { get; } = Directory.CreateTempSubdirectory("sgd-downloads-").FullName;

    public string BaseUrl { get; private set; } = string.Empty;

    public ChromeDriver Driver { get; private set; } = null!;

    public string? DslKey { get; private set; }

    public string? AdminKey { get; private set; }

    public static bool Available => File.Exists(ChromiumBinary) && File.Exists(Path.Combine(DriverFolder, "chromedriver"));

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium and chromium-driver ({ChromiumBinary}, {DriverFolder}/chromedriver). Install them with: apt-get install -y chromium chromium-driver (.ci/run does this).");
        }

        app = WebApp.Build(["--urls", "http://127.0.0.1:0", "--Data", DataFolder]);
        await app.StartAsync();
        BaseUrl = app.Urls.First().TrimEnd('/');
        using (var scope = app.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            (await accounts.AddAsync("office@school.example", ["office"], WebHost.Password, "test")).Succeeded.ShouldBeTrue();
            (await accounts.AddAsync("dsl@school.example", ["dsl"], WebHost.Password, "test")).Succeeded.ShouldBeTrue();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.WebUser>>();
            var dsl = (await users.FindByEmailAsync("dsl@school.example"))!;
            await users.ResetAuthenticatorKeyAsync(dsl);
            await users.SetTwoFactorEnabledAsync(dsl, true);
            DslKey = await users.GetAuthenticatorKeyAsync(dsl);
            (await accounts.AddAsync("admin@school.example", ["admin"], WebHost.Password, "test")).Succeeded.ShouldBeTrue();
            var admin = (await users.FindByEmailAsync("admin@school.example"))!;
            await users.ResetAuthenticatorKeyAsync(admin);
            await users.SetTwoFactorEnabledAsync(admin, true);
            AdminKey = await users.GetAuthenticatorKeyAsync(admin);
        }

        var service = ChromeDriverService.CreateDefaultService(DriverFolder, "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumBinary };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1800", "--lang=en-GB");
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.ExecuteCdpCommand("Browser.setDownloadBehavior", new Dictionary<string, object?> { ["behavior"] = "allow", ["downloadPath"] = Downloads });
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
    }

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { DataFolder, Downloads })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system to clear.
            }
        }
    }

    public void Go(string path) => Driver.Navigate().GoToUrl(BaseUrl + path);

    public IWebElement WaitFor(By by, int seconds = 20) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)).Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed));

    public void Until(Func<IWebDriver, bool> condition, string what, int seconds = 20)
    {
        try
        {
            // A page replaced while the condition reads it (a form post answered) is read again, not a failure.
            var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds));
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
            wait.Until(condition);
        }
        catch (WebDriverTimeoutException)
        {
            throw new ShouldAssertException($"Timed out waiting for {what} on {Driver.Url} ({Driver.Title}). Error summary: {ErrorSummary()}");
        }
    }

    public string ErrorSummary() =>
        string.Join(" | ", Driver.FindElements(By.CssSelector("#error-summary li")).Select(e => e.Text));

    public void Type(string id, string text)
    {
        var element = Driver.FindElement(By.Id(id));
        element.Clear();
        element.SendKeys(text);
    }

    /// <summary>Chooses a radio or checkbox by clicking its label, as a person does.</summary>
    public void Choose(string id) => Driver.FindElement(By.CssSelector($"label[for='{id}']")).Click();

    public void SignIn(string email)
    {
        Driver.Manage().Cookies.DeleteAllCookies();
        Go("/sign-in");
        Axe("sign-in");
        Type("email", email);
        Type("password", WebHost.Password);
        Driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
    }

    /// <summary>Runs axe-core (from Deque.AxeCore.Commons) in the page: no serious or critical violation may be there.</summary>
    public void Axe(string page)
    {
        Driver.ExecuteScript(AxeScript.Value);
        var json = (string?)Driver.ExecuteAsyncScript(
            "var done = arguments[arguments.length - 1];" +
            "axe.run(document, { resultTypes: ['violations'] }).then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e) }])); });");
        using var result = JsonDocument.Parse(json ?? "[]");
        var serious = result.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {(v.TryGetProperty("nodes", out var nodes) ? string.Join(", ", nodes.EnumerateArray().Take(3).Select(n => n.GetProperty("target").ToString())) : string.Empty)}")
            .ToList();
        serious.ShouldBeEmpty($"axe on the {page} page");
    }

    /// <summary>
    /// Saves a screenshot of the page beside the test output; with UPDATE_SCREENSHOTS=1 also into docs/screenshots
    /// (kept in git as the README's pictures of the main pages).
    /// </summary>
    public void Screenshot(string name)
    {
        var shot = Driver.GetScreenshot();
        var local = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(local);
        shot.SaveAsFile(Path.Combine(local, name + ".png"));
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(TestSupport.Repo.Root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            shot.SaveAsFile(Path.Combine(docs, name + ".png"));
        }
    }

    /// <summary>Waits for a finished download with this name and returns its path.</summary>
    public string Downloaded(string fileName, int seconds = 30)
    {
        var path = Path.Combine(Downloads, fileName);
        Until(_ => File.Exists(path) && !File.Exists(path + ".crdownload") && new FileInfo(path).Length > 0, $"the download of {fileName}", seconds);
        return path;
    }
}
