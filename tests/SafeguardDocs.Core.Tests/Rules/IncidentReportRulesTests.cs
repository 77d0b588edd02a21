using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Naming;
using R = SafeguardDocs.Core.Cases.IncidentReport.IncidentReportRules;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Seed 003 Appendix 1 and Tables 1–3, seed 001's immediate referral: each rule broken once, from the good sample.</summary>
public sealed class IncidentReportRulesTests
{
    private static readonly IncidentReportCase Good = CaseFiles.Sample<IncidentReportCase>("incident-report.json");

    private static IncidentReportCase AdultOnChildSexual => Good with
    {
        Involved = [V.AdultOnChild],
        IncidentTypes = [V.Sexual],
        ActionsTaken = [V.AdviceToParents],
    };

    [Fact]
    public void The_sample_form_has_no_findings() => CaseFiles.Check(Good).ShouldBeEmpty();

    [Fact]
    public void The_sample_values_are_the_forms_own()
    {
        Good.Involved!.ShouldAllBe(i => V.Involved.Contains(i));
        V.SettingTypes.Contains(Good.SettingType).ShouldBeTrue();
        Good.IncidentTypes!.ShouldAllBe(t => V.IncidentTypes.Contains(t));
        Good.Media!.ShouldAllBe(m => V.Media.Contains(m));
        Good.ActionsTaken!.ShouldAllBe(a => V.ActionsTaken.Contains(a));
    }

    [Fact]
    public void The_form_is_named_by_its_reference_alone() =>
        IncidentReportKind.Kind.InitialsOf!(Good).ShouldBeNull();

    [Theory]
    [InlineData("High School")]
    [InlineData("high school")]
    [InlineData("Children\u2019s Centre")]
    public void Values_match_whatever_the_case_or_apostrophe(string settingType) =>
        CaseFiles.Check(Good with { SettingType = settingType }).ShouldNotReport(R.SettingTypeNotOnForm);

    [Fact]
    public void Reference_is_required() =>
        CaseFiles.Check(Good with { Reference = null }).ShouldReport(R.ReferenceRequired, "$.reference");

    [Fact]
    public void Reference_with_path_characters_is_refused() =>
        CaseFiles.Check(Good with { Reference = "INC/../secret" }).ShouldReport(R.ReferenceUnsafe, "$.reference", "secret");

    [Fact]
    public void Date_of_incident_is_required() =>
        CaseFiles.Check(Good with { DateOfIncident = null }).ShouldReport(R.DateOfIncidentRequired, "$.dateOfIncident");

    [Fact]
    public void Incident_date_is_not_in_the_future() =>
        CaseFiles.Check(Good with { DateOfIncident = new DateOnly(2026, 12, 25) }).ShouldReport(R.DateOfIncidentInFuture, "$.dateOfIncident", "2026-12-25", "25 December");

    [Fact]
    public void Ages_are_required_when_a_child_is_involved()
    {
        CaseFiles.Check(Good with { AgesOfChildren = [] }).ShouldReport(R.AgesRequired, "$.agesOfChildren");
        CaseFiles.Check(Good with { AgesOfChildren = null, Involved = [V.AdultOnAdult], AdultOnAdult = V.StaffOnStaff })
            .ShouldNotReport(R.AgesRequired);
    }

    [Theory]
    [InlineData(18)]
    [InlineData(-1)]
    [InlineData(212)]
    [InlineData(null)]
    public void Ages_are_0_to_17(int? age)
    {
        var findings = CaseFiles.Check(Good with { AgesOfChildren = [14, age] });
        findings.ShouldReport(R.AgeOutOfRange, "$.agesOfChildren[1]");
        findings.ShouldNotContain(f => f.Path == "$.agesOfChildren[0]");
    }

    [Fact]
    public void Ages_0_and_17_are_children() =>
        CaseFiles.Check(Good with { AgesOfChildren = [0, 17] }).ShouldNotReport(R.AgeOutOfRange);

    [Theory]
    [InlineData(null)]
    [InlineData("child on child")]
    [InlineData("pupil-on-pupil")]
    public void Who_was_involved_is_one_of_the_forms_four(string? involved) =>
        CaseFiles.Check(Good with { Involved = [involved] }).ShouldReport(R.InvolvedNotOnForm, "$.involved", "pupil");

    [Fact]
    public void Adult_on_adult_kind_must_be_a_framework_column() =>
        CaseFiles.Check(Good with { Involved = [V.AdultOnAdult], AdultOnAdult = "parent-on-parent" })
            .ShouldReport(R.AdultOnAdultNotOnForm, "$.adultOnAdult", "parent-on-parent");

    [Fact]
    public void Adult_on_adult_without_the_column_is_a_warning() =>
        CaseFiles.Check(Good with { Involved = [V.AdultOnAdult] }).ShouldReport(R.AdultOnAdultNotSpecified, "$.adultOnAdult");

