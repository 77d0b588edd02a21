using System.Globalization;

namespace SafeguardDocs.Core.Text;

/// <summary>Dates as people in England read them in a letter: "18 November 2026" (en-GB, no leading zero).</summary>
public static class EnglishDates
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Written(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Written(DateOnly? date) => date is { } d ? Written(d) : string.Empty;

    public static string Written(DateTime dateTime) => dateTime.ToString("d MMMM yyyy", EnGb);

    /// <summary>"18 November 2026 at 10:40".</summary>
    public static string WrittenWithTime(DateTime dateTime) => $"{Written(dateTime)} at {dateTime.ToString("HH:mm", EnGb)}";

    /// <summary>"Wednesday 18 November 2026".</summary>
    public static string WithWeekday(DateOnly date) => date.ToString("dddd d MMMM yyyy", EnGb);

    /// <summary>Invariant ISO form for machine formats.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
