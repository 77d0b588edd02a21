using SafeguardDocs.Core.Cases.IncidentReport;
using A = SafeguardDocs.Core.Cases.IncidentReport.FrameworkActions;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Seed 003 §4 Tables 1–3 as data: the right table, column and evidence row for an incident.</summary>
public sealed class IncidentFrameworkTests
{
    private static readonly IncidentReportCase Good = CaseFiles.Sample<IncidentReportCase>("incident-report.json");

    private static IReadOnlyList<string> Keys(TableIndication table) => [.. table.Actions.Select(a => a.Action.Key)];

    [Fact]
    public void The_sample_is_sexual_and_bullying_between_children_with_content_made_at_home()
    {
        var indication = IncidentFramework.Indicate(Good);

        indication.Tables.Select(t => t.Table).ShouldBe([IncidentFramework.Table1, IncidentFramework.Table2]);
        indication.Tables.ShouldAllBe(t => t.Column == "Child on child");
        indication.Tables.ShouldAllBe(t => t.Evidence == "Content generated at home");

        var bullying = indication.Tables[0];
        Keys(bullying).ShouldContain(A.AskForEvidence.Key);
        Keys(bullying).ShouldNotContain(A.SecureEvidence.Key);
        Keys(bullying).ShouldContain(A.ExplainAntiBullyingBreach.Key);

        var sexual = indication.Tables[1];
        Keys(sexual).ShouldContain(A.SeekPoliceAdvice.Key);
        Keys(sexual).ShouldContain(A.ProtectionOfChildrenAct.Key);
        Keys(sexual).ShouldContain(A.AdviceBeforeSpeakingToFamilies.Key);
        Keys(sexual).ShouldNotContain(A.LadoReferral.Key);

        indication.ExpectedFormActions.Select(o => o.Value).ShouldBe([V.PoliceInvestigation]);
        indication.MissingFormActions.ShouldBeEmpty();
        indication.ImmediateReferral.ShouldBeFalse();
        indication.Flags.Select(f => f.Kind).ShouldBe([FrameworkFlagKind.AdviceBeforeTellingFamilies]);
    }

    [Fact]
    public void Actions_come_in_the_tables_row_order()
    {
        foreach (var table in IncidentFramework.Indicate(Good).Tables)
        {
            table.Actions.Select(a => a.Row).ShouldBeInOrder();
        }
    }

    [Fact]
    public void Content_made_at_the_setting_is_secured_by_the_organisation()
    {
        var table = IncidentFramework.Indicate(Good with { ContentGeneratedAt = V.GeneratedAtSetting, IncidentTypes = [V.Bullying] }).Tables.Single();
        Keys(table).ShouldContain(A.SecureEvidence.Key);
        Keys(table).ShouldNotContain(A.AskForEvidence.Key);
    }

    [Fact]
    public void Unknown_origin_shows_both_evidence_steps()
    {
        var indication = IncidentFramework.Indicate(Good with { ContentGeneratedAt = null, IncidentTypes = [V.Bullying] });
        Keys(indication.Tables.Single()).ShouldContain(A.SecureEvidence.Key);
        Keys(indication.Tables.Single()).ShouldContain(A.AskForEvidence.Key);
        indication.Has(FrameworkFlagKind.EvidenceRowUnknown).ShouldBeTrue();
    }

    [Fact]
    public void Sexual_incident_by_an_adult_expects_police_and_lado_and_is_an_immediate_referral()
    {
        var indication = IncidentFramework.Indicate(Good with { Involved = V.AdultOnChild, IncidentTypes = [V.Sexual], ActionsTaken = [] });
        var table = indication.Tables.Single();
        table.Column.ShouldBe("Adult on child");
        Keys(table).ShouldContain(A.GroomingOffencesConsultPolice.Key);
        indication.MissingFormActions.Select(o => o.Value).ShouldBe([V.ReferralToLado, V.PoliceInvestigation]);
        indication.Has(FrameworkFlagKind.ImmediateReferralAdultInvolved).ShouldBeTrue();
    }

    [Fact]
    public void Grooming_is_read_as_sexual() =>
        IncidentFramework.AreasOf(Good with { IncidentTypes = [V.Grooming] }).ShouldBe([FrameworkArea.Sexual]);

