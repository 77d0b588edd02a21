using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Cases.StrategyMeeting;
using SafeguardDocs.Core.Cases.ViewingDecision;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Generation.Records;

/// <summary>
/// The kinds whose documents are evidence (issue 16): a record that police, a court or an inspector may read
/// years later. They are always registered, carry a seal in their footer and are kept until the child's
/// date of birth plus <see cref="OrganisationSettings.RetentionYearsAfterBirth"/> years.
/// </summary>
public static class EvidenceRecords
{
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ViewingDecisionKind.Name, StrategyMeetingKind.Name, OnlineSafetyPlanKind.Name, IncidentReportKind.Name,
    };

    public static bool IsEvidence(string kind) => Kinds.Contains(kind);

    /// <summary>
    /// The day until which a document must be kept. Evidence: the youngest child's date of birth plus the years
    /// set; for an incident form (ages, no dates of birth) the latest birth the youngest age allows; when no
    /// child's birth can be told, the day of issue plus those years (longer, never shorter). Other kinds: the day
    /// of issue plus <see cref="OrganisationSettings.RetentionYears"/>.
    /// </summary>
    public static DateOnly RetainUntil(CaseFile caseFile, DateOnly issued, OrganisationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsEvidence(caseFile.Kind ?? string.Empty))
        {
            return issued.AddYears(settings.RetentionYears);
        }

        var born = LatestBirth(caseFile);
        return (born ?? issued).AddYears(settings.RetentionYearsAfterBirth);
    }

    private static DateOnly? LatestBirth(CaseFile caseFile) => caseFile switch
    {
        ViewingDecisionCase v => v.Child?.DateOfBirth,
        OnlineSafetyPlanCase p => p.Child?.DateOfBirth,
        StrategyMeetingCase s => s.Children?.Select(c => c?.DateOfBirth).Where(d => d is not null).Max(),
        IncidentReportCase i when i.DateOfIncident is { } day && i.AgesOfChildren?.Where(a => a is not null).Min() is { } youngest => day.AddYears(-youngest),
        _ => null,
    };
}
