using System.Text;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.ViewingDecision;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.TestSupport;
using R = SafeguardDocs.Core.Cases.ViewingDecision.ViewingDecisionRules;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Seed 001 "If it is necessary to view the imagery", Appendix 1, and seed 000 §4: each rule broken once, starting from the good sample.</summary>
public sealed class ViewingDecisionRulesTests
{
    private static readonly ViewingDecisionCase Good = CaseFiles.Sample<ViewingDecisionCase>("viewing-decision.json");

    private static Viewing GoodViewing => Good.Viewing!;

    private static ViewingDecisionCase WithViewing(Func<Viewing, Viewing> change) => Good with { Viewing = change(GoodViewing) };

    private static readonly string[] PersonalValues = ["Amara", "Bello", "Claire", "Dunmore", "Helen", "Marsh", "Sarah", "Patel", "2011-06-02", "messaging app"];

    [Fact]
    public void The_sample_record_has_no_findings() => CaseFiles.Check(Good).ShouldBeEmpty();

    [Fact]
    public void The_sample_loads_into_the_viewing_decision_record()
    {
        Good.Reference.ShouldBe("VR-2026-0007");
        Good.IsViewing.ShouldBeTrue();
        GoodViewing.DateTime.ShouldBe(new DateTime(2026, 11, 18, 10, 40, 0));
        GoodViewing.PresentInRoom!.ShouldHaveSingleItem().SeniorLeader.ShouldBe(true);
        Good.Signature!.Date.ShouldBe(new DateOnly(2026, 11, 18));
    }

    [Fact]
    public void The_file_name_uses_the_childs_initials()
    {
        var kind = CaseKinds.For(Good);
        kind.Name.ShouldBe(ViewingDecisionKind.Name);
        OutputNaming.FileStem(Good.Reference!, OutputNaming.Initials(kind.InitialsOf!(Good))).ShouldBe("VR-2026-0007_AB");
    }

    [Fact]
    public void Reference_is_required_and_safe()
    {
        CaseFiles.Check(Good with { Reference = null }).ShouldReport(R.ReferenceRequired, "$.reference");
        CaseFiles.Check(Good with { Reference = "VR/../x" }).ShouldReport(R.ReferenceUnsafe, "$.reference", "VR/../x");
    }

    [Fact]
    public void The_setting_is_named() =>
        CaseFiles.Check(Good with { Setting = null }).ShouldReport(R.SettingNameRequired, "$.setting.name");

