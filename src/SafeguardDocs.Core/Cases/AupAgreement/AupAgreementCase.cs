namespace SafeguardDocs.Core.Cases.AupAgreement;

/// <summary>
/// One person's Acceptable Use Policy agreement for a school year (seed 004 "Acceptable use of the
/// internet in school": pupils, parents, staff, volunteers and governors sign; visitors agree where
/// relevant). Each audience has its own wording; every version has the school, the academic year, the
/// return-by date and a signature line for each person who signs
/// (<see cref="AupAgreementFacts.SignatureLines"/>).
/// </summary>
public sealed record AupAgreementCase : CaseFile
{
    /// <summary>One of <see cref="AupAudiences.All"/>, for example <c>pupil-ks2</c> or <c>staff</c>.</summary>
    public string? Audience { get; init; }

    /// <summary>Written <c>2026/27</c>: the two years consecutive.</summary>
    public string? AcademicYear { get; init; }

    public AupSchool? School { get; init; }

    /// <summary>The person the agreement is for, who signs it.</summary>
    public AupSignatory? Signatory { get; init; }

    /// <summary>
    /// Optional, for pupil versions: the parent or carer who endorses the pupil's agreement by signature
    /// (seed 004 "Parents"). Without a name the line is printed blank for them to fill in.
    /// </summary>
    public AupParent? Parent { get; init; }

    /// <summary>The date by which the signed agreement comes back to school. Not for visitors, who sign on arrival.</summary>
    public DateOnly? ReturnBy { get; init; }

    /// <summary>
    /// Optional, for staff: the school laptop or other portable device the member of staff takes home, and
    /// the personal use allowed on it (seed 004 "Management of infrastructure": staff with school laptops sign
    /// an agreement on the extent of personal use by them and their family).
    /// </summary>
    public AupDeviceTakenHome? DeviceTakenHome { get; init; }
}

/// <summary>A school device a member of staff takes home, and the personal use the school allows on it.</summary>
public sealed record AupDeviceTakenHome
{
    /// <summary>The device, for example "school laptop" or "school iPad".</summary>
    public string? Device { get; init; }

    /// <summary>The extent of personal use allowed, by the member of staff and by their family, in the school's words.</summary>
    public string? PersonalUse { get; init; }
}

public sealed record AupSchool
{
    public string? Name { get; init; }

    public string? Trust { get; init; }

    /// <summary>The Designated Safeguarding Lead, whom the agreement tells people to report concerns to.</summary>
    [PersonalData]
    public string? DslName { get; init; }
}

public sealed record AupSignatory
{
    [PersonalData]
    public string? Name { get; init; }

    /// <summary>
    /// Job title for staff, volunteers and governors (required; their signature line is labelled with it, for
    /// example "Governor"); optional for a visitor, their role or organisation.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>Optional, for pupils: National Curriculum year, 0 for Reception to 13; must fit the audience.</summary>
    [PersonalData]
    public int? YearGroup { get; init; }
}

public sealed record AupParent
{
    [PersonalData]
    public string? Name { get; init; }
}
