namespace SafeguardDocs.Core.Cases.IncidentReport;

public static class IncidentReportKind
{
    public const string Name = "incident-report";

    private const string NoNames = "The incident monitoring form holds no names or dates of birth of children: record their ages under \"agesOfChildren\" and remove this property.";

    /// <summary>The form holds no names: its file is named by the reference alone.</summary>
    public static CaseKind<IncidentReportCase, IncidentReportView> Kind { get; } = new(
        Name,
        new IncidentReportRules(),
        "E-safety incident monitoring form, with what the framework indicates (seed 003 Appendix 1, Tables 1–3)",
        _ => null,
        c => c.DateCompleted ?? c.DateOfIncident,
        IncidentReportView.Create)
    {
        RefusedProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["childName"] = NoNames,
            ["childNames"] = NoNames,
            ["childrenNames"] = NoNames,
            ["namesOfChildren"] = NoNames,
            ["pupilName"] = NoNames,
            ["pupilNames"] = NoNames,
            ["dateOfBirth"] = NoNames,
            ["datesOfBirth"] = NoNames,
        },
    };
}
