namespace SafeguardDocs.Core.Rules;

/// <summary>
/// Everything a rule may depend on besides the case: today's date (from an injected clock, never
/// the system clock directly) and the local settings.
/// </summary>
public sealed record ValidationContext(DateOnly Today, ValidationOptions Options)
{
    public static ValidationContext From(TimeProvider clock, ValidationOptions? options = null) =>
        new(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), options ?? ValidationOptions.Default);
}

/// <summary>Local settings that procedures differ on. Immutable; start from <see cref="Default"/>.</summary>
public sealed record ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>Working days within which a LADO-chaired meeting must be convened (seed 001: five).</summary>
    public int LadoMeetingWorkingDays { get; init; } = 5;

    /// <summary>How long after the letter the annual check of loaned equipment may fall (seed 000 §7: annual).</summary>
    public int AnnualCheckMonths { get; init; } = 12;

    /// <summary>Days after the letter by which the recipient should call if nothing has arrived (seed 000 Appendix D: 21).</summary>
    public int DeliveryChaseDays { get; init; } = 21;
}
