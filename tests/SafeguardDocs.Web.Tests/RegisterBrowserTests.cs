using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Web.Tests;

/// <summary>The registers page in Chromium: a DSL imports incident forms, sees the one left out and why, and downloads the log.</summary>
public sealed class RegisterBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly string folder = Repo.NewTempFolder();

    private ChromeDriver Driver => browser.Driver;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Import(string path)
    {
        browser.Go("/import");
        Driver.FindElement(By.Id("caseFile")).SendKeys(path);
        Driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        browser.Until(d => d.Url.Contains("/records/", StringComparison.Ordinal), "the imported record to open");
    }

    [Fact]
    public void A_DSL_sees_the_record_left_out_of_the_incident_log_with_its_error_and_downloads_a_valid_log()
    {
        var draft = Path.Combine(folder, "draft.json");
        File.WriteAllBytes(draft, Samples.With("incident-report.json", n =>
        {
            n["reference"] = "INC-2026-0201";
            n.Remove("dateOfIncident");
        }));

        browser.SignIn("dsl@school.example");
        browser.WaitFor(By.Id("code"));
        browser.Type("code", Totp.Code(browser.DslKey!));
        Driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        browser.WaitFor(By.CssSelector("a[href='/registers']"));
        Import(Samples.Path("incident-report.json"));
        Import(draft);

        Driver.FindElement(By.CssSelector("header a[href='/registers']")).Click();
        browser.WaitFor(By.Id("download-incidents"));
        Driver.Title.ShouldBe("Registers – SafeguardDocs");
        var leftOut = Driver.FindElement(By.Id("left-out-incidents")).Text;
        leftOut.ShouldContain("Record INC-2026-0201");
        leftOut.ShouldContain("Error INC003");
        Driver.FindElement(By.TagName("main")).Text.ShouldContain("1 record left out with errors");
        browser.Axe("registers");
        browser.Screenshot("registers");

        browser.Type("from-day", "1");
        browser.Type("from-month", "9");
        browser.Type("from-year", "2026");
        browser.Type("to-day", "31");
        browser.Type("to-month", "12");
        browser.Type("to-year", "2026");
        Driver.FindElement(By.Id("download-incidents")).Click();
        var log = browser.Downloaded("incidents.xlsx");
        OpenXmlCheck.AssertValid(log);
        var cells = Workbook.Cells(log);
        cells["Incidents"].Values.ShouldContain("INC-2026-0113");
        cells["Incidents"].Values.ShouldNotContain("INC-2026-0201");
        Driver.Url.ShouldEndWith("/registers");
    }
}
