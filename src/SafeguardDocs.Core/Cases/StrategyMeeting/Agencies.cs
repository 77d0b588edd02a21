namespace SafeguardDocs.Core.Cases.StrategyMeeting;

/// <summary>The agencies the strategy-meeting rules look for among the invitees.</summary>
public enum Agency
{
    Police,
    SocialCare,
    Health,
    Education,
    Lado,
}

/// <summary>
/// Recognises an agency from the free text people write in <c>agency</c>. This is the single place
/// the recognised names are kept. Matching ignores case, apostrophes and punctuation, and matches
/// whole words, so "Children's Social Care", "Childrens social care" and "children-social-care" are
/// the same. The first match in this order wins (so "School Nurse" is health, not education):
/// <list type="table">
/// <item><term>LADO</term><description>"LADO", "Local Authority Designated Officer", "Designated Officer"</description></item>
/// <item><term>Police</term><description>"Police", "Constabulary", "CAIT", "Child Abuse Investigation", "Public Protection Unit", "PPU", "Safeguarding Referral Unit"</description></item>
/// <item><term>Social care</term><description>"Social Care", "Social Services", "Social Work(er)", "Children's Services", "CSC", "CSSC", "First Response (Team)"</description></item>
/// <item><term>Health</term><description>"Health" (so also "Health Visitor"), "NHS", "CAMHS", "Nurse", "School Nurse", "GP", "Doctor", "Paediatrician", "Paediatrics", "Hospital", "Midwife", "Midwifery"</description></item>
/// <item><term>Education</term><description>"Education", "School", "Academy", "College", "Nursery", "Early Years"</description></item>
/// <item><term>Social care (last)</term><description>"MASH", "Multi-Agency Safeguarding Hub", "MARU": the hub's social care team, unless the text names another agency ("MASH Police" is police)</description></item>
/// </list>
/// </summary>
public static class Agencies
{
    private static readonly (Agency Agency, string[] Phrases)[] Names =
    [
        (Agency.Lado, ["LADO", "LOCAL AUTHORITY DESIGNATED OFFICER", "DESIGNATED OFFICER"]),
        (Agency.Police, ["POLICE", "CONSTABULARY", "CAIT", "CHILD ABUSE INVESTIGATION", "PUBLIC PROTECTION UNIT", "PPU", "SAFEGUARDING REFERRAL UNIT"]),
        (Agency.SocialCare, ["SOCIAL CARE", "SOCIAL SERVICES", "SOCIAL WORK", "SOCIAL WORKER", "CHILDRENS SERVICES", "CSC", "CSSC", "FIRST RESPONSE"]),
        (Agency.Health, ["HEALTH", "NHS", "CAMHS", "NURSE", "GP", "DOCTOR", "PAEDIATRICIAN", "PAEDIATRICS", "HOSPITAL", "MIDWIFE", "MIDWIFERY"]),
        (Agency.Education, ["EDUCATION", "SCHOOL", "ACADEMY", "COLLEGE", "NURSERY", "EARLY YEARS"]),
        (Agency.SocialCare, ["MASH", "MULTI AGENCY SAFEGUARDING HUB", "MARU", "MULTI AGENCY REFERRAL UNIT"]),
    ];

    /// <summary>Agencies that every strategy discussion or meeting must include (seed 001).</summary>
    public static IReadOnlyList<Agency> Required { get; } = [Agency.Police, Agency.SocialCare, Agency.Health];

    /// <summary>The agency the text names, or null when it is not one of the recognised agencies.</summary>
    public static Agency? Recognise(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return null;
        }

        var text = $" {Normalise(agency)} ";
        foreach (var (candidate, phrases) in Names)
        {
            if (phrases.Any(p => text.Contains($" {p} ", StringComparison.Ordinal)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Upper case, apostrophes removed, everything else that is not a letter or digit a single space.</summary>
    private static string Normalise(string text)
    {
        var chars = text.ToUpperInvariant()
            .Where(c => c is not ('\'' or '\u2019' or '\u2018'))
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', new string([.. chars]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
