namespace SafeguardDocs.Core.Settings;

/// <summary>
/// The values the guidance leaves to local practice, in one place. Immutable; start from
/// <see cref="Default"/>, whose values come from the seed procedures. Rules see it as
/// <c>ValidationContext.Options</c> and templates as <c>Context.Options</c> (Razor) or
/// <c>settings</c> (Scriban). Read from a settings file by the generation library.
/// </summary>
public sealed record OrganisationSettings
{
    public static OrganisationSettings Default { get; } = new();

    /// <summary>Working days within which a LADO-chaired meeting must be convened (seed 001: five).</summary>
    public int LadoMeetingWorkingDays { get; init; } = 5;

    /// <summary>How long after the letter the annual check of loaned equipment may fall (seed 000 §7: annual).</summary>
    public int AnnualCheckMonths { get; init; } = 12;

    /// <summary>Days after the letter by which the recipient should call if nothing has arrived (seed 000 Appendix D: 21).</summary>
    public int DeliveryChaseDays { get; init; } = 21;

    /// <summary>
    /// Days the organisation is closed besides weekends and England and Wales bank holidays (for example
    /// an office closure between Christmas and New Year). They are not counted as working days.
    /// </summary>
    public IReadOnlyList<DateOnly> ExtraClosureDays { get; init; } = [];

    /// <summary>Where incidents involving coercion or an adult are routed (seed 000 §4: the police Safeguarding Referral Unit, through the MASH).</summary>
    public OrganisationContact SafeguardingUnit { get; init; } = new("Safeguarding Referral Unit (police Multi Agency Safeguarding Hub)");

    /// <summary>
    /// The police's schools team, which offers online-safety advice and is told before equipment is issued
    /// (seed 000 §7: Dorset Police's Safe Schools and Communities Team, with its telephone and email).
    /// </summary>
    public OrganisationContact SafeSchoolsTeam { get; init; } = new("Safe Schools and Communities Team", "01202 222844", "ssct@dorset.pnn.police.uk");

    /// <summary>Websites a loan letter may point the young person to (seed 000 §8 "Further Information").</summary>
    public IReadOnlyList<UsefulWebsite> UsefulWebsites { get; init; } =
    [
        new("UK Safer Internet Centre", "www.saferinternet.org.uk"),
        new("CEOP (Child Exploitation and Online Protection), to report a concern", "www.ceop.police.uk"),
        new("ThinkUknow", "www.thinkuknow.co.uk"),
    ];

    /// <summary>
    /// Evidence records (viewing record, strategy-meeting agenda, online safety plan, incident form) are kept
    /// until the child's date of birth plus this many years, then reviewed: the IRMS schools toolkit's period
    /// for child protection records (issue 16), 25.
    /// </summary>
    public int RetentionYearsAfterBirth { get; init; } = 25;

    /// <summary>Other documents (loan letters, AUP agreements) are kept this many years after they are issued; 6 by default.</summary>
    public int RetentionYears { get; init; } = 6;

    public bool Equals(OrganisationSettings? other) =>
        other is not null
        && LadoMeetingWorkingDays == other.LadoMeetingWorkingDays
        && AnnualCheckMonths == other.AnnualCheckMonths
        && DeliveryChaseDays == other.DeliveryChaseDays
        && ExtraClosureDays.SequenceEqual(other.ExtraClosureDays)
        && SafeguardingUnit == other.SafeguardingUnit
        && SafeSchoolsTeam == other.SafeSchoolsTeam
        && UsefulWebsites.SequenceEqual(other.UsefulWebsites)
        && RetentionYearsAfterBirth == other.RetentionYearsAfterBirth
        && RetentionYears == other.RetentionYears;

    public override int GetHashCode() => HashCode.Combine(LadoMeetingWorkingDays, AnnualCheckMonths, DeliveryChaseDays, ExtraClosureDays.Count, SafeguardingUnit, SafeSchoolsTeam, UsefulWebsites.Count);
}

/// <summary>A team or service to contact: its name, and a telephone number and email when known.</summary>
public sealed record OrganisationContact(string Name, string? Phone = null, string? Email = null);

/// <summary>A website to recommend: who runs it and its address.</summary>
public sealed record UsefulWebsite(string Name, string Address);
