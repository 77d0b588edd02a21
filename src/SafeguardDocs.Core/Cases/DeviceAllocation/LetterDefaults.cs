namespace SafeguardDocs.Core.Cases.DeviceAllocation;

/// <summary>
/// What a device-allocation letter says when the case does not say it: the contact and websites that the
/// Pan-Dorset Online Safety Guidance (seed 000 §7 "Prior to issuing digital equipment", §8 "Further
/// Information") gives. This is the one place these defaults are kept; an organisation's own settings
/// are to replace them.
/// </summary>
public static class LetterDefaults
{
    /// <summary>The Safe Schools and Communities Team, as seed 000 §7 gives it.</summary>
    public static TeamContact SafeSchoolsTeam { get; } = new() { Phone = "01202 222844", Email = "ssct@dorset.pnn.police.uk" };

    /// <summary>The websites seed 000 §8 lists for online safety.</summary>
    public static IReadOnlyList<Website> UsefulWebsites { get; } =
    [
        new() { Name = "UK Safer Internet Centre", Address = "www.saferinternet.org.uk" },
        new() { Name = "CEOP (Child Exploitation and Online Protection), to report a concern", Address = "www.ceop.police.uk" },
        new() { Name = "ThinkUknow", Address = "www.thinkuknow.co.uk" },
    ];

    /// <summary>A default by its name, for the Handlebars <c>letterDefault</c> helper: <c>safeSchoolsTeamPhone</c> or <c>safeSchoolsTeamEmail</c>.</summary>
    public static string? Named(string? name) => name switch
    {
        "safeSchoolsTeamPhone" => SafeSchoolsTeam.Phone,
        "safeSchoolsTeamEmail" => SafeSchoolsTeam.Email,
        _ => null,
    };
}
