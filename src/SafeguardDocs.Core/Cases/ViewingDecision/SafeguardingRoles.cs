namespace SafeguardDocs.Core.Cases.ViewingDecision;

/// <summary>
/// Recognises the Designated Safeguarding Lead "or equivalent" from a role title, for records that do
/// not set <see cref="Viewer.SafeguardingLead"/>. Matching ignores case. The recognised titles are the
/// ones the seeds use: "Designated Safeguarding Lead" (and deputy), "Safeguarding Lead", "DSL" (and
/// "DDSL"), "Child Protection Officer" (seed 000 §4), and the older or local titles for the same post:
/// "Designated Person (for Child Protection)", "Designated Senior Person", "Designated Teacher for Child
/// Protection", "Child Protection Lead", "Child Protection Co-ordinator".
/// </summary>
public static class SafeguardingRoles
{
    private static readonly string[] Phrases =
    [
        "SAFEGUARDING LEAD", "CHILD PROTECTION OFFICER", "DESIGNATED SAFEGUARDING", "DESIGNATED PERSON",
        "DESIGNATED SENIOR PERSON", "DESIGNATED TEACHER FOR CHILD PROTECTION", "CHILD PROTECTION LEAD",
        "CHILD PROTECTION CO ORDINATOR", "CHILD PROTECTION COORDINATOR",
    ];

    private static readonly string[] Abbreviations = ["DSL", "DDSL"];

    public static bool IsSafeguardingLead(Viewer? viewer) =>
        viewer?.SafeguardingLead ?? IsSafeguardingLeadRole(viewer?.Role);

    public static bool IsSafeguardingLeadRole(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return false;
        }

        var words = new string([.. role.ToUpperInvariant().Select(c => char.IsLetter(c) ? c : ' ')]);
        var padded = $" {string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries))} ";
        return Phrases.Any(p => padded.Contains($" {p}", StringComparison.Ordinal))
            || Abbreviations.Any(a => padded.Contains($" {a} ", StringComparison.Ordinal));
    }
}
