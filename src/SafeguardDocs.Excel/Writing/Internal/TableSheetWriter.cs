using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>
/// Streams a data sheet: reads a bounded number of rows ahead to size the columns, then writes every
/// row as it comes, so memory does not grow with the number of rows.
/// </summary>
internal sealed class TableSheetWriter<TRow>(SheetSpec<TRow> spec, SheetContext context)
{
    private readonly FormulaTemplate?[] formulas = Compile(spec, context.Directory);
    // A formula cell formatted as Text ("@") would turn into literal text when edited, so it stays General.
    private readonly uint[] styles = [.. spec.Columns.Select(c => c.Kind == ColumnKind.Formula && c.Format == DisplayFormat.Text ? Styles.Default : Styles.For(c.Format))];

    public static void Check(SheetSpec<TRow> spec, SheetDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(spec.Columns);
        ArgumentNullException.ThrowIfNull(spec.Rows);
        if (spec.Columns.Count == 0 || spec.Columns.Count > CellRef.MaxColumns)
        {
            throw new ArgumentException($"Sheet '{spec.Name}' needs between 1 and {CellRef.MaxColumns} columns.");
        }

        var duplicate = spec.Columns.GroupBy(c => c.Header, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Sheet '{spec.Name}' has two columns headed '{duplicate.Key}'. Give each column its own header.");
        }

        _ = Compile(spec, directory);
    }

    public void Write()
    {
        var w = context.Writer;
        var columns = spec.Columns;
        using var rows = spec.Rows.GetEnumerator();
        var ahead = new List<CellData[]>();
        while (ahead.Count < context.Options.WidthSampleRows && rows.MoveNext())
        {
            ahead.Add(Read(rows.Current, new CellData[columns.Count]));
        }

        SheetXml.StartWorksheet(w, fitToWidth: true);
        SheetXml.Views(w, context.Index, spec.FreezeHeader);
        var widths = Widths(ahead);
        SheetXml.Columns(w, widths, styles);
        w.WriteStartElement(new SheetData());

        if (spec.WrapHeaders)
        {
            SheetXml.StartRow(w, 1, HeaderHeight(widths));
        }
        else
        {
            SheetXml.StartRow(w, 1);
        }

        for (var i = 0; i < columns.Count; i++)
        {
            SheetXml.Cell(w, i, 1, spec.WrapHeaders ? Styles.HeaderWrap : Styles.HeaderFor(columns[i].Format), CellData.FromText(columns[i].Header));
        }

        w.WriteEndElement();

        var row = 1;
        foreach (var cells in ahead)
        {
            WriteRow(++row, cells);
        }

        ahead.Clear();
        var buffer = new CellData[columns.Count];
        while (rows.MoveNext())
        {
            if (row == CellRef.MaxRow)
            {
                throw new InvalidOperationException($"Sheet '{spec.Name}' has more rows than a worksheet can hold ({CellRef.MaxRow - 1:N0}). Split the data across sheets or files.");
            }

            WriteRow(++row, Read(rows.Current, buffer));
        }

        w.WriteEndElement(); // sheetData

        var lastColumn = CellRef.Letters(columns.Count - 1);
        if (spec.AutoFilter)
        {
            SheetXml.AutoFilter(w, $"A1:{CellRef.At(columns.Count - 1, row)}");
            context.AddName(new WorkbookName("_xlnm._FilterDatabase", $"{CellRef.Sheet(spec.Name)}!$A$1:${lastColumn}${row}", (uint)context.Index, Hidden: true));
        }

        // Validation covers the data rows (at least the first, so an empty sheet can still be filled in).
        var lastDataRow = Math.Max(row, 2);
        SheetXml.Validations(w, [.. columns
            .Select((c, i) => (c.Validation, Index: i))
            .Where(x => x.Validation is not null)
            .Select(x => (x.Validation!, $"{CellRef.At(x.Index, 2)}:{CellRef.At(x.Index, lastDataRow)}"))]);

        var titles = spec.RepeatFirstColumn
            ? $"{CellRef.Sheet(spec.Name)}!$A:$A,{CellRef.Sheet(spec.Name)}!$1:$1"
            : $"{CellRef.Sheet(spec.Name)}!$1:$1";
        context.AddName(new WorkbookName("_xlnm.Print_Titles", titles, (uint)context.Index));
        SheetXml.EndWorksheet(w, spec.Landscape, spec.PagesWide);
    }

    private static FormulaTemplate?[] Compile(SheetSpec<TRow> spec, SheetDirectory directory)
    {
        var headers = spec.Headers;
        return [.. spec.Columns.Select(c => c.Formula is null
            ? null
            : FormulaTemplate.Compile(c.Formula, $"column '{c.Header}' on sheet '{spec.Name}'", headers, directory))];
    }

    private CellData[] Read(TRow item, CellData[] into)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = spec.Columns[i].Read(item);
        }

        return into;
    }

    private void WriteRow(int row, CellData[] cells)
    {
        var w = context.Writer;
        SheetXml.StartRow(w, row);
        for (var i = 0; i < cells.Length; i++)
        {
            SheetXml.Cell(w, i, row, styles[i], cells[i], formulas[i]?.Render(row));
        }

        w.WriteEndElement();
    }

    /// <summary>The height of a wrapped header row: enough lines for the header that needs most at its column's width.</summary>
    private double HeaderHeight(double[] widths)
    {
        var lines = 1;
        for (var i = 0; i < widths.Length; i++)
        {
            // Words are placed greedily on lines of the column's width (less the filter button).
            var room = Math.Max(4, (int)widths[i] - (spec.AutoFilter ? 3 : 1));
            var count = 1;
            var used = 0;
            foreach (var word in spec.Columns[i].Header.Split(' '))
            {
                var need = used == 0 ? word.Length : used + 1 + word.Length;
                if (need > room && used > 0)
                {
                    count++;
                    used = word.Length;
                }
                else
                {
                    used = need;
                }
            }

            lines = Math.Max(lines, count);
        }

        return (lines * 12.75) + 2;
    }

    private double[] Widths(List<CellData[]> sample)
    {
        var max = context.Options.MaxColumnWidth;
        var widths = new double[spec.Columns.Count];
        for (var i = 0; i < widths.Length; i++)
        {
            var column = spec.Columns[i];
            if (column.Width is { } fixedWidth)
            {
                widths[i] = SheetXml.FixedWidth(fixedWidth);
                continue;
            }

            // Bold header text plus room for the filter button.
            var headerLength = spec.WrapHeaders ? column.Header.Split(' ').Max(word => word.Length) : column.Header.Length;
            var longest = (int)Math.Ceiling((headerLength * 1.1) + (spec.AutoFilter ? 3 : 0));
            foreach (var cells in sample)
            {
                longest = Math.Max(longest, cells[i].DisplayLength(column.Format));
            }

            widths[i] = SheetXml.Width(longest, max);
        }

        return widths;
    }
}
