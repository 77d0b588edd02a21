using System.Globalization;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>A1-style references.</summary>
internal static class CellRef
{
    /// <summary>The last row of a sheet; open-ended column ranges run to it.</summary>
    public const int MaxRow = 1_048_576;

    public const int MaxColumns = 16_384;

    /// <summary>A, B, … Z, AA, … for a 0-based column index.</summary>
    public static string Letters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxColumns);
        Span<char> buffer = stackalloc char[3];
        var pos = buffer.Length;
        var n = index + 1;
        while (n > 0)
        {
            n--;
            buffer[--pos] = (char)('A' + (n % 26));
            n /= 26;
        }

        return new string(buffer[pos..]);
    }

    public static string At(int column, int row) => Letters(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A sheet name as formulas quote it: <c>'Name'</c>, inner quotes doubled.</summary>
    public static string Sheet(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary><c>'Sheet'!$C$2:$C$1048576</c>: every data row of a column, including rows a person adds later.</summary>
    public static string DataColumn(string sheet, int column)
    {
        var letters = Letters(column);
        return string.Create(CultureInfo.InvariantCulture, $"{Sheet(sheet)}!${letters}$2:${letters}${MaxRow}");
    }

    /// <summary><c>'Sheet'!$B$3</c>.</summary>
    public static string Absolute(string sheet, int column, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{Sheet(sheet)}!${Letters(column)}${row}");
}
