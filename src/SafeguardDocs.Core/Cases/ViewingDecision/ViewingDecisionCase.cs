namespace SafeguardDocs.Core.Cases.ViewingDecision;

/// <summary>
/// A Designated Safeguarding Lead's signed record of a decision to view, or not to view,
/// youth-produced imagery (seed 001 "If it is necessary to view the imagery"; seed 000 §4
/// "Searching a Device, Viewing and Deleting Imagery"). It has no field that could hold the imagery:
/// such properties are refused at load (<see cref="ViewingDecisionKind.ImageryPropertyNames"/>).
/// </summary>
public sealed record ViewingDecisionCase : CaseFile
{
    /// <summary>The setting's incident or safeguarding-log reference, where there is one.</summary>
    public string? IncidentReference { get; init; }

    /// <summary>The school or setting keeping the record.</summary>
    public Setting? Setting { get; init; }

    /// <summary>The child or young person in the imagery.</summary>
    public ViewingChild? Child { get; init; }

    /// <summary><c>view</c> or <c>not-view</c> (<see cref="ViewingDecisionKind.View"/>, <see cref="ViewingDecisionKind.NotView"/>).</summary>
    public string? Decision { get; init; }

    /// <summary>
    /// Optional. When the decision to view or not to view was made (seed 000 §4 asks for the times, dates and
    /// reasons of every decision). Without it the record has no time for the decision itself.
    /// </summary>
    public DateTime? DecisionDateTime { get; init; }

    /// <summary>Optional. True when an adult is involved in the incident: an immediate, same-day referral is required (seed 001 "Referral and Strategy Discussion").</summary>
    public bool? AdultInvolved { get; init; }

    /// <summary>Optional. True when there is reason to believe the child was coerced, blackmailed or groomed: an immediate, same-day referral is required.</summary>
    public bool? Coercion { get; init; }

    /// <summary>Optional. The referral to the police or children's social care (through the MASH), when one was made.</summary>
    public Referral? Referral { get; init; }

    /// <summary>How and why the decision was made: the guidance requires it to be clearly recorded.</summary>
    [PersonalData]
    public string? ReasonForDecision { get; init; }

    /// <summary>The member of the senior leadership team the decision was discussed with.</summary>
    public StaffMember? DiscussedWith { get; init; }

    /// <summary>The viewing itself; present only when the decision is to view.</summary>
    public Viewing? Viewing { get; init; }

    /// <summary>Whether the imagery was copied, printed, shared or saved (it must not be), and the police advice if it was.</summary>
    public ImageryHandling? ImageryHandling { get; init; }

    /// <summary>What was done with the device, when it was confiscated for the police.</summary>
    public DeviceAction? DeviceAction { get; init; }

    public ParentsInformed? ParentsInformed { get; init; }

    /// <summary>What happened next (referrals, support offered, parents told).</summary>
    [PersonalData]
    public IReadOnlyList<string>? SubsequentActions { get; init; }

    /// <summary>Who signed and dated the record.</summary>
    public Signature? Signature { get; init; }

    public bool IsViewing => string.Equals(Decision, ViewingDecisionKind.View, StringComparison.Ordinal);

    public bool IsNotViewing => string.Equals(Decision, ViewingDecisionKind.NotView, StringComparison.Ordinal);
}

public sealed record Setting
{
    public string? Name { get; init; }

    /// <summary>The setting's address. Not a person's, but with the child's details it locates the child, so it is treated as personal.</summary>
    [PersonalData]
    public IReadOnlyList<string>? Address { get; init; }
}

public sealed record ViewingChild
{
    [PersonalData]
    public string? Name { get; init; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; init; }

    [PersonalData]
    public int? YearGroup { get; init; }

    /// <summary>One of <see cref="Sexes.Recognised"/>; <c>female</c> and <c>male</c> can be compared with the viewer's.</summary>
    [PersonalData]
    public string? Sex { get; init; }
}

/// <summary>A member of staff named in the record.</summary>
public sealed record StaffMember
{
    [PersonalData]
    public string? Name { get; init; }

    public string? Role { get; init; }

    /// <summary>True when the person is a member of the senior leadership team.</summary>
    public bool? SeniorLeader { get; init; }
}

