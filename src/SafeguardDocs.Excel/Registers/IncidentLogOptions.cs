using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Excel.Registers;

/// <summary>Settings for <see cref="IncidentLog"/>. Immutable; start from <see cref="Default"/>.</summary>
public sealed record IncidentLogOptions
{
    public static IncidentLogOptions Default { get; } = new();

    /// <summary>Only incidents on or after this date (<c>--from</c>); every incident when null.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only incidents on or before this date (<c>--to</c>); every incident when null.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Today's date for validation and the document properties. Inject a fixed one for repeatable output.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public OrganisationSettings Settings { get; init; } = OrganisationSettings.Default;
}
