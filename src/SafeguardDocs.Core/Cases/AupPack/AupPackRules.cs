using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Rules;
using static SafeguardDocs.Core.Diagnostics.Severity;

namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>
/// Seed 004: every pupil and parent signs an agreement each year ("Acceptable use of the internet in
/// school"), parents endorse their child's agreement and raise concerns with the Head of School or the
/// DSL ("Roles and Responsibilities", Parents; "Educating parents about online safety"). Messages never
/// quote the value.
/// </summary>
public sealed class AupPackRules : RuleSet<AupPackCase>
{
    private const string Sign = Seeds.SchoolPolicy + " \"Acceptable use of the internet in school\" (pupils and parents sign an agreement)";
    private const string Annual = Seeds.SchoolPolicy + " \"Acceptable use of the internet in school\"; \"Monitoring and reviewing\" (reviewed annually)";
    private const string Contact = Seeds.SchoolPolicy + " \"Educating parents about online safety\" (queries and concerns to the Head of School and/or the DSL)";
    private const string Parents = Seeds.SchoolPolicy + " \"Roles and Responsibilities\", Parents (endorse the pupil agreement by signature)";

    public static readonly Rule ReferenceRequired = new("APK001", Error, Sign, "The pack needs a reference. Add \"reference\", for example \"AUP-2026-HILLSIDE\".");
    public static readonly Rule ReferenceUnsafe = new("APK002", Error, Sign, "The reference may contain only letters, digits, '-' and '_' (it starts every file name). Change it.");
    public static readonly Rule ReferenceTooLong = new("APK003", Error, Sign, $"The reference is too long to start the family file names: keep it to {AupPackFacts.MaxReferenceLength} characters or fewer.");
    public static readonly Rule AcademicYearRequired = new("APK004", Error, Annual, "The agreements are for one school year: add \"academicYear\", written like \"2026/27\".");
    public static readonly Rule AcademicYearMalformed = new("APK005", Error, Annual, "Write the academic year as four digits, a slash and the last two digits of the next year, for example \"2026/27\". Correct it.");
    public static readonly Rule SchoolNameRequired = new("APK006", Error, Sign, "Name the school the agreements are with. Add \"school.name\".");
    public static readonly Rule DslNameRequired = new("APK007", Error, Contact, "The letter tells parents whom to contact about online safety, the Head of School and/or the Designated Safeguarding Lead: add \"school.headName\" or \"school.dslName\" (preferably both).");
    public static readonly Rule DslNameMissing = new("APK018", Warning, Contact, "The agreements tell families and pupils to report concerns to the Designated Safeguarding Lead: add \"school.dslName\" so that they can name them; until then they name the role.");
    public static readonly Rule SchoolContactRequired = new("APK008", Error, Contact, "The letter tells parents how to contact the school: add \"school.phone\" or \"school.email\" (preferably both).");
    public static readonly Rule HeadNameMissing = new("APK009", Warning, Contact, "The covering letter is signed by the Head of School: add \"school.headName\", or the letter is signed with the school's name alone.");
    public static readonly Rule SchoolAddressMissing = new("APK010", Warning, Sign, "The letter has no address for the school to return agreements to: add \"school.address\", one line per entry.");
    public static readonly Rule LetterDateRequired = new("APK011", Error, Sign, "Add \"letterDate\" as YYYY-MM-DD: the date printed on the covering letter.");
    public static readonly Rule ReturnByRequired = new("APK012", Error, Parents, "Say when the signed agreements must come back: add \"returnBy\" as YYYY-MM-DD.");
    public static readonly Rule ReturnByNotAfterLetter = new("APK013", Error, Parents, "The return-by date must be after the letter date, to give families time to read and sign. Correct one of the dates.");
    public static readonly Rule ReturnByOutsideYear = new("APK014", Warning, Annual, "The return-by date is outside the academic year (1 September to 31 August). Check the date and the year.");
    public static readonly Rule RosterRequired = new("APK015", Error, Sign, "Name the pupil export the packs are made from: add \"roster\", for example \"aup-roster.csv\", in the same folder as this file.");
    public static readonly Rule RosterNotCsv = new("APK016", Error, Sign, "The roster must be a CSV file with a header row (a name ending in .csv). Export the pupil list from the MIS as CSV and name that file.");
    public static readonly Rule RosterOutsideFolder = new("APK017", Error, Sign, "The roster must be in this case file's folder or a folder below it: give a relative path without '..', such as \"aup-roster.csv\" or \"exports/roster.csv\". Move the file beside the case file if needed.");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, ReferenceTooLong, AcademicYearRequired, AcademicYearMalformed, SchoolNameRequired, DslNameRequired,
        SchoolContactRequired, HeadNameMissing, SchoolAddressMissing, LetterDateRequired, ReturnByRequired, ReturnByNotAfterLetter, ReturnByOutsideYear,
        RosterRequired, RosterNotCsv, RosterOutsideFolder, DslNameMissing,
    ];

    protected override void Check(AupPackCase c, ValidationContext context, FindingList findings)
    {
        if (findings.RequireSafeReference(c.Reference, ReferenceRequired, ReferenceUnsafe) && c.Reference!.Length > AupPackFacts.MaxReferenceLength)
        {
            findings.Add(ReferenceTooLong, "$.reference");
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
        if (string.IsNullOrWhiteSpace(c.School?.DslName))
        {
            findings.Add(string.IsNullOrWhiteSpace(c.School?.HeadName) ? DslNameRequired : DslNameMissing, "$.school.dslName");
        }

        if (string.IsNullOrWhiteSpace(c.School?.Phone) && string.IsNullOrWhiteSpace(c.School?.Email))
        {
            findings.Add(SchoolContactRequired, "$.school");
        }

        if (!string.IsNullOrWhiteSpace(c.School?.DslName))
        {
            findings.RequireText(c.School?.HeadName, HeadNameMissing, "$.school.headName");
        }
        if (c.School?.Address is null || c.School.Address.All(string.IsNullOrWhiteSpace))
        {
            findings.Add(SchoolAddressMissing, "$.school.address");
        }

        var hasLetterDate = findings.Require(c.LetterDate, LetterDateRequired, "$.letterDate");
        if (findings.Require(c.ReturnBy, ReturnByRequired, "$.returnBy"))
        {
            if (hasLetterDate && c.ReturnBy <= c.LetterDate)
            {
                findings.Add(ReturnByNotAfterLetter, "$.returnBy");
            }

            if (startYear is { } year)
            {
                var (first, last) = AupAgreementFacts.DatesOf(year);
                if (c.ReturnBy < first || c.ReturnBy > last)
                {
                    findings.Add(ReturnByOutsideYear, "$.returnBy");
                }
            }
        }

        if (findings.RequireText(c.Roster, RosterRequired, "$.roster"))
        {
            if (!AupPackFacts.IsCsvName(c.Roster))
            {
                findings.Add(RosterNotCsv, "$.roster");
            }
            else if (!AupPackFacts.IsInsideCaseFolder(c.Roster))
            {
                findings.Add(RosterOutsideFolder, "$.roster");
            }
        }
    }
}
