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
    private const string Visitors = Seeds.SchoolPolicy + " \"Roles and Responsibilities\" (Visitors and members of the community: read and agree on arrival, where relevant)";
    private const string Devices = Seeds.SchoolPolicy + " \"Management of infrastructure\" (staff with school laptops sign an agreement on the extent of personal use by them and their family); \"Staff using work devices outside school\"";
    private const string KeyStages = Seeds.SchoolPolicy + " \"Educating pupils about online safety\" (Key Stage 1, Key Stage 2)";

    public static readonly Rule ReferenceRequired = new("AUP001", Error, Sign, "The agreement needs a reference. Add \"reference\", for example \"AUP-2026-STAFF-0004\".");
    public static readonly Rule ReferenceUnsafe = new("AUP002", Error, Sign, "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.");
    public static readonly Rule AudienceNotAllowed = new("AUP003", Error, Versions, $"Say which version of the agreement this is: set \"audience\" to {AupAudiences.Listed}.");
    public static readonly Rule AcademicYearRequired = new("AUP004", Error, Annual, "The agreement is for one school year: add \"academicYear\", written like \"2026/27\".");
    public static readonly Rule AcademicYearMalformed = new("AUP005", Error, Annual, "Write the academic year as four digits, a slash and the last two digits of the next year, for example \"2026/27\". Correct it.");
    public static readonly Rule SchoolNameRequired = new("AUP006", Error, Sign, "Name the school the agreement is with. Add \"school.name\".");
    public static readonly Rule DslNameMissing = new("AUP007", Warning, Report, "The agreement tells people to report concerns to the Designated Safeguarding Lead: add \"school.dslName\".");
    public static readonly Rule ReturnByRequired = new("AUP008", Error, Sign, "Say when the signed agreement must come back: add \"returnBy\" as YYYY-MM-DD; a visitor signs on arrival and needs none.");
    public static readonly Rule ReturnByOutsideYear = new("AUP009", Warning, Annual, "The return-by date is outside the academic year (1 September to 31 August). Check the date and the year.");
    public static readonly Rule SignatoryNameRequired = new("AUP010", Error, Sign, "The agreement is signed by the person it is for: add \"signatory.name\".");
    public static readonly Rule SignatoryRoleRequired = new("AUP011", Error, Sign, "Staff, volunteers and governors sign with their role, which labels their signature line: add \"signatory.role\", for example \"Class teacher\", \"Volunteer\" or \"Governor\".");
    public static readonly Rule YearGroupOutOfRange = new("AUP012", Error, KeyStages, "The year group must be a whole number from 0 (Reception) to 13. Correct it.");
    public static readonly Rule YearGroupDoesNotFitAudience = new("AUP013", Warning, KeyStages, "The year group does not fit this version of the agreement (Early Years and Key Stage 1: Reception to Year 2; Key Stage 2: Years 3 to 6; secondary: Years 7 to 13; none for adults). Check the year group and the audience.");
    public static readonly Rule ParentOnlyForPupils = new("AUP014", Warning, Parents, "Only pupil versions carry a parent's or carer's endorsement. Remove \"parent\", or check the audience.");

    public static readonly Rule VisitorReturnBy = new("AUP015", Warning, Visitors, "A visitor signs the agreement on arrival, so it carries no return-by date: remove \"returnBy\".");
    public static readonly Rule DeviceOnlyForStaff = new("AUP016", Warning, Devices, "\"deviceTakenHome\" is for the staff version (staff who take a school device home). Remove it, or check the audience.");
    public static readonly Rule DevicePersonalUseMissing = new("AUP017", Warning, Devices, "Say what personal use of the device is allowed, by the member of staff and by their family: add \"deviceTakenHome.personalUse\". Without it the agreement says personal use is not allowed.");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, AudienceNotAllowed, AcademicYearRequired, AcademicYearMalformed, SchoolNameRequired,
        DslNameMissing, ReturnByRequired, ReturnByOutsideYear, SignatoryNameRequired, SignatoryRoleRequired, YearGroupOutOfRange,
        YearGroupDoesNotFitAudience, ParentOnlyForPupils, VisitorReturnBy, DeviceOnlyForStaff, DevicePersonalUseMissing,
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

        if (audience?.SignsOnArrival == true)
        {
            if (c.ReturnBy is not null)
            {
                findings.Add(VisitorReturnBy, "$.returnBy");
            }
        }
        else if (findings.Require(c.ReturnBy, ReturnByRequired, "$.returnBy") && startYear is { } year)
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

        if (c.DeviceTakenHome is not null)
        {
            if (audience is not null && audience.Value != AupAudiences.Staff)
            {
                findings.Add(DeviceOnlyForStaff, "$.deviceTakenHome");
            }
            else if (string.IsNullOrWhiteSpace(c.DeviceTakenHome.PersonalUse))
            {
                findings.Add(DevicePersonalUseMissing, "$.deviceTakenHome.personalUse");
            }
        }

        if (c.Parent is not null && audience is { IsPupil: false })
        {
            findings.Add(ParentOnlyForPupils, "$.parent");
        }
    }
}
