using SafeguardDocs.Core.Rules;
using static SafeguardDocs.Core.Diagnostics.Severity;

namespace SafeguardDocs.Core.Cases.AupAgreement;

/// <summary>
/// Seed 004 "Acceptable use of the internet in school" and the roles it gives pupils, parents, staff and
/// visitors. Messages never quote the value.
/// </summary>
public sealed class AupAgreementRules : RuleSet<AupAgreementCase>
{
    private const string Sign = Seeds.SchoolPolicy + " \"Acceptable use of the internet in school\" (pupils, parents, staff, volunteers and governors sign an agreement)";
    private const string Versions = Seeds.SchoolPolicy + " \"Roles and Responsibilities\" (Parents; Visitors and members of the community; Pupils); \"Educating pupils about online safety\" (Key Stages 1 and 2)";
    private const string Annual = Seeds.SchoolPolicy + " \"Acceptable use of the internet in school\"; \"Monitoring and reviewing\" (reviewed annually)";
    private const string Report = Seeds.SchoolPolicy + " \"Protocols for handling electronic communications\" (report to the DSL)";
    private const string Parents = Seeds.SchoolPolicy + " \"Roles and Responsibilities\", Parents (endorse the pupil agreement by signature)";
    private const string KeyStages = Seeds.SchoolPolicy + " \"Educating pupils about online safety\" (Key Stage 1, Key Stage 2)";

    public static readonly Rule ReferenceRequired = new("AUP001", Error, Sign, "The agreement needs a reference. Add \"reference\", for example \"AUP-2026-STAFF-0004\".");
    public static readonly Rule ReferenceUnsafe = new("AUP002", Error, Sign, "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.");
    public static readonly Rule AudienceNotAllowed = new("AUP003", Error, Versions, $"Say which version of the agreement this is: set \"audience\" to {AupAudiences.Listed}.");
    public static readonly Rule AcademicYearRequired = new("AUP004", Error, Annual, "The agreement is for one school year: add \"academicYear\", written like \"2026/27\".");
    public static readonly Rule AcademicYearMalformed = new("AUP005", Error, Annual, "Write the academic year as four digits, a slash and the last two digits of the next year, for example \"2026/27\". Correct it.");
    public static readonly Rule SchoolNameRequired = new("AUP006", Error, Sign, "Name the school the agreement is with. Add \"school.name\".");
    public static readonly Rule DslNameMissing = new("AUP007", Warning, Report, "The agreement tells people to report concerns to the Designated Safeguarding Lead: add \"school.dslName\".");
    public static readonly Rule ReturnByRequired = new("AUP008", Error, Sign, "Say when the signed agreement must come back: add \"returnBy\" as YYYY-MM-DD.");
    public static readonly Rule ReturnByOutsideYear = new("AUP009", Warning, Annual, "The return-by date is outside the academic year (1 September to 31 August). Check the date and the year.");
    public static readonly Rule SignatoryNameRequired = new("AUP010", Error, Sign, "The agreement is signed by the person it is for: add \"signatory.name\".");
    public static readonly Rule SignatoryRoleRequired = new("AUP011", Error, Versions, "Staff and visitors sign with their role: add \"signatory.role\" (for a visitor, their role or organisation).");
    public static readonly Rule YearGroupOutOfRange = new("AUP012", Error, KeyStages, "The year group must be a whole number from 0 (Reception) to 13. Correct it.");
    public static readonly Rule YearGroupDoesNotFitAudience = new("AUP013", Warning, KeyStages, "The year group does not fit this version of the agreement (Early Years and Key Stage 1: Reception to Year 2; Key Stage 2: Years 3 to 6; secondary: Years 7 to 13; none for adults). Check the year group and the audience.");
    public static readonly Rule ParentOnlyForPupils = new("AUP014", Warning, Parents, "Only pupil versions carry a parent's or carer's endorsement. Remove \"parent\", or check the audience.");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, AudienceNotAllowed, AcademicYearRequired, AcademicYearMalformed, SchoolNameRequired,
        DslNameMissing, ReturnByRequired, ReturnByOutsideYear, SignatoryNameRequired, SignatoryRoleRequired, YearGroupOutOfRange,
        YearGroupDoesNotFitAudience, ParentOnlyForPupils,
    ];

    protected override void Check(AupAgreementCase c, ValidationContext context, FindingList findings)
    {
        findings.RequireSafeReference(c.Reference, ReferenceRequired, ReferenceUnsafe);

        var audience = AupAudiences.Find(c.Audience);
        if (audience is null)
        {
            findings.Add(AudienceNotAllowed, "$.audience");
        }

        int? startYear = null;
        if (findings.RequireText(c.AcademicYear, AcademicYearRequired, "$.academicYear"))
        {
            startYear = AupAgreementFacts.StartYearOf(c.AcademicYear);
            if (startYear is null)
            {
                findings.Add(AcademicYearMalformed, "$.academicYear");
            }
        }

        findings.RequireText(c.School?.Name, SchoolNameRequired, "$.school.name");
        findings.RequireText(c.School?.DslName, DslNameMissing, "$.school.dslName");

        if (findings.Require(c.ReturnBy, ReturnByRequired, "$.returnBy") && startYear is { } year)
        {
            var (first, last) = AupAgreementFacts.DatesOf(year);
            if (c.ReturnBy < first || c.ReturnBy > last)
            {
                findings.Add(ReturnByOutsideYear, "$.returnBy");
            }
        }

        findings.RequireText(c.Signatory?.Name, SignatoryNameRequired, "$.signatory.name");
        if (audience?.NeedsRole == true)
        {
            findings.RequireText(c.Signatory?.Role, SignatoryRoleRequired, "$.signatory.role");
        }

        if (c.Signatory?.YearGroup is { } yearGroup)
        {
            if (yearGroup is < AupAudiences.FirstYearGroup or > AupAudiences.LastYearGroup)
            {
                findings.Add(YearGroupOutOfRange, "$.signatory.yearGroup");
            }
            else if (audience is not null && !(audience.IsPupil && audience.Fits(yearGroup)))
            {
                findings.Add(YearGroupDoesNotFitAudience, "$.signatory.yearGroup");
            }
        }

        if (c.Parent is not null && audience is { IsPupil: false })
        {
            findings.Add(ParentOnlyForPupils, "$.parent");
        }
    }
}
