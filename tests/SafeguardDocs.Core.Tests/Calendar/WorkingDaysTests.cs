using SafeguardDocs.Core.Calendar;

namespace SafeguardDocs.Core.Tests.Calendar;

/// <summary>Bank holidays checked against the dates published on GOV.UK (england-and-wales), and the working-day count.</summary>
public sealed class WorkingDaysTests
{
    public static TheoryData<int, string[]> PublishedYears() => new()
    {
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
        { 2028, ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"] },
    };

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Bank_holidays_match_the_published_list(int year, string[] expected) =>
        BankHolidays.InYear(year).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(expected);

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_follows_the_gregorian_calendar(int year, int month, int day) =>
        BankHolidays.EasterSunday(year).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void Years_before_the_rules_are_not_guessed() =>
        Should.Throw<ArgumentOutOfRangeException>(() => BankHolidays.InYear(1977));

    [Fact]
    public void The_start_day_is_day_zero() =>
        WorkingDays.Add(new DateOnly(2026, 11, 16), 5).ShouldBe(new DateOnly(2026, 11, 23)); // Monday to Monday

    [Fact]
    public void Zero_working_days_is_the_start_itself() =>
        WorkingDays.Add(new DateOnly(2026, 11, 21), 0).ShouldBe(new DateOnly(2026, 11, 21));

    [Fact]
    public void A_weekend_start_counts_from_the_monday() =>
        WorkingDays.Add(new DateOnly(2026, 11, 21), 5).ShouldBe(new DateOnly(2026, 11, 27)); // Saturday to Friday

    [Fact]
    public void The_easter_weekend_is_skipped() =>
        // Thursday 2 April 2026; Good Friday 3 and Easter Monday 6 April are holidays: 7, 8, 9, 10, 13.
        WorkingDays.Add(new DateOnly(2026, 4, 2), 5).ShouldBe(new DateOnly(2026, 4, 13));

    [Fact]
    public void Christmas_and_new_year_substitutes_are_skipped() =>
        // Thursday 24 December 2026; 25 and 28 December and 1 January are holidays: 29, 30, 31, 4, 5.
        WorkingDays.Add(new DateOnly(2026, 12, 24), 5).ShouldBe(new DateOnly(2027, 1, 5));

    [Fact]
    public void A_one_off_holiday_is_skipped() =>
        // Friday 5 May 2023; Monday 8 May was the Coronation holiday.
        WorkingDays.Add(new DateOnly(2023, 5, 5), 1).ShouldBe(new DateOnly(2023, 5, 9));

    [Fact]
    public void Between_counts_the_working_days_after_the_start()
    {
        WorkingDays.Between(new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 13)).ShouldBe(5);
        WorkingDays.Between(new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 2)).ShouldBe(0);
    }

    [Fact]
    public void Negative_counts_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingDays.Add(new DateOnly(2026, 1, 1), -1));

    [Fact]
    public void An_organisations_closure_days_are_skipped_as_well() =>
        // Thursday 24 December 2026 with the office closed on 29, 30 and 31 December: 4, 5, 6, 7, 8 January.
        WorkingDays.Add(new DateOnly(2026, 12, 24), 5, [new DateOnly(2026, 12, 29), new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 31)])
            .ShouldBe(new DateOnly(2027, 1, 8));

    [Fact]
    public void A_closure_day_at_a_weekend_changes_nothing() =>
        WorkingDays.Add(new DateOnly(2026, 11, 16), 5, [new DateOnly(2026, 11, 21)]).ShouldBe(new DateOnly(2026, 11, 23));
}
