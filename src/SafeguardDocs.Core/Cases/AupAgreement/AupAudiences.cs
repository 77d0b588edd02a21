namespace SafeguardDocs.Core.Cases.AupAgreement;

/// <summary>One version of the agreement: who it is for, and which school years it fits (pupils only).</summary>
/// <param name="Value">The <c>audience</c> value in the case file.</param>
/// <param name="Label">How the version is named, for example "Pupils in Key Stage 2 (Years 3 to 6)".</param>
/// <param name="FirstYearGroup">The first year group it fits (0 is Reception), or null when not a pupil version.</param>
/// <param name="LastYearGroup">The last year group it fits, or null when not a pupil version.</param>
/// <param name="SignerLabel">How the main signature line names the signer.</param>
public sealed record AupAudience(string Value, string Label, int? FirstYearGroup, int? LastYearGroup, string SignerLabel)
{
    /// <summary>A pupil version: the pupil signs and a parent or carer endorses it.</summary>
    public bool IsPupil => FirstYearGroup is not null;

    /// <summary>Staff, volunteers and governors sign with their role (required); a visitor's is printed when given.</summary>
    public bool NeedsRole => Value is AupAudiences.Staff;

    /// <summary>The role is printed with the signer's name (staff and visitors).</summary>
    public bool ShowsRole => Value is AupAudiences.Staff or AupAudiences.Visitor;

    /// <summary>A visitor signs on arrival: there is no return-by date.</summary>
    public bool SignsOnArrival => Value is AupAudiences.Visitor;

    public bool Fits(int yearGroup) => yearGroup >= FirstYearGroup && yearGroup <= LastYearGroup;
}

/// <summary>The six versions of the Acceptable Use agreement (seed 004), in one place for rules and templates.</summary>
public static class AupAudiences
{
    public const string PupilEarlyYears = "pupil-early-years";
    public const string PupilKs2 = "pupil-ks2";
    public const string PupilSecondary = "pupil-secondary";
    public const string Parent = "parent";
    public const string Staff = "staff";
    public const string Visitor = "visitor";

    /// <summary>Reception is year 0; the last school year is 13.</summary>
    public const int FirstYearGroup = 0;
    public const int LastYearGroup = 13;

    public static IReadOnlyList<AupAudience> All { get; } =
    [
        new(PupilEarlyYears, "Pupils in the Early Years and Key Stage 1 (Reception to Year 2)", 0, 2, "Pupil"),
        new(PupilKs2, "Pupils in Key Stage 2 (Years 3 to 6)", 3, 6, "Pupil"),
        new(PupilSecondary, "Pupils in secondary school (Years 7 to 13)", 7, 13, "Pupil"),
        new(Parent, "Parents and carers", null, null, "Parent or carer"),
        new(Staff, "Staff, volunteers and governors", null, null, "Member of staff"),
        new(Visitor, "Visitors and members of the community", null, null, "Visitor"),
    ];

    /// <summary>The version a value names (exact spelling), or null.</summary>
    public static AupAudience? Find(string? value) => All.FirstOrDefault(a => string.Equals(a.Value, value, StringComparison.Ordinal));

    /// <summary>The values quoted and joined, for messages.</summary>
    public static string Listed =>
        $"{string.Join(", ", All.Take(All.Count - 1).Select(a => $"\"{a.Value}\""))} or \"{All[^1].Value}\"";
}
