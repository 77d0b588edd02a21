using OpenQA.Selenium;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// The journeys of WEB.md in a real browser: the office issuing a loan letter, a DSL recording a decision
/// to view, the office kept out of that record, and an administrator's accounts, settings and Word
/// templates. axe-core runs on every page visited.
/// </summary>
[Collection("browser")]
public sealed class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private OpenQA.Selenium.Chrome.ChromeDriver Driver => browser.Driver;

    [Fact]
    public void The_office_issues_a_loan_letter_fixing_the_unwiped_laptop_the_rules_point_out()
    {
        browser.SignIn("office@school.example");
        browser.WaitFor(By.CssSelector("a[href='/cases/device-allocation/new']"));
        browser.Axe("home");
        browser.Screenshot("home-office");
        Driver.FindElement(By.CssSelector("a[href='/cases/device-allocation/new']")).Click();

        browser.WaitFor(By.Id("f-reference"));
        browser.Until(d => d.FindElement(By.Id("case-form")).GetAttribute("data-live") == "on", "the form's script");
        browser.Type("f-reference", "DA-2026-0042");
        Date("f-letterDate", "20", "11", "2026");
        browser.Type("f-provider-name", "Priya Shah");
        browser.Type("f-provider-role", "Inclusion and Access Manager");
        browser.Type("f-provider-organisation", "Westbrook Children's Services");
        browser.Type("f-provider-phone", "01202 555 0142");
        browser.Type("f-recipient-name", "Mr Daniel Okafor");
        browser.Type("f-recipient-role", "Headteacher");
        browser.Type("f-recipient-organisation", "Hillside Academy");
        browser.Type("f-recipient-address", "12 Station Road\nPoole\nBH15 1AA");
        browser.Type("f-child-name", "Jordan Ellis-Price");
        Date("f-child-dateOfBirth", "14", "3", "2012");
        browser.Type("f-deliveredTo", "Hillside Academy, Student Services");
        browser.Choose("f-ownership");
        browser.Type("f-owner", "Westbrook Children's Services");
        browser.Type("f-equipment-0-description", "Laptop, Dell Latitude 3440");
        browser.Type("f-equipment-0-serialNumber", "DL3440-88231");
        browser.Choose("f-preIssueChecks-hardwareWiped-1");
        browser.Choose("f-preIssueChecks-filteringInstalled");
        browser.Type("f-preIssueChecks-filteringProduct", "SafeNet Home Filter");
        browser.Choose("f-preIssueChecks-safeSchoolsTeamInformed");
        browser.Choose("f-onIssue-safetyInformationGiven");
        browser.Choose("f-onIssue-parentalMonitoringGuidanceGiven");
        browser.Choose("f-onIssue-weeklyUpdateAdvised");
        Date("f-onIssue-annualCheckDue", "19", "11", "2027");

        // The rules run as the user types: the unwiped laptop's error appears beside "Hardware wiped", in the form's words.
        var wiped = By.CssSelector("[data-path='preIssueChecks.hardwareWiped'] .govuk-error-message");
        browser.Until(d => d.FindElements(wiped).Any(e => e.Text.Contains("Wipe it", StringComparison.Ordinal)), "the error beside hardware wiped");
        Driver.FindElement(wiped).Text.ShouldContain("Wipe it, then set \"Hardware wiped\" to Yes.", Case.Sensitive);
        Driver.FindElement(By.CssSelector("[data-path='preIssueChecks.hardwareWiped'] legend")).Text.ShouldBe("Hardware wiped (required)");
        Driver.FindElement(By.CssSelector("#error-summary a[href='#f-preIssueChecks-hardwareWiped']")).Text.ShouldContain("Wipe it, then set \"Hardware wiped\" to Yes.", Case.Sensitive);
        Driver.FindElement(By.Id("case-form")).Text.ShouldNotContain("hardwareWiped", Case.Sensitive);
        Driver.FindElement(By.Id("error-summary")).Text.ShouldNotContain("hardwareWiped", Case.Sensitive);
        browser.Axe("form with an error");
        browser.Screenshot("form-error-beside-field");

        browser.Choose("f-preIssueChecks-hardwareWiped");
        browser.Until(d => d.FindElements(wiped).Count == 0, "the error to go once the laptop is wiped");
        Driver.FindElement(By.CssSelector("button[value='check']")).Click();

        browser.Until(d => d.Title.StartsWith("Check your answers", StringComparison.Ordinal), "check your answers");
        Driver.FindElement(By.TagName("main")).Text.ShouldContain("20 November 2026");
        browser.Axe("check your answers");
        browser.Screenshot("check-your-answers");
        Driver.FindElement(By.XPath("//button[normalize-space()='Create document']")).Click();

        browser.Until(d => d.Title.StartsWith("Your document", StringComparison.Ordinal), "the document page");
        Driver.FindElement(By.Id("file-name")).Text.ShouldBe("DA-2026-0042_JEP.docx");
        Driver.FindElement(By.CssSelector(".app-preview")).Text.ShouldContain("DA-2026-0042");
        browser.Axe("document");
        browser.Screenshot("document-preview");
        Driver.FindElement(By.Id("download")).Click();

        var file = browser.Downloaded("DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldContain("DL3440-88231");
    }

    [Fact]
    public void A_DSL_records_a_decision_to_view_with_the_second_factor_and_the_office_cannot_open_it()
    {
        browser.SignIn("dsl@school.example");
        browser.WaitFor(By.Id("code"));
        browser.Axe("two-factor code");
        browser.Type("code", Totp.Code(browser.DslKey!));
        Driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        browser.WaitFor(By.CssSelector("a[href='/cases/viewing-decision/new']")).Click();

        browser.WaitFor(By.Id("f-reference"));
        Driver.FindElements(By.CssSelector("input[type=file]")).ShouldBeEmpty();
        Driver.FindElement(By.CssSelector("button[value='add:viewing.presentInRoom']")).Click();
        browser.WaitFor(By.Id("f-viewing-presentInRoom-0-name"));
        browser.Type("f-reference", "VR-2026-0007");
        browser.Type("f-incidentReference", "INC-2026-0113");
        browser.Type("f-setting-name", "Hillside Academy");
        browser.Type("f-setting-address", "12 Station Road\nPoole\nBH15 1AA");
        browser.Type("f-child-name", "Amara Bello");
        Date("f-child-dateOfBirth", "2", "6", "2011");
        browser.Type("f-child-yearGroup", "10");
        browser.Choose("f-child-sex");
        browser.Choose("f-decision");
        browser.Type("f-reasonForDecision", "The pupil could not say whether the image showed another pupil under 13; viewing was needed to decide on an immediate police referral.");
        browser.Type("f-discussedWith-name", "Helen Marsh");
        browser.Type("f-discussedWith-role", "Headteacher");
        browser.Choose("f-discussedWith-seniorLeader");
        browser.Type("f-viewing-viewedBy-name", "Claire Dunmore");
        browser.Type("f-viewing-viewedBy-role", "Designated Safeguarding Lead");
        browser.Choose("f-viewing-viewedBy-sex");
        browser.Type("f-viewing-presentInRoom-0-name", "Sarah Patel");
        browser.Type("f-viewing-presentInRoom-0-role", "Deputy Headteacher");
        browser.Choose("f-viewing-presentInRoom-0-seniorLeader");
        Date("f-viewing-dateTime", "18", "11", "2026");
        browser.Type("f-viewing-dateTime-time", "10:40");
        browser.Type("f-viewing-location", "Headteacher's office");
        browser.Choose("f-viewing-onPremises");
        browser.Choose("f-viewing-sameSexAsChild");
        browser.Type("f-viewing-device", "Pupil's own mobile phone");
        browser.Type("f-viewing-summary", "One still image on a messaging app, described and not reproduced.");
        foreach (var handled in new[] { "copied", "printed", "shared", "saved" })
        {
            browser.Choose($"f-imageryHandling-{handled}-1");
        }

        browser.Choose("f-deviceAction-confiscated");
        browser.Choose("f-deviceAction-switchedOff");
        browser.Choose("f-deviceAction-disconnected");
        browser.Type("f-deviceAction-storedAt", "Locked safe, main office");
        browser.Choose("f-deviceAction-policeContacted");
        browser.Choose("f-parentsInformed-informed");
        browser.Type("f-subsequentActions", "Referral to police through the MASH\nPupil offered support from the school counsellor");
        browser.Type("f-signature-name", "Claire Dunmore");
        browser.Type("f-signature-role", "Designated Safeguarding Lead");
        Date("f-signature-date", "18", "11", "2026");
        browser.Axe("viewing decision form");
        Driver.ExecuteScript("window.scrollTo(0, 0)");
        browser.Screenshot("viewing-decision-form");
        Driver.FindElement(By.CssSelector("button[value='check']")).Click();

        browser.Until(d => d.Title.StartsWith("Check your answers", StringComparison.Ordinal), "check your answers");
        var record = new Uri(Driver.Url).AbsolutePath.Split('/')[2];
        browser.Axe("check your answers (viewing)");
        Driver.FindElement(By.XPath("//button[normalize-space()='Create document']")).Click();
        browser.Until(d => d.Title.StartsWith("Your document", StringComparison.Ordinal), "the document page");
        Driver.FindElement(By.Id("file-name")).Text.ShouldBe("VR-2026-0007_AB.docx");
        browser.Axe("viewing document");
        Driver.FindElement(By.Id("download")).Click();
        OpenXmlCheck.AssertValid(browser.Downloaded("VR-2026-0007_AB.docx"));

        browser.Go("/cases/viewing-decision");
        Driver.FindElement(By.TagName("main")).Text.ShouldContain("VR-2026-0007");
        browser.Axe("records list");
        browser.Screenshot("records-list");

        // The office user, given the record's address, is refused.
        browser.SignIn("office@school.example");
        browser.WaitFor(By.CssSelector("a[href='/cases/device-allocation/new']"));
        Driver.FindElements(By.CssSelector("a[href*='viewing-decision']")).ShouldBeEmpty();
        browser.Go($"/records/{record}");
        Driver.Title.ShouldStartWith("You cannot open this page");
        Driver.PageSource.ShouldNotContain("Amara");
        browser.Axe("forbidden");
    }

    [Fact]
    public void An_administrator_adds_a_member_of_staff_and_changes_the_settings()
    {
        browser.SignIn("admin@school.example");
        browser.WaitFor(By.Id("code"));
        browser.Type("code", Totp.Code(browser.AdminKey!));
        Driver.FindElement(By.CssSelector("main button[type=submit]")).Click();
        browser.WaitFor(By.CssSelector("main a[href='/admin/accounts']"));
        Driver.FindElements(By.CssSelector("a[href^='/cases/']")).ShouldBeEmpty();
        browser.Axe("administrator's home");
        Driver.FindElement(By.CssSelector("main a[href='/admin/accounts']")).Click();

        browser.WaitFor(By.Id("email"));
        browser.Type("email", "new.teacher@school.example");
        browser.Choose("new-office");
        browser.Type("password", "a first password for the new member of staff");
        Driver.FindElement(By.XPath("//button[normalize-space()='Add account']")).Click();
        browser.Until(d => d.FindElement(By.TagName("main")).Text.Contains("Account added.", StringComparison.Ordinal), "the account to be added");
        Driver.FindElement(By.TagName("main")).Text.ShouldContain("new.teacher@school.example");
        browser.Axe("accounts");
        browser.Screenshot("accounts");

        browser.Go("/admin/settings");
        browser.Type("ladoMeetingWorkingDays", "many");
        Driver.FindElement(By.XPath("//button[normalize-space()='Save settings']")).Click();
        browser.Until(d => d.FindElements(By.CssSelector("#error-summary li")).Count > 0, "the settings error");
        browser.Axe("settings with an error");
        browser.Type("ladoMeetingWorkingDays", "5");
        Driver.FindElement(By.XPath("//button[normalize-space()='Save settings']")).Click();
        browser.Until(d => d.FindElement(By.TagName("main")).Text.Contains("Settings saved.", StringComparison.Ordinal), "the settings to be saved");
        browser.Axe("settings");

        // The school's own Word letter: a misspelt field is refused with where it is, then the corrected one is accepted.
        var folder = Repo.NewTempFolder();
        var misspelt = Path.Combine(folder, "Hillside letter.docx");
        File.WriteAllBytes(misspelt, TemplateUploadTests.TypedLetter("Dear {{ salutation }},", "About {{ child.nmae }}."));
        var corrected = Path.Combine(folder, "Hillside letter (corrected).docx");
        File.WriteAllBytes(corrected, TemplateUploadTests.TypedLetter("Dear {{ salutation }},", "About {{ child.name }}."));
        Driver.FindElement(By.CssSelector("header a[href='/admin/templates']")).Click();
        browser.WaitFor(By.Id("template")).SendKeys(misspelt);
        Driver.FindElement(By.XPath("//button[normalize-space()='Check and upload']")).Click();
        browser.Until(d => d.FindElements(By.CssSelector("#template-problems li")).Count > 0, "the template's problems");
        Driver.FindElement(By.Id("template-problems")).Text.ShouldContain("Did you mean `child.name`?");
        browser.Axe("word template refused");
        browser.WaitFor(By.Id("template")).SendKeys(corrected);
        Driver.FindElement(By.XPath("//button[normalize-space()='Check and upload']")).Click();
        browser.Until(d => d.FindElement(By.TagName("main")).Text.Contains("was checked and added", StringComparison.Ordinal), "the template to be accepted");
        Driver.FindElement(By.Id("templates")).Text.ShouldContain("hillside-letter-corrected.docx");
        browser.Axe("word templates");
        browser.Screenshot("word-templates");
    }

    private void Date(string id, string day, string month, string year)
    {
        browser.Type(id + "-day", day);
        browser.Type(id + "-month", month);
        browser.Type(id + "-year", year);
    }
}