    [Fact]
    public void Adult_on_adult_kind_on_a_child_incident_is_a_warning() =>
        CaseFiles.Check(Good with { AdultOnAdult = V.StaffOnStaff }).ShouldReport(R.AdultOnAdultButNotAdults, "$.adultOnAdult");

    [Theory]
    [InlineData(null)]
    [InlineData("Secondary Academy")]
    public void Setting_type_is_from_the_forms_list(string? settingType) =>
        CaseFiles.Check(Good with { SettingType = settingType }).ShouldReport(R.SettingTypeNotOnForm, "$.settingType", "Secondary Academy");

    [Fact]
    public void At_least_one_incident_type_is_required() =>
        CaseFiles.Check(Good with { IncidentTypes = [] }).ShouldReport(R.IncidentTypesRequired, "$.incidentTypes");

    [Fact]
    public void Each_incident_type_is_from_the_forms_list() =>
        CaseFiles.Check(Good with { IncidentTypes = [V.Sexual, "sextortion"] }).ShouldReport(R.IncidentTypeNotOnForm, "$.incidentTypes[1]", "sextortion");

    [Fact]
    public void At_least_one_medium_is_required() =>
        CaseFiles.Check(Good with { Media = null }).ShouldReport(R.MediaRequired, "$.media");

    [Fact]
    public void Each_medium_is_from_the_forms_list() =>
        CaseFiles.Check(Good with { Media = ["Snapchat"] }).ShouldReport(R.MediumNotOnForm, "$.media[0]", "Snapchat");

    [Fact]
    public void No_action_taken_is_a_warning() =>
        CaseFiles.Check(Good with { ActionsTaken = [] }).ShouldReport(R.NoActionsTaken, "$.actionsTaken");

    [Fact]
    public void Each_action_is_from_the_forms_list() =>
        CaseFiles.Check(Good with { ActionsTaken = [.. Good.ActionsTaken!, "exclusion"] }).ShouldReport(R.ActionNotOnForm, "$.actionsTaken[3]", "exclusion");

    [Fact]
    public void Other_needs_an_explanation()
    {
        var findings = CaseFiles.Check(Good with
        {
            SettingType = "Other",
            IncidentTypes = [V.Sexual, V.Other],
            Media = [V.Other],
            ActionsTaken = [.. Good.ActionsTaken!, V.Other],
            MediaOther = " ",
        });
        findings.ShouldReport(R.OtherNeedsExplanation, "$.settingTypeOther");
        findings.ShouldReport(R.OtherNeedsExplanation, "$.incidentTypesOther");
        findings.ShouldReport(R.OtherNeedsExplanation, "$.mediaOther");
        findings.ShouldReport(R.OtherNeedsExplanation, "$.actionsTakenOther");
    }

    [Fact]
    public void Other_with_its_explanation_is_accepted() =>
        CaseFiles.Check(Good with { Media = [V.Other], MediaOther = "A smart watch" }).ShouldNotReport(R.OtherNeedsExplanation);

    [Fact]
    public void Where_content_was_generated_is_setting_or_home() =>
        CaseFiles.Check(Good with { ContentGeneratedAt = "school bus" }).ShouldReport(R.ContentGeneratedAtNotOnForm, "$.contentGeneratedAt", "school bus");

    [Fact]
    public void Unknown_origin_of_bullying_content_is_a_warning()
    {
        CaseFiles.Check(Good with { ContentGeneratedAt = null }).ShouldReport(R.ContentGeneratedAtMissing, "$.contentGeneratedAt");
        CaseFiles.Check(Good with { ContentGeneratedAt = null, IncidentTypes = [V.Sexual] }).ShouldNotReport(R.ContentGeneratedAtMissing);
    }

    [Fact]
    public void Each_framework_area_is_one_of_the_three() =>
        CaseFiles.Check(Good with { FrameworkAreas = ["cyber"] }).ShouldReport(R.FrameworkAreaNotOnForm, "$.frameworkAreas[0]", "cyber");

    [Fact]
    public void An_incident_no_table_covers_is_a_warning()
    {
        var financial = Good with { IncidentTypes = [V.Financial] };
        CaseFiles.Check(financial).ShouldReport(R.NoFrameworkArea, "$.frameworkAreas");
        CaseFiles.Check(financial with { FrameworkAreas = [V.AreaMishandlingPersonalInformation] }).ShouldNotReport(R.NoFrameworkArea);
    }

    [Fact]
    public void The_person_completing_the_form_is_named() =>
        CaseFiles.Check(Good with { CompletedBy = Good.CompletedBy! with { Name = "" } }).ShouldReport(R.CompleterNameRequired, "$.completedBy.name");

