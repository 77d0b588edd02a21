using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases.DeviceAllocation;

/// <summary>
/// What a device-allocation letter says when the case does not say it. The values themselves are the
/// organisation's settings (<see cref="OrganisationSettings.SafeSchoolsTeam"/> and
/// <see cref="OrganisationSettings.UsefulWebsites"/>, whose defaults are those seed 000 §7 and §8 give), so a
/// settings file can change them; <see cref="DeviceAllocationView"/> resolves them for each letter.
/// </summary>
public static class LetterDefaults
{
    /// <summary>
    /// The value <c>usefulWebsites</c> has when a case leaves it out (the default settings' websites): the
    /// letter then lists the websites in the organisation's settings. Told apart from a list the case gives
    /// by reference.
    /// </summary>
    public static IReadOnlyList<Website> UsefulWebsites { get; } =
        [.. OrganisationSettings.Default.UsefulWebsites.Select(w => new Website { Name = w.Name, Address = w.Address })];

    /// <summary>The default settings' Safe Schools and Communities Team contact.</summary>
    public static TeamContact SafeSchoolsTeam { get; } =
        new() { Phone = OrganisationSettings.Default.SafeSchoolsTeam.Phone, Email = OrganisationSettings.Default.SafeSchoolsTeam.Email };
}
