using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Templates.Razor.DeviceAllocation;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Razor;

namespace SafeguardDocs.Templates;

/// <summary>The Razor templates compiled into the product. The first for each kind is its default.</summary>
public static class BuiltInTemplates
{
    public static IReadOnlyList<IDocumentTemplate> All { get; } =
    [
        new RazorDocumentTemplate<LoanLetter, DeviceAllocationCase>("loan-letter", DeviceAllocationKind.Name, "Letter for digital equipment allocated to a young person, with schedule"),
        new RazorDocumentTemplate<Razor.ViewingDecision.ViewingRecord, Core.Cases.ViewingDecision.ViewingDecisionCase>("viewing-record", Core.Cases.ViewingDecision.ViewingDecisionKind.Name, "Signed record of a decision to view, or not to view, youth-produced imagery"),
        new RazorDocumentTemplate<Razor.StrategyMeeting.StrategyMeetingAgenda, Core.Cases.StrategyMeeting.StrategyMeetingCase>("strategy-meeting-agenda", Core.Cases.StrategyMeeting.StrategyMeetingKind.Name, "Strategy discussion or meeting agenda: adults involved in online sexual abuse of children"),
        new RazorDocumentTemplate<Razor.AupAgreement.AcceptableUseAgreement, Core.Cases.AupAgreement.AupAgreementCase>("aup-agreement", Core.Cases.AupAgreement.AupAgreementKind.Name, "Acceptable use agreement: pupils (three key-stage versions), parents and carers, staff, visitors"),
        new RazorDocumentTemplate<Razor.OnlineSafetyPlan.OnlineSafetyPlan, Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanCase>("online-safety-plan", Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanKind.Name, "Online Safety Plan shared with parents, with the child's own one-page plan"),
        new RazorDocumentTemplate<Razor.IncidentReport.IncidentMonitoringForm, Core.Cases.IncidentReport.IncidentReportCase>("incident-monitoring-form", Core.Cases.IncidentReport.IncidentReportKind.Name, "E-safety incident monitoring form, filled in, with what the framework indicates"),
        new RazorDocumentTemplate<Razor.AupPack.PackLetter, Core.Cases.AupPack.AupPackLetter>("aup-pack-letter", Core.Cases.AupPack.AupPackLetter.TemplateKind, "Covering letter of a family's AUP pack (made by 'safeguard-docs pack')"),
    ];

    /// <summary>The folder of Handlebars files beside the built program (a copy of <c>templates/handlebars</c>).</summary>
    public static string InstalledHandlebarsFolder => Path.Combine(AppContext.BaseDirectory, "templates", "handlebars");

    /// <summary>The folder of Scriban files beside the built program (a copy of <c>templates/scriban</c>).</summary>
    public static string InstalledScribanFolder => Path.Combine(AppContext.BaseDirectory, "templates", "scriban");
}
