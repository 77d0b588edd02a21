using System.Collections.Concurrent;
using PublicHoliday;

namespace SafeguardDocs.Core.Calendar;

/// <summary>
/// Bank holidays in England and Wales, from the <c>PublicHoliday</c> library's <see cref="UKBankHoliday"/>
/// (England; Wales has the same days), which includes the one-off moves and extra days the government
/// has announced (jubilees, royal occasions, the state funeral). Scotland and Northern Ireland have
/// different holidays and are not covered. An organisation's own closure days are added on top by
/// <see cref="WorkingDays"/> from the organisation settings.
/// </summary>
public static class BankHolidays
{
    /// <summary>The first year supported (the early May bank holiday began in 1978).</summary>
    public const int FirstSupportedYear = 1978;

    /// <summary>The last year supported.</summary>
    public const int LastSupportedYear = 9998;

    private static readonly UKBankHoliday EnglandAndWales = new(UKBankHoliday.UkCountries.England);

    /// <summary>Each year's list is worked out once: working-day counts ask for the same few years again and again.</summary>
    private static readonly ConcurrentDictionary<int, DateOnly[]> Years = new();

    /// <summary>True when the calendar can say which days of this year are bank holidays.</summary>
    public static bool Covers(int year) => year is >= FirstSupportedYear and < LastSupportedYear;

    /// <summary>The bank holidays of one year in England and Wales, in date order.</summary>
    public static IReadOnlyList<DateOnly> InYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);
        return Years.GetOrAdd(year, y => [.. EnglandAndWales.PublicHolidays(y).Select(DateOnly.FromDateTime).Distinct().Order()]);
    }

    /// <summary>True when the date is a bank holiday in England and Wales.</summary>
    public static bool IsBankHoliday(DateOnly date) => Covers(date.Year) && InYear(date.Year).Contains(date);

    /// <summary>Easter Sunday in the Gregorian calendar (two days after the library's Good Friday).</summary>
    public static DateOnly EasterSunday(int year) => DateOnly.FromDateTime(UKBankHoliday.GoodFriday(year)).AddDays(2);

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
