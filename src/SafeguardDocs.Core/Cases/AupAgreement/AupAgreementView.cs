using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases.AupAgreement;

/// <summary>
/// What an aup-agreement template sees (Razor as <c>View</c>, Scriban as the top level): every property of
/// the case under the case file's own name (<c>audience</c>, <c>academicYear</c>, <c>school.name</c>,
/// <c>signatory.name</c>…), the facts of the version worked out once (<c>audienceName</c>,
/// <c>audienceLabel</c>, <c>isPupil</c>, <c>signsOnArrival</c>, <c>signatureLines</c>, <c>yearGroup</c> in
/// words, <c>dslName</c>, the device taken home), and <c>settings</c> and <c>today</c>.
/// </summary>
public sealed class AupAgreementView
{
    private readonly AupAgreementCase _case;
    private readonly AupAudience? _audience;

    public AupAgreementView(AupAgreementCase caseFile, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(settings);
        _case = caseFile;
        _audience = AupAudiences.Find(caseFile.Audience);
        Settings = settings;
        Today = today;
        SignatureLines = AupAgreementFacts.SignatureLines(caseFile);
    }

    /// <summary>The view factory registered with <see cref="AupAgreementKind.Kind"/>.</summary>
    public static Func<AupAgreementCase, OrganisationSettings, DateOnly, AupAgreementView> Create { get; } = (c, s, t) => new(c, s, t);

    // ---- the case, under the case file's names ----------------------------------------------------

    public string? Kind => _case.Kind;

    public string? Reference => _case.Reference;

    /// <summary>The version's value in the case file, for example <c>pupil-ks2</c>.</summary>
    public string? Audience => _case.Audience;

    public string? AcademicYear => _case.AcademicYear;

    public AupSchool? School => _case.School;

    public AupSignatory? Signatory => _case.Signatory;

    public AupParent? Parent => _case.Parent;

    public DateOnly? ReturnBy => _case.ReturnBy;

    public AupDeviceTakenHome? DeviceTakenHome => _case.DeviceTakenHome;

    // ---- derived facts ------------------------------------------------------------------------------

    /// <summary>The version's short name, as the title gives it ("Key Stage 2", "Staff"); empty for an unknown audience.</summary>
    public string AudienceName => _case.Audience switch
    {
        AupAudiences.PupilEarlyYears => "Early Years and Key Stage 1",
        AupAudiences.PupilKs2 => "Key Stage 2",
        AupAudiences.PupilSecondary => "Secondary",
        AupAudiences.Parent => "Parents and carers",
        AupAudiences.Staff => "Staff",
        AupAudiences.Visitor => "Visitors",
        _ => string.Empty,
    };

    /// <summary>Whom the version is for, in full ("Pupils in Key Stage 2 (Years 3 to 6)"); null for an unknown audience.</summary>
    public string? AudienceLabel => _audience?.Label;

    /// <summary>A pupil version: the pupil signs and a parent or carer endorses it.</summary>
    public bool IsPupil => _audience?.IsPupil == true;

    /// <summary>A visitor signs on arrival: the agreement has no return-by date.</summary>
    public bool SignsOnArrival => _audience?.SignsOnArrival == true;

    /// <summary>Every signature line, in order (<see cref="AupAgreementFacts.SignatureLines"/>); the name is null where it is left to fill in.</summary>
    public IReadOnlyList<SignatureLine> SignatureLines { get; }

    /// <summary>The pupil's year in words ("Reception", "Year 4") for a pupil version that gives it; else null.</summary>
    [PersonalData]
    public string? YearGroup => IsPupil && _case.Signatory?.YearGroup is { } year
        ? year == 0 ? "Reception" : $"Year {year}"
        : null;

    /// <summary>The Designated Safeguarding Lead's name, or null when the case gives none (the role is then named alone).</summary>
    [PersonalData]
    public string? DslName => Blank(_case.School?.DslName);

    /// <summary>The school's trust, or null when it has none.</summary>
    public string? Trust => Blank(_case.School?.Trust);

    /// <summary>For staff who take a device home: the device ("school device" when not named); null when none is taken home.</summary>
    public string? DeviceTakenHomeName => _case.DeviceTakenHome is { } device ? Blank(device.Device) ?? "school device" : null;

    /// <summary>The personal use the school allows on the device taken home; null for work use only.</summary>
    public string? PersonalUseAllowed => Blank(_case.DeviceTakenHome?.PersonalUse);

    // ---- context --------------------------------------------------------------------------------------

    /// <summary>The organisation's settings this agreement is written with.</summary>
    public OrganisationSettings Settings { get; }

    /// <summary>Today's date, from the injected clock.</summary>
    public DateOnly Today { get; }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
