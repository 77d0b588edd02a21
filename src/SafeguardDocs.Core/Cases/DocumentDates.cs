using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Cases.StrategyMeeting;
using SafeguardDocs.Core.Cases.ViewingDecision;

namespace SafeguardDocs.Core.Cases;

/// <summary>
/// The date a document is dated by, from its case: it becomes the document's creation date in its
/// properties, so the same case gives the same bytes whenever it is generated (never the wall clock).
/// </summary>
public static class DocumentDates
{
    /// <summary>The case's own date (the letter, the record, the form, the meeting), at midnight UTC; null when the case has none.</summary>
    public static DateTimeOffset? Of(CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        DateOnly? date = caseFile switch
        {
            DeviceAllocationCase c => c.LetterDate,
            AupPackCase c => c.LetterDate,
            AupAgreementCase c => c.ReturnBy,
            IncidentReportCase c => c.DateCompleted ?? c.DateOfIncident,
            OnlineSafetyPlanCase c => c.StartDate,
            StrategyMeetingCase c => c.Meeting?.DateTime is { } meeting ? DateOnly.FromDateTime(meeting) : c.ReferralReceived is { } referral ? DateOnly.FromDateTime(referral) : null,
            ViewingDecisionCase c => c.Signature?.Date ?? (c.Viewing?.DateTime is { } viewed ? DateOnly.FromDateTime(viewed) : null),
            _ => null,
        };
        return date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }
}
