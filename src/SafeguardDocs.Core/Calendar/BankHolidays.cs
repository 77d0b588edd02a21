namespace SafeguardDocs.Core.Calendar;

/// <summary>
/// Bank holidays in England and Wales, computed by rule, with the one-off changes the government
/// has made listed in a table. Scotland and Northern Ireland have different holidays and are not
/// covered.
/// </summary>
/// <remarks>
/// <para>The rules (the Banking and Financial Dealings Act 1971 and royal proclamation, as published on GOV.UK):</para>
/// <list type="bullet">
/// <item>New Year's Day, 1 January; when it falls at a weekend, the following Monday.</item>
/// <item>Good Friday and Easter Monday, from the Gregorian date of Easter.</item>
/// <item>Early May bank holiday, the first Monday in May.</item>
/// <item>Spring bank holiday, the last Monday in May.</item>
/// <item>Summer bank holiday, the last Monday in August.</item>
/// <item>Christmas Day and Boxing Day; when either falls at a weekend, the substitute days are the next weekdays that are not already holidays.</item>
/// </list>
/// <para>
/// One-off moves and extra days are in <see cref="Moved"/> and <see cref="Extra"/>. Years from
/// <see cref="FirstSupportedYear"/> (when the early May holiday began) are supported. A holiday
/// announced in future must be added to the table: until then it is counted as a working day.
/// </para>
/// </remarks>
public static class BankHolidays
{
    /// <summary>The first year the rules above describe (the early May bank holiday began in 1978).</summary>
    public const int FirstSupportedYear = 1978;

    /// <summary>The last year supported; the Gregorian Easter calculation holds far beyond it.</summary>
    public const int LastSupportedYear = 9998;

    /// <summary>Regular holidays moved to another day in a given year (the moved day replaces the rule's day).</summary>
    private static readonly Dictionary<DateOnly, DateOnly> Moved = new()
    {
        // Early May holiday moved to the 50th anniversary of VE Day.
        [new DateOnly(1995, 5, 1)] = new DateOnly(1995, 5, 8),
        // Spring holiday moved for the Golden Jubilee.
        [new DateOnly(2002, 5, 27)] = new DateOnly(2002, 6, 4),
        // Spring holiday moved for the Diamond Jubilee.
        [new DateOnly(2012, 5, 28)] = new DateOnly(2012, 6, 4),
        // Early May holiday moved to Friday 8 May for the 75th anniversary of VE Day.
        [new DateOnly(2020, 5, 4)] = new DateOnly(2020, 5, 8),
        // Spring holiday moved to Thursday 2 June for the Platinum Jubilee.
        [new DateOnly(2022, 5, 30)] = new DateOnly(2022, 6, 2),
    };

    /// <summary>One-off extra holidays.</summary>
    private static readonly HashSet<DateOnly> Extra =
    [
        new DateOnly(1981, 7, 29), // Wedding of the Prince of Wales and Lady Diana Spencer.
        new DateOnly(1999, 12, 31), // Millennium.
        new DateOnly(2002, 6, 3), // Golden Jubilee.
        new DateOnly(2011, 4, 29), // Royal wedding.
        new DateOnly(2012, 6, 5), // Diamond Jubilee.
        new DateOnly(2022, 6, 3), // Platinum Jubilee.
        new DateOnly(2022, 9, 19), // State funeral of Queen Elizabeth II.
        new DateOnly(2023, 5, 8), // Coronation of King Charles III.
    ];

    /// <summary>True when the calendar can say which days of this year are bank holidays.</summary>
    public static bool Covers(int year) => year is >= FirstSupportedYear and < LastSupportedYear;

    /// <summary>The bank holidays of one year in England and Wales, in date order.</summary>
    public static IReadOnlyList<DateOnly> InYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastSupportedYear);

        var easter = EasterSunday(year);
        var regular = new List<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };

        var days = regular.Select(d => Moved.GetValueOrDefault(d, d)).ToList();

        // Christmas and Boxing Day: each weekend day is replaced by the next free weekday.
        foreach (var day in new[] { new DateOnly(year, 12, 25), new DateOnly(year, 12, 26) })
        {
            var holiday = day;
            while (IsWeekend(holiday) || days.Contains(holiday))
            {
                holiday = holiday.AddDays(1);
            }

            days.Add(holiday);
        }

        days.AddRange(Extra.Where(d => d.Year == year));
        days.Sort();
        return days;
    }

    /// <summary>True when the date is a bank holiday in England and Wales.</summary>
    public static bool IsBankHoliday(DateOnly date) => InYear(date.Year).Contains(date);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly NextWeekday(DateOnly date)
    {
        while (IsWeekend(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