    [Fact]
    public void Violence_and_hate_are_read_as_threatening() =>
        IncidentFramework.AreasOf(Good with { IncidentTypes = [V.Violence, V.HateIncitement] }).ShouldBe([FrameworkArea.BullyingOrThreatening]);

    [Fact]
    public void Mishandling_personal_information_comes_from_the_framework_areas()
    {
        var indication = IncidentFramework.Indicate(Good with { IncidentTypes = [V.Other], IncidentTypesOther = "x", FrameworkAreas = [V.AreaMishandlingPersonalInformation], ContentGeneratedAt = V.GeneratedAtSetting });
        var table = indication.Tables.Single();
        table.Table.ShouldBe(IncidentFramework.Table3);
        Keys(table).ShouldContain(A.ExplainConfidentialityBreach.Key);
        Keys(table).ShouldContain(A.NotifyDataBreach.Key);
        indication.ExpectedFormActions.Select(o => o.Value).ShouldBe([V.AdviceToParents]);
    }

    [Fact]
    public void Staff_on_staff_mishandling_expects_a_lado_referral()
    {
        var indication = IncidentFramework.Indicate(Good with
        {
            Involved = V.AdultOnAdult,
            AdultOnAdult = V.StaffOnStaff,
            IncidentTypes = [V.Other],
            FrameworkAreas = [V.AreaMishandlingPersonalInformation],
        });
        indication.Tables.Single().Column.ShouldBe("Adult on adult: staff on staff");
        indication.ExpectedFormActions.Select(o => o.Value).ShouldBe([V.ReferralToLado]);
    }

    [Fact]
    public void Two_adults_without_the_column_show_both_and_expect_only_what_both_expect()
    {
        var indication = IncidentFramework.Indicate(Good with { Involved = V.AdultOnAdult, IncidentTypes = [V.Sexual], ActionsTaken = [] });
        var table = indication.Tables.Single();
        table.Column.ShouldBe("Adult on adult");
        Keys(table).ShouldContain(A.LadoReferral.Key);
        Keys(table).ShouldContain(A.ChildrenInHousehold.Key);
        table.Actions.Single(a => a.Action == A.LadoReferral).Expected.ShouldBeFalse();
        indication.ExpectedFormActions.Select(o => o.Value).ShouldBe([V.PoliceInvestigation]);
        indication.Has(FrameworkFlagKind.AdultColumnUnknown).ShouldBeTrue();
        indication.ImmediateReferral.ShouldBeFalse();
    }

    [Fact]
    public void Consider_actions_are_never_expected()
    {
        var indication = IncidentFramework.Indicate(Good with { Involved = V.AdultOnChild, IncidentTypes = [V.Bullying] });
        var lado = indication.Tables.Single().Actions.Single(a => a.Action == A.ConsiderLadoReferral);
        lado.Expected.ShouldBeFalse();
        indication.ExpectedFormActions.Select(o => o.Value).ShouldBe([V.AdviceToParents]);
    }

    [Fact]
    public void Without_who_was_involved_no_column_is_chosen()
    {
        var indication = IncidentFramework.Indicate(Good with { Involved = null });
        indication.Tables.ShouldBeEmpty();
        indication.Has(FrameworkFlagKind.ColumnUnknown).ShouldBeTrue();
    }

    [Fact]
    public void Every_action_that_maps_to_the_form_uses_a_form_value()
    {
        var actions = typeof(A).GetProperties().Select(p => (FrameworkAction)p.GetValue(null)!).ToList();
        actions.Select(a => a.Key).ShouldBeUnique();
        actions.Where(a => a.FormAction is not null).ShouldAllBe(a => V.ActionsTaken.Contains(a.FormAction));
    }

    [Fact]
    public void Every_flag_cites_a_seed()
    {
        var flags = IncidentFramework.Indicate(Good with { AgesOfChildren = [12], Involved = V.ChildOnAdult, ContentGeneratedAt = null, IncidentTypes = [V.Sexual, V.Bullying] }).Flags;
        flags.Select(f => f.Kind).ShouldContain(FrameworkFlagKind.ImmediateReferralChildUnder13);
        flags.Select(f => f.Kind).ShouldContain(FrameworkFlagKind.ImmediateReferralAdultInvolved);
        flags.ShouldAllBe(f => f.Source.StartsWith("00", StringComparison.Ordinal) && f.Text.EndsWith('.'));
    }
}