    [Fact]
    public void The_childs_name_date_of_birth_and_sex_are_required()
    {
        var findings = CaseFiles.Check(Good with { Child = new ViewingChild() });
        findings.ShouldReport(R.ChildNameRequired, "$.child.name");
        findings.ShouldReport(R.ChildDateOfBirthRequired, "$.child.dateOfBirth");
        findings.ShouldReport(R.ChildSexRequired, "$.child.sex");
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_an_error() =>
        CaseFiles.Check(Good with { Child = Good.Child! with { DateOfBirth = new DateOnly(2030, 2, 3) } })
            .ShouldReport(R.ChildDateOfBirthInFuture, "$.child.dateOfBirth", "2030");

    [Theory]
    [InlineData("Female")]
    [InlineData("F")]
    [InlineData("girl")]
    [InlineData("woman")]
    public void Sex_must_be_a_recognised_value(string sex)
    {
        // The message lists the accepted values, so only a value outside that wording can be checked for quoting.
        var notQuoted = sex.Length > 1 && !R.SexNotRecognised.Message.Contains(sex, StringComparison.OrdinalIgnoreCase) ? sex : "";
        CaseFiles.Check(Good with { Child = Good.Child! with { Sex = sex } }).ShouldReport(R.SexNotRecognised, "$.child.sex", notQuoted);
        CaseFiles.Check(WithViewing(v => v with { ViewedBy = v.ViewedBy! with { Sex = sex } })).ShouldReport(R.SexNotRecognised, "$.viewing.viewedBy.sex", notQuoted);
    }

    [Theory]
    [InlineData(Sexes.NonBinary)]
    [InlineData(Sexes.Other)]
    [InlineData(Sexes.NotKnown)]
    public void Every_child_can_be_recorded_and_the_same_sex_answer_then_stands(string sex) =>
        CaseFiles.Check(Good with { Child = Good.Child! with { Sex = sex } }).ShouldBeEmpty();

    [Theory]
    [InlineData(null)]
    [InlineData("viewed")]
    [InlineData("View")]
    public void The_decision_is_view_or_not_view(string? decision) =>
        CaseFiles.Check(Good with { Decision = decision }).ShouldReport(R.DecisionRequired, "$.decision");

    [Fact]
    public void The_reason_for_the_decision_is_recorded() =>
        CaseFiles.Check(Good with { ReasonForDecision = " " }).ShouldReport(R.ReasonRequired, "$.reasonForDecision");

    [Fact]
    public void The_decision_is_discussed_with_a_named_senior_leader()
    {
        var findings = CaseFiles.Check(Good with { DiscussedWith = new StaffMember() });
        findings.ShouldReport(R.DiscussedWithNameRequired, "$.discussedWith.name");
        findings.ShouldReport(R.DiscussedWithRoleRequired, "$.discussedWith.role");
        findings.ShouldReport(R.DiscussedWithNotSeniorLeader, "$.discussedWith.seniorLeader");
    }

    [Fact]
    public void Discussing_with_someone_outside_the_senior_leadership_team_is_refused() =>
        CaseFiles.Check(Good with { DiscussedWith = Good.DiscussedWith! with { SeniorLeader = false } })
            .ShouldReport(R.DiscussedWithNotSeniorLeader, "$.discussedWith.seniorLeader", "Helen", "Marsh");

    [Fact]
    public void A_decision_to_view_needs_the_viewing_recorded() =>
        CaseFiles.Check(Good with { Viewing = null }).ShouldReport(R.ViewingDetailsRequired, "$.viewing");

    [Fact]
    public void A_decision_not_to_view_needs_no_viewing()
    {
        var notViewed = Good with { Decision = ViewingDecisionKind.NotView, Viewing = null, SubsequentActions = null };
        CaseFiles.Check(notViewed).ShouldBeEmpty();
    }

    [Fact]
    public void A_decision_not_to_view_that_records_a_viewing_contradicts_itself() =>
        CaseFiles.Check(Good with { Decision = ViewingDecisionKind.NotView }).ShouldReport(R.ViewingWithoutDecisionToView, "$.viewing");

    [Fact]
    public void The_viewer_is_named_with_their_role()
    {
        var findings = CaseFiles.Check(WithViewing(v => v with { ViewedBy = null }));
        findings.ShouldReport(R.ViewerNameRequired, "$.viewing.viewedBy.name");
        findings.ShouldReport(R.ViewerRoleRequired, "$.viewing.viewedBy.role");
    }

    [Fact]
    public void A_viewer_who_is_not_the_safeguarding_lead_needs_delegated_authority() =>
        CaseFiles.Check(WithViewing(v => v with { ViewedBy = v.ViewedBy! with { Role = "Head of Year 10" } }))
            .ShouldReport(R.DelegationRequired, "$.viewing.delegatedBy", "Head of Year 10");

    [Fact]
    public void Delegated_authority_comes_from_a_named_senior_leader()
    {
        var delegated = WithViewing(v => v with { ViewedBy = v.ViewedBy! with { Role = "Safeguarding officer" }, DelegatedBy = new StaffMember { Role = "Head of Year" } });
        var findings = CaseFiles.Check(delegated);
        findings.ShouldReport(R.DelegatorNameRequired, "$.viewing.delegatedBy.name");
        findings.ShouldReport(R.DelegatorNotSeniorLeader, "$.viewing.delegatedBy.seniorLeader");
        findings.ShouldNotReport(R.DelegationRequired);
    }

    [Fact]
    public void Delegation_by_a_senior_leader_is_accepted()
    {
        var delegated = WithViewing(v => v with
        {
            ViewedBy = v.ViewedBy! with { Role = "Safeguarding officer" },
            DelegatedBy = new StaffMember { Name = "Helen Marsh", Role = "Headteacher", SeniorLeader = true },
        });
        CaseFiles.Check(delegated).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Designated Safeguarding Lead", true)]
    [InlineData("Deputy DSL", true)]
    [InlineData("DDSL", true)]
    [InlineData("designated safeguarding lead (deputy)", true)]
    [InlineData("Child Protection Officer", true)]
    [InlineData("Head of Year 10", false)]
    [InlineData("DSLR photography club lead", false)]
    [InlineData(null, false)]
    public void The_safeguarding_lead_is_recognised_from_the_role(string? role, bool expected) =>
        SafeguardingRoles.IsSafeguardingLeadRole(role).ShouldBe(expected);

    [Fact]
    public void An_explicit_safeguarding_lead_flag_overrides_the_role() =>
        CaseFiles.Check(WithViewing(v => v with { ViewedBy = v.ViewedBy! with { Role = "Assistant Head", SafeguardingLead = true } }))
            .ShouldNotReport(R.DelegationRequired);

    /// <summary>Issue 11 item 1: a deputy with a delegation recorded viewed under that delegation, which is checked.</summary>
    [Fact]
    public void A_deputy_dsl_with_a_delegation_is_checked_as_a_delegation()
    {
        var deputy = WithViewing(v => v with
        {
            ViewedBy = v.ViewedBy! with { Role = "Deputy DSL" },
            DelegatedBy = new StaffMember { Name = "Helen Marsh", Role = "Headteacher", SeniorLeader = true },
        });
        CaseFiles.Check(deputy).ShouldBeEmpty();
        ViewingDecisionFacts.ActsUnderDelegation(deputy.Viewing).ShouldBeTrue();
        ViewingDecisionFacts.ActsAsSafeguardingLead(deputy.Viewing).ShouldBeFalse();
        CaseFiles.Check(deputy with { Viewing = deputy.Viewing! with { DelegatedBy = deputy.Viewing.DelegatedBy! with { SeniorLeader = false } } })
            .ShouldReport(R.DelegatorNotSeniorLeader, "$.viewing.delegatedBy.seniorLeader");
    }

    [Fact]
    public void A_viewer_stated_to_be_the_dsl_who_also_has_a_delegation_is_a_warning()
    {
        var both = WithViewing(v => v with
        {
            ViewedBy = v.ViewedBy! with { SafeguardingLead = true },
            DelegatedBy = new StaffMember { Name = "Helen Marsh", Role = "Headteacher", SeniorLeader = true },
        });
        var finding = CaseFiles.Check(both).ShouldHaveSingleItem();
        finding.Id.ShouldBe(R.LeadAndDelegated.Id);
        finding.Severity.ShouldBe(Severity.Warning);
    }

    /// <summary>Issue 12: older and local titles for the DSL are recognised, and the message asks rather than accuses.</summary>
    [Theory]
    [InlineData("Designated Person for Child Protection")]
    [InlineData("Designated Senior Person")]
    [InlineData("Child Protection Lead")]
    [InlineData("Child Protection Co-ordinator")]
    public void Common_titles_for_the_safeguarding_lead_are_recognised(string role)
    {
        SafeguardingRoles.IsSafeguardingLeadRole(role).ShouldBeTrue();
        CaseFiles.Check(WithViewing(v => v with { ViewedBy = v.ViewedBy! with { Role = role } })).ShouldBeEmpty();
        R.DelegationRequired.Message.ShouldContain("safeguardingLead\" to true");
    }

    /// <summary>Issue 12: the senior-leadership discussion is asked for a decision to view, not a decision not to view.</summary>
    [Fact]
    public void A_decision_not_to_view_needs_no_senior_leadership_discussion_and_may_concern_an_unknown_child()
    {
        var notViewed = Good with
        {
            Decision = ViewingDecisionKind.NotView,
            Viewing = null,
            DiscussedWith = null,
            Child = new ViewingChild(),
        };
        CaseFiles.Check(notViewed).ShouldBeEmpty();
        CaseFiles.Check(Good with { DiscussedWith = null }).ShouldReport(R.DiscussedWithNameRequired, "$.discussedWith.name");
    }

    /// <summary>Issue 12: the police may advise keeping the device on; the reason is accepted.</summary>
    [Fact]
    public void A_device_left_on_for_a_recorded_reason_is_accepted()
    {
        var leftOn = Good with { DeviceAction = Good.DeviceAction! with { SwitchedOff = false, Disconnected = false, NotSwitchedOffReason = "The police asked for it to be left on in flight mode." } };
        CaseFiles.Check(leftOn).ShouldBeEmpty();
        CaseFiles.Check(leftOn with { DeviceAction = leftOn.DeviceAction! with { NotSwitchedOffReason = null } })
            .ShouldReport(R.DeviceNotSwitchedOff, "$.deviceAction.switchedOff");
    }

    [Fact]
    public void Imagery_stored_by_staff_needs_the_police_advice_and_the_message_says_it_is_about_staff()
    {
        CaseFiles.Check(Good with { ImageryHandling = Good.ImageryHandling! with { Stored = true } })
            .ShouldReport(R.PoliceAdviceRequired, "$.imageryHandling.policeAdvice");
        R.PoliceAdviceRequired.Message.ShouldContain("Staff");
        R.PoliceAdviceRequired.Message.ShouldContain("incident itself");
    }

    /// <summary>Issue 11 item 1 and seed 000 §4: the decision's own time.</summary>
    [Fact]
    public void The_time_of_the_decision_is_expected_and_comes_before_the_viewing()
    {
        CaseFiles.Check(Good with { DecisionDateTime = null }).ShouldReport(R.DecisionTimeExpected, "$.decisionDateTime");
        CaseFiles.Check(Good with { DecisionDateTime = new DateTime(2026, 11, 18, 11, 0, 0) }).ShouldReport(R.DecisionAfterViewing, "$.decisionDateTime");
    }

    /// <summary>Issue 12: the same-day referral the seed requires for a child under 13, an adult involved, or coercion.</summary>
    [Fact]
    public void A_same_day_referral_is_prompted_for_a_child_under_13_an_adult_or_coercion()
    {
        var under13 = Good with { Child = Good.Child! with { DateOfBirth = new DateOnly(2014, 1, 5) } };
        CaseFiles.Check(under13).ShouldReport(R.SameDayReferralExpected, "$.referral", "2014");
        ViewingDecisionFacts.SameDayReferralReasons(under13).ShouldBe([SameDayReferralReason.ChildUnder13]);
        CaseFiles.Check(Good with { AdultInvolved = true }).ShouldReport(R.SameDayReferralExpected, "$.referral");
        CaseFiles.Check(Good with { Coercion = true }).ShouldReport(R.SameDayReferralExpected, "$.referral");

        var referred = under13 with { Referral = new Referral { DateTime = new DateTime(2026, 11, 18, 12, 5, 0), MadeTo = "Police through the MASH" } };
        CaseFiles.Check(referred).ShouldBeEmpty();
        CaseFiles.Check(referred with { Referral = referred.Referral! with { DateTime = new DateTime(2026, 11, 19, 9, 0, 0) } })
            .ShouldReport(R.SameDayReferralExpected, "$.referral");
        CaseFiles.Check(under13).Single().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Viewing_alone_is_refused()
    {
        CaseFiles.Check(WithViewing(v => v with { PresentInRoom = [] })).ShouldReport(R.ViewingAlone, "$.viewing.presentInRoom");
        CaseFiles.Check(WithViewing(v => v with { PresentInRoom = null })).ShouldReport(R.ViewingAlone, "$.viewing.presentInRoom");
    }

    [Fact]
    public void The_viewer_does_not_count_as_the_other_person_present()
    {
        var findings = CaseFiles.Check(WithViewing(v => v with { PresentInRoom = [new StaffMember { Name = "claire  dunmore", Role = "DSL", SeniorLeader = true }] }));
        findings.ShouldReport(R.PresentPersonIsViewer, "$.viewing.presentInRoom[0].name", "Claire", "Dunmore");
        findings.ShouldReport(R.ViewingAlone, "$.viewing.presentInRoom");
    }

    [Fact]
    public void Each_person_present_is_named_with_their_role()
    {
        var findings = CaseFiles.Check(WithViewing(v => v with { PresentInRoom = [v.PresentInRoom![0], new StaffMember { SeniorLeader = false }] }));
        findings.ShouldReport(R.PresentPersonIncomplete, "$.viewing.presentInRoom[1].name");
        findings.ShouldReport(R.PresentPersonIncomplete, "$.viewing.presentInRoom[1].role");
        findings.ShouldNotReport(R.ViewingAlone);
    }

    [Fact]
    public void No_senior_leader_present_is_a_warning()
    {
        var findings = CaseFiles.Check(WithViewing(v => v with { PresentInRoom = [v.PresentInRoom![0] with { SeniorLeader = false }] }));
        findings.ShouldReport(R.NoSeniorLeaderPresent, "$.viewing.presentInRoom");
        findings.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void The_date_and_time_of_viewing_are_recorded() =>
        CaseFiles.Check(WithViewing(v => v with { DateTime = null })).ShouldReport(R.ViewingTimeRequired, "$.viewing.dateTime");

    [Fact]
    public void A_viewing_in_the_future_is_refused() =>
        CaseFiles.Check(WithViewing(v => v with { DateTime = new DateTime(2026, 11, 23, 9, 0, 0) }))
            .ShouldReport(R.ViewingTimeInFuture, "$.viewing.dateTime", "2026-11-23", "23 November");

    [Fact]
    public void The_place_of_viewing_is_recorded() =>
        CaseFiles.Check(WithViewing(v => v with { Location = "" })).ShouldReport(R.LocationRequired, "$.viewing.location");

    [Fact]
    public void Whether_the_viewing_was_on_the_premises_is_recorded() =>
        CaseFiles.Check(WithViewing(v => v with { OnPremises = null })).ShouldReport(R.OnPremisesNotRecorded, "$.viewing.onPremises");

    [Fact]
    public void Viewing_off_the_premises_needs_the_reason()
    {
        CaseFiles.Check(WithViewing(v => v with { OnPremises = false })).ShouldReport(R.OffPremisesReasonRequired, "$.viewing.offPremisesReason");
        CaseFiles.Check(WithViewing(v => v with { OnPremises = false, OffPremisesReason = "Police station, at the officer's request" })).ShouldBeEmpty();
    }

    [Fact]
    public void Whether_the_viewer_was_the_same_sex_is_recorded() =>
        CaseFiles.Check(WithViewing(v => v with { SameSexAsChild = null })).ShouldReport(R.SameSexNotRecorded, "$.viewing.sameSexAsChild");

    [Fact]
    public void A_viewer_of_another_sex_needs_the_reason()
    {
        var otherSex = WithViewing(v => v with { ViewedBy = v.ViewedBy! with { Sex = Sexes.Male }, SameSexAsChild = false });
        CaseFiles.Check(otherSex).ShouldReport(R.SameSexReasonRequired, "$.viewing.sameSexReason");
        CaseFiles.Check(otherSex with { Viewing = otherSex.Viewing! with { SameSexReason = "No female member of the safeguarding team was on site" } }).ShouldBeEmpty();
    }

    [Fact]
    public void A_same_sex_answer_that_contradicts_the_recorded_sexes_is_refused()
    {
        CaseFiles.Check(WithViewing(v => v with { ViewedBy = v.ViewedBy! with { Sex = Sexes.Male } }))
            .ShouldReport(R.SameSexContradicted, "$.viewing.sameSexAsChild", "female", "male");
        CaseFiles.Check(WithViewing(v => v with { SameSexAsChild = false, SameSexReason = "x" }))
            .ShouldReport(R.SameSexContradicted, "$.viewing.sameSexAsChild");
    }

    [Fact]
    public void The_device_is_recorded() =>
        CaseFiles.Check(WithViewing(v => v with { Device = null })).ShouldReport(R.DeviceRequired, "$.viewing.device");

    [Fact]
    public void The_summary_is_required_when_viewing() =>
        CaseFiles.Check(WithViewing(v => v with { Summary = null })).ShouldReport(R.SummaryRequired, "$.viewing.summary");

    [Theory]
    [InlineData("See https://example.invalid/img/123")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void The_summary_describes_and_never_links_or_embeds(string summary) =>
        CaseFiles.Check(WithViewing(v => v with { Summary = summary })).ShouldReport(R.SummaryLinksToImagery, "$.viewing.summary", "example.invalid", "iVBOR");

    [Fact]
    public void Whether_imagery_was_copied_printed_shared_or_saved_is_recorded()
    {
        CaseFiles.Check(Good with { ImageryHandling = null }).ShouldReport(R.ImageryHandlingNotRecorded, "$.imageryHandling");
        var findings = CaseFiles.Check(Good with { ImageryHandling = new ImageryHandling { Copied = false } });
        findings.ShouldReport(R.ImageryHandlingNotRecorded, "$.imageryHandling.printed");
        findings.ShouldReport(R.ImageryHandlingNotRecorded, "$.imageryHandling.shared");
        findings.ShouldReport(R.ImageryHandlingNotRecorded, "$.imageryHandling.saved");
    }

    [Theory]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    [InlineData(false, false, true, false)]
    [InlineData(false, false, false, true)]
    public void Imagery_copied_printed_shared_or_saved_needs_the_police_advice(bool copied, bool printed, bool shared, bool saved)
    {
        var handling = new ImageryHandling { Copied = copied, Printed = printed, Shared = shared, Saved = saved };
        CaseFiles.Check(Good with { ImageryHandling = handling }).ShouldReport(R.PoliceAdviceRequired, "$.imageryHandling.policeAdvice");
        CaseFiles.Check(Good with { ImageryHandling = handling with { PoliceAdvice = "PC 123 advised: delete the copy under police direction" } }).ShouldBeEmpty();
    }

    [Fact]
    public void A_confiscated_device_is_switched_off_disconnected_and_secured()
    {
        var findings = CaseFiles.Check(Good with { DeviceAction = new DeviceAction { Confiscated = true, PoliceContacted = true } });
        findings.ShouldReport(R.DeviceNotSwitchedOff, "$.deviceAction.switchedOff");
        findings.ShouldReport(R.DeviceNotDisconnected, "$.deviceAction.disconnected");
        findings.ShouldReport(R.DeviceStorageRequired, "$.deviceAction.storedAt");
    }

    [Fact]
    public void A_confiscated_device_without_the_police_called_is_a_warning() =>
        CaseFiles.Check(Good with { DeviceAction = Good.DeviceAction! with { PoliceContacted = false } })
            .ShouldReport(R.PoliceNotContacted, "$.deviceAction.policeContacted");

    [Fact]
    public void Device_steps_apply_only_to_a_confiscated_device()
    {
        CaseFiles.Check(Good with { DeviceAction = null }).ShouldBeEmpty();
        CaseFiles.Check(Good with { DeviceAction = new DeviceAction { Confiscated = false } }).ShouldBeEmpty();
    }

    [Fact]
    public void Whether_parents_were_informed_is_recorded() =>
        CaseFiles.Check(Good with { ParentsInformed = null }).ShouldReport(R.ParentsInformedNotRecorded, "$.parentsInformed.informed");

    [Fact]
    public void Parents_not_informed_needs_the_reason()
    {
        CaseFiles.Check(Good with { ParentsInformed = new ParentsInformed { Informed = false } })
            .ShouldReport(R.ParentsNotInformedReasonRequired, "$.parentsInformed.reasonIfNot");
        CaseFiles.Check(Good with { ParentsInformed = new ParentsInformed { Informed = false, ReasonIfNot = "Concern about parental abuse" } })
            .ShouldBeEmpty();
    }

    [Fact]
    public void No_subsequent_actions_after_viewing_is_a_warning() =>
        CaseFiles.Check(Good with { SubsequentActions = [] }).ShouldReport(R.SubsequentActionsExpected, "$.subsequentActions");

    [Fact]
    public void The_record_is_signed_with_name_role_and_date()
    {
        var findings = CaseFiles.Check(Good with { Signature = null });
        findings.ShouldReport(R.SignatureNameRequired, "$.signature.name");
        findings.ShouldReport(R.SignatureRoleRequired, "$.signature.role");
        findings.ShouldReport(R.SignatureDateRequired, "$.signature.date");
    }

    [Fact]
    public void A_record_signed_before_the_viewing_is_refused()
    {
        CaseFiles.Check(Good with { Signature = Good.Signature! with { Date = new DateOnly(2026, 11, 17) } })
            .ShouldReport(R.SignedBeforeViewing, "$.signature.date", "2026-11-17", "17 November");
        CaseFiles.Check(Good with { Signature = Good.Signature! with { Date = new DateOnly(2026, 11, 20) } }).ShouldBeEmpty();
    }

    [Fact]
    public void A_signature_dated_in_the_future_is_refused() =>
        CaseFiles.Check(Good with { Signature = Good.Signature! with { Date = new DateOnly(2026, 12, 1) } })
            .ShouldReport(R.SignatureDateInFuture, "$.signature.date");

    [Theory]
    [InlineData("image")]
    [InlineData("Image")]
    [InlineData("photo")]
    [InlineData("attachment")]
    [InlineData("file")]
    [InlineData("imageData")]
    [InlineData("base64")]
    [InlineData("video")]
    public void A_property_that_could_hold_the_imagery_is_refused_at_load(string property)
    {
        var json = $"{{\"kind\": \"viewing-decision\", \"viewing\": {{\"device\": \"phone\", \"{property}\": \"iVBORw0KGgoAAAANSUhEUg\"}}}}";
        var result = CaseLoader.Load(Encoding.UTF8.GetBytes(json), "case.json");
        result.Case.ShouldBeNull();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.RefusedPropertyId);
        error.Path.ShouldBe($"$.viewing.{property}");
        error.Message.ShouldBe(ViewingDecisionKind.NoImageryReason);
        error.Message.ShouldContain("illegal");
        error.Message.ShouldContain("viewing.summary");
        error.ToString().ShouldNotContain("iVBOR");
    }

    [Fact]
    public void The_model_has_no_property_a_refused_name_would_shadow()
    {
        var names = new[] { typeof(ViewingDecisionCase), typeof(Viewing), typeof(Viewer), typeof(StaffMember), typeof(ImageryHandling), typeof(DeviceAction), typeof(ParentsInformed), typeof(Signature), typeof(Setting), typeof(ViewingChild) }
            .SelectMany(t => t.GetProperties()).Select(p => p.Name);
        names.ShouldNotContain(n => ViewingDecisionKind.ImageryPropertyNames.Contains(n, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_rule_has_an_id_a_seed_source_and_advice()
    {
        var rules = new R().Rules;
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => r.Id.StartsWith("VD", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Source.StartsWith(Seeds.OnlineSafeguardingStrategy, StringComparison.Ordinal) || r.Source.StartsWith(Seeds.PanDorset, StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Message.EndsWith('.'));
        typeof(R).GetFields().Where(f => f.FieldType == typeof(SafeguardDocs.Core.Rules.Rule)).Count().ShouldBe(rules.Count);
    }

    [Fact]
    public void No_message_quotes_personal_data()
    {
        var broken = Good with
        {
            Reference = "bad ref",
            Child = Good.Child! with { Sex = "Girl", DateOfBirth = new DateOnly(2031, 1, 1) },
            DiscussedWith = Good.DiscussedWith! with { SeniorLeader = false },
            ParentsInformed = new ParentsInformed { Informed = false },
            Viewing = GoodViewing with
            {
                PresentInRoom = [GoodViewing.PresentInRoom![0] with { SeniorLeader = false }],
                SameSexAsChild = false,
                OnPremises = false,
                Summary = "Link http://x.invalid messaging app",
            },
        };
        var text = string.Join('\n', CaseFiles.Check(broken).Select(f => f.ToString()));
        text.ShouldNotBeEmpty();
        foreach (var value in PersonalValues.Append("Girl").Append("2031").Append("bad ref"))
        {
            text.ShouldNotContain(value);
        }
    }
}
