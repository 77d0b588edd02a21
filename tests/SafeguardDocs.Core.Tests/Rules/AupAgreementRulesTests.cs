using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Naming;
using R = SafeguardDocs.Core.Cases.AupAgreement.AupAgreementRules;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Seed 004 acceptable use: each rule broken once, from the good sample (a staff agreement).</summary>
public sealed class AupAgreementRulesTests
{
    private static readonly AupAgreementCase Good = CaseFiles.Sample<AupAgreementCase>("aup-agreement.json");

    private static AupAgreementCase Pupil(string audience, int? yearGroup) =>
        Good with { Audience = audience, Signatory = new AupSignatory { Name = "Ava Brook", YearGroup = yearGroup } };

    [Fact]
    public void The_sample_agreement_has_no_findings() => CaseFiles.Check(Good).ShouldBeEmpty();

    [Fact]
    public void The_file_is_named_by_reference_and_the_signatorys_initials() =>
        OutputNaming.FileStem(Good.Reference!, OutputNaming.Initials(AupAgreementKind.Kind.InitialsOf!(Good))).ShouldBe("AUP-2026-STAFF-0004_OP");

    [Fact]
    public void Reference_is_required() =>
        CaseFiles.Check(Good with { Reference = null }).ShouldReport(R.ReferenceRequired, "$.reference");

    [Fact]
    public void Reference_with_path_characters_is_refused() =>
        CaseFiles.Check(Good with { Reference = "AUP 2026/Owen" }).ShouldReport(R.ReferenceUnsafe, "$.reference", "Owen");

    [Theory]
    [InlineData(null)]
    [InlineData("pupil-ks1")]
    [InlineData("Staff")]
    [InlineData("governor")]
    public void Audience_is_one_of_the_six(string? audience) =>
        CaseFiles.Check(Good with { Audience = audience }).ShouldReport(R.AudienceNotAllowed, "$.audience", "governor");

    [Fact]
    public void Each_of_the_six_audiences_is_accepted()
    {
        AupAudiences.All.Count.ShouldBe(6);
        foreach (var audience in AupAudiences.All)
        {
            CaseFiles.Check(Good with { Audience = audience.Value }).ShouldNotReport(R.AudienceNotAllowed);
        }
    }

    [Fact]
    public void Academic_year_is_required() =>
        CaseFiles.Check(Good with { AcademicYear = " " }).ShouldReport(R.AcademicYearRequired, "$.academicYear");

    [Theory]
    [InlineData("2026/28")]
    [InlineData("2026-27")]
    [InlineData("2026/2027")]
    [InlineData("26/27")]
    [InlineData("2026/27.")]
    public void Academic_year_is_written_like_2026_27_with_consecutive_years(string year) =>
        CaseFiles.Check(Good with { AcademicYear = year }).ShouldReport(R.AcademicYearMalformed, "$.academicYear");

    [Fact]
    public void Spaces_around_the_academic_year_are_ignored() =>
        AupAgreementFacts.StartYearOf(" 2026/27 ").ShouldBe(2026);

    [Fact]
    public void The_turn_of_the_century_is_consecutive() =>
        AupAgreementFacts.StartYearOf("2099/00").ShouldBe(2099);

    [Fact]
    public void School_name_is_required() =>
        CaseFiles.Check(Good with { School = Good.School! with { Name = null } }).ShouldReport(R.SchoolNameRequired, "$.school.name");

    [Fact]
    public void A_missing_dsl_name_is_a_warning() =>
        CaseFiles.Check(Good with { School = Good.School! with { DslName = "" } }).ShouldReport(R.DslNameMissing, "$.school.dslName");

    [Fact]
    public void Return_by_date_is_required() =>
        CaseFiles.Check(Good with { ReturnBy = null }).ShouldReport(R.ReturnByRequired, "$.returnBy");

