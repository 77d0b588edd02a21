namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>
/// The school's annual Acceptable Use Policy pack for every family (seed 004 "Acceptable use of the
/// internet in school": pupils and parents sign an agreement; "Roles and Responsibilities", Parents:
/// parents endorse the pupil agreement by signature). The pupils come from the MIS export named by
/// <see cref="Roster"/>; the pack gives each family a covering letter, the parent agreement and each
/// child's agreement at their key stage.
/// </summary>
public sealed record AupPackCase : CaseFile
{
    /// <summary>Written <c>2026/27</c>: the two years consecutive.</summary>
    public string? AcademicYear { get; init; }

    public AupPackSchool? School { get; init; }

    /// <summary>The date printed on the covering letter.</summary>
    public DateOnly? LetterDate { get; init; }

    /// <summary>The date by which the signed agreements come back to school.</summary>
    public DateOnly? ReturnBy { get; init; }

    /// <summary>
    /// The pupil export (CSV with a header row), as a path relative to the case file's folder, without
    /// <c>..</c>: the case file and its roster travel together.
    /// </summary>
    public string? Roster { get; init; }
}

/// <summary>The school as the covering letter presents it.</summary>
public sealed record AupPackSchool
{
    public string? Name { get; init; }

    public string? Trust { get; init; }

    /// <summary>The school's postal address, one line per entry.</summary>
    public IReadOnlyList<string>? Address { get; init; }

    /// <summary>The Designated Safeguarding Lead, whom parents contact with online-safety concerns (seed 004).</summary>
    [PersonalData]
    public string? DslName { get; init; }

    /// <summary>The Head of School, who signs the covering letter.</summary>
    [PersonalData]
    public string? HeadName { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}
