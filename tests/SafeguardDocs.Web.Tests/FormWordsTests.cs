using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Html;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// Findings on the pages in the form's words: the questions' labels and the answers the form offers, never
/// the case file's JSON names; the API and the CLI keep the library's wording.
/// </summary>
public sealed partial class FormWordsTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    /// <summary>A JSON property name in quotes: camelCase (<c>"hardwareWiped"</c>) or a dotted path (<c>"viewing.onPremises"</c>).</summary>
    [GeneratedRegex("\"[a-z]+[A-Z][A-Za-z]*\"|\"[a-z][A-Za-z]*(\\[\\d*\\])?\\.[a-z][A-Za-z.\\[\\]]*\"")]
    private static partial Regex QuotedJsonName();

    /// <summary>The text of every message a person reads on a page: beside the fields, in the error summary, in the lists of findings.</summary>
    [GeneratedRegex("<p class=\"(?:govuk-error-message|app-warning-message)\">(.*?)</p>|<ul class=\"govuk-list govuk-error-summary__list\">(.*?)</ul>|<ul class=\"govuk-list govuk-list--bullet\"[^>]*>(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ShownMessages();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    private static string Shown(string html) =>
        string.Join('\n', ShownMessages().Matches(html).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Value, " "))));

    /// <summary>The question's wrapper (its label, messages and inputs) up to the next question.</summary>
    private static string Beside(string html, string path)
    {
        var marker = $"data-path=\"{path}\"";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, marker);
        var end = html.IndexOf("data-path=", at + marker.Length, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[at..(end < 0 ? html.Length : end)]);
    }

    private static string Summary(string html)
    {
        var at = html.IndexOf("govuk-error-summary__list", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, "the error summary");
        return WebUtility.HtmlDecode(html[at..html.IndexOf("</ul>", at, StringComparison.Ordinal)]);
    }

    [Fact]
    public void Every_rule_message_of_every_kind_names_questions_and_answers_never_a_JSON_name()
    {
        foreach (var kind in CaseKinds.All)
        {
            var form = CaseForm.For(kind);
            var names = form.AllFields().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in kind.Rules.Rules)
            {
                var plain = FormWords.Message(form, "$", rule.Message);
                QuotedJsonName().Matches(plain).ShouldBeEmpty($"{rule.Id}: {plain}");
                // A quoted form field name may remain only as an answer ("set \"Format\" to \"meeting\"").
                Regex.Matches(plain, "(?<!(to|or|,) )\"([^\"]+)\"").Select(m => m.Groups[2].Value).Where(names.Contains).ShouldBeEmpty($"{rule.Id}: {plain}");
                if (!rule.Message.Contains('"', StringComparison.Ordinal))
                {
                    plain.ShouldBe(rule.Message, "a message that quotes nothing is shown as it is");
                }
            }
        }
    }

    [Fact]
    public void Names_answers_and_paths_become_the_forms_words()
    {
        var loan = CaseForm.For(CaseKinds.Find("device-allocation")!);
        FormWords.Message(loan, "$.preIssueChecks.hardwareWiped", "Wipe it, then set \"hardwareWiped\" to true.").ShouldBe("Wipe it, then set \"Hardware wiped\" to Yes.");
        FormWords.Message(loan, "$.ownership", "Set \"ownership\" to \"loan\" or \"permanent\".")
            .ShouldBe("Set \"Ownership\" to \"On loan: it remains the owner's property\" or \"Permanent: it belongs to the child\".");
        FormWords.Message(loan, "$.letterDate", "Add \"letterDate\" as YYYY-MM-DD.").ShouldBe("Add \"Letter date\".");
        FormWords.Message(loan, "$.child.name", "The \"Re:\" line names the child: add the child's name.").ShouldBe("The \"Re:\" line names the child: add the child's name.");
        FormWords.Path(loan, "$.equipment[1].serialNumber").ShouldBe("Equipment item 2: Serial number");
        FormWords.Path(loan, "$.preIssueChecks.hardwareWiped").ShouldBe("Pre issue checks: Hardware wiped");
        FormWords.Path(loan, "$").ShouldBe("The whole case");
        FormWords.Path(loan, "row 12, column Year").ShouldBe("row 12, column Year");

        // A quoted name is looked for from the finding's place outwards: "name" beside an invitee is that invitee's.
        var meeting = CaseForm.For(CaseKinds.Find("strategy-meeting")!);
        FormWords.Message(meeting, "$.invitees[2].agency", "Each invitee needs the agency they represent, in \"agency\".").ShouldBe("Each invitee needs the agency they represent, in \"Agency\".");

        // After "to", a quoted word is an answer even where a question has that name ("meeting").
        FormWords.Message(meeting, "$.format", "Set \"format\" to \"meeting\" or \"discussion\".").ShouldBe("Set \"Format\" to \"meeting\" or \"discussion\".");
    }

    [Fact]
    public async Task The_device_allocation_form_shows_the_wiped_hardware_rule_and_an_items_serial_number_in_the_forms_words()
    {
        var json = Samples.With("device-allocation.json", c =>
        {
            c["preIssueChecks"]!["hardwareWiped"] = false;
            var second = c["equipment"]![0]!.DeepClone().AsObject();
            second.Remove("serialNumber");
            c["equipment"]!.AsArray().Add(second);
        });
        var id = await fixture.Host.AddRecordAsync(json);
        var html = await fixture.Office.GetStringAsync($"/records/{id}");

        Beside(html, "preIssueChecks.hardwareWiped").ShouldContain("Wipe it, then set \"Hardware wiped\" to Yes.");
        Summary(html).ShouldContain("href=\"#f-preIssueChecks-hardwareWiped\">The equipment must be cleaned of everything from any previous user before issue. Wipe it, then set \"Hardware wiped\" to Yes.");
        var added = JsonNode.Parse(json)!["equipment"]!.AsArray().Count - 1;
        Beside(html, $"equipment[{added}].serialNumber").ShouldContain("Add \"Serial number\" when the equipment arrives");
        var shown = Shown(html);
        shown.ShouldContain("Hardware wiped");
        QuotedJsonName().Matches(shown).ShouldBeEmpty(shown);
        shown.ShouldNotContain("\"serialNumber\"");
        shown.ShouldNotContain(" true", Case.Sensitive);

        // The API keeps the library's wording, which scripts rely on; the form's script asks for the form's words.
        var api = await (await fixture.Api.PostAsync("/api/validate", new ByteArrayContent(json))).Content.ReadFromJsonAsync<ValidationDto>();
        api!.Findings.Single(f => f.Id == "DA019").Message.ShouldBe("The equipment must be cleaned of everything from any previous user before issue. Wipe it, then set \"hardwareWiped\" to true.");
        api.Findings.Single(f => f.Id == "DA017").Path.ShouldBe($"$.equipment[{added}].serialNumber");
        var forForm = await (await fixture.Api.PostAsync("/api/validate?wording=form", new ByteArrayContent(json))).Content.ReadFromJsonAsync<ValidationDto>();
        forForm!.Findings.Single(f => f.Id == "DA019").Message.ShouldEndWith("Wipe it, then set \"Hardware wiped\" to Yes.");
        forForm.Findings.Select(f => (f.Id, f.Path, f.Severity)).ShouldBe(api.Findings.Select(f => (f.Id, f.Path, f.Severity)));
    }

    [Fact]
    public async Task A_viewing_record_and_an_incident_form_show_their_rules_in_the_forms_words()
    {
        var viewing = Samples.With("viewing-decision.json", c => c["viewing"]!.AsObject().Remove("onPremises"));
        var html = await fixture.Dsl.GetStringAsync($"/records/{await fixture.Host.AddRecordAsync(viewing)}");
        Beside(html, "viewing.onPremises").ShouldContain("Say whether the viewing took place on the premises: set \"Viewing: On premises\" to Yes or No.");
        Summary(html).ShouldContain("set \"Viewing: On premises\" to Yes or No.");
        QuotedJsonName().Matches(Shown(html)).ShouldBeEmpty(Shown(html));

        var incident = Samples.With("incident-report.json", c => c.Remove("contentGeneratedAt"));
        html = await fixture.Dsl.GetStringAsync($"/records/{await fixture.Host.AddRecordAsync(incident)}");
        Beside(html, "contentGeneratedAt").ShouldContain("Add \"Content generated at\" as \"Content generated at setting\" or \"Content generated at home\"");
        QuotedJsonName().Matches(Shown(html)).ShouldBeEmpty(Shown(html));

        var incidentApi = await (await fixture.Api.PostAsync("/api/validate", new ByteArrayContent(incident))).Content.ReadFromJsonAsync<ValidationDto>();
        incidentApi!.Findings.ShouldContain(f => f.Message.Contains("\"contentGeneratedAt\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_your_answers_lists_the_warnings_in_the_forms_words()
    {
        var json = Samples.With("device-allocation.json", c => c["equipment"]![0]!.AsObject().Remove("serialNumber"));
        var id = await fixture.Host.AddRecordAsync(json);
        var answers = WebUtility.HtmlDecode(await fixture.Office.GetStringAsync($"/records/{id}/check"));
        answers.ShouldContain("Check your answers");
        answers.ShouldContain("Add \"Serial number\" when the equipment arrives");
        answers.ShouldNotContain("\"serialNumber\"");
    }

    [Fact]
    public async Task Import_names_the_question_and_item_a_wrong_value_is_in()
    {
        var json = Samples.With("device-allocation.json", c =>
        {
            var second = c["equipment"]![0]!.DeepClone().AsObject();
            second["serialNumber"] = 42;
            c["equipment"]!.AsArray().Add(second);
        });
        var token = await Session.TokenFrom(fixture.Office, "/import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(json), "caseFile", "loan.json" },
        };
        var response = await fixture.Office.PostAsync("/import", upload);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var item = JsonNode.Parse(json)!["equipment"]!.AsArray().Count;
        page.ShouldContain($"[Equipment item {item}: Serial number, line 1]");
        page.ShouldContain("This value has the wrong type");
        page.ShouldNotContain("$.equipment");
    }

    [Fact]
    public async Task The_pack_page_lists_the_pack_details_problems_in_the_forms_words()
    {
        var json = Samples.With("aup-pack.json", c => c.Remove("academicYear"));
        var token = await Session.TokenFrom(fixture.Office, "/packs");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(json), "pack", "pack.json" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("aup-roster.csv"))), "roster", "export.csv" },
        };
        var response = await fixture.Office.PostAsync("/packs/upload", upload);
        var page = await response.Content.ReadAsStringAsync();
        var shown = Shown(page);
        shown.ShouldContain("APK004: The agreements are for one school year: add \"Academic year\", written like \"2026/27\".");
        QuotedJsonName().Matches(shown).ShouldBeEmpty(shown);
    }
}
