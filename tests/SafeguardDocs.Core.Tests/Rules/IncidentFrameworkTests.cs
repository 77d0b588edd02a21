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
        var indication = IncidentFramework.Indicate(Good with { Involved = [V.AdultOnChild], IncidentTypes = [V.Sexual], ActionsTaken = [] });
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
    public void Staff_on_staff_mishandling_asks_to_consider_the_lado_but_does_not_expect_a_referral_for_a_data_breach_alone()
    {
        var indication = IncidentFramework.Indicate(Good with
        {
            Involved = [V.AdultOnAdult],
            AdultOnAdult = V.StaffOnStaff,
            IncidentTypes = [V.Other],
            FrameworkAreas = [V.AreaMishandlingPersonalInformation],
        });
        var table = indication.Tables.Single();
        table.Column.ShouldBe("Adult on adult: staff on staff");
        var lado = table.Actions.Single(a => a.Action.FormAction == V.ReferralToLado);
        lado.Expected.ShouldBeFalse();
        lado.Action.ConsiderOnly.ShouldBeTrue();
        indication.ExpectedFormActions.ShouldBeEmpty();
    }

    [Fact]
    public void Table_3_staff_on_staff_criminal_row_has_no_threats_to_kill()
    {
        var indication = IncidentFramework.Indicate(Good with
        {
            Involved = [V.AdultOnAdult],
            AdultOnAdult = V.StaffOnStaff,
            IncidentTypes = [V.Other],
            FrameworkAreas = [V.AreaMishandlingPersonalInformation],
        });
        var criminal = indication.Tables.Single().Actions.Where(a => a.Row == FrameworkRow.CriminalProceedings).ShouldHaveSingleItem();
        criminal.Action.Text.ShouldContain("harassment");
        criminal.Action.Text.ShouldNotContain("kill");
    }

    [Fact]
    public void Table_3_has_no_evidence_step_for_a_member_of_the_public_towards_staff()
    {
        var indication = IncidentFramework.Indicate(Good with
        {
            Involved = [V.AdultOnAdult],
            AdultOnAdult = V.PublicOnStaff,
            IncidentTypes = [V.Other],
            FrameworkAreas = [V.AreaMishandlingPersonalInformation],
        });
        indication.Tables.Single().Actions.ShouldNotContain(a => a.Row == FrameworkRow.Evidence);
    }

    [Fact]
    public void Several_parties_give_each_column_and_expect_what_any_of_them_requires()
    {
        var indication = IncidentFramework.Indicate(Good with { Involved = [V.ChildOnChild, V.AdultOnChild], IncidentTypes = [V.Sexual], ActionsTaken = [] });
        IncidentFramework.ColumnsOf(Good with { Involved = [V.ChildOnChild, V.AdultOnChild] }).ShouldBe([FrameworkColumn.ChildOnChild, FrameworkColumn.AdultOnChild]);
        indication.Tables.Single().Column.ShouldBe("Child on child; Adult on child");
        indication.ExpectedFormActions.Select(o => o.Value).ShouldContain(V.ReferralToLado);
        indication.Has(FrameworkFlagKind.AdultColumnUnknown).ShouldBeFalse();
    }

    [Fact]
    public void A_member_of_the_public_grooming_a_child_is_not_for_the_lado_or_staff_discipline()
    {
        var stranger = Good with { Involved = [V.AdultOnChild], IncidentTypes = [V.Grooming], AgesOfChildren = [12], ActionsTaken = [V.PoliceInvestigation], AdultWorksWithChildren = false };
        var indication = IncidentFramework.Indicate(stranger);
        indication.Tables.Single().Actions.ShouldNotContain(a => a.Action.FormAction == V.ReferralToLado);
        indication.Tables.Single().Actions.ShouldNotContain(a => a.Action.Key == FrameworkActions.StaffDisciplinary.Key);
        indication.MissingFormActions.ShouldBeEmpty();
    }

    [Fact]
    public void Two_adults_without_the_column_show_both_and_expect_only_what_both_expect()
    {
        var indication = IncidentFramework.Indicate(Good with { Involved = [V.AdultOnAdult], IncidentTypes = [V.Sexual], ActionsTaken = [] });
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
        var indication = IncidentFramework.Indicate(Good with { Involved = [V.AdultOnChild], IncidentTypes = [V.Bullying] });
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
    public void In_a_sexual_incident_telling_the_parents_and_asking_for_removal_wait_for_advice_in_every_table()
    {
        // The sample is sexual and bullying: Table 1 lists both steps, but Table 2 governs them.
        var bullying = IncidentFramework.Indicate(Good).Tables.Single(t => t.Area == FrameworkArea.BullyingOrThreatening);
        var waiting = bullying.Actions.Where(a => a.AfterAdviceOnly).ToList();
        waiting.Select(a => a.Action.Key).ShouldBe([A.NotifyParents.Key, A.AskPerpetratorToRemove.Key]);
        waiting.ShouldAllBe(a => !a.Expected);

        var mishandling = IncidentFramework.Indicate(Good with { FrameworkAreas = [V.AreaMishandlingPersonalInformation] })
            .Tables.Single(t => t.Area == FrameworkArea.MishandlingPersonalInformation);
        mishandling.Actions.Where(a => a.AfterAdviceOnly).Select(a => a.Action.Key).ShouldBe([A.NotifyParents.Key, A.AskPerpetratorToRemove.Key]);
    }

    [Fact]
    public void Without_a_sexual_table_no_step_waits_for_advice_and_telling_the_parents_is_expected()
    {
        var indication = IncidentFramework.Indicate(Good with { IncidentTypes = [V.Bullying] });
        var table = indication.Tables.Single();
        table.Actions.ShouldAllBe(a => !a.AfterAdviceOnly);
        table.Actions.Single(a => a.Action.Key == A.NotifyParents.Key).Expected.ShouldBeTrue();
        indication.ExpectedFormActions.Select(o => o.Value).ShouldContain(V.AdviceToParents);
    }

    [Fact]
    public void Only_steps_that_alert_those_responsible_can_wait_for_advice()
    {
        var everything = Good with
        {
            IncidentTypes = [V.Sexual, V.Bullying],
            FrameworkAreas = [V.AreaMishandlingPersonalInformation],
            Involved = [V.AdultOnAdult],
            AdultOnAdult = null,
            ContentGeneratedAt = null,
        };
        foreach (var action in IncidentFramework.Indicate(everything).Tables.SelectMany(t => t.Actions))
        {
            action.AfterAdviceOnly.ShouldBe(action.Action.AlertsThoseResponsible, action.Action.Key);
        }

        typeof(A).GetProperties().Select(p => (FrameworkAction)p.GetValue(null)!)
            .Where(a => a.AlertsThoseResponsible).Select(a => a.Key)
            .ShouldBe([A.NotifyParents.Key, A.AskPerpetratorToRemove.Key], ignoreOrder: true);
    }

    [Theory]
    [InlineData(new string[0], false, "")]
    [InlineData(new[] { V.AdviceToParents, V.ReferralToLado }, false, "")]
    [InlineData(new[] { V.ReferralToChildrensSocialCare }, true, V.ReferralToChildrensSocialCare)]
    [InlineData(new[] { V.PoliceInvestigation }, true, V.PoliceInvestigation)]
    [InlineData(new[] { " Police Investigation ", "referral to children\u2019s social care" }, true, V.ReferralToChildrensSocialCare + "|" + V.PoliceInvestigation)]
    public void A_referral_is_recorded_when_social_care_or_the_police_are_among_the_actions_taken(string[] taken, bool recorded, string values)
    {
        var indication = IncidentFramework.Indicate(Good with { ActionsTaken = taken });
        indication.ReferralRecorded.ShouldBe(recorded);
        indication.ReferralActionsTaken.Select(o => o.Value).ShouldBe(values.Split('|', StringSplitOptions.RemoveEmptyEntries));
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
        var flags = IncidentFramework.Indicate(Good with { AgesOfChildren = [12], Involved = [V.ChildOnAdult], ContentGeneratedAt = null, IncidentTypes = [V.Sexual, V.Bullying] }).Flags;
        flags.Select(f => f.Kind).ShouldContain(FrameworkFlagKind.ImmediateReferralChildUnder13);
        flags.Select(f => f.Kind).ShouldContain(FrameworkFlagKind.ImmediateReferralAdultInvolved);
        flags.ShouldAllBe(f => f.Source.StartsWith("00", StringComparison.Ordinal) && f.Text.EndsWith('.'));
    }
}
