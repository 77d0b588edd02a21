using OpenQA.Selenium;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// A DSL in a real browser: imports a viewing record, signs it, finds it locked, downloads the PDF through
/// the background job, and checks the signed document on the verify page. axe-core on every page.
/// </summary>
[Collection("browser")]
public sealed class EvidenceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    [Fact]
    public void A_DSL_signs_a_viewing_record_downloads_its_PDF_and_verifies_the_signed_document()
    {
        browser.SignIn("dsl@school.example");
        browser.WaitFor(By.Id("code"));
        browser.Type("code", Totp.Code(browser.DslKey!));
        Driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        browser.WaitFor(By.CssSelector("a[href='/verify']"));

        browser.Go("/import");
        browser.WaitFor(By.Id("caseFile")).SendKeys(Repo.Sample("viewing-decision.json"));
        Driver.FindElement(By.XPath("//button[normalize-space()='Import']")).Click();
        browser.Until(d => new Uri(d.Url).AbsolutePath.StartsWith("/records/", StringComparison.Ordinal), "the imported record");
        var record = new Uri(Driver.Url).AbsolutePath.Split('/')[2];

        browser.Go($"/records/{record}/document");
        browser.WaitFor(By.Id("sign"));
        browser.Axe("document with the sign button");
        Driver.FindElement(By.Id("sign")).Click();

        browser.WaitFor(By.Id("signed"));
        Driver.FindElement(By.Id("signed")).Text.ShouldContain("Version 1, signed by dsl@school.example");
        Driver.FindElements(By.Id("case-form")).ShouldBeEmpty();
        Driver.FindElement(By.Id("access-log")).Text.ShouldContain("viewed");
        browser.Axe("signed record");
        browser.Screenshot("signed-record");
        Driver.FindElement(By.Id("download-signed")).Click();
        var signed = browser.Downloaded("VR-2026-0007_AB.docx");
        OpenXmlCheck.AssertValid(signed);

        Driver.FindElement(By.Id("download-pdf")).Click();
        browser.Until(d => d.FindElements(By.Id("download-pdf-file")).Count > 0, "the PDF job to finish and the page to move on", 180);
        browser.Axe("PDF ready");
        Driver.FindElement(By.Id("download-pdf-file")).Click();
        File.ReadAllBytes(browser.Downloaded("VR-2026-0007_AB.pdf")).Take(5).ShouldBe("%PDF-"u8.ToArray());

        browser.Go("/verify");
        browser.Axe("verify");
        Driver.FindElement(By.Id("document")).SendKeys(signed);
        Driver.FindElement(By.XPath("//button[normalize-space()='Check the document']")).Click();
        browser.WaitFor(By.Id("verify-answer"));
        var answer = Driver.FindElement(By.Id("verify-answer")).Text;
        answer.ShouldContain("Issued");
        answer.ShouldContain("dsl@school.example");
        answer.ShouldContain("VR-2026-0007");
        browser.Axe("verify answer");
        browser.Screenshot("verify-document");
    }
}
