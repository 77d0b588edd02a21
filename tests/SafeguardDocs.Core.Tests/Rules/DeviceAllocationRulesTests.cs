using R = SafeguardDocs.Core.Cases.DeviceAllocation.DeviceAllocationRules;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Seed 000 §7 and Appendix D: each rule broken once, starting from the good sample.</summary>
public sealed class DeviceAllocationRulesTests
{
    private static readonly DeviceAllocationCase Good = CaseFiles.Sample<DeviceAllocationCase>("device-allocation.json");

    [Fact]
    public void The_sample_letter_has_no_findings() => CaseFiles.Check(Good).ShouldBeEmpty();

    [Fact]
    public void Reference_is_required() =>
        CaseFiles.Check(Good with { Reference = " " }).ShouldReport(R.ReferenceRequired, "$.reference");

    [Fact]
    public void Reference_with_path_characters_is_refused() =>
        CaseFiles.Check(Good with { Reference = "../../etc/passwd" }).ShouldReport(R.ReferenceUnsafe, "$.reference", "passwd");

    [Fact]
    public void Letter_date_is_required() =>
        CaseFiles.Check(Good with { LetterDate = null }).ShouldReport(R.LetterDateRequired, "$.letterDate");

    [Fact]
    public void Provider_name_role_and_organisation_are_required()
    {
        var findings = CaseFiles.Check(Good with { Provider = Good.Provider! with { Name = "", Role = null, Organisation = "" } });
        findings.ShouldReport(R.ProviderNameRequired, "$.provider.name");
        findings.ShouldReport(R.ProviderRoleRequired, "$.provider.role");
        findings.ShouldReport(R.ProviderOrganisationRequired, "$.provider.organisation");
    }

    [Fact]
    public void Missing_provider_is_reported_field_by_field()
    {
        var findings = CaseFiles.Check(Good with { Provider = null });
        findings.ShouldReport(R.ProviderNameRequired, "$.provider.name");
        findings.ShouldReport(R.ProviderOrganisationRequired, "$.provider.organisation");
    }

    [Fact]
    public void A_provider_with_no_phone_or_email_is_a_warning() =>
        CaseFiles.Check(Good with { Provider = Good.Provider! with { Phone = null, Email = " " } }).ShouldReport(R.ProviderContactExpected, "$.provider");

    [Fact]
    public void Recipient_name_and_organisation_are_required()
    {
        var findings = CaseFiles.Check(Good with { Recipient = Good.Recipient! with { Name = null, Organisation = null } });
        findings.ShouldReport(R.RecipientNameRequired, "$.recipient.name");
        findings.ShouldReport(R.RecipientOrganisationRequired, "$.recipient.organisation");
    }

