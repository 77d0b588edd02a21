using System.Globalization;

namespace SafeguardDocs.Core.Diagnostics;

/// <summary>
/// Where in a table the user gave (a CSV export opened in a spreadsheet) a finding is: the line as a
/// spreadsheet shows it, the column, and the column's heading. Never the value in the cell.
/// </summary>
/// <param name="Line">1-based line of the file (the header is line 1).</param>
/// <param name="Column">1-based column number, or null when the finding is about the whole line.</param>
/// <param name="Heading">The column's heading in the file's header, or null for the whole line.</param>
public sealed record CellLocation(int Line, int? Column, string? Heading)
{
    /// <summary>The column as a spreadsheet names it: A, B, … Z, AA; null for the whole line.</summary>
    public string? ColumnLetter => Column is { } n ? Letters(n) : null;

    /// <summary>How a printed finding names the place: <c>line 5, column B (Legal Surname)</c>, or <c>line 5</c>.</summary>
    public string Locator
    {
        get
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"line {Line}");
            return ColumnLetter is not { } letter ? line
                : Heading is null ? $"{line}, column {letter}"
                : $"{line}, column {letter} ({Heading})";
        }
    }

    private static string Letters(int n)
    {
        var letters = string.Empty;
        while (n > 0)
        {
            var rem = (n - 1) % 26;
            letters = (char)('A' + rem) + letters;
            n = (n - 1) / 26;
        }

        return letters;
    }
}
