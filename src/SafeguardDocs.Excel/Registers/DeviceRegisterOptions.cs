using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Excel.Registers;

/// <summary>Settings for <see cref="DeviceRegister"/>. Immutable; start from <see cref="Default"/>.</summary>
public sealed record DeviceRegisterOptions
{
    public static DeviceRegisterOptions Default { get; } = new();

    /// <summary>The day "overdue" is judged on (<c>--as-of</c>); today, by <see cref="Clock"/>, when null.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Today's date for validation and the document properties. Inject a fixed one for repeatable output.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public OrganisationSettings Settings { get; init; } = OrganisationSettings.Default;
}
