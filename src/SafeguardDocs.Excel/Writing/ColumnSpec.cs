using SafeguardDocs.Excel.Writing.Internal;

namespace SafeguardDocs.Excel.Writing;

/// <summary>What a column holds; it decides how cells are stored and shown.</summary>
public enum ColumnKind
{
    /// <summary>Text, stored as an inline string (never read as a number or formula).</summary>
    Text,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A real Excel date (a serial number) shown as <c>d mmm yyyy</c>.</summary>
    Date,

    /// <summary>A yes/no answer stored as the text <c>Yes</c> or <c>No</c>, with a drop-down to choose it.</summary>
    YesNo,

    /// <summary>A formula per row, with an optional cached result.</summary>
    Formula,
}

/// <summary>How a number is displayed (for formula results and summary cells).</summary>
public enum DisplayFormat
{
    General,
    Text,
    WholeNumber,
    Date,
    Percent,
}

/// <summary>
/// One column of a data sheet: its header, what it holds, and how to read its value from a row.
/// Made by the factories on <see cref="Column"/>; adjust with <c>with { Width = 14 }</c>.
/// </summary>
/// <typeparam name="TRow">The row object the value is read from.</typeparam>
public sealed record ColumnSpec<TRow>
{
    internal ColumnSpec(string header, ColumnKind kind, DisplayFormat format, Func<TRow, CellData> read, string? formula)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        Header = header;
        Kind = kind;
        Format = format;
        Read = read;
        Formula = formula;
    }

    /// <summary>The header text; also how formulas name the column (<c>{Header}</c>).</summary>
    public string Header { get; init; }

    public ColumnKind Kind { get; }

    /// <summary>How values are displayed.</summary>
    public DisplayFormat Format { get; }

    /// <summary>For a <see cref="ColumnKind.Formula"/> column: the formula, with <c>{row}</c> and <c>{Header}</c> tokens.</summary>
    public string? Formula { get; }

    /// <summary>A fixed width in characters; when null it is computed from the header and the first rows.</summary>
    public double? Width { get; init; }

    /// <summary>What a person may type into the column's data rows. Dates and yes/no columns have one by default.</summary>
    public CellValidation? Validation { get; init; }

    internal Func<TRow, CellData> Read { get; }
}

/// <summary>The typed column factories. Each column knows its kind and how to get its value from a row.</summary>
public static class Column
{
    /// <summary>Text. Null or empty gives an empty cell.</summary>
    public static ColumnSpec<TRow> Text<TRow>(string header, Func<TRow, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ColumnKind.Text, DisplayFormat.Text, r => CellData.FromText(value(r)), null);
    }

    /// <summary>A whole number. Null gives an empty cell.</summary>
    public static ColumnSpec<TRow> WholeNumber<TRow>(string header, Func<TRow, long?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ColumnKind.WholeNumber, DisplayFormat.WholeNumber, r => value(r) is { } n ? CellData.FromNumber(n) : CellData.Empty, null);
    }

    /// <summary>
    /// A date, stored as an Excel serial number with a date format so that it sorts, filters and
    /// calculates as a date. Validated as a date by default. A date before 1 March 1900 (which Excel
    /// cannot hold correctly) is stored as ISO text instead.
    /// </summary>
    public static ColumnSpec<TRow> Date<TRow>(string header, Func<TRow, DateOnly?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ColumnKind.Date, DisplayFormat.Date, r => CellData.FromDate(value(r)), null)
        {
            Validation = CellValidation.AnyDate,
        };
    }

    /// <summary>Yes/No as the text <c>Yes</c> or <c>No</c> (null gives an empty cell), with a Yes/No drop-down.</summary>
    public static ColumnSpec<TRow> YesNo<TRow>(string header, Func<TRow, bool?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(header, ColumnKind.YesNo, DisplayFormat.Text, r => CellData.FromText(Writing.YesNo.Of(value(r))), null)
        {
            Validation = CellValidation.YesOrNo,
        };
    }

    /// <summary>
    /// A formula in every data row. In <paramref name="formula"/>, <c>{row}</c> is the row number,
    /// <c>{Header}</c> is this row's cell in the column with that header, and <c>{Sheet!Header}</c> is
    /// that column's data range on another sheet. Workbook names (for example one given to a summary
    /// cell) may be used as they are. <paramref name="cached"/> gives the value to show before the
    /// spreadsheet recalculates (it always recalculates on open).
    /// </summary>
    public static ColumnSpec<TRow> Formula<TRow>(string header, string formula, Func<TRow, FormulaResult>? cached = null, DisplayFormat format = DisplayFormat.General)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(formula);
        return new(header, ColumnKind.Formula, format, r => CellData.FromFormula(cached?.Invoke(r) ?? FormulaResult.None), formula);
    }
}

/// <summary>The words a yes/no column holds, for use in formulas (<c>COUNTIFS(range,"Yes")</c>).</summary>
public static class YesNo
{
    public const string Yes = "Yes";
    public const string No = "No";

    public static string? Of(bool? value) => value switch
    {
        true => Yes,
        false => No,
        null => null,
    };
}
