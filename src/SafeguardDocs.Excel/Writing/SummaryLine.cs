using SafeguardDocs.Excel.Writing.Internal;

namespace SafeguardDocs.Excel.Writing;

/// <summary>How a summary line looks.</summary>
public enum SummaryLineStyle
{
    Normal,

    /// <summary>Large and bold; not counted when sizing columns (it may spill across).</summary>
    Title,

    /// <summary>Bold.</summary>
    Heading,

    /// <summary>Bold on a fill, like a data sheet's header row; headers after the first are right-aligned over their counts.</summary>
    TableHeader,
}

/// <summary>One row of a summary sheet: cells from column A rightwards.</summary>
public sealed record SummaryLine
{
    public required IReadOnlyList<SummaryCell> Cells { get; init; }

    public SummaryLineStyle Style { get; init; }

    /// <summary>An empty line.</summary>
    public static SummaryLine Blank { get; } = new() { Cells = [] };

    public static SummaryLine Title(string text) => new() { Cells = [SummaryCell.Text(text)], Style = SummaryLineStyle.Title };

    public static SummaryLine Heading(string text) => new() { Cells = [SummaryCell.Text(text)], Style = SummaryLineStyle.Heading };

    public static SummaryLine TableHeader(params IReadOnlyList<string> headers) =>
        new() { Cells = [.. headers.Select(SummaryCell.Text)], Style = SummaryLineStyle.TableHeader };

    public static SummaryLine Of(params IReadOnlyList<SummaryCell> cells) => new() { Cells = cells };

    /// <summary>A label in column A and its value in column B.</summary>
    public static SummaryLine Labelled(string label, SummaryCell value) => new() { Cells = [SummaryCell.Text(label), value] };
}

/// <summary>One cell of a summary sheet.</summary>
public sealed record SummaryCell
{
    private SummaryCell(CellData data, DisplayFormat format, string? formula)
    {
        Data = data;
        Format = format;
        Formula = formula;
    }

    public static SummaryCell Empty { get; } = new(CellData.Empty, DisplayFormat.General, null);

    /// <summary>
    /// Makes this cell a workbook name (for example <c>AsOf</c>) that formulas anywhere may use. Letters,
    /// digits, <c>_</c> and <c>.</c>, starting with a letter, and not like a cell reference.
    /// </summary>
    public string? Name { get; init; }

    public DisplayFormat Format { get; }

    /// <summary>For a formula cell: the formula, with <c>{row}</c> and <c>{Sheet!Header}</c> tokens.</summary>
    public string? Formula { get; }

    internal CellData Data { get; }

    public static SummaryCell Text(string? text) => new(CellData.FromText(text), DisplayFormat.Text, null);

    public static SummaryCell Number(long value) => new(CellData.FromNumber(value), DisplayFormat.WholeNumber, null);

    public static SummaryCell Date(DateOnly? value) => new(CellData.FromDate(value), DisplayFormat.Date, null);

    /// <summary>A formula; see <see cref="Column.Formula{TRow}"/> for tokens and the cached value.</summary>
    public static SummaryCell FormulaOf(string formula, FormulaResult cached = default, DisplayFormat format = DisplayFormat.General)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(formula);
        return new(CellData.FromFormula(cached), format, formula);
    }
}
