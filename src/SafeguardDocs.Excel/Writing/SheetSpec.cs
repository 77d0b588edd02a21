using SafeguardDocs.Excel.Writing.Internal;

namespace SafeguardDocs.Excel.Writing;

/// <summary>
/// A data sheet: a bold, filled, frozen header row, then one row per item of <see cref="Rows"/>,
/// an autofilter over the data, and each column's validation over the data rows. Rows are streamed:
/// only the first <see cref="WorkbookOptions.WidthSampleRows"/> are held (to size the columns).
/// </summary>
/// <example>
/// <code>
/// var sheet = new SheetSpec&lt;Pupil&gt;
/// {
///     Name = "Returns",
///     Rows = pupils,
///     Columns =
///     [
///         Column.Text&lt;Pupil&gt;("Year group", p =&gt; p.YearGroup),
///         Column.YesNo&lt;Pupil&gt;("Returned", p =&gt; null),
///         Column.Date&lt;Pupil&gt;("Returned on", p =&gt; null),
///     ],
/// };
/// </code>
/// </example>
/// <typeparam name="TRow">The row object each column reads its value from.</typeparam>
public sealed record SheetSpec<TRow> : WorkbookSheet
{
    public required IReadOnlyList<ColumnSpec<TRow>> Columns { get; init; }

    /// <summary>The rows, enumerated once while the sheet is written.</summary>
    public required IEnumerable<TRow> Rows { get; init; }

    /// <summary>Keep the header row in view while scrolling (a frozen pane). On by default.</summary>
    public bool FreezeHeader { get; init; } = true;

    /// <summary>Filter buttons on the header, over the data rows. On by default.</summary>
    public bool AutoFilter { get; init; } = true;

    /// <summary>Print across the page (wide registers). On by default.</summary>
    public bool Landscape { get; init; } = true;

    /// <summary>
    /// How many pages wide the sheet prints: 1 (the default) shrinks it to the width of one page; a wide sheet
    /// that would be unreadable at one page's width may take 2 or more, with <see cref="RepeatFirstColumn"/>.
    /// </summary>
    public int PagesWide { get; init; } = 1;

    /// <summary>Print the first column (the reference) at the left of every printed page, as well as the header row at the top.</summary>
    public bool RepeatFirstColumn { get; init; }

    /// <summary>Wrap header text onto several lines, so columns are sized by their values and the longest word of the header.</summary>
    public bool WrapHeaders { get; init; }

    internal override IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Header)];

    internal override void Check(SheetDirectory directory) => TableSheetWriter<TRow>.Check(this, directory);

    internal override void Write(SheetContext context) => new TableSheetWriter<TRow>(this, context).Write();
}

/// <summary>
/// A small sheet laid out line by line: a title, labels and values, tables of counts. Its cells are
/// typically formulas over a data sheet (<c>COUNTIFS({Devices!Owner},A{row})</c>), with cached values
/// so that a viewer shows numbers before it recalculates. The lines are all read when the sheet is
/// written (after the sheets before it), so a lazily produced sequence may use totals gathered then.
/// </summary>
public sealed record SummarySheetSpec : WorkbookSheet
{
    public required IEnumerable<SummaryLine> Lines { get; init; }

    /// <summary>Fixed widths (characters) for the first columns; the rest are computed from content.</summary>
    public IReadOnlyList<double>? ColumnWidths { get; init; }

    internal override IReadOnlyList<string> Headers => [];

    internal override void Check(SheetDirectory directory)
    {
        // Lines may be lazy (computed from earlier sheets), so their formulas are checked as they are written.
    }

    internal override void Write(SheetContext context) => new SummarySheetWriter(this, context).Write();
}
