namespace SafeguardDocs.Core.Calendar;

/// <summary>
/// Counting working days the way procedures state timescales ("within 5 working days"): Monday to
/// Friday, excluding bank holidays in England and Wales (<see cref="BankHolidays"/>) and any closure
/// days the organisation adds (<c>OrganisationSettings.ExtraClosureDays</c>).
/// </summary>
/// <remarks>
/// Convention: the starting day is day 0, whatever day of the week it is and whatever time of day
/// the referral arrived; the result is the <c>n</c>th working day after it. With 5 working days, a
/// referral on Monday gives the following Monday; a referral on Saturday gives the following Friday
/// (Monday is day 1); a referral on the Thursday before Easter gives the Monday after Easter Monday.
/// </remarks>
public static class WorkingDays
{
    /// <summary>True for Monday to Friday when it is not a bank holiday in England and Wales nor one of <paramref name="closures"/>.</summary>
    public static bool IsWorkingDay(DateOnly date, IReadOnlyCollection<DateOnly>? closures = null) =>
        !BankHolidays.IsWeekend(date) && !BankHolidays.IsBankHoliday(date) && (closures is null || !closures.Contains(date));

    /// <summary>The <paramref name="workingDays"/>th working day after <paramref name="start"/> (day 0). Zero gives the start itself.</summary>
    public static DateOnly Add(DateOnly start, int workingDays, IReadOnlyCollection<DateOnly>? closures = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, closures))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="start"/> up to and including <paramref name="end"/>; 0 when the end is not after the start.</summary>
    public static int Between(DateOnly start, DateOnly end, IReadOnlyCollection<DateOnly>? closures = null)
    {
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
        {
            if (IsWorkingDay(date, closures))
            {
                count++;
            }
        }

        return count;
    }
}
