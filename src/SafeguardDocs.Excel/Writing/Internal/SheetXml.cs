using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>The pieces of a worksheet part both kinds of sheet write, in schema order.</summary>
internal static class SheetXml
{
    public static void StartWorksheet(OpenXmlWriter w, bool fitToWidth)
    {
        w.WriteStartDocument();
        w.WriteStartElement(new Worksheet());
        if (fitToWidth)
        {
            w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        }
    }

    public static void Views(OpenXmlWriter w, int index, bool freezeHeader)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (index == 0)
        {
            view.TabSelected = true;
        }

        if (freezeHeader)
        {
            view.Append(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) });
        }

        w.WriteElement(new SheetViews(view));
    }

    public static void Columns(OpenXmlWriter w, IReadOnlyList<double> widths, IReadOnlyList<uint> styles)
    {
        if (widths.Count == 0)
        {
            return;
        }

        var columns = new Columns();
        for (var i = 0; i < widths.Count; i++)
        {
            var col = new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)i + 1,
                Max = (uint)i + 1,
                Width = Math.Round(widths[i], 2),
                CustomWidth = true,
            };
            if (styles[i] != Styles.Default)
            {
                col.Style = styles[i];
            }

            columns.Append(col);
        }

        w.WriteElement(columns);
    }

    public static void StartRow(OpenXmlWriter w, int row) =>
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>Starts a row of a set height in points (a header whose text wraps: not every reader sizes it).</summary>
    public static void StartRow(OpenXmlWriter w, int row, double height) =>
        w.WriteStartElement(new Row(),
        [
            new OpenXmlAttribute("r", string.Empty, row.ToString(CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("ht", string.Empty, height.ToString("0.##", CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("customHeight", string.Empty, "1"),
        ]);

    /// <summary>Writes one cell; <paramref name="formula"/> is the rendered formula for a formula cell.</summary>
    public static void Cell(OpenXmlWriter w, int column, int row, uint style, in CellData data, string? formula = null)
    {
        var cell = new Cell { CellReference = CellRef.At(column, row) };
        if (style != Styles.Default)
        {
            cell.StyleIndex = style;
        }

        switch (data.Content)
        {
            case CellContent.Text:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(TextElement(data.Text!));
                break;
            case CellContent.Number:
                cell.CellValue = new CellValue(Number(data.Number));
                break;
            case CellContent.Formula:
                cell.CellFormula = new CellFormula(formula ?? throw new InvalidOperationException("A formula cell needs its formula."));
                switch (data.Cached.Kind)
                {
                    case FormulaResultKind.Number:
                        cell.CellValue = new CellValue(Number(data.Cached.NumberValue));
                        break;
                    case FormulaResultKind.Text:
                        cell.DataType = CellValues.String;
                        cell.CellValue = new CellValue(ExcelText.Clean(data.Cached.TextValue!));
                        break;
                }

                break;
        }

        w.WriteElement(cell);
    }

    public static void AutoFilter(OpenXmlWriter w, string range) => w.WriteElement(new AutoFilter { Reference = range });

    public static void Validations(OpenXmlWriter w, IReadOnlyList<(CellValidation Validation, string Range)> validations)
    {
        if (validations.Count == 0)
        {
            return;
        }

        var all = new DataValidations { Count = (uint)validations.Count };
        foreach (var (v, range) in validations)
        {
            var dv = new DataValidation
            {
                Type = v.Type switch
                {
                    ValidationType.List => DataValidationValues.List,
                    ValidationType.Date => DataValidationValues.Date,
                    _ => DataValidationValues.Whole,
                },
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = "Not allowed here",
                Error = v.ErrorMessage,
                SequenceOfReferences = new ListValue<StringValue>([range]),
            };
            if (v.Type != ValidationType.List)
            {
                dv.Operator = DataValidationOperatorValues.Between;
            }

            dv.Append(new Formula1(v.Formula1));
            if (v.Formula2 is not null)
            {
                dv.Append(new Formula2(v.Formula2));
            }

            all.Append(dv);
        }

        w.WriteElement(all);
    }

    /// <summary>Margins, A4 fitted to the page width, and a footer with the sheet name and page numbers.</summary>
    public static void EndWorksheet(OpenXmlWriter w, bool landscape, int pagesWide = 1)
    {
        w.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup
        {
            PaperSize = 9,
            Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = (uint)Math.Max(1, pagesWide),
            FitToHeight = 0,
        });
        w.WriteElement(new HeaderFooter(new OddFooter("&L&A&RPage &P of &N")));
        w.WriteEndElement();
        w.Close();
    }

    /// <summary>A column width in Excel's units (characters) for text of this length, within limits.</summary>
    public static double Width(int characters, double max) => Math.Clamp(characters + 2.0, MinWidth, Math.Max(max, MinWidth));

    /// <summary>A width given by the caller, within what Excel accepts.</summary>
    public static double FixedWidth(double width) => Math.Clamp(width, 0, MaxWidth);

    private const double MinWidth = 6;
    private const double MaxWidth = 255;

    private static Text TextElement(string raw)
    {
        var clean = ExcelText.Clean(raw);
        var text = new Text(clean);
        if (ExcelText.NeedsPreserve(clean))
        {
            text.Space = SpaceProcessingModeValues.Preserve;
        }

        return text;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
