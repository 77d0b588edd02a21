using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Markup;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Templating.Tests.Scriban;

/// <summary>
/// The Scriban incident monitoring form (<c>templates/scriban/incident-monitoring-form.sbn</c>) makes the
/// same document as the Razor one: the same markup, block for block, for the sample and for every
/// variation the Razor form's own tests use (<see cref="IncidentMonitoringFormTemplateTests"/>), and for
/// each of the framework's flags and marks.
/// </summary>
public sealed class ScribanIncidentMonitoringFormTests
{
    private static readonly IncidentReportCase Sample = Samples.Load<IncidentReportCase>("incident-report.json");

    private static readonly Dictionary<string, Func<IncidentReportCase>> Variations = new()
    {
        ["sample"] = () => Sample,
        ["every other explained"] = () => Sample with
        {
            SettingType = "other",
            SettingTypeOther = "Holiday play scheme",
            IncidentTypes = [.. Sample.IncidentTypes!, "other"],
            IncidentTypesOther = "Impersonation",
            Media = ["other"],
            MediaOther = "Smart watch",
            ActionsTaken = [.. Sample.ActionsTaken!, "other"],
            ActionsTakenOther = "Victim support arranged",
        },
        ["an adult in a sexual incident without the police"] = () => Sample with
        {
            Involved = [V.AdultOnChild],
            AgesOfChildren = [15],
            IncidentTypes = [V.Sexual],
            ActionsTaken = [V.ReferralToChildrensSocialCare],
        },
        ["a child of 12 in a sexual incident, no referral"] = () => Sample with { AgesOfChildren = [12, 14], IncidentTypes = [V.Sexual], ActionsTaken = [V.AdviceToParents] },
        ["a child of 12 and an adult"] = () => Sample with { AgesOfChildren = [12], Involved = [V.AdultOnChild], IncidentTypes = [V.Grooming], ActionsTaken = [V.PoliceInvestigation, V.ReferralToLado] },
        ["adults, not saying which, bullying, where not known"] = () => Sample with
        {
            Involved = [V.AdultOnAdult],
            AgesOfChildren = [],
            IncidentTypes = [V.Bullying],
            ContentGeneratedAt = null,
            ActionsTaken = [],
        },
        ["staff on staff, mishandling personal information"] = () => Sample with
        {
            Involved = [V.AdultOnAdult],
            AdultOnAdult = V.StaffOnStaff,
            AgesOfChildren = [],
            FrameworkAreas = [V.AreaMishandlingPersonalInformation],
        },
        ["public on staff, at the setting"] = () => Sample with
        {
            Involved = [V.AdultOnAdult],
            AdultOnAdult = V.PublicOnStaff,
            IncidentTypes = [V.HateIncitement],
            ContentGeneratedAt = V.GeneratedAtSetting,
        },
        ["the form returned to the school's own team"] = () => Sample with
        {
            ReturnTo = new IncidentFormRecipient { Name = "Hillside E-safety Team", Email = "esafety@hillside.example.org" },
        },
        ["the form returned to a team with a telephone only"] = () => Sample with
        {
            ReturnTo = new IncidentFormRecipient { Name = "Hillside E-safety Team", Email = " ", Phone = "01202 555 0100" },
        },
        ["ages not known, a child and a member of the public"] = () => Sample with
        {
            AgesOfChildren = null,
            AgesNotKnown = true,
            Involved = [V.ChildOnChild, V.AdultOnChild],
            AdultWorksWithChildren = false,
        },
        ["an adult who works with children"] = () => Sample with { Involved = [V.AdultOnChild], AdultWorksWithChildren = true, IncidentTypes = [V.Bullying] },
        ["one age not known"] = () => Sample with { AgesOfChildren = [14, null] },
        ["who and what not known"] = () => Sample with
        {
            Involved = null,
            IncidentTypes = [V.Financial],
            Description = " ",
            CompletedBy = null,
            DateOfIncident = null,
            ActionsTaken = null,
        },
        ["values written as a person would"] = () => Sample with { SettingType = "high school", ActionsTaken = ["Referral to Children\u2019s Social Care", "ADVICE TO PARENTS"] },
        ["markup and template syntax in the data"] = () => Sample with
        {
            Description = "Messages said \"<b>{{ reference }}</b>\" & @View.Reference {% raw %}.",
            CompletedBy = Sample.CompletedBy! with { Name = "Claire <Dunmore> & Co" },
        },
    };

