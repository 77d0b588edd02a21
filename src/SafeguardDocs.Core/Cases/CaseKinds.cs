using SafeguardDocs.Core.Cases.DeviceAllocation;

namespace SafeguardDocs.Core.Cases;

/// <summary>The catalogue of case kinds. Adding a kind is one line here plus its folder.</summary>
public static class CaseKinds
{
    public static IReadOnlyList<CaseKind> All { get; } =
    [
        DeviceAllocationKind.Kind,
        ViewingDecision.ViewingDecisionKind.Kind,
        StrategyMeeting.StrategyMeetingKind.Kind,
        IncidentReport.IncidentReportKind.Kind,
        OnlineSafetyPlan.OnlineSafetyPlanKind.Kind,
        AupAgreement.AupAgreementKind.Kind,
        AupPack.AupPackKind.Kind,
    ];

    public static CaseKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    public static CaseKind For(CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        return All.FirstOrDefault(k => k.ModelType == caseFile.GetType())
            ?? throw new InvalidOperationException($"{caseFile.GetType().Name} is not in the case catalogue.");
    }
}
