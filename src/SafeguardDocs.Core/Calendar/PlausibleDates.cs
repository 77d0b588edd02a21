using System.Globalization;

namespace SafeguardDocs.Core.Calendar;

/// <summary>
/// The dates a case may hold: from 1 January 1900 (the oldest date of birth of anyone a case names)
/// to 31 December 2100. Every date in a case file is checked against this range when it is read, so
/// that date arithmetic (a year's check, working days) never runs off the end of the calendar and a
/// mistyped year such as 0001 or 9999 is caught with its JSON path.
/// </summary>
public static class PlausibleDates
{
    public static DateOnly Earliest { get; } = new(1900, 1, 1);

    public static DateOnly Latest { get; } = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static string EarliestText => Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LatestText => Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><paramref name="date"/> plus <paramref name="months"/>, or the last day of the calendar when that would run past it.</summary>
    public static DateOnly AddMonthsSaturating(DateOnly date, int months) =>
        months > 0 && date > DateOnly.MaxValue.AddMonths(-Math.Min(months, 9998 * 12)) ? DateOnly.MaxValue
        : months < 0 && date < DateOnly.MinValue.AddMonths(Math.Min(-months, 9998 * 12)) ? DateOnly.MinValue
        : date.AddMonths(months);
}
