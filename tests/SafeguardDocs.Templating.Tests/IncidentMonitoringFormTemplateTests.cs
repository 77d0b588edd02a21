using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Templating.Tests;

public sealed class IncidentMonitoringFormTemplateTests
{
    private const string FrameworkHeading = "## What the framework indicates";

    private static readonly IncidentReportCase Sample = Samples.Load<IncidentReportCase>("incident-report.json");

    private static string Text(IncidentReportCase c)
    {
        var found = Samples.Catalog.Find("incident-monitoring-form").ShouldNotBeNull($"catalogue errors: {string.Join("; ", Samples.Catalog.Errors)}");
        found.Kind.ShouldBe(IncidentReportKind.Name);
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return MarkupText.Of(result.Document!);
    }

    private static string FrameworkSection(string text)
    {
        var start = text.IndexOf(FrameworkHeading, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        return text[start..];
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_sample_form_reads_as_the_paper_form_filled_in_then_the_framework() => Snapshot.Match(Text(Sample));

    public static TheoryData<string> OptionLists() => ["involved", "settingType", "incidentTypes", "media", "actionsTaken"];

    [Theory]
    [MemberData(nameof(OptionLists))]
    public void Every_option_of_the_form_appears_with_the_chosen_ones_ticked(string field)
    {
        var (options, chosen) = field switch
        {
            "involved" => (V.Involved, new[] { "Child on Child" }),
            "settingType" => (V.SettingTypes, ["High School"]),
            "incidentTypes" => (V.IncidentTypes, ["Sexual", "Bullying"]),
            "media" => (V.Media, ["Social networking", "Mobile Phone"]),
            _ => (V.ActionsTaken, ["Referral to Children's Social Care", "Advice to parents", "Police investigation"]),
        };
        var lines = Lines(Text(Sample));
        var first = Array.IndexOf(lines, (chosen.Contains(options.Options[0].Label) ? "[x] " : "[ ] ") + options.Options[0].Label);
        first.ShouldBeGreaterThan(0, $"the first option of {field}");
        for (var i = 0; i < options.Options.Count; i++)
        {
            var label = options.Options[i].Label;
            lines[first + i].ShouldBe((chosen.Contains(label) ? "[x] " : "[ ] ") + label);
        }
    }

    [Fact]
    public void Other_is_ticked_with_the_forms_explanation()
    {
        var c = Sample with
        {
            SettingType = "other",
            SettingTypeOther = "Holiday play scheme",
            Media = ["other"],
            MediaOther = "Smart watch",
            ActionsTaken = [.. Sample.ActionsTaken!, "other"],
            ActionsTakenOther = "Victim support arranged",
        };
        var text = Text(c);
        text.ShouldContain("[x] Other\nOther, please explain: Holiday play scheme\n### Type of incident");
        text.ShouldContain("[ ] Games Console\n[x] Other\nOther, please explain: Smart watch\n");
        text.ShouldContain("Other, please explain: Victim support arranged");
        text.ShouldContain("[ ] High School");
    }

    [Fact]
    public void The_form_records_ages_and_the_completer_and_no_childs_name()
    {
        var text = Text(Sample);
        text.ShouldContain("| Age(s) of child(ren) involved | 14, 15 |");
        text.ShouldContain("| Name | Claire Dunmore |");
        text.ShouldContain("| Telephone | 01202 555 0199 |");
        text.ShouldContain("| Date completed | 18 November 2026 |");
        text.ShouldStartWith("[letterhead] E-safety incident monitoring form\n");
    }

    [Fact]
    public void The_sample_shows_both_tables_for_child_on_child_content_made_at_home()
    {
        var framework = FrameworkSection(Text(Sample));
        framework.ShouldContain("### Table 1: Bullying and threatening behaviour: Child on child");
        framework.ShouldContain("### Table 2: Sexual behaviour: Child on child");
        framework.ShouldContain("| Evidence row (where the content was made) | Content generated at home |");
        framework.ShouldContain("| Evidence | Ask the victim or their family to supply the evidence, for example screenshots or printouts. | *Step* |");
        framework.ShouldContain("*Expected: recorded (Police investigation)*");
        framework.ShouldContain("*Consider*");
        framework.ShouldContain("| Tell the parents or carers. | *Step, only after advice* |");
        framework.ShouldNotContain("Expected: NOT recorded");
        framework.ShouldNotContain("expected actions not taken");
        Lines(framework)[1].ShouldStartWith("[Notice] *Advice before telling families.*");
    }

    [Fact]
    public void An_adult_in_a_sexual_incident_without_the_police_is_warned_about()
    {
        var c = Sample with
        {
            Involved = [V.AdultOnChild],
            AgesOfChildren = [15],
            IncidentTypes = [V.Sexual],
            ActionsTaken = [V.ReferralToChildrensSocialCare],
        };
        var indication = IncidentFramework.Indicate(c);
        indication.MissingFormActions.Select(m => m.Value).ShouldBe([V.ReferralToLado, V.PoliceInvestigation]);

        var text = Text(c);
        Lines(text).First(l => l.StartsWith("[Notice]", StringComparison.Ordinal)).ShouldStartWith("[Notice] *Immediate referral.* An adult is involved in this sexual incident");
        var framework = FrameworkSection(text);
        Lines(framework)[1].ShouldStartWith("[Notice] *Immediate referral: an adult is involved.*");
        framework.ShouldContain("Recorded among the actions taken: Referral to Children's Social Care.");
        framework.ShouldContain("### Warning: expected actions not taken\nFor this incident the framework expects these actions, but they are not among the actions taken on this form.");
        framework.ShouldContain("- *Police investigation*, expected by Table 2: Sexual behaviour (Adult on child)");
        framework.ShouldContain("- *Referral to LADO*, expected by Table 2: Sexual behaviour (Adult on child)");
        framework.ShouldContain("*Expected: NOT recorded (Police investigation)*");
        framework.ShouldContain("*Expected: NOT recorded (Referral to LADO)*");
    }

    [Fact]
    public void A_sexual_incident_with_a_child_of_12_is_flagged_for_immediate_referral_first()
    {
        var c = Sample with { AgesOfChildren = [12, 14], IncidentTypes = [V.Sexual], ActionsTaken = [V.AdviceToParents] };
        var text = Text(c);
        var lines = Lines(text);
        lines.First(l => l.StartsWith("[Notice]", StringComparison.Ordinal))
            .ShouldStartWith("[Notice] *Immediate referral.* A child under 13 is involved in this sexual incident: refer to the police and/or children's social care the same day.");
        var framework = Lines(FrameworkSection(text));
        framework[1].ShouldStartWith("[Notice] *Immediate referral: a child under 13.* A child under 13 is involved in a sexual incident.");
        framework[1].ShouldEndWith("Neither a referral to children's social care nor a police investigation is recorded among the actions taken.");
        framework[2].ShouldStartWith("[Notice] *Advice before telling families.*");
    }

    [Fact]
    public void Adults_on_adults_without_saying_which_shows_both_columns()
    {
        var c = Sample with { Involved = [V.AdultOnAdult], AgesOfChildren = [], IncidentTypes = [V.Bullying], ContentGeneratedAt = null, ActionsTaken = [] };
        var text = Text(c);
        text.ShouldContain("| Age(s) of child(ren) involved | None recorded |");
        text.ShouldContain("[x] Adult on Adult");
        var framework = FrameworkSection(text);
        framework.ShouldContain("| Column (who was involved) | Adult on adult: staff on staff and Adult on adult: public on staff |");
        framework.ShouldContain("| Evidence row (where the content was made) | Not recorded: both rows shown |");
        framework.ShouldContain("[Notice] *Which adults is not known.*");
        framework.ShouldContain("[Notice] *Where the content was made is not known.*");
        framework.ShouldContain("### Table 1: Bullying and threatening behaviour: Adult on adult");
    }

    [Fact]
    public void Staff_on_staff_is_shown_beside_who_was_involved()
    {
        var c = Sample with { Involved = [V.AdultOnAdult], AdultOnAdult = V.StaffOnStaff, AgesOfChildren = [], FrameworkAreas = [V.AreaMishandlingPersonalInformation] };
        var text = Text(c);
        text.ShouldContain("[x] Adult on Adult\nAdults involved: Staff on Staff\n");
        text.ShouldContain("### Table 3: Mishandling of personal information: Adult on adult: staff on staff");
    }
    [Fact]
    public void The_form_ends_with_where_to_return_it_and_an_empty_box_for_the_date_the_unit_receives_it()
    {
        var text = Text(Sample);
        text.ShouldContain("### Returning this form\nWhen the form is complete, send it to the Safeguarding Children Unit (cpu@stockport.gov.uk, telephone 0161 474 5657).");
        text.ShouldContain("| Date form received by the Safeguarding Children Unit |  |");
        var own = Sample with { ReturnTo = new IncidentFormRecipient { Name = "Hillside E-safety Team", Email = "esafety@hillside.example.org" } };
        var ownText = Text(own);
        ownText.ShouldContain("send it to the Hillside E-safety Team (esafety@hillside.example.org).");
        ownText.ShouldContain("| Date form received by the Hillside E-safety Team |  |");
    }

    [Fact]
    public void The_key_tells_the_office_what_to_do_with_each_mark()
    {
        var framework = FrameworkSection(Text(Sample));
        framework.ShouldContain("where its mark says NOT recorded, take the step and tick it on the form, or explain under \"Other\" why it was not taken, before the form is returned");
        framework.ShouldContain("*Consider* needs a decision by the safeguarding lead: decide whether it applies and record the decision and the reason.");
    }

    [Fact]
    public void Ages_not_known_and_several_parties_are_shown_as_the_form_has_them()
    {
        var c = Sample with { AgesOfChildren = null, AgesNotKnown = true, Involved = [V.ChildOnChild, V.AdultOnChild], AdultWorksWithChildren = false };
        var text = Text(c);
        text.ShouldContain("| Age(s) of child(ren) involved | Not known |");
        text.ShouldContain("[x] Child on Child\n[ ] Child on Adult\n[x] Adult on Child\n[ ] Adult on Adult");
        text.ShouldContain("The adult involved is a member of the public and does not work with children.");
        FrameworkSection(text).ShouldContain("| Column (who was involved) | Child on child and Adult on child |");
        FrameworkSection(text).ShouldNotContain("LADO");
    }
}
