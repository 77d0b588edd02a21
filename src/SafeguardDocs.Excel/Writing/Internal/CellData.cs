namespace SafeguardDocs.Excel.Writing.Internal;

internal enum CellContent : byte
{
    Empty,
    Text,
    Number,
    Formula,
}

/// <summary>One cell's content before it is written: text, a number (dates are numbers), or a formula's cached result.</summary>
internal readonly record struct CellData(CellContent Content, string? Text, double Number, FormulaResult Cached)
{
    public static CellData Empty => default;

    public static CellData FromText(string? text) =>
        string.IsNullOrEmpty(text) ? Empty : new(CellContent.Text, text, 0, default);

    public static CellData FromNumber(double number) => new(CellContent.Number, null, number, default);

    /// <summary>A date as its serial number; a date Excel cannot hold becomes ISO text rather than being lost.</summary>
    public static CellData FromDate(DateOnly? date) => date switch
    {
        null => Empty,
        { } d when ExcelDate.Serial(d) is { } serial => FromNumber(serial),
        { } d => FromText(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static CellData FromFormula(FormulaResult cached) => new(CellContent.Formula, null, 0, cached);

    /// <summary>Roughly how many characters wide the cell shows, for sizing columns.</summary>
    public int DisplayLength(DisplayFormat format) => Content switch
    {
        CellContent.Text => LongestLine(Text!),
        CellContent.Number => NumberLength(Number, format),
        CellContent.Formula => Cached.Kind switch
        {
            FormulaResultKind.Text => LongestLine(Cached.TextValue!),
            FormulaResultKind.Number => NumberLength(Cached.NumberValue, format),
            _ => 6,
        },
        _ => 0,
    };

    private static int NumberLength(double number, DisplayFormat format) => format switch
    {
        DisplayFormat.Date => 11, // "20 Nov 2026"
        DisplayFormat.Percent => 5,
        _ => number.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture).Length,
    };

    private static int LongestLine(string text)
    {
        var longest = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            longest = Math.Max(longest, line.Length);
        }

        return longest;
    }
}
