namespace SafeguardDocs.Core.Cases.OnlineSafetyPlan;

public static class OnlineSafetyPlanKind
{
    public const string Name = "online-safety-plan";

    /// <summary>File name: the reference and the child's initials.</summary>
    public static CaseKind<OnlineSafetyPlanCase, OnlineSafetyPlanView> Kind { get; } = new(
        Name,
        new OnlineSafetyPlanRules(),
        "Online Safety Plan, with the child's own page (seed 004 \"Informing policies and procedures\", \"SEND and Looked After Children\")",
        c => c.Child?.Name,
        c => c.StartDate,
        OnlineSafetyPlanView.Create);
}