    [Fact]
    public void Return_by_outside_the_academic_year_is_a_warning()
    {
        CaseFiles.Check(Good with { ReturnBy = new DateOnly(2026, 8, 31) }).ShouldReport(R.ReturnByOutsideYear, "$.returnBy", "2026-08-31");
        CaseFiles.Check(Good with { ReturnBy = new DateOnly(2027, 9, 1) }).ShouldReport(R.ReturnByOutsideYear, "$.returnBy");
        CaseFiles.Check(Good with { ReturnBy = new DateOnly(2027, 8, 31) }).ShouldNotReport(R.ReturnByOutsideYear);
    }

    [Fact]
    public void Signatory_name_is_required()
    {
        CaseFiles.Check(Good with { Signatory = null }).ShouldReport(R.SignatoryNameRequired, "$.signatory.name");
        CaseFiles.Check(Good with { Signatory = Good.Signatory! with { Name = " " } }).ShouldReport(R.SignatoryNameRequired, "$.signatory.name");
    }

    [Fact]
    public void Staff_sign_with_their_role() =>
        CaseFiles.Check(Good with { Signatory = Good.Signatory! with { Role = null } })
            .ShouldReport(R.SignatoryRoleRequired, "$.signatory.role");

    [Theory]
    [InlineData(AupAudiences.Parent)]
    [InlineData(AupAudiences.PupilKs2)]
    [InlineData(AupAudiences.Visitor)]
    public void Parents_pupils_and_visitors_need_no_role(string audience) =>
        CaseFiles.Check(Good with { Audience = audience, Signatory = Good.Signatory! with { Role = null } }).ShouldNotReport(R.SignatoryRoleRequired);

    [Theory]
    [InlineData(-1)]
    [InlineData(14)]
    public void Year_group_is_reception_to_year_13(int yearGroup) =>
        CaseFiles.Check(Pupil(AupAudiences.PupilSecondary, yearGroup)).ShouldReport(R.YearGroupOutOfRange, "$.signatory.yearGroup");

    [Theory]
    [InlineData(AupAudiences.PupilEarlyYears, 0)]
    [InlineData(AupAudiences.PupilEarlyYears, 2)]
    [InlineData(AupAudiences.PupilKs2, 3)]
    [InlineData(AupAudiences.PupilKs2, 6)]
    [InlineData(AupAudiences.PupilSecondary, 7)]
    [InlineData(AupAudiences.PupilSecondary, 13)]
    [InlineData(AupAudiences.PupilKs2, null)]
    public void Pupil_versions_fit_their_key_stage(string audience, int? yearGroup) =>
        CaseFiles.Check(Pupil(audience, yearGroup)).ShouldBeEmpty();

    [Theory]
    [InlineData(AupAudiences.PupilEarlyYears, 3)]
    [InlineData(AupAudiences.PupilKs2, 2)]
    [InlineData(AupAudiences.PupilKs2, 7)]
    [InlineData(AupAudiences.PupilSecondary, 6)]
    [InlineData(AupAudiences.Parent, 4)]
    public void A_year_group_outside_the_versions_key_stage_is_a_warning(string audience, int yearGroup) =>
        CaseFiles.Check(Pupil(audience, yearGroup)).ShouldReport(R.YearGroupDoesNotFitAudience, "$.signatory.yearGroup");

    [Fact]
    public void A_parent_endorsement_on_an_adult_version_is_a_warning() =>
        CaseFiles.Check(Good with { Parent = new AupParent { Name = "Jo Pryce" } }).ShouldReport(R.ParentOnlyForPupils, "$.parent", "Jo");

    [Fact]
    public void Pupil_versions_have_a_pupil_line_and_a_parent_line()
    {
        var lines = AupAgreementFacts.SignatureLines(Pupil(AupAudiences.PupilKs2, 4));
        lines.Select(l => l.Label).ShouldBe(["Pupil", "Parent or carer"]);
        lines[0].Name.ShouldBe("Ava Brook");
        lines[1].Name.ShouldBeNull();
        lines.ShouldAllBe(l => l.Role == null);
    }

