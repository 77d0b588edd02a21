namespace SafeguardDocs.Core.Cases.StrategyMeeting;

/// <summary>
/// The agenda for a strategy discussion or meeting about an adult involved in the online sexual abuse
/// of children (seed 001 "Responses to Adults Involved in Online Sexual Abuse of Children"; seed 002
/// paragraphs 17–19 and 31). Facts the agenda needs (the LADO meeting date, whether the discussion
/// must be the same day, which risk factors are present) are in <see cref="StrategyMeetingFacts"/>.
/// </summary>
public sealed record StrategyMeetingCase : CaseFile
{
    /// <summary><c>meeting</c> or <c>discussion</c> (<see cref="StrategyMeetingKind.Meeting"/>, <see cref="StrategyMeetingKind.Discussion"/>).</summary>
    public string? Format { get; init; }

    /// <summary>When the referral was received. Its date is day 0 for working-day timescales.</summary>
    public DateTime? ReferralReceived { get; init; }

    public MeetingDetails? Meeting { get; init; }

    /// <summary>
    /// Optional. When an earlier, urgent strategy discussion was held (for example on the day of the
    /// referral), so that a later full meeting records it. The LADO meeting's working days count from it.
    /// </summary>
    public DateTime? SameDayDiscussion { get; init; }

    public MeetingPerson? Chair { get; init; }

    /// <summary>The adult the concerns are about (the "alleged abuser" in the guidance).</summary>
    public Subject? Subject { get; init; }

    /// <summary>The children the subject has contact with, in the household or beyond. May be empty when no child has yet been identified (seed 002 ¶15).</summary>
    public IReadOnlyList<ChildConcerned>? Children { get; init; }

    public Concerns? Concerns { get; init; }

    /// <summary>The key factors the guidance lists for the likelihood of significant harm.</summary>
    public RiskFactors? RiskFactors { get; init; }

    public IReadOnlyList<MeetingPerson>? Invitees { get; init; }

    /// <summary>
    /// Optional. When the separate LADO-chaired strategy meeting has been arranged for, if it has; it
    /// must fall within the working days set by the organisation settings (<c>ladoMeetingWorkingDays</c>), counted
    /// from the strategy discussion or meeting (the earlier same-day discussion when there was one).
    /// </summary>
    public DateOnly? LadoMeetingDate { get; init; }
}

public sealed record MeetingDetails
{
    public DateTime? DateTime { get; init; }

    public string? Location { get; init; }

    /// <summary>True when held online or by telephone (then no location is needed).</summary>
    public bool? Virtual { get; init; }
}

/// <summary>The chair or an invitee.</summary>
public sealed record MeetingPerson
{
    [PersonalData]
    public string? Name { get; init; }

    /// <summary>Optional for invitees.</summary>
    public string? Role { get; init; }

    /// <summary>The agency they represent, in the words people use: "Police", "Public Protection Unit", "Children's Social Care", "MASH", "First Response Team", "Health", "School Nurse", "LADO", "Education" and the like are recognised.</summary>
    public string? Agency { get; init; }
}

public sealed record Subject
{
    [PersonalData]
    public string? Name { get; init; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>True when the subject works or volunteers with children (a position of trust): a LADO-chaired meeting follows.</summary>
    public bool? PositionOfTrust { get; init; }

    /// <summary>The subject's work or voluntary activity, for the LADO items.</summary>
    [PersonalData]
    public string? Occupation { get; init; }

    public bool? LivesWithChildren { get; init; }

    /// <summary>Optional. True when the subject is a foster carer: a position of trust, so the LADO items and meeting follow (seed 001).</summary>
    public bool? FosterCarer { get; init; }

    /// <summary>The subject has been arrested: a strategy discussion or meeting is held on arrest (seed 001).</summary>
    public bool? Arrested { get; init; }

    /// <summary>Optional. When the subject was arrested; the discussion or meeting is expected on that day or the next working day.</summary>
    public DateOnly? ArrestDate { get; init; }

    /// <summary>Optional. The name of the subject's partner, who must not be invited or told (seed 001).</summary>
    [PersonalData]
    public string? PartnerName { get; init; }
}

public sealed record ChildConcerned
{
    [PersonalData]
    public string? Name { get; init; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>The child's relationship to the subject, for example "Son".</summary>
    [PersonalData]
    public string? Relationship { get; init; }

    public bool? InHousehold { get; init; }
}

public sealed record Concerns
{
    [PersonalData]
    public string? Summary { get; init; }

    /// <summary>The images include children known to the subject. Left out: not yet known (seized equipment takes time to analyse).</summary>
    public bool? ImagesOfKnownChildren { get; init; }

    /// <summary>The images include the subject's own children. Left out: not yet known.</summary>
    public bool? ImagesOfOwnChildren { get; init; }
}

/// <summary>
/// Seed 001's key factors for the likelihood of significant harm. "Images of own children" is
/// <see cref="Concerns.ImagesOfOwnChildren"/>.
/// </summary>
public sealed record RiskFactors
{
    /// <summary>Known to social care for abuse or neglect.</summary>
    public bool? PreviousHistory { get; init; }

    public bool? PreviousContactAbuse { get; init; }

    /// <summary>Assessment of the partner's capacity to protect indicates the children's safety is likely to be compromised.</summary>
    public bool? PartnerCapacityToProtectConcern { get; init; }

    public bool? AbsenceOfCooperation { get; init; }

    /// <summary>Optional. Concern about the subject's understanding of the risk factors associated with sexual abuse.</summary>
    public bool? RiskUnderstandingConcern { get; init; }

    public bool? KnownCriminalLifestyle { get; init; }
}
