namespace SafeguardDocs.Core.Calendar;

/// <summary>
/// Counting working days the way procedures state timescales ("within 5 working days"): Monday to
/// Friday, excluding bank holidays in England and Wales (<see cref="BankHolidays"/>).
/// </summary>
/// <remarks>
/// Convention: the starting day is day 0, whatever day of the week it is and whatever time of day
/// the referral arrived; the result is the <c>n</c>th working day after it. With 5 working days, a
/// referral on Monday gives the following Monday; a referral on Saturday gives the following Friday
/// (Monday is day 1); a referral on the Thursday before Easter gives the Monday after Easter Monday.
/// </remarks>
public static class WorkingDays
{
    /// <summary>True for Monday to Friday when it is not a bank holiday in England and Wales.</summary>
    public static bool IsWorkingDay(DateOnly date) => !BankHolidays.IsWeekend(date) && !BankHolidays.IsBankHoliday(date);

    /// <summary>The <paramref name="workingDays"/>th working day after <paramref name="start"/> (day 0). Zero gives the start itself.</summary>
    public static DateOnly Add(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; 0 when the end is not after the start.</summary>
    public static int Between(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
