namespace SafeguardDocs.Core.Cases.AupPack.Roster;

/// <summary>One pupil read from the export, checked: every field the pack needs is present and valid.</summary>
/// <param name="Line">The line of the export the pupil was read from (1-based; the header is line 1).</param>
/// <param name="Upn">The Unique Pupil Number.</param>
/// <param name="Surname">The pupil's surname.</param>
/// <param name="Forename">The forename the pupil is known by (preferred, else legal).</param>
/// <param name="YearGroup">National Curriculum year, 0 for Reception to 13.</param>
/// <param name="Reg">Registration group, when the export has one.</param>
/// <param name="DateOfBirth">When the export has one; orders brothers and sisters eldest first.</param>
/// <param name="Contact">The primary contact.</param>
public sealed record RosterPupil(
    int Line,
    [property: PersonalData] string Upn,
    [property: PersonalData] string Surname,
    [property: PersonalData] string Forename,
    [property: PersonalData] int YearGroup,
    [property: PersonalData] string? Reg,
    [property: PersonalData] DateOnly? DateOfBirth,
    RosterContact Contact)
{
    /// <summary>"Forename Surname", as the agreement names the pupil.</summary>
    [PersonalData]
    public string FullName => $"{Forename} {Surname}";
}

/// <summary>The pupil's primary contact, to whom the family's pack is addressed.</summary>
public sealed record RosterContact
{
    [PersonalData]
    public string? Title { get; init; }

    [PersonalData]
    public string? Forename { get; init; }

    /// <summary>Always present: a row without it is not used.</summary>
    [PersonalData]
    public required string Surname { get; init; }

    [PersonalData]
    public string? Email { get; init; }

    /// <summary>The address lines present in the export, in order, the postcode last.</summary>
    [PersonalData]
    public required IReadOnlyList<string> Address { get; init; }

    [PersonalData]
    public string? Postcode { get; init; }

    /// <summary>"Emma Clarke", or the surname alone.</summary>
    [PersonalData]
    public string FullName => string.IsNullOrWhiteSpace(Forename) ? Surname : $"{Forename} {Surname}";

    /// <summary>"Mrs Clarke" for "Dear Mrs Clarke"; without a title, "Emma Clarke".</summary>
    [PersonalData]
    public string Salutation => string.IsNullOrWhiteSpace(Title) ? FullName : $"{Title} {Surname}";

    /// <summary>"Mrs Emma Clarke" for the address block.</summary>
    [PersonalData]
    public string AddressedTo => string.IsNullOrWhiteSpace(Title) ? FullName : $"{Title} {FullName}";

    /// <summary>True when there is an email address to send the pack to.</summary>
    public bool HasEmail => Email is { } e && e.Contains('@', StringComparison.Ordinal);
}
