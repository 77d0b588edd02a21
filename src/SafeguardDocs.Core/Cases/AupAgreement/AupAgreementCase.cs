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

    /// <summary>The date by which the signed agreement comes back to school.</summary>
    public DateOnly? ReturnBy { get; init; }
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

    /// <summary>Job title for staff; for a visitor, their role or organisation. Required for those two.</summary>
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