    public static TheoryData<string> VariationNames() => [.. Variations.Keys];

    private static MarkupDocument Render(string template, IncidentReportCase c)
    {
        var found = ScribanSamples.Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", ScribanSamples.Catalog.Errors)}");
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    [Fact]
    public void The_shipped_template_is_listed_for_incident_reports_and_loads_without_errors()
    {
        ScribanSamples.Catalog.Errors.ShouldBeEmpty(string.Join("\n", ScribanSamples.Catalog.Errors));
        var template = ScribanSamples.Catalog.Find("incident-monitoring-form.sbn").ShouldNotBeNull();
        template.Engine.ShouldBe(TemplateEngine.Scriban);
        template.Kind.ShouldBe(IncidentReportKind.Name);
        template.Source.ShouldBe(Path.Combine("templates", "scriban", "incident-monitoring-form.sbn"));
        ScribanSamples.Catalog.DefaultFor(IncidentReportKind.Name)!.Engine.ShouldBe(TemplateEngine.Razor);
    }

    [Theory]
    [MemberData(nameof(VariationNames))]
    public void The_form_is_the_same_as_the_razor_form(string variation)
    {
        var c = Variations[variation]();
        var razor = Render("incident-monitoring-form", c);
        var scriban = Render("incident-monitoring-form.sbn", c);
        MarkupText.Of(scriban).ShouldBe(MarkupText.Of(razor));
        scriban.ShouldBe(razor);
    }

    [Fact]
    public void The_variations_between_them_show_every_flag_and_every_mark()
    {
        var texts = Variations.Values.Select(v => MarkupText.Of(Render("incident-monitoring-form.sbn", v()))).ToList();
        string[] shown =
        [
            "*Immediate referral: a child under 13.*", "*Immediate referral: an adult is involved.*", "*Advice before telling families.*",
            "*No framework table applies.*", "*Who was involved is not known.*", "*Which adults is not known.*", "*Where the content was made is not known.*",
            "*Immediate referral.* A child under 13, and an adult, is involved", "*Immediate referral.* A child under 13 is involved", "*Immediate referral.* An adult is involved",
            "*Expected: recorded (", "*Expected: NOT recorded (", "*Consider*", "*Step*", "*Step, only after advice*",
            "### Warning: expected actions not taken",
        ];
        foreach (var words in shown)
        {
            texts.ShouldContain(t => t.Contains(words, StringComparison.Ordinal), words);
        }
    }

    [Fact]
    public void The_return_contact_is_worded_from_what_the_unit_gives()
    {
        MarkupText.Of(Render("incident-monitoring-form.sbn", Sample))
            .ShouldContain("send it to the Safeguarding Children Unit (cpu@stockport.gov.uk, telephone 0161 474 5657).");
        MarkupText.Of(Render("incident-monitoring-form.sbn", Variations["the form returned to a team with a telephone only"]()))
            .ShouldContain("send it to the Hillside E-safety Team (01202 555 0100).");
    }

    [Fact]
    public void Data_that_looks_like_markup_or_template_syntax_comes_out_exactly()
    {
        var text = MarkupText.Of(Render("incident-monitoring-form.sbn", Variations["markup and template syntax in the data"]()));
        text.ShouldContain("Messages said \"<b>{{ reference }}</b>\" & @View.Reference {% raw %}.");
        text.ShouldContain("| Name | Claire <Dunmore> & Co |");
    }
}
