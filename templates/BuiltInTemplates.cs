using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Cases.StrategyMeeting;
using SafeguardDocs.Core.Cases.ViewingDecision;
using SafeguardDocs.Templates.Razor.DeviceAllocation;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Razor;

namespace SafeguardDocs.Templates;

/// <summary>
/// The Razor templates compiled into the product, each made from its document's typed descriptor (a
/// <see cref="CaseKind{TCase, TView}"/> in <see cref="CaseKinds.All"/> for its own document, or a
/// <see cref="DocumentKind{TSource, TView}"/> a kind lists, such as <see cref="AupPackKind.Letter"/>): the
/// compiler checks that the component's view model is the one the descriptor makes, so documents and
/// templates are joined by type, not by name. The first for each kind is its default.
/// </summary>
public static class BuiltInTemplates
{
    public static IReadOnlyList<IDocumentTemplate> All { get; } =
    [
        new RazorDocumentTemplate<LoanLetter, DeviceAllocationCase, DeviceAllocationView>(DeviceAllocationKind.Kind, "loan-letter", "Letter for digital equipment allocated to a young person, with schedule"),
        new RazorDocumentTemplate<Razor.ViewingDecision.ViewingRecord, ViewingDecisionCase, ViewingDecisionView>(ViewingDecisionKind.Kind, "viewing-record", "Signed record of a decision to view, or not to view, youth-produced imagery"),
        new RazorDocumentTemplate<Razor.StrategyMeeting.StrategyMeetingAgenda, StrategyMeetingCase, StrategyMeetingView>(StrategyMeetingKind.Kind, "strategy-meeting-agenda", "Strategy discussion or meeting agenda: adults involved in online sexual abuse of children"),
        new RazorDocumentTemplate<Razor.AupAgreement.AcceptableUseAgreement, AupAgreementCase, AupAgreementView>(AupAgreementKind.Kind, "aup-agreement", "Acceptable use agreement: pupils (three key-stage versions), parents and carers, staff, visitors"),
        new RazorDocumentTemplate<Razor.OnlineSafetyPlan.OnlineSafetyPlan, OnlineSafetyPlanCase, OnlineSafetyPlanView>(OnlineSafetyPlanKind.Kind, "online-safety-plan", "Online Safety Plan shared with parents, with the child's own one-page plan"),
        new RazorDocumentTemplate<Razor.IncidentReport.IncidentMonitoringForm, IncidentReportCase, IncidentReportView>(IncidentReportKind.Kind, "incident-monitoring-form", "E-safety incident monitoring form, filled in, with what the framework indicates"),
        new RazorDocumentTemplate<Razor.AupPack.PackLetter, AupPackLetter, AupPackLetterView>(AupPackKind.Letter, "aup-pack-letter", "Covering letter of a family's AUP pack (made by 'safeguard-docs pack')"),
    ];

    /// <summary>The folder of Scriban files beside the built program (a copy of <c>templates/scriban</c>).</summary>
    public static string InstalledScribanFolder => Path.Combine(AppContext.BaseDirectory, "templates", "scriban");
}
