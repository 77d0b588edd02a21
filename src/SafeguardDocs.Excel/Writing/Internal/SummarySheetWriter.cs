using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>Writes a summary sheet line by line; its lines are few, so they are read whole to size the columns.</summary>
internal sealed partial class SummarySheetWriter(SummarySheetSpec spec, SheetContext context)
{
    public void Write()
    {
        ArgumentNullException.ThrowIfNull(spec.Lines);
        var lines = spec.Lines.ToList();
        var w = context.Writer;

        SheetXml.StartWorksheet(w, fitToWidth: true);
        SheetXml.Views(w, context.Index, freezeHeader: false);
        var widths = Widths(lines);
        SheetXml.Columns(w, widths, [.. widths.Select(_ => Styles.Default)]);
        w.WriteStartElement(new SheetData());
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Cells.Count == 0)
            {
                continue;
            }

            var row = i + 1;
            SheetXml.StartRow(w, row);
            for (var c = 0; c < line.Cells.Count; c++)
            {
                var cell = line.Cells[c];
                string? formula = null;
                if (cell.Formula is not null)
                {
                    formula = FormulaTemplate.Compile(cell.Formula, $"cell {CellRef.At(c, row)} on sheet '{spec.Name}'", [], context.Directory).Render(row);
                }

                if (cell.Name is not null)
                {
                    CheckName(cell.Name);
                    context.AddName(new WorkbookName(cell.Name, CellRef.Absolute(spec.Name, c, row)));
                }

                SheetXml.Cell(w, c, row, Style(line.Style, cell, c), cell.Data, formula);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement(); // sheetData
        SheetXml.EndWorksheet(w, landscape: false);
    }

    private static uint Style(SummaryLineStyle line, SummaryCell cell, int column) => line switch
    {
        SummaryLineStyle.Title => Styles.Title,
        SummaryLineStyle.Heading => Styles.Bold,
        SummaryLineStyle.TableHeader => column == 0 ? Styles.Header : Styles.HeaderRight,
        _ => cell.Format == DisplayFormat.Text ? Styles.Default : Styles.For(cell.Format),
    };

    private static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name) || CellLike().IsMatch(name) || name.Length > 255)
        {
            throw new ArgumentException($"'{name}' cannot be a workbook name: use letters, digits, '_' and '.', start with a letter, and avoid anything like a cell reference (such as AB12 or R1C1).");
        }
    }

    private double[] Widths(List<SummaryLine> lines)
    {
        var count = lines.Count == 0 ? 0 : lines.Max(l => l.Cells.Count);
        var widths = new double[count];
        for (var c = 0; c < count; c++)
        {
            if (spec.ColumnWidths is { } fixedWidths && c < fixedWidths.Count)
            {
                widths[c] = SheetXml.FixedWidth(fixedWidths[c]);
                continue;
            }

            var longest = 0;
            foreach (var line in lines.Where(l => l.Style != SummaryLineStyle.Title && c < l.Cells.Count))
            {
                var cell = line.Cells[c];
                var length = cell.Data.DisplayLength(cell.Format);
                longest = Math.Max(longest, line.Style == SummaryLineStyle.Normal ? length : (int)Math.Ceiling(length * 1.1));
            }

            widths[c] = SheetXml.Width(longest, context.Options.MaxColumnWidth);
        }

        return widths;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^([A-Za-z]{1,3}[0-9]+|[RrCc]|[Rr][0-9]*[Cc][0-9]*)$")]
    private static partial Regex CellLike();
}
