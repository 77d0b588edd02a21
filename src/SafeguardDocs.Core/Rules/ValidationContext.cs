using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Rules;

/// <summary>
/// Everything a rule may depend on besides the case: today's date (from an injected clock, never
/// the system clock directly) and the organisation's settings (<see cref="OrganisationSettings"/>).
/// </summary>
public sealed record ValidationContext(DateOnly Today, OrganisationSettings Options)
{
    public static ValidationContext From(TimeProvider clock, OrganisationSettings? settings = null) =>
        new(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), settings ?? OrganisationSettings.Default);
}
