using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Templating;

/// <summary>
/// What a template may know besides the case: today's date (from the injected clock) and the local
/// settings (for example how many days after a letter the recipient should chase a delivery).
/// </summary>
public sealed record RenderContext(DateOnly Today, OrganisationSettings Options)
{
    public static RenderContext From(TimeProvider clock, OrganisationSettings? options = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), options ?? OrganisationSettings.Default);
    }
}
