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

    /// <summary>
    /// Every kind of document there are templates for, each once: each kind's documents (the kind's own, or
    /// those it makes from other records, such as the AUP pack's covering letter), in the order of <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<DocumentKind> Documents { get; } = [.. All.SelectMany(k => k.Documents).DistinctBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>The document kind a template names (in a Scriban file's <c>kind:</c>), or null.</summary>
    public static DocumentKind? FindDocument(string? name) =>
        Documents.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    public static CaseKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    public static CaseKind For(CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        return All.FirstOrDefault(k => k.ModelType == caseFile.GetType())
            ?? throw new InvalidOperationException($"{caseFile.GetType().Name} is not in the case catalogue.");
    }
}
