namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>Dates as Excel stores them: days since 30 December 1899 (the 1900 date system).</summary>
internal static class ExcelDate
{
    /// <summary>Before this Excel's serial numbers are off by one (it believes 1900 was a leap year).</summary>
    public static readonly DateOnly Earliest = new(1900, 3, 1);

    private static readonly int Epoch = new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>The serial number, or null for a date Excel cannot hold correctly.</summary>
    public static int? Serial(DateOnly date) => date < Earliest ? null : date.DayNumber - Epoch;
}