    [Fact]
    public void The_person_completing_the_form_can_be_contacted()
    {
        CaseFiles.Check(Good with { CompletedBy = Good.CompletedBy! with { Phone = null, Email = " " } })
            .ShouldReport(R.CompleterContactRequired, "$.completedBy", "Claire", "Dunmore");
        CaseFiles.Check(Good with { CompletedBy = Good.CompletedBy! with { Phone = null } }).ShouldNotReport(R.CompleterContactRequired);
        CaseFiles.Check(Good with { CompletedBy = null }).ShouldReport(R.CompleterContactRequired, "$.completedBy");
    }

    [Fact]
    public void Date_completed_missing_is_a_warning() =>
        CaseFiles.Check(Good with { DateCompleted = null }).ShouldReport(R.DateCompletedMissing, "$.dateCompleted");

    [Fact]
    public void Date_completed_is_not_before_the_incident_or_in_the_future()
    {
        CaseFiles.Check(Good with { DateCompleted = new DateOnly(2026, 11, 16) }).ShouldReport(R.DateCompletedOutOfOrder, "$.dateCompleted");
        CaseFiles.Check(Good with { DateCompleted = new DateOnly(2026, 11, 23) }).ShouldReport(R.DateCompletedOutOfOrder, "$.dateCompleted");
        CaseFiles.Check(Good with { DateCompleted = Good.DateOfIncident }).ShouldNotReport(R.DateCompletedOutOfOrder);
    }

    [Fact]
    public void Sexual_incident_involving_an_adult_with_no_police_involvement_is_a_warning()
    {
        var findings = CaseFiles.Check(AdultOnChildSexual);
        findings.ShouldReport(R.PoliceNotRecorded, "$.actionsTaken");
        findings.Where(f => f.Id == R.PoliceNotRecorded.Id).ShouldHaveSingleItem();
        findings.ShouldAllBe(f => f.Severity == Severity.Warning);
    }

    [Fact]
    public void Sexual_incident_involving_an_adult_at_work_needs_a_lado_referral()
    {
        CaseFiles.Check(AdultOnChildSexual).ShouldReport(R.LadoReferralNotRecorded, "$.actionsTaken");
        CaseFiles.Check(AdultOnChildSexual with { ActionsTaken = [V.ReferralToLado, V.PoliceInvestigation] }).ShouldBeEmpty();
    }

    [Fact]
    public void Bullying_between_children_expects_parents_to_be_told()
    {
        var bullying = Good with { IncidentTypes = [V.Bullying], ActionsTaken = [V.PoliceInvestigation] };
        CaseFiles.Check(bullying).ShouldReport(R.ParentsNotAdvised, "$.actionsTaken");
    }

    [Fact]
    public void Parents_are_not_expected_to_be_told_first_of_a_sexual_incident() =>
        CaseFiles.Check(Good with { ActionsTaken = [V.PoliceInvestigation] }).ShouldNotReport(R.ParentsNotAdvised);