    [Fact]
    public void Staff_sign_once_on_a_line_labelled_with_their_role()
    {
        var line = AupAgreementFacts.SignatureLines(Good).ShouldHaveSingleItem();
        line.Label.ShouldBe("Teacher of Computing");
        line.Name.ShouldBe("Owen Pryce");
        line.Role.ShouldBeNull();
    }

    [Fact]
    public void A_governor_signs_as_a_governor_not_as_a_member_of_staff()
    {
        var line = AupAgreementFacts.SignatureLines(Good with { Signatory = new AupSignatory { Name = "Ruth Adeyemi", Role = "Governor" } }).ShouldHaveSingleItem();
        line.Label.ShouldBe("Governor");
        line.Label.ShouldNotContain("staff");
    }

    [Fact]
    public void A_visitor_signs_as_a_visitor_with_their_organisation_after_the_name()
    {
        var line = AupAgreementFacts.SignatureLines(Good with { Audience = AupAudiences.Visitor, Signatory = new AupSignatory { Name = "Tom Reid", Role = "Road safety officer" } }).ShouldHaveSingleItem();
        line.Label.ShouldBe("Visitor");
        line.Role.ShouldBe("Road safety officer");
    }

    [Fact]
    public void A_visitor_signing_at_reception_needs_no_return_by_date_and_no_role()
    {
        var visitor = Good with { Audience = AupAudiences.Visitor, ReturnBy = null, Signatory = new AupSignatory { Name = "Tom Reid" } };
        CaseFiles.Check(visitor).ShouldBeEmpty();
    }

    [Fact]
    public void A_return_by_date_on_a_visitor_agreement_is_a_warning() =>
        CaseFiles.Check(Good with { Audience = AupAudiences.Visitor }).ShouldReport(R.VisitorReturnBy, "$.returnBy");

    [Fact]
    public void Staff_taking_a_laptop_home_sign_for_its_personal_use()
    {
        var withDevice = Good with { DeviceTakenHome = new AupDeviceTakenHome { Device = "school laptop", PersonalUse = "Occasional personal use by you only." } };
        CaseFiles.Check(withDevice).ShouldBeEmpty();
        CaseFiles.Check(Good with { DeviceTakenHome = new AupDeviceTakenHome { Device = "school laptop" } })
            .ShouldReport(R.DevicePersonalUseMissing, "$.deviceTakenHome.personalUse");
        CaseFiles.Check(withDevice with { Audience = AupAudiences.Visitor, ReturnBy = null })
            .ShouldReport(R.DeviceOnlyForStaff, "$.deviceTakenHome");
    }

    [Fact]
    public void Every_rule_has_an_id_a_seed_source_and_advice()
    {
        var rules = new R().Rules;
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.ShouldAllBe(r => r.Id.StartsWith("AUP", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Source.StartsWith("004_22b96a695a5ea6e4.txt", StringComparison.Ordinal));
        rules.ShouldAllBe(r => r.Message.EndsWith('.'));
        typeof(R).GetFields().Count(f => f.FieldType == typeof(SafeguardDocs.Core.Rules.Rule)).ShouldBe(rules.Count);
    }

    [Fact]
    public void No_message_quotes_the_signatory_or_the_school()
    {
        var broken = Good with
        {
            Audience = "governors",
            AcademicYear = "2026/29",
            School = Good.School! with { DslName = null },
            Signatory = Good.Signatory! with { YearGroup = 77 },
            Parent = new AupParent { Name = "Jo Pryce" },
        };
        var text = string.Join('\n', CaseFiles.Check(broken).Select(f => f.ToString()));
        foreach (var value in new[] { "Owen", "Pryce", "governors", "2026/29", "77", "Hillside", "Computing" })
        {
            text.ShouldNotContain(value);
        }
    }
}
