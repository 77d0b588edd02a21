using R = SafeguardDocs.Core.Cases.StrategyMeeting.StrategyMeetingRules;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.StrategyMeeting;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Seed 001 "Responses to Adults Involved in Online Sexual Abuse of Children" and seed 002 ¶17–19, 31: each rule broken once, starting from the good sample.</summary>
public sealed class StrategyMeetingRulesTests
{
    private static readonly StrategyMeetingCase Good = CaseFiles.Sample<StrategyMeetingCase>("strategy-meeting.json");

    private static readonly string[] PersonalValues = ["Gareth", "Lowe", "Tyler", "Ellie", "Marcus", "Webb", "Karen", "Holt", "1984", "football"];

    private static StrategyMeetingCase WithInvitees(params string[] agencies) =>
        Good with { Chair = Good.Chair! with { Agency = "Independent chair" }, Invitees = [.. agencies.Select((a, i) => new MeetingPerson { Name = $"Person {i}", Agency = a })] };

    [Fact]
    public void The_sample_agenda_has_no_findings() => CaseFiles.Check(Good).ShouldBeEmpty();

    [Fact]
    public void The_sample_loads_into_the_strategy_meeting_record()
    {
        Good.Reference.ShouldBe("SM-2026-0031");
        Good.ReferralReceived.ShouldBe(new DateTime(2026, 11, 16, 9, 30, 0));
        Good.Children!.Count.ShouldBe(2);
        Good.Invitees!.Count.ShouldBe(5);
        Good.RiskFactors!.PartnerCapacityToProtectConcern.ShouldBe(true);
    }

    [Fact]
    public void The_file_name_uses_the_subjects_initials()
    {
        var kind = CaseKinds.For(Good);
        kind.Name.ShouldBe(StrategyMeetingKind.Name);
        OutputNaming.FileStem(Good.Reference!, OutputNaming.Initials(kind.InitialsOf!(Good))).ShouldBe("SM-2026-0031_GL");
    }

