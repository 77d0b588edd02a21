namespace SafeguardDocs.Core.Cases.DeviceAllocation;

/// <summary>
/// A digital-equipment allocation to a young person, and the letter that goes with it
/// (seed 000 §7 "Allocation of Digital Equipment to a Young Person" and Appendix D).
/// </summary>
public sealed record DeviceAllocationCase : CaseFile
{
    /// <summary>The date the letter is written.</summary>
    public DateOnly? LetterDate { get; init; }

    /// <summary>The person and organisation providing the equipment, who signs the letter.</summary>
    public Provider? Provider { get; init; }

    /// <summary>Who the letter is addressed to: the organisation the child attends.</summary>
    public Recipient? Recipient { get; init; }

    public AllocatedChild? Child { get; init; }

    /// <summary>The organisation or venue the equipment is delivered to.</summary>
    public string? DeliveredTo { get; init; }

    /// <summary><c>loan</c> (remains the owner's property) or <c>permanent</c> (belongs to the child).</summary>
    public string? Ownership { get; init; }

    /// <summary>For a loan: the organisation that keeps ownership.</summary>
    public string? Owner { get; init; }

    public IReadOnlyList<EquipmentItem>? Equipment { get; init; }

    public PreIssueChecks? PreIssueChecks { get; init; }

    public OnIssueSteps? OnIssue { get; init; }

    /// <summary>
    /// The online-safety procedure the letter points the recipient to. Optional: when absent the letter
    /// names the Pan-Dorset Online Safety Guidance, which this letter is modelled on.
    /// </summary>
    public string? OnlineSafetyProcedure { get; init; }

    /// <summary>
    /// Optional. The Safe Schools and Communities Team's contact, which the letter gives for advice on
    /// online safety and for concerns raised at the annual check (seed 000 §7). When absent and the letter
    /// follows the Pan-Dorset guidance, the letter gives the contact in the organisation's settings (by default
    /// the one that guidance gives).
    /// </summary>
    public TeamContact? SafeSchoolsTeam { get; init; }

    /// <summary>
    /// Optional. Websites that help keep the young person safe online, listed in the letter (seed 000 §7 and
    /// §8 "Further Information"). When the case leaves it out the letter lists the websites in the
    /// organisation's settings (by default the UK Safer Internet Centre, CEOP and ThinkUknow); an empty list
    /// (or null) leaves them out.
    /// </summary>
    public IReadOnlyList<Website>? UsefulWebsites { get; init; } = LetterDefaults.UsefulWebsites;

    /// <summary>True when the equipment is on loan (and so has an owner and an annual check).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsLoan => string.Equals(Ownership, DeviceAllocationKind.Loan, StringComparison.Ordinal);

    /// <summary>The procedure named in the letter.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ProcedureName => string.IsNullOrWhiteSpace(OnlineSafetyProcedure) ? DeviceAllocationKind.DefaultProcedure : OnlineSafetyProcedure;

    /// <summary>True when the equipment has been given to the child to keep.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPermanent => string.Equals(Ownership, DeviceAllocationKind.Permanent, StringComparison.Ordinal);
}

/// <summary>A team's telephone number and email address.</summary>
public sealed record TeamContact
{
    public string? Phone { get; init; }

    public string? Email { get; init; }
}

/// <summary>A website the letter recommends.</summary>
public sealed record Website
{
    /// <summary>What the site is, for example "ThinkUknow".</summary>
    public string? Name { get; init; }

    /// <summary>Its address, for example "www.thinkuknow.co.uk".</summary>
    public string? Address { get; init; }
}

public sealed record Provider
{
    [PersonalData]
    public string? Name { get; init; }

    public string? Role { get; init; }

    public string? Organisation { get; init; }

    [PersonalData]
    public string? Phone { get; init; }

    [PersonalData]
    public string? Email { get; init; }
}

public sealed record Recipient
{
    [PersonalData]
    public string? Name { get; init; }

    public string? Role { get; init; }

    public string? Organisation { get; init; }

    [PersonalData]
    public IReadOnlyList<string>? Address { get; init; }

    /// <summary>
    /// Optional. How the letter greets the recipient after "Dear", for example "Mr Okafor". When absent it
    /// is made from the title and surname in the name ("Mr Daniel Okafor" gives "Mr Okafor").
    /// </summary>
    [PersonalData]
    public string? Salutation { get; init; }
}

public sealed record AllocatedChild
{
    [PersonalData]
    public string? Name { get; init; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; init; }
}

public sealed record EquipmentItem
{
    public string? Description { get; init; }

    /// <summary>The maker's serial number; it may not be known until the equipment arrives (the schedule then says "To be confirmed").</summary>
    public string? SerialNumber { get; init; }

    /// <summary>The owner's asset tag, where it has one.</summary>
    public string? AssetTag { get; init; }
}

/// <summary>Seed 000 §7 "Prior to issuing digital equipment".</summary>
public sealed record PreIssueChecks
{
    /// <summary>Cleaned, with nothing left from a previous user.</summary>
    public bool? HardwareWiped { get; init; }

    /// <summary>Approved filtering software installed.</summary>
    public bool? FilteringInstalled { get; init; }

    public string? FilteringProduct { get; init; }

    /// <summary>The Safe Schools and Communities Team told, so that it can offer advice.</summary>
    public bool? SafeSchoolsTeamInformed { get; init; }
}

/// <summary>Seed 000 §7 "On issuing the digital equipment".</summary>
public sealed record OnIssueSteps
{
    /// <summary>Up-to-date, age-appropriate information on the dangers of internet use given to the young person.</summary>
    public bool? SafetyInformationGiven { get; init; }

    /// <summary>Parents, carers and the school told how to get free parental-monitoring software.</summary>
    public bool? ParentalMonitoringGuidanceGiven { get; init; }

    /// <summary>Advised to connect weekly so that anti-malware updates itself.</summary>
    public bool? WeeklyUpdateAdvised { get; init; }

    /// <summary>For a loan: when the annual check of how the equipment has been used is due.</summary>
    public DateOnly? AnnualCheckDue { get; init; }
}
