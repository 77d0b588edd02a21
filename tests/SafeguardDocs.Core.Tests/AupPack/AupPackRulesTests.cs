using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Rules;

namespace SafeguardDocs.Core.Tests.AupPack;

public sealed class AupPackRulesTests
{
    private static readonly AupPackCase Sample = CaseFiles.Sample<AupPackCase>("aup-pack.json");

    [Fact]
    public void The_sample_pack_has_no_findings() => CaseFiles.Check(Sample).ShouldBeEmpty();

    [Fact]
    public void The_head_of_school_alone_is_enough_to_make_the_packs() =>
        CaseFiles.Check(Sample with { School = Sample.School! with { DslName = null } })
            .ShouldAllBe(f => f.Severity == SafeguardDocs.Core.Diagnostics.Severity.Warning);

    [Fact]
    public void Every_rule_can_fire()
    {
        var school = Sample.School!;
        var cases = new (AupPackCase Case, Rule Rule, string Path)[]
        {
            (Sample with { Reference = null }, AupPackRules.ReferenceRequired, "$.reference"),
            (Sample with { Reference = "../AUP" }, AupPackRules.ReferenceUnsafe, "$.reference"),
            (Sample with { Reference = new string('A', AupPackFacts.MaxReferenceLength + 1) }, AupPackRules.ReferenceTooLong, "$.reference"),
            (Sample with { AcademicYear = " " }, AupPackRules.AcademicYearRequired, "$.academicYear"),
            (Sample with { AcademicYear = "2026-27" }, AupPackRules.AcademicYearMalformed, "$.academicYear"),
            (Sample with { School = school with { Name = null } }, AupPackRules.SchoolNameRequired, "$.school.name"),
            (Sample with { School = school with { DslName = "", HeadName = "" } }, AupPackRules.DslNameRequired, "$.school.dslName"),
            (Sample with { School = school with { DslName = "" } }, AupPackRules.DslNameMissing, "$.school.dslName"),
            (Sample with { School = school with { Phone = null, Email = " " } }, AupPackRules.SchoolContactRequired, "$.school"),
            (Sample with { School = school with { HeadName = null } }, AupPackRules.HeadNameMissing, "$.school.headName"),
            (Sample with { School = school with { Address = [] } }, AupPackRules.SchoolAddressMissing, "$.school.address"),
            (Sample with { LetterDate = null }, AupPackRules.LetterDateRequired, "$.letterDate"),
            (Sample with { ReturnBy = null }, AupPackRules.ReturnByRequired, "$.returnBy"),
            (Sample with { ReturnBy = Sample.LetterDate }, AupPackRules.ReturnByNotAfterLetter, "$.returnBy"),
            (Sample with { ReturnBy = new DateOnly(2027, 9, 18) }, AupPackRules.ReturnByOutsideYear, "$.returnBy"),
            (Sample with { Roster = null }, AupPackRules.RosterRequired, "$.roster"),
            (Sample with { Roster = "aup-roster.xlsx" }, AupPackRules.RosterNotCsv, "$.roster"),
            (Sample with { Roster = "../cases/aup-roster.csv" }, AupPackRules.RosterOutsideFolder, "$.roster"),
        };

        foreach (var (c, rule, path) in cases)
        {
            CaseFiles.Check(c).ShouldReport(rule, path, c.Reference ?? string.Empty);
        }

        cases.Select(c => c.Rule.Id).Order().ShouldBe(new AupPackRules().Rules.Select(r => r.Id).Order());
    }

    [Theory]
    [InlineData("aup-roster.csv", true)]
    [InlineData("exports/2026/roster.CSV", true)]
    [InlineData("./roster.csv", true)]
    [InlineData("../roster.csv", false)]
    [InlineData("exports/../../roster.csv", false)]
    [InlineData("/etc/roster.csv", false)]
    [InlineData("C:\\exports\\roster.csv", false)]
    [InlineData("..\\roster.csv", false)]
    [InlineData("~/roster.csv", false)]
    public void The_roster_must_stay_beside_the_case_file(string path, bool inside) =>
        AupPackFacts.IsInsideCaseFolder(path).ShouldBe(inside);
}
