using System.Globalization;
using System.IO.Compression;
using System.Text;
using OpenQA.Selenium;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Packs;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Web.Tests;

/// <summary>The school office's September job in Chromium: upload the sample export, match a column by hand, watch the packs being made, download the zip.</summary>
[Collection("browser")]
public sealed class PackBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    [Fact]
    public void The_office_makes_every_familys_pack_from_the_sample_export_matching_the_year_column_by_hand()
    {
        var work = Directory.CreateTempSubdirectory("sgd-pack-browser-").FullName;
        try
        {
            var roster = Path.Combine(work, "mis-export.csv");
            File.WriteAllBytes(roster, PackTests.RosterWithOddYearHeading());

            browser.SignIn("office@school.example");
            browser.WaitFor(By.CssSelector("a[href='/packs']")).Click();
            browser.Until(d => d.Title.StartsWith("School AUP packs", StringComparison.Ordinal), "the pack page");
            browser.Axe("pack page");
            browser.Screenshot("packs-upload");
            Driver.FindElement(By.Id("pack")).SendKeys(Samples.Path("aup-pack.json"));
            Driver.FindElement(By.Id("roster")).SendKeys(roster);
            Driver.FindElement(By.XPath("//button[normalize-space()='Upload and match columns']")).Click();

            // The year column has a heading no MIS uses: nothing is guessed, and the page says so.
            browser.Until(d => d.Title.StartsWith("Match the columns", StringComparison.Ordinal), "the columns page");
            Driver.FindElement(By.Id("map-Year-error")).Text.ShouldContain("No column was found");
            Driver.FindElement(By.CssSelector("#map-Surname option[selected]")).GetAttribute("value").ShouldBe("Legal Surname");
            Driver.FindElement(By.TagName("main")).Text.ShouldContain("Curriculum Stage");
            browser.Axe("columns page");
            Driver.FindElement(By.CssSelector("#map-Year option[value='Curriculum Stage']")).Click();
            Driver.FindElement(By.XPath("//button[normalize-space()='Check these columns again']")).Click();
            browser.Until(d => d.FindElements(By.Id("rows-summary")).Any(e => e.Text.Contains("240 pupils", StringComparison.Ordinal)), "every row usable once the year is matched");
            Driver.FindElements(By.Id("map-Year-error")).ShouldBeEmpty();
            browser.Screenshot("packs-columns");
            Driver.FindElement(By.Id("make-packs")).Click();

            // The progress bar moves as packs are made (the page asks the server), then the downloads appear.
            browser.Until(d => d.Title.StartsWith("Make the packs", StringComparison.Ordinal), "the run page");
            var seen = new List<int>();
            browser.Until(d =>
            {
                try
                {
                    seen.Add(int.Parse(d.FindElement(By.Id("pack-bar")).GetAttribute("aria-valuenow")!, CultureInfo.InvariantCulture));
                    return d.FindElements(By.Id("download-zip")).Count > 0;
                }
                catch (StaleElementReferenceException)
                {
                    return false; // The page reloaded as the run finished.
                }
            }, "the packs to be made", 240);
            seen.ShouldNotBeEmpty();
            Driver.FindElement(By.Id("pack-bar")).GetAttribute("aria-valuenow").ShouldBe("100");
            var count = Driver.FindElement(By.Id("pack-count")).Text;
            count.ShouldEndWith("family packs made (100%)");
            browser.Axe("run page");
            browser.Screenshot("packs-done");
            Driver.FindElement(By.Id("download-zip")).Click();

            var zipPath = browser.Downloaded("AUP-2026-HILLSIDE.zip", 60);
            var unzipped = Path.Combine(work, "zip");
            ZipFile.ExtractToDirectory(zipPath, unzipped);

            // One pack per family, as the library makes them from the same export, plus the print file and the tracker.
            var cli = Path.Combine(work, "cli");
            using var text = new StringReader(Encoding.UTF8.GetString(PackTests.RosterWithOddYearHeading()));
            var library = new AupPackWriter(TemplateLocations.Catalog(Directory.GetCurrentDirectory()), TimeProvider.System).Write(
                PackTests.PackJson, "pack.json", text, AupPackOptions.Default with
                {
                    OutputFolder = cli,
                    ColumnMap = new Dictionary<Core.Cases.AupPack.Roster.RosterColumn, string> { [Core.Cases.AupPack.Roster.RosterColumns.Year] = "Curriculum Stage" },
                });
            library.Outcome.ShouldBe(RunOutcome.Written);
            count.ShouldStartWith($"{library.Families} of {library.Families} ");
            var files = Directory.EnumerateFiles(unzipped).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            files.ShouldBe(Directory.EnumerateFiles(cli).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal).ToList());
            files.ShouldContain("AUP-2026-HILLSIDE_print.docx");
            files.ShouldContain("AUP-2026-HILLSIDE_tracker.xlsx");
            files.Count(f => f!.EndsWith(".docx", StringComparison.Ordinal) && !f.EndsWith("_print.docx", StringComparison.Ordinal)).ShouldBe(library.Families);
            foreach (var file in Directory.EnumerateFiles(unzipped).Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal)))
            {
                OpenXmlCheck.AssertValid(file);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
