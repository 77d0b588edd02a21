namespace SafeguardDocs.Core.Cases.OnlineSafetyPlan;

/// <summary>
/// An Online Safety Plan for a child who has shown unsafe behaviour online, shared with the parents so
/// that they can support the child at home (seed 004 "Informing policies and procedures"). The document
/// has two parts: the adults' plan, and a one-page "my online safety plan" for the child
/// (<see cref="OnlineSafetyPlanFacts.ChildPageItems"/>).
/// </summary>
public sealed record OnlineSafetyPlanCase : CaseFile
{
    public PlanSetting? Setting { get; init; }

    public PlanChild? Child { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>After the start date; within six months of it.</summary>
    public DateOnly? ReviewDate { get; init; }

    public LeadPractitioner? LeadPractitioner { get; init; }

    /// <summary>What the concerns are, each under one of the four areas of online risk.</summary>
    public IReadOnlyList<PlanConcern?>? Concerns { get; init; }

    /// <summary>What the child says, in their words or close to them.</summary>
    [PersonalData]
    public string? ChildViews { get; init; }

    public PlanStrategies? Strategies { get; init; }

    /// <summary>The adults the child can tell: on the child's page ("people I can tell").</summary>
    [PersonalData]
    public IReadOnlyList<string?>? TrustedAdults { get; init; }

    /// <summary>How the child can report a worry: on the child's page ("how I can tell").</summary>
    public IReadOnlyList<string?>? ReportingRoutes { get; init; }

    /// <summary>
    /// Optional: the child's own rules for the child's page ("my rules"), short, concrete and in the
    /// first person, for example "I give my tablet to Mum at 8 o'clock".
    /// </summary>
    public IReadOnlyList<string?>? MyRules { get; init; }

    /// <summary>The plan is shared with the parents or carers (the policy's expectation).</summary>
    public bool? SharedWithParents { get; init; }

    /// <summary>Optional: why the plan has not been shared with the parents or carers; printed on the plan.</summary>
    [PersonalData]
    public string? NotSharedReason { get; init; }

    /// <summary>
    /// Optional: the online-safety targets in the child's EHCP (seed 004: a child with an EHCP who is
    /// particularly vulnerable online has it in their EHCP targets); printed on the plan.
    /// </summary>
    [PersonalData]
    public IReadOnlyList<string?>? EhcpTargets { get; init; }

    /// <summary>
    /// Optional: the extra adult supervision the child has where they cannot yet manage their own behaviour
    /// online (seed 004 "SEND and Looked After Children"), recorded so that all staff are aware.
    /// </summary>
    [PersonalData]
    public string? AdditionalSupervision { get; init; }

    /// <summary>Who signs the plan; see <see cref="OnlineSafetyPlanValues.SignatoryRoles"/>.</summary>
    public IReadOnlyList<PlanSignatory?>? Signatories { get; init; }
}

public sealed record PlanSetting
{
    public string? Name { get; init; }
}

public sealed record PlanChild
{
    [PersonalData]
    public string? Name { get; init; }

    [PersonalData]
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>National Curriculum year: -2 and -1 for nursery (N1, N2), 0 for Reception, 1 to 13.</summary>
    [PersonalData]
    public int? YearGroup { get; init; }

    /// <summary>The child has special educational needs or a disability.</summary>
    [PersonalData]
    public bool? Send { get; init; }

    /// <summary>The child has an Education, Health and Care Plan (which implies SEND).</summary>
    [PersonalData]
    public bool? Ehcp { get; init; }

    /// <summary>Optional: the child is looked after (seed 004 "SEND and Looked After Children").</summary>
    [PersonalData]
    public bool? LookedAfter { get; init; }
}

public sealed record LeadPractitioner
{
    [PersonalData]
    public string? Name { get; init; }

    public string? Role { get; init; }
}

public sealed record PlanConcern
{
    /// <summary>One of <see cref="OnlineSafetyPlanValues.ConcernCategories"/>.</summary>
    public string? Category { get; init; }

    /// <summary>What happened or what worries the adults. Free text about the child: personal data.</summary>
    [PersonalData]
    public string? Description { get; init; }
}

public sealed record PlanStrategies
{
    /// <summary>What the setting will do.</summary>
    public IReadOnlyList<string?>? AtSchool { get; init; }

    /// <summary>What the family will do; required when the plan is shared with parents.</summary>
    public IReadOnlyList<string?>? AtHome { get; init; }
}

public sealed record PlanSignatory
{
    /// <summary>One of <see cref="OnlineSafetyPlanValues.SignatoryRoles"/>.</summary>
    public string? Role { get; init; }

    [PersonalData]
    public string? Name { get; init; }

    /// <summary>Optional: true when this person was given the plan and declined to sign it; printed as such.</summary>
    public bool? Declined { get; init; }
}
