using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Settings;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Core.Tests.Views;

/// <summary>What the incident monitoring form's templates see: the case under its own names, the form's ticks and what the framework indicates.</summary>
public sealed class IncidentReportViewTests
{
    private static readonly IncidentReportCase Sample = CaseFiles.Sample<IncidentReportCase>("incident-report.json");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static IncidentReportView View(IncidentReportCase c) => IncidentReportKind.Kind.View(c, OrganisationSettings.Default, Today);

    [Fact]
    public void The_registered_kind_makes_this_view_for_its_templates()
    {
        IncidentReportKind.Kind.ViewType.ShouldBe(typeof(IncidentReportView));
        CaseKinds.Find(IncidentReportKind.Name)!.CreateView(Sample, OrganisationSettings.Default, Today).ShouldBeOfType<IncidentReportView>();
        Should.Throw<ArgumentException>(() => IncidentReportKind.Kind.CreateView(CaseFiles.Sample<Cases.OnlineSafetyPlan.OnlineSafetyPlanCase>("online-safety-plan.json"), OrganisationSettings.Default, Today));
        View(Sample).Today.ShouldBe(Today);
    }

    [Fact]
    public void Every_top_level_property_of_the_case_is_on_the_view_under_the_same_name()
    {
        var viewProperties = typeof(IncidentReportView).GetProperties().Select(p => p.Name).ToHashSet();
        var caseProperties = typeof(IncidentReportCase).GetProperties()
            .Where(p => !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true) && p.Name != "EqualityContract")
            .Select(p => p.Name);
        caseProperties.Where(name => !viewProperties.Contains(name)).ShouldBeEmpty();
        var view = View(Sample);
        view.Reference.ShouldBe(Sample.Reference);
        view.DateOfIncident.ShouldBe(Sample.DateOfIncident);
        view.AgesOfChildren.ShouldBe(Sample.AgesOfChildren!);
        view.Involved.ShouldBe(Sample.Involved!);
        view.CompletedBy.ShouldBe(Sample.CompletedBy);
        view.Description.ShouldBe(Sample.Description);
        View(Sample with { AgesOfChildren = null, Media = null, Description = " " }).ShouldSatisfyAllConditions(
            v => v.AgesOfChildren.ShouldBeEmpty(),
            v => v.Media.ShouldBeEmpty(),
            v => v.Description.ShouldBeNull());
    }

    [Fact]
    public void Every_option_of_each_list_is_there_in_the_forms_order_ticked_when_the_case_gives_it_however_written()
    {
        var view = View(Sample with { SettingType = "high school", ActionsTaken = ["Referral to Children\u2019s Social Care", "ADVICE TO PARENTS"] });
        view.InvolvedChoices.Select(c => c.Label).ShouldBe(V.Involved.Options.Select(o => o.Label));
        view.InvolvedChoices.Where(c => c.Chosen).Select(c => c.Value).ShouldBe([V.ChildOnChild]);
        view.SettingTypeChoices.Count.ShouldBe(V.SettingTypes.Options.Count);
        view.SettingTypeChoices.Single(c => c.Chosen).Label.ShouldBe("High School");
        view.IncidentTypeChoices.Where(c => c.Chosen).Select(c => c.Value).ShouldBe([V.Sexual, V.Bullying]);
        view.MediaChoices.Where(c => c.Chosen).Select(c => c.Label).ShouldBe(["Social networking", "Mobile Phone"]);
        view.ActionsTakenChoices.Where(c => c.Chosen).Select(c => c.Value).ShouldBe([V.ReferralToChildrensSocialCare, V.AdviceToParents]);
        View(Sample with { SettingType = null }).SettingTypeChoices.ShouldAllBe(c => !c.Chosen);
    }

    [Fact]
    public void The_form_goes_to_the_safeguarding_children_unit_unless_the_case_names_its_own()
    {
        View(Sample).ReturnTo.ShouldBe(new IncidentFormRecipient { Name = SafeguardingUnitDefaults.Name, Email = SafeguardingUnitDefaults.Email, Phone = SafeguardingUnitDefaults.Phone });
        View(Sample with { ReturnTo = new IncidentFormRecipient { Name = "Hillside E-safety Team", Email = " ", Phone = "01202 555 0100" } })
            .ReturnTo.ShouldBe(new IncidentFormRecipient { Name = "Hillside E-safety Team", Phone = "01202 555 0100" });
        View(Sample with { ReturnTo = new IncidentFormRecipient { Email = "a@b.example.org" } }).ReturnTo.Name.ShouldBe(SafeguardingUnitDefaults.Name);
    }

    [Fact]
    public void The_sample_shows_what_the_framework_indicates_for_child_on_child_content_made_at_home()
    {
        var view = View(Sample);
        view.ImmediateReferral.ShouldBeFalse();
        view.Flags.Select(f => f.Kind).ShouldBe(["advice-before-telling-families"]);
        view.Tables.Select(t => t.Table).ShouldBe([IncidentFramework.Table1, IncidentFramework.Table2]);
        view.Tables.ShouldAllBe(t => t.Column == "Child on child" && t.Evidence == "Content generated at home");
        view.Columns.ShouldBe(["Child on child"]);
        view.EvidenceRow.ShouldBe("Content generated at home");
        view.MissingActions.ShouldBeEmpty();
        var table2 = view.Tables[1].Actions;
        table2.ShouldContain(a => a.Row == "Evidence" && a.Expected && a.Recorded && a.FormActionLabel == "Police investigation");
        var parents = view.Tables[0].Actions.Single(a => a.FormAction == V.AdviceToParents);
        parents.AfterAdviceOnly.ShouldBeTrue("a sexual incident: telling the parents waits for advice");
        parents.Expected.ShouldBeFalse();
        view.Tables.SelectMany(t => t.Actions).ShouldContain(a => a.ConsiderOnly);
    }

    [Fact]
    public void An_adult_in_a_sexual_incident_is_an_immediate_referral_and_the_missing_actions_name_the_tables_that_expect_them()
    {
        var view = View(Sample with
        {
            Involved = [V.AdultOnChild],
            AgesOfChildren = [12],
            IncidentTypes = [V.Sexual],
            ActionsTaken = [V.ReferralToChildrensSocialCare],
        });
        view.ImmediateReferral.ShouldBeTrue();
        view.ImmediateReferralChildUnder13.ShouldBeTrue();
        view.ImmediateReferralAdultInvolved.ShouldBeTrue();
        view.Flags.Select(f => f.Kind).ShouldBe(["immediate-referral-child-under-13", "immediate-referral-adult-involved", "advice-before-telling-families"]);
        view.Flags.Select(f => f.ImmediateReferral).ShouldBe([true, true, false]);
        view.ReferralRecorded.ShouldBeTrue();
        view.ReferralActionsTaken.ShouldBe(["Referral to Children's Social Care"]);
        view.MissingActions.Select(m => m.Value).ShouldBe([V.ReferralToLado, V.PoliceInvestigation]);
        view.MissingActions.ShouldAllBe(m => m.ExpectedBy.Single().Table == IncidentFramework.Table2 && m.ExpectedBy.Single().Column == "Adult on child");
        view.Tables.Single().Actions.Where(a => a.Expected && !a.Recorded).Select(a => a.FormAction).Distinct().ShouldBe([V.PoliceInvestigation, V.ReferralToLado], ignoreOrder: true);
        view.Tables.Single().Actions.ShouldNotContain(a => a.Recorded && a.FormAction != V.ReferralToChildrensSocialCare);
    }

    [Fact]
    public void Each_flag_has_its_own_key_and_the_flags_come_immediate_referral_first()
    {
        Enum.GetValues<FrameworkFlagKind>().Select(IncidentReportView.FlagKey).Distinct().Count().ShouldBe(Enum.GetValues<FrameworkFlagKind>().Length);
        var view = View(Sample with { Involved = [V.AdultOnAdult], AgesOfChildren = [], IncidentTypes = [V.Bullying], ContentGeneratedAt = null });
        view.Flags.Select(f => f.Kind).ShouldBe(["adult-column-unknown", "evidence-row-unknown"]);
        view.Columns.ShouldBe(["Adult on adult: staff on staff", "Adult on adult: public on staff"]);
        view.EvidenceRow.ShouldBeNull();
        var unknown = View(Sample with { Involved = null, IncidentTypes = [V.Financial] });
        unknown.Flags.Select(f => f.Kind).ShouldBe(["no-framework-area", "column-unknown"]);
        unknown.Tables.ShouldBeEmpty();
        unknown.Columns.ShouldBeEmpty();
    }

    [Fact]
    public void Which_adults_and_whether_the_adult_works_with_children_are_given()
    {
        View(Sample with { Involved = [V.AdultOnAdult], AdultOnAdult = V.StaffOnStaff }).AdultOnAdultLabel.ShouldBe("Staff on Staff");
        View(Sample).AdultOnAdultLabel.ShouldBeNull();
        var publicMember = View(Sample with { Involved = [V.AdultOnChild], AdultWorksWithChildren = false, IncidentTypes = [V.Bullying] });
        publicMember.AdultWorksWithChildren.ShouldBe(false);
        publicMember.Tables.SelectMany(t => t.Actions).ShouldNotContain(a => a.FormAction == V.ReferralToLado);
    }
}