    [Fact]
    public void Reference_is_required_and_safe()
    {
        CaseFiles.Check(Good with { Reference = "" }).ShouldReport(R.ReferenceRequired, "$.reference");
        CaseFiles.Check(Good with { Reference = "SM 2026/31" }).ShouldReport(R.ReferenceUnsafe, "$.reference", "SM 2026/31");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Meeting")]
    [InlineData("call")]
    public void The_format_is_meeting_or_discussion(string? format) =>
        CaseFiles.Check(Good with { Format = format }).ShouldReport(R.FormatRequired, "$.format");

    [Fact]
    public void A_discussion_is_accepted() =>
        CaseFiles.Check(Good with { Format = StrategyMeetingKind.Discussion }).ShouldBeEmpty();

    [Fact]
    public void The_referral_time_is_required() =>
        CaseFiles.Check(Good with { ReferralReceived = null }).ShouldReport(R.ReferralRequired, "$.referralReceived");

    [Fact]
    public void A_referral_in_the_future_is_an_error() =>
        CaseFiles.Check(Good with { ReferralReceived = new DateTime(2026, 12, 1, 9, 0, 0), Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 12, 1, 15, 0, 0) } })
            .ShouldReport(R.ReferralInFuture, "$.referralReceived");

    [Fact]
    public void The_meeting_time_is_required()
    {
        CaseFiles.Check(Good with { Meeting = Good.Meeting! with { DateTime = null } }).ShouldReport(R.MeetingTimeRequired, "$.meeting.dateTime");
        CaseFiles.Check(Good with { Meeting = null }).ShouldReport(R.MeetingTimeRequired, "$.meeting.dateTime");
    }

    [Fact]
    public void The_meeting_cannot_precede_the_referral() =>
        CaseFiles.Check(Good with { Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 11, 16, 9, 0, 0) } })
            .ShouldReport(R.MeetingBeforeReferral, "$.meeting.dateTime", "09:00", "2026-11-16");

    [Fact]
    public void A_meeting_with_no_place_and_not_virtual_is_a_warning()
    {
        CaseFiles.Check(Good with { Meeting = Good.Meeting! with { Location = null } }).ShouldReport(R.MeetingPlaceExpected, "$.meeting.location");
        CaseFiles.Check(Good with { Meeting = Good.Meeting! with { Location = null, Virtual = true } }).ShouldBeEmpty();
    }

    [Fact]
    public void The_chair_is_named_with_their_agency()
    {
        var findings = CaseFiles.Check(Good with { Chair = null });
        findings.ShouldReport(R.ChairNameRequired, "$.chair.name");
        findings.ShouldReport(R.ChairAgencyRequired, "$.chair.agency");
    }

    [Fact]
    public void No_child_listed_is_only_a_warning_because_there_may_be_no_identifiable_child()
    {
        var noChild = Good with { Children = [], Subject = Good.Subject! with { LivesWithChildren = false } };
        CaseFiles.Check(noChild).ShouldReport(R.ChildrenRequired, "$.children");
        CaseFiles.Check(noChild).ShouldAllBe(f => f.Severity == Severity.Warning);
        CaseFiles.Check(Good with { Children = null }).ShouldReport(R.ChildrenRequired, "$.children");
    }

    [Fact]
    public void A_child_whose_name_is_not_known_is_only_a_warning()
    {
        var findings = CaseFiles.Check(Good with { Children = [Good.Children![0], Good.Children[1] with { Name = null }] });
        findings.ShouldReport(R.ChildNameRequired, "$.children[1].name");
        findings.ShouldAllBe(f => f.Severity == Severity.Warning);
    }

    [Fact]
    public void Each_child_is_named_and_a_missing_date_of_birth_is_a_warning()
    {
        var findings = CaseFiles.Check(Good with { Children = [Good.Children![0], new ChildConcerned { InHousehold = false }] });
        findings.ShouldReport(R.ChildNameRequired, "$.children[1].name");
        findings.ShouldReport(R.ChildDateOfBirthExpected, "$.children[1].dateOfBirth");
        findings.ShouldNotContain(f => f.Path.StartsWith("$.children[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_childs_date_of_birth_in_the_future_is_an_error() =>
        CaseFiles.Check(Good with { Children = [Good.Children![0] with { DateOfBirth = new DateOnly(2027, 1, 1) }] })
            .ShouldReport(R.ChildDateOfBirthInFuture, "$.children[0].dateOfBirth", "2027");

    [Fact]
    public void The_subject_is_named() =>
        CaseFiles.Check(Good with { Subject = Good.Subject! with { Name = null } }).ShouldReport(R.SubjectNameRequired, "$.subject.name");

    [Fact]
    public void Whether_the_subject_is_in_a_position_of_trust_is_recorded() =>
        CaseFiles.Check(Good with { Subject = Good.Subject! with { PositionOfTrust = null } }).ShouldReport(R.PositionOfTrustNotRecorded, "$.subject.positionOfTrust");

    [Fact]
    public void Whether_the_subject_lives_with_children_is_a_warning_when_unrecorded() =>
        CaseFiles.Check(Good with { Subject = Good.Subject! with { LivesWithChildren = null } }).ShouldReport(R.LivesWithChildrenNotRecorded, "$.subject.livesWithChildren");

    [Fact]
    public void Living_with_children_must_agree_with_the_children_in_the_household()
    {
        CaseFiles.Check(Good with { Subject = Good.Subject! with { LivesWithChildren = false } })
            .ShouldReport(R.HouseholdContradicts, "$.subject.livesWithChildren");
        var nobodyAtHome = Good with { Children = [.. Good.Children!.Select(child => child! with { InHousehold = false })] };
        CaseFiles.Check(nobodyAtHome).ShouldReport(R.HouseholdContradicts, "$.subject.livesWithChildren");
        CaseFiles.Check(nobodyAtHome with { Subject = Good.Subject! with { LivesWithChildren = false } }).ShouldNotReport(R.HouseholdContradicts);
    }

    [Fact]
    public void The_concerns_are_summarised() =>
        CaseFiles.Check(Good with { Concerns = Good.Concerns! with { Summary = " " } }).ShouldReport(R.ConcernsSummaryRequired, "$.concerns.summary");

    [Fact]
    public void Images_not_yet_analysed_are_not_yet_known_a_warning_not_an_error()
    {
        var notKnown = Good with { Concerns = Good.Concerns! with { ImagesOfKnownChildren = null, ImagesOfOwnChildren = null } };
        var finding = CaseFiles.Check(notKnown).ShouldHaveSingleItem();
        finding.Id.ShouldBe(R.ImagesOfChildrenNotRecorded.Id);
        finding.Severity.ShouldBe(Severity.Warning);
        StrategyMeetingFacts.ImagesNotYetKnown(notKnown).ShouldBeTrue();
        CaseFiles.Check(Good with { Concerns = Good.Concerns! with { ImagesOfOwnChildren = null } })
            .ShouldReport(R.ImagesOfChildrenNotRecorded, "$.concerns.imagesOfOwnChildren");
        StrategyMeetingFacts.ImagesNotYetKnown(Good with { Concerns = Good.Concerns! with { ImagesOfKnownChildren = true, ImagesOfOwnChildren = null } }).ShouldBeFalse();
    }

    [Fact]
    public void Invitees_are_required() =>
        CaseFiles.Check(Good with { Invitees = [] }).ShouldReport(R.InviteesRequired, "$.invitees");

    [Fact]
    public void Each_invitee_names_their_agency() =>
        CaseFiles.Check(Good with { Invitees = [.. Good.Invitees!, new MeetingPerson { Name = "A Person" }] })
            .ShouldReport(R.InviteeAgencyRequired, "$.invitees[5].agency");

    [Fact]
    public void Missing_police_invitee_is_an_error() =>
        CaseFiles.Check(WithInvitees("Children's Social Care", "Health", "Education", "LADO")).ShouldReport(R.PoliceNotInvited, "$.invitees");

    [Fact]
    public void Missing_social_care_invitee_is_an_error() =>
        CaseFiles.Check(WithInvitees("Police", "Health", "Education", "LADO")).ShouldReport(R.SocialCareNotInvited, "$.invitees");

    [Fact]
    public void Missing_health_invitee_is_an_error() =>
        CaseFiles.Check(WithInvitees("Police", "CSC", "Education", "LADO")).ShouldReport(R.HealthNotInvited, "$.invitees");

    [Fact]
    public void Each_missing_agency_is_its_own_error()
    {
        var findings = CaseFiles.Check(WithInvitees("Education", "LADO"));
        findings.ShouldReport(R.PoliceNotInvited, "$.invitees");
        findings.ShouldReport(R.SocialCareNotInvited, "$.invitees");
        findings.ShouldReport(R.HealthNotInvited, "$.invitees");
    }

    [Fact]
    public void A_social_care_chair_counts_as_social_care_attending() =>
        CaseFiles.Check(Good with { Invitees = [.. Good.Invitees!.Where(i => i.Agency != "Children's Social Care")] }).ShouldNotReport(R.SocialCareNotInvited);

    [Fact]
    public void Agency_names_are_matched_tolerantly() =>
        CaseFiles.Check(WithInvitees("avon and somerset constabulary", "Childrens social care", "School Nurse", "St Mary's Primary School", "Local Authority Designated Officer"))
            .ShouldBeEmpty();

    [Theory]
    [InlineData("Police", Agency.Police)]
    [InlineData("Dorset Police CAIT", Agency.Police)]
    [InlineData("Children's Social Care", Agency.SocialCare)]
    [InlineData("Children’s Social Care", Agency.SocialCare)]
    [InlineData("Childrens Social Care", Agency.SocialCare)]
    [InlineData("CSC", Agency.SocialCare)]
    [InlineData("social care", Agency.SocialCare)]
    [InlineData("Children's Services", Agency.SocialCare)]
    [InlineData("Health", Agency.Health)]
    [InlineData("NHS Dorset", Agency.Health)]
    [InlineData("School Nurse", Agency.Health)]
    [InlineData("GP", Agency.Health)]
    [InlineData("Health Visitor", Agency.Health)]
    [InlineData("Education", Agency.Education)]
    [InlineData("Hillside Academy", Agency.Education)]
    [InlineData("LADO", Agency.Lado)]
    [InlineData("Local Authority Designated Officer", Agency.Lado)]
    [InlineData("Probation", null)]
    [InlineData("Gpx", null)]
    [InlineData("", null)]
    public void Agencies_are_recognised_in_one_place(string text, Agency? expected) =>
        Agencies.Recognise(text).ShouldBe(expected);

    [Fact]
    public void The_subject_must_not_be_invited() =>
        CaseFiles.Check(Good with { Invitees = [.. Good.Invitees!, new MeetingPerson { Name = "gareth lowe", Agency = "Family" }] })
            .ShouldReport(R.SubjectInvited, "$.invitees[5].name", "Gareth", "Lowe");

    [Fact]
    public void Images_of_known_children_need_a_same_day_discussion()
    {
        var known = Good with { Concerns = Good.Concerns! with { ImagesOfKnownChildren = true }, Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 11, 17, 10, 0, 0) } };
        CaseFiles.Check(known).ShouldReport(R.SameDayRequired, "$.meeting.dateTime", "2026-11-17", "17 November");
        CaseFiles.Check(known with { Meeting = Good.Meeting }).ShouldNotReport(R.SameDayRequired);
    }

    [Fact]
    public void Images_of_own_children_need_a_same_day_discussion() =>
        CaseFiles.Check(Good with { Concerns = Good.Concerns! with { ImagesOfOwnChildren = true }, Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 11, 18, 10, 0, 0) } })
            .ShouldReport(R.SameDayRequired, "$.meeting.dateTime");

    [Fact]
    public void Without_images_of_known_children_a_later_meeting_is_accepted() =>
        CaseFiles.Check(Good with { Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 11, 18, 10, 0, 0) } }).ShouldBeEmpty();

    [Fact]
    public void A_subject_in_a_position_of_trust_means_a_lado_invitee_is_expected() =>
        CaseFiles.Check(Good with { Invitees = [.. Good.Invitees!.Where(i => i.Agency != "LADO")] }).ShouldReport(R.LadoNotInvited, "$.invitees");

    [Fact]
    public void No_lado_invitee_is_needed_outside_a_position_of_trust() =>
        CaseFiles.Check(Good with { Subject = Good.Subject! with { PositionOfTrust = false }, Invitees = [.. Good.Invitees!.Where(i => i.Agency != "LADO")] }).ShouldBeEmpty();

    [Fact]
    public void A_subject_in_a_position_of_trust_has_their_occupation_recorded() =>
        CaseFiles.Check(Good with { Subject = Good.Subject! with { Occupation = null } }).ShouldReport(R.OccupationExpected, "$.subject.occupation");

    [Fact]
    public void A_lado_meeting_arranged_after_five_working_days_is_refused()
    {
        // Referral Monday 16 November 2026: the fifth working day after it is Monday 23 November.
        CaseFiles.Check(Good with { LadoMeetingDate = new DateOnly(2026, 11, 24) }).ShouldReport(R.LadoMeetingTooLate, "$.ladoMeetingDate", "2026-11-24", "24 November");
        CaseFiles.Check(Good with { LadoMeetingDate = new DateOnly(2026, 11, 23) }).ShouldBeEmpty();
    }

    [Fact]
    public void The_lado_working_days_are_a_setting()
    {
        var options = OrganisationSettings.Default with { LadoMeetingWorkingDays = 3 };
        StrategyMeetingFacts.LadoMeetingDueBy(Good, options).ShouldBe(new DateOnly(2026, 11, 19));
        CaseFiles.Check(Good with { LadoMeetingDate = new DateOnly(2026, 11, 20) }, ValidationContext.From(FixedClock.Default, options))
            .ShouldReport(R.LadoMeetingTooLate, "$.ladoMeetingDate");
    }

    [Fact]
    public void The_organisations_closure_days_push_the_lado_due_date_back()
    {
        // Referral Monday 16 November 2026; with Friday 20 November a closure day the fifth working day is Tuesday 24th.
        var options = OrganisationSettings.Default with { ExtraClosureDays = [new DateOnly(2026, 11, 20)] };
        StrategyMeetingFacts.LadoMeetingDueBy(Good, options).ShouldBe(new DateOnly(2026, 11, 24));
        CaseFiles.Check(Good with { LadoMeetingDate = new DateOnly(2026, 11, 24) }, ValidationContext.From(FixedClock.Default, options)).ShouldBeEmpty();
    }

    [Fact]
    public void Unrecorded_risk_factors_are_a_warning() =>
        CaseFiles.Check(Good with { RiskFactors = null }).ShouldReport(R.RiskFactorsNotRecorded, "$.riskFactors");

    [Fact]
    public void Children_in_the_household_mean_education_is_invited() =>
        CaseFiles.Check(Good with { Invitees = [.. Good.Invitees!.Where(i => i.Agency != "Education")] }).ShouldReport(R.EducationNotInvited, "$.invitees");

    [Fact]
    public void Facts_for_the_sample_agenda()
    {
        StrategyMeetingFacts.SameDayRequired(Good).ShouldBeFalse();
        StrategyMeetingFacts.LadoMeetingRequired(Good).ShouldBeTrue();
        StrategyMeetingFacts.LadoMeetingDueBy(Good, OrganisationSettings.Default).ShouldBe(new DateOnly(2026, 11, 23));
        StrategyMeetingFacts.RiskFactorsPresent(Good).ShouldBe([RiskFactor.PartnerCapacityToProtect]);
        StrategyMeetingFacts.LeaveHomeItemRequired(Good).ShouldBeTrue();
        StrategyMeetingFacts.MissingRequiredAgencies(Good).ShouldBeEmpty();
        StrategyMeetingFacts.AgenciesAttending(Good).ShouldBe([Agency.Police, Agency.SocialCare, Agency.Health, Agency.Education, Agency.Lado], ignoreOrder: true);
        StrategyMeetingFacts.ChildrenInHousehold(Good).ShouldBeTrue();
    }

    [Fact]
    public void The_lado_due_date_skips_the_easter_bank_holidays()
    {
        var beforeEaster = Good with { ReferralReceived = new DateTime(2026, 4, 2, 16, 45, 0), Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 4, 2, 17, 30, 0) } };
        StrategyMeetingFacts.LadoMeetingDueBy(beforeEaster, OrganisationSettings.Default).ShouldBe(new DateOnly(2026, 4, 13));
    }

    [Theory]
    [InlineData(1900)]
    [InlineData(9999)]
    public void A_mistyped_referral_year_does_not_crash_validation(int year)
    {
        var typo = Good with { ReferralReceived = new DateTime(year, 11, 16, 9, 30, 0), Meeting = Good.Meeting! with { DateTime = new DateTime(year, 11, 16, 15, 0, 0) }, LadoMeetingDate = new DateOnly(2026, 11, 20) };
        StrategyMeetingFacts.LadoMeetingDueBy(typo, OrganisationSettings.Default).ShouldBeNull();
        Should.NotThrow(() => CaseFiles.Check(typo));
    }

    /// <summary>Issue 12: a full meeting days after the same-day discussion records it; a next-morning discussion after a late referral is a warning.</summary>
    [Fact]
    public void A_later_meeting_records_the_same_day_discussion_and_a_next_morning_one_is_a_warning()
    {
        var own = Good with { Concerns = Good.Concerns! with { ImagesOfOwnChildren = true }, Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 11, 19, 10, 0, 0) } };
        CaseFiles.Check(own).ShouldReport(R.SameDayRequired, "$.meeting.dateTime");
        CaseFiles.Check(own with { SameDayDiscussion = new DateTime(2026, 11, 16, 13, 0, 0) }).ShouldNotReport(R.SameDayRequired);
        CaseFiles.Check(own with { SameDayDiscussion = new DateTime(2026, 11, 16, 8, 0, 0) }).ShouldReport(R.SameDayDiscussionBeforeReferral, "$.sameDayDiscussion");

        var late = own with { ReferralReceived = new DateTime(2026, 11, 16, 22, 40, 0), Meeting = own.Meeting! with { DateTime = new DateTime(2026, 11, 17, 8, 30, 0) } };
        var findings = CaseFiles.Check(late);
        findings.ShouldReport(R.NextMorningDiscussion, "$.meeting.dateTime");
        findings.ShouldNotReport(R.SameDayRequired);
        findings.ShouldAllBe(f => f.Severity == Severity.Warning);
        CaseFiles.Check(late with { Meeting = late.Meeting! with { DateTime = new DateTime(2026, 11, 17, 15, 0, 0) } }).ShouldReport(R.SameDayRequired, "$.meeting.dateTime");
    }

    /// <summary>Issue 12: SM029 counts from the strategy discussion or meeting; issue 10: a LADO meeting before the referral.</summary>
    [Fact]
    public void The_lado_meeting_counts_from_the_discussion_and_cannot_be_before_the_referral()
    {
        var later = Good with { Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 11, 18, 10, 0, 0) }, LadoMeetingDate = new DateOnly(2026, 11, 25) };
        StrategyMeetingFacts.LadoMeetingDueBy(later, OrganisationSettings.Default).ShouldBe(new DateOnly(2026, 11, 25));
        CaseFiles.Check(later).ShouldNotReport(R.LadoMeetingTooLate);
        CaseFiles.Check(Good with { LadoMeetingDate = new DateOnly(2026, 11, 13) }).ShouldReport(R.LadoMeetingBeforeReferral, "$.ladoMeetingDate", "2026-11-13");
    }

    [Theory]
    [InlineData("Public Protection Unit", Agency.Police)]
    [InlineData("PPU", Agency.Police)]
    [InlineData("MASH", Agency.SocialCare)]
    [InlineData("Multi-Agency Safeguarding Hub", Agency.SocialCare)]
    [InlineData("MASH Police", Agency.Police)]
    [InlineData("First Response Team", Agency.SocialCare)]
    public void Common_agency_names_are_recognised(string text, Agency expected) =>
        Agencies.Recognise(text).ShouldBe(expected);

    [Fact]
    public void Police_and_social_care_named_by_their_units_are_not_reported_missing()
    {
        var invitees = Good.Invitees!.Select(i => i.Agency == "Police" ? i with { Agency = "Public Protection Unit" } : i.Agency == "Children's Social Care" ? i with { Agency = "MASH" } : i).ToList();
        CaseFiles.Check(Good with { Invitees = invitees, Chair = Good.Chair! with { Agency = "First Response Team" } }).ShouldBeEmpty();
    }

    /// <summary>Seed 001: nothing is disclosed to the subject's partner or children.</summary>
    [Fact]
    public void The_subjects_partner_or_a_child_invited_is_refused()
    {
        var partner = Good with { Subject = Good.Subject! with { PartnerName = "Dana Lowe" }, Invitees = [.. Good.Invitees!, new MeetingPerson { Name = "Dana Lowe", Agency = "Family" }] };
        CaseFiles.Check(partner).ShouldReport(R.FamilyInvited, "$.invitees[5].name", "Dana");
        CaseFiles.Check(Good with { Invitees = [.. Good.Invitees!, new MeetingPerson { Name = "tyler lowe", Agency = "Education" }] })
            .ShouldReport(R.FamilyInvited, "$.invitees[5].name", "Tyler");
    }

    /// <summary>Seed 001: foster carers are in a position of trust.</summary>
    [Fact]
    public void A_foster_carer_brings_the_lado_items_and_fostering_without_the_flag_is_a_warning()
    {
        var foster = Good with { Subject = Good.Subject! with { PositionOfTrust = null, FosterCarer = true, Occupation = null } };
        StrategyMeetingFacts.LadoMeetingRequired(foster).ShouldBeTrue();
        CaseFiles.Check(foster).ShouldBeEmpty();
        CaseFiles.Check(Good with { Subject = Good.Subject! with { PositionOfTrust = false, Occupation = "Foster carer for the county" } })
            .ShouldReport(R.FosterCarerNotRecorded, "$.subject.fosterCarer", "county");
    }

    /// <summary>Seed 001: a strategy discussion or meeting is held on arrest.</summary>
    [Fact]
    public void A_meeting_long_after_the_arrest_is_a_warning()
    {
        CaseFiles.Check(Good with { Subject = Good.Subject! with { ArrestDate = new DateOnly(2026, 11, 13) } }).ShouldBeEmpty();
        CaseFiles.Check(Good with { Subject = Good.Subject! with { ArrestDate = new DateOnly(2026, 11, 12) } })
            .ShouldReport(R.NotHeldOnArrest, "$.subject.arrestDate");
    }

    [Fact]
    public void No_lado_due_date_without_a_position_of_trust() =>
        StrategyMeetingFacts.LadoMeetingDueBy(Good with { Subject = Good.Subject! with { PositionOfTrust = false } }, OrganisationSettings.Default).ShouldBeNull();

    [Fact]
    public void Images_of_own_children_are_a_risk_factor_and_require_the_same_day()
    {
        var own = Good with { Concerns = Good.Concerns! with { ImagesOfOwnChildren = true }, RiskFactors = new RiskFactors() };
        StrategyMeetingFacts.RiskFactorsPresent(own).ShouldBe([RiskFactor.ImagesOfOwnChildren]);
        StrategyMeetingFacts.SameDayRequired(own).ShouldBeTrue();
    }

    [Fact]
    public void No_risk_factors_means_no_leave_the_home_item() =>
        StrategyMeetingFacts.LeaveHomeItemRequired(Good with { RiskFactors = new RiskFactors { PartnerCapacityToProtectConcern = false } }).ShouldBeFalse();

    [Fact]
    public void Every_rule_has_an_id_a_seed_source_and_advice()
    {
        var rules = new R().Rules;
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => r.Id.StartsWith("SM", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Source.StartsWith(Seeds.OnlineSafeguardingStrategy, StringComparison.Ordinal) || r.Source.StartsWith(Seeds.ESafetyProcedure, StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Message.EndsWith('.'));
        typeof(R).GetFields().Where(f => f.FieldType == typeof(Rule)).Count().ShouldBe(rules.Count);
    }

    [Fact]
    public void No_message_quotes_personal_data()
    {
        var broken = Good with
        {
            Format = "chat",
            Concerns = Good.Concerns! with { ImagesOfOwnChildren = true },
            Meeting = Good.Meeting! with { DateTime = new DateTime(2026, 11, 20, 10, 0, 0), Location = null },
            Subject = Good.Subject! with { Occupation = null },
            Children = [Good.Children![0] with { DateOfBirth = new DateOnly(2031, 5, 5) }],
            Invitees = [new MeetingPerson { Name = "Gareth Lowe", Agency = "Family" }],
            LadoMeetingDate = new DateOnly(2026, 12, 20),
        };
        var text = string.Join('\n', CaseFiles.Check(broken).Select(f => f.ToString()));
        text.ShouldNotBeEmpty();
        foreach (var value in PersonalValues.Append("2031").Append("chat").Append("Family"))
        {
            // Case-sensitive: "allowed" is not the surname "Lowe".
            text.ShouldNotContain(value, Case.Sensitive);
        }
    }
}
