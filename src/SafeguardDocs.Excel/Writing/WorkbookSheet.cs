using SafeguardDocs.Excel.Writing.Internal;

namespace SafeguardDocs.Excel.Writing;

/// <summary>
/// One sheet of a workbook: a data sheet (<see cref="SheetSpec{TRow}"/>) or a summary
/// (<see cref="SummarySheetSpec"/>). Only this library defines kinds of sheet.
/// </summary>
public abstract record WorkbookSheet
{
    private protected WorkbookSheet()
    {
    }

    /// <summary>The tab name: 1 to 31 characters, none of <c>[ ] : * ? / \</c>, unique in the workbook.</summary>
    public required string Name { get; init; }

    /// <summary>Column headers that formulas on other sheets may name as <c>{Sheet!Header}</c>.</summary>
    internal abstract IReadOnlyList<string> Headers { get; }

    internal abstract void Check(SheetDirectory directory);

    internal abstract void Write(SheetContext context);
}