    [Fact]
    public void Sexual_incident_under_13_is_flagged_for_immediate_referral()
    {
        var under13 = Good with { AgesOfChildren = [12, 14], ActionsTaken = [V.AdviceToParents] };
        IncidentFramework.Indicate(under13).Has(FrameworkFlagKind.ImmediateReferralChildUnder13).ShouldBeTrue();
        var finding = CaseFiles.Check(under13);
        finding.ShouldReport(R.ImmediateReferralNotRecorded, "$.actionsTaken", "12");
        R.ImmediateReferralNotRecorded.Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void An_immediate_referral_once_recorded_is_not_repeated_as_a_warning()
    {
        var referred = Good with { AgesOfChildren = [12], ActionsTaken = [V.ReferralToChildrensSocialCare, V.PoliceInvestigation] };
        IncidentFramework.Indicate(referred).Has(FrameworkFlagKind.ImmediateReferralChildUnder13).ShouldBeTrue();
        CaseFiles.Check(referred).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(V.ReferralToChildrensSocialCare)]
    [InlineData(V.PoliceInvestigation)]
    [InlineData(V.AdviceToParents)]
    [InlineData(V.ReferralToLado)]
    public void The_immediate_referral_warning_is_given_exactly_when_the_framework_sees_no_referral(string action)
    {
        var under13 = Good with { AgesOfChildren = [12], ActionsTaken = [action] };
        var indication = IncidentFramework.Indicate(under13);
        indication.Has(FrameworkFlagKind.ImmediateReferralChildUnder13).ShouldBeTrue();
        CaseFiles.Check(under13).Any(f => f.Id == R.ImmediateReferralNotRecorded.Id).ShouldBe(!indication.ReferralRecorded);
    }

    [Fact]
    public void Bullying_of_a_child_under_13_is_not_flagged_for_immediate_referral() =>
        CaseFiles.Check(Good with { AgesOfChildren = [9], IncidentTypes = [V.Bullying], ActionsTaken = [V.AdviceToParents] })
            .ShouldNotReport(R.ImmediateReferralNotRecorded);

    [Fact]
    public void Every_rule_has_an_id_a_seed_source_and_advice()
    {
        var rules = new R().Rules;
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => r.Id.StartsWith("INC", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Source.StartsWith("003_59bb45b12fa933fb.txt", StringComparison.Ordinal) || r.Source.StartsWith("001_961ca90b783403b5.txt", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Message.EndsWith('.'));
        typeof(R).GetFields().Where(f => f.FieldType == typeof(SafeguardDocs.Core.Rules.Rule)).Count().ShouldBe(rules.Count);
    }

    [Fact]
    public void No_message_quotes_the_description_or_the_person_completing_it()
    {
        var broken = Good with
        {
            DateOfIncident = new DateOnly(2030, 1, 1),
            AgesOfChildren = [11, 212],
            Involved = ["adult on child"],
            IncidentTypes = ["sexual", "other"],
            Media = ["Snapchat"],
            ActionsTaken = ["lunchtime detention"],
            CompletedBy = Good.CompletedBy! with { Phone = null, Email = null },
        };
        var text = string.Join('\n', CaseFiles.Check(broken).Select(f => f.ToString()));
        foreach (var value in new[] { "group chat", "Claire", "Dunmore", "Snapchat", "lunchtime", "2030", "212", "adult on child" })
        {
            text.ShouldNotContain(value);
        }
    }

    [Fact]
    public void The_reference_is_the_whole_file_name() =>
        OutputNaming.FileStem(Good.Reference!, IncidentReportKind.Kind.InitialsOf!(Good)).ShouldBe("INC-2026-0113");
    [Fact]
    public void Ages_not_known_is_recorded_as_such()
    {
        CaseFiles.Check(Good with { AgesOfChildren = null, AgesNotKnown = true }).ShouldBeEmpty();
        CaseFiles.Check(Good with { AgesNotKnown = true }).ShouldReport(R.AgesGivenAndNotKnown, "$.agesNotKnown");
    }

    [Fact]
    public void Several_boxes_may_be_ticked_for_who_was_involved()
    {
        CaseFiles.Check(Good with { Involved = [V.ChildOnChild, V.ChildOnAdult] }).ShouldNotReport(R.InvolvedNotOnForm);
        CaseFiles.Check(Good with { Involved = [V.ChildOnChild, "pupil-on-pupil"] }).ShouldReport(R.InvolvedNotOnForm, "$.involved[1]", "pupil");
        CaseFiles.Check(Good with { Involved = [] }).ShouldReport(R.InvolvedNotOnForm, "$.involved");
    }

    [Fact]
    public void A_member_of_the_public_grooming_a_child_is_not_referred_to_the_lado()
    {
        var stranger = AdultOnChildSexual with { IncidentTypes = [V.Grooming], ActionsTaken = [V.PoliceInvestigation], AdviceSoughtBeforeParents = null };
        CaseFiles.Check(stranger).ShouldReport(R.LadoReferralNotRecorded, "$.actionsTaken");
        CaseFiles.Check(stranger with { AdultWorksWithChildren = false }).ShouldNotReport(R.LadoReferralNotRecorded);
        CaseFiles.Check(Good with { AdultWorksWithChildren = false }).ShouldReport(R.AdultWorksWithChildrenWithoutAdult, "$.adultWorksWithChildren");
    }

    [Fact]
    public void Advice_to_parents_in_a_sexual_incident_warns_unless_advice_was_taken_first()
    {
        var told = Good with { AdviceSoughtBeforeParents = null };
        CaseFiles.Check(told).ShouldReport(R.ParentsAdvisedBeforeAdvice, "$.actionsTaken");
        CaseFiles.Check(told with { AdviceSoughtBeforeParents = true }).ShouldNotReport(R.ParentsAdvisedBeforeAdvice);
        CaseFiles.Check(told with { IncidentTypes = [V.Bullying] }).ShouldNotReport(R.ParentsAdvisedBeforeAdvice);
    }

    [Fact]
    public void The_form_goes_to_the_unit_the_case_names_or_the_safeguarding_children_unit()
    {
        SafeguardingUnitDefaults.For(Good).Name.ShouldBe(SafeguardingUnitDefaults.Name);
        var own = new IncidentFormRecipient { Name = "Dorset Safeguarding Children Partnership", Email = "esafety@example.org" };
        SafeguardingUnitDefaults.For(Good with { ReturnTo = own }).ShouldBe(own);
        CaseFiles.Check(Good with { ReturnTo = own }).ShouldBeEmpty();
        CaseFiles.Check(Good with { ReturnTo = new IncidentFormRecipient { Email = "x@example.org" } }).ShouldReport(R.ReturnToNameMissing, "$.returnTo.name");
    }
}
