namespace SafeguardDocs.TestSupport;

/// <summary>A clock that always says the same time, so tests do not depend on the day they run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>22 November 2026, 09:00 UTC: after every sample's dates.</summary>
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