/// <summary>The member of staff who viewed the imagery.</summary>
public sealed record Viewer
{
    [PersonalData]
    public string? Name { get; init; }

    public string? Role { get; init; }

    /// <summary>"female", "male", "non-binary", "other" or "not-known"; used to check "sameSexAsChild".</summary>
    [PersonalData]
    public string? Sex { get; init; }

    /// <summary>
    /// Optional. True when the viewer is the Designated Safeguarding Lead (or equivalent); only then does the
    /// record call them the DSL. When absent, the role decides whether delegated authority is needed
    /// ("Designated Safeguarding Lead", "DSL", "Designated Person for Child Protection" and similar need none).
    /// </summary>
    public bool? SafeguardingLead { get; init; }
}

public sealed record Viewing
{
    public Viewer? ViewedBy { get; init; }

    /// <summary>The senior leader who delegated authority to view, when the viewer is not the safeguarding lead. When given, the record says the viewer acted under this delegated authority.</summary>
    public StaffMember? DelegatedBy { get; init; }

    /// <summary>The other members of staff present in the room (they need not view the imagery).</summary>
    public IReadOnlyList<StaffMember>? PresentInRoom { get; init; }

    /// <summary>When the imagery was viewed.</summary>
    public DateTime? DateTime { get; init; }

    /// <summary>The room or place, for example the headteacher's office.</summary>
    public string? Location { get; init; }

    public bool? OnPremises { get; init; }

    [PersonalData]
    public string? OffPremisesReason { get; init; }

    public bool? SameSexAsChild { get; init; }

    [PersonalData]
    public string? SameSexReason { get; init; }

    /// <summary>The device the imagery was viewed on, for example the pupil's own phone.</summary>
    public string? Device { get; init; }

    /// <summary>What was seen, described without reproducing it.</summary>
    [PersonalData]
    public string? Summary { get; init; }
}

/// <summary>A referral to the police or children's social care.</summary>
public sealed record Referral
{
    /// <summary>When it was made.</summary>
    public DateTime? DateTime { get; init; }

    /// <summary>To whom, for example "Police and children's social care through the MASH".</summary>
    public string? MadeTo { get; init; }
}

/// <summary>
/// What staff of the setting did with the imagery once it came to their attention: copying, printing,
/// sharing, storing or saving it is illegal, even to keep a record, and if it has happened it is recorded
/// with the police advice. The sharing between young people that is the incident itself is not recorded
/// here but in the reason for the decision and the summary.
/// </summary>
public sealed record ImageryHandling
{
    public bool? Copied { get; init; }

    public bool? Printed { get; init; }

    public bool? Shared { get; init; }

    public bool? Saved { get; init; }

    /// <summary>Optional. True when staff stored a copy of the imagery (the confiscated device kept for the police is not a copy).</summary>
    public bool? Stored { get; init; }

    /// <summary>The advice the police gave, and who gave it, when any of the above happened.</summary>
    [PersonalData]
    public string? PoliceAdvice { get; init; }

    public bool AnyHappened => Copied == true || Printed == true || Shared == true || Stored == true || Saved == true;
}

public sealed record DeviceAction
{
    public bool? Confiscated { get; init; }

    /// <summary>Turned off, so that imagery cannot be removed remotely.</summary>
    public bool? SwitchedOff { get; init; }

    /// <summary>Disconnected from Wi-Fi and mobile data.</summary>
    public bool? Disconnected { get; init; }

    /// <summary>Where the device is secured until the police collect it, for example a locked safe.</summary>
    public string? StoredAt { get; init; }

    public bool? PoliceContacted { get; init; }

    /// <summary>
    /// Optional. Why the device was not switched off or not disconnected, for example because the police
    /// advised keeping it on. With a reason the record is accepted and the reason printed.
    /// </summary>
    [PersonalData]
    public string? NotSwitchedOffReason { get; init; }
}

public sealed record ParentsInformed
{
    public bool? Informed { get; init; }

    /// <summary>Why parents or carers were not informed: the guidance says the reason must be recorded.</summary>
    [PersonalData]
    public string? ReasonIfNot { get; init; }
}

public sealed record Signature
{
    [PersonalData]
    public string? Name { get; init; }

    public string? Role { get; init; }

    public DateOnly? Date { get; init; }
}