    [Fact]
    public void Child_name_and_date_of_birth_are_required()
    {
        var findings = CaseFiles.Check(Good with { Child = new AllocatedChild() });
        findings.ShouldReport(R.ChildNameRequired, "$.child.name");
        findings.ShouldReport(R.ChildDateOfBirthRequired, "$.child.dateOfBirth");
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_an_error() =>
        CaseFiles.Check(Good with { Child = Good.Child! with { DateOfBirth = new DateOnly(2027, 1, 1) } })
            .ShouldReport(R.ChildDateOfBirthInFuture, "$.child.dateOfBirth", "2027");

    [Fact]
    public void A_letter_dated_before_the_child_was_born_is_an_error() =>
        CaseFiles.Check(Good with { LetterDate = new DateOnly(2011, 1, 1) }).ShouldReport(R.LetterBeforeBirth, "$.letterDate");

    [Fact]
    public void Where_the_equipment_goes_is_required() =>
        CaseFiles.Check(Good with { DeliveredTo = "" }).ShouldReport(R.DeliveredToRequired, "$.deliveredTo");

    [Fact]
    public void At_least_one_item_of_equipment_is_required()
    {
        CaseFiles.Check(Good with { Equipment = [] }).ShouldReport(R.EquipmentRequired, "$.equipment");
        CaseFiles.Check(Good with { Equipment = null }).ShouldReport(R.EquipmentRequired, "$.equipment");
    }

    [Fact]
    public void Each_item_needs_a_description_and_a_missing_serial_number_is_only_a_warning()
    {
        var findings = CaseFiles.Check(Good with { Equipment = [Good.Equipment![0], new EquipmentItem { AssetTag = "WCS-1" }] });
        findings.ShouldReport(R.EquipmentDescriptionRequired, "$.equipment[1].description");
        findings.ShouldReport(R.EquipmentSerialRequired, "$.equipment[1].serialNumber");
        findings.ShouldNotContain(f => f.Path.StartsWith("$.equipment[0]", StringComparison.Ordinal));
    }

    /// <summary>Issue 12: the letter goes before delivery, when a new device's serial number may not be known; no seed asks for it.</summary>
    [Fact]
    public void A_letter_for_a_new_device_whose_serial_is_not_yet_known_can_be_written()
    {
        var findings = CaseFiles.Check(Good with { Equipment = [Good.Equipment![0] with { SerialNumber = null }] });
        findings.ShouldReport(R.EquipmentSerialRequired, "$.equipment[0].serialNumber");
        findings.ShouldAllBe(f => f.Severity == Severity.Warning);
    }

    [Fact]
    public void An_annual_check_dated_before_the_letter_is_reported_as_such_not_as_too_late()
    {
        var findings = CaseFiles.Check(Good with { OnIssue = Good.OnIssue! with { AnnualCheckDue = new DateOnly(2026, 11, 1) } });
        findings.ShouldReport(R.AnnualCheckBeforeLetter, "$.onIssue.annualCheckDue");
        findings.ShouldNotReport(R.AnnualCheckTooLate);
        R.AnnualCheckBeforeLetter.Message.ShouldNotContain("forward");
    }

    [Fact]
    public void A_recipient_without_a_title_or_salutation_is_a_warning()
    {
        CaseFiles.Check(Good with { Recipient = Good.Recipient! with { Name = "Daniel Okafor" } })
            .ShouldReport(R.SalutationExpected, "$.recipient.salutation", "Daniel", "Okafor");
        CaseFiles.Check(Good with { Recipient = Good.Recipient! with { Name = "Daniel Okafor", Salutation = "Mr Okafor" } }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("lease")]
    [InlineData("Loan")]
    public void Ownership_must_be_loan_or_permanent(string? ownership) =>
        CaseFiles.Check(Good with { Ownership = ownership }).ShouldReport(R.OwnershipRequired, "$.ownership");

    [Fact]
    public void Equipment_that_has_not_been_wiped_is_not_issued() =>
        CaseFiles.Check(Good with { PreIssueChecks = Good.PreIssueChecks! with { HardwareWiped = false } })
            .ShouldReport(R.HardwareNotWiped, "$.preIssueChecks.hardwareWiped");

    [Fact]
    public void Equipment_without_approved_filtering_is_not_issued() =>
        CaseFiles.Check(Good with { PreIssueChecks = Good.PreIssueChecks! with { FilteringInstalled = null } })
            .ShouldReport(R.FilteringNotInstalled, "$.preIssueChecks.filteringInstalled");

    [Fact]
    public void Unrecorded_pre_issue_checks_are_errors_not_assumptions()
    {
        var findings = CaseFiles.Check(Good with { PreIssueChecks = null });
        findings.ShouldReport(R.HardwareNotWiped, "$.preIssueChecks.hardwareWiped");
        findings.ShouldReport(R.FilteringNotInstalled, "$.preIssueChecks.filteringInstalled");
    }

    [Fact]
    public void Not_informing_the_safe_schools_team_is_a_warning() =>
        CaseFiles.Check(Good with { PreIssueChecks = Good.PreIssueChecks! with { SafeSchoolsTeamInformed = false } })
            .ShouldReport(R.SafeSchoolsTeamNotInformed, "$.preIssueChecks.safeSchoolsTeamInformed");

    [Fact]
    public void A_loan_names_its_owner() =>
        CaseFiles.Check(Good with { Owner = null }).ShouldReport(R.OwnerRequiredForLoan, "$.owner");

    [Fact]
    public void A_loan_without_an_annual_check_date_is_a_warning() =>
        CaseFiles.Check(Good with { OnIssue = Good.OnIssue! with { AnnualCheckDue = null } })
            .ShouldReport(R.AnnualCheckMissing, "$.onIssue.annualCheckDue");

    [Fact]
    public void An_annual_check_more_than_twelve_months_after_the_letter_is_a_warning()
    {
        CaseFiles.Check(Good with { OnIssue = Good.OnIssue! with { AnnualCheckDue = new DateOnly(2027, 11, 21) } })
            .ShouldReport(R.AnnualCheckTooLate, "$.onIssue.annualCheckDue");
        CaseFiles.Check(Good with { OnIssue = Good.OnIssue! with { AnnualCheckDue = new DateOnly(2027, 11, 20) } })
            .ShouldNotReport(R.AnnualCheckTooLate);
    }

    [Fact]
    public void The_twelve_month_window_is_a_setting()
    {
        var context = ValidationContext.From(FixedClock.Default, OrganisationSettings.Default with { AnnualCheckMonths = 6 });
        CaseFiles.Check(Good, context).ShouldReport(R.AnnualCheckTooLate, "$.onIssue.annualCheckDue");
    }

    [Fact]
    public void Permanent_equipment_needs_no_owner_or_annual_check()
    {
        var permanent = Good with { Ownership = DeviceAllocationKind.Permanent, Owner = null, OnIssue = Good.OnIssue! with { AnnualCheckDue = null } };
        CaseFiles.Check(permanent).ShouldBeEmpty();
    }

    [Fact]
    public void Permanent_equipment_with_an_owner_named_is_a_warning() =>
        CaseFiles.Check(Good with { Ownership = DeviceAllocationKind.Permanent })
            .ShouldReport(R.OwnerGivenForPermanent, "$.owner");

    [Fact]
    public void On_issue_steps_not_done_are_warnings()
    {
        var findings = CaseFiles.Check(Good with { OnIssue = new OnIssueSteps { AnnualCheckDue = Good.OnIssue!.AnnualCheckDue } });
        findings.ShouldReport(R.SafetyInformationNotGiven, "$.onIssue.safetyInformationGiven");
        findings.ShouldReport(R.ParentalMonitoringNotGiven, "$.onIssue.parentalMonitoringGuidanceGiven");
        findings.ShouldReport(R.WeeklyUpdateNotAdvised, "$.onIssue.weeklyUpdateAdvised");
        findings.ShouldAllBe(f => f.Severity == Severity.Warning);
    }

    [Fact]
    public void Every_rule_has_an_id_a_seed_source_and_advice()
    {
        var rules = new R().Rules;
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => r.Source.StartsWith("000_f620ea6f56574647.txt", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Message.EndsWith('.'));
    }

    [Fact]
    public void No_message_quotes_the_childs_name_or_birth_date()
    {
        var broken = Good with { LetterDate = new DateOnly(2000, 1, 1), Child = Good.Child! with { DateOfBirth = new DateOnly(2030, 1, 1) } };
        var text = string.Join('\n', CaseFiles.Check(broken).Select(f => f.ToString()));
        text.ShouldNotContain("Jordan");
        text.ShouldNotContain("2030");
        text.ShouldNotContain("Okafor");
    }
}
