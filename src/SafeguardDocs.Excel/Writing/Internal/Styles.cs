using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>
/// The one fixed stylesheet every workbook uses, and the index of each cell format in it. Arial 11,
/// a filled bold header with a rule under it, dates as <c>d mmm yyyy</c>.
/// </summary>
internal static class Styles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Date = 2;
    public const uint WholeNumber = 3;
    public const uint Text = 4;
    public const uint Title = 5;
    public const uint Bold = 6;
    public const uint Percent = 7;

    /// <summary>A header over numbers: right-aligned, like the numbers under it.</summary>
    public const uint HeaderRight = 8;

    /// <summary>A header whose text wraps onto several lines, so a narrow column (Yes/No) keeps a long heading readable.</summary>
    public const uint HeaderWrap = 9;

    /// <summary>The custom number format id for dates (ids below 164 are built in).</summary>
    public const uint DateFormatId = 164;

    public const string DateFormat = "d mmm yyyy";

    private const string Font = "Arial";
    private const string HeaderFill = "FFD9E1F2";

    public static uint For(DisplayFormat format) => format switch
    {
        DisplayFormat.Text => Text,
        DisplayFormat.WholeNumber => WholeNumber,
        DisplayFormat.Date => Date,
        DisplayFormat.Percent => Percent,
        _ => Default,
    };

    /// <summary>The header style for a column shown in this format.</summary>
    public static uint HeaderFor(DisplayFormat format) => format is DisplayFormat.WholeNumber or DisplayFormat.Percent ? HeaderRight : Header;

    public static Stylesheet Build() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat }) { Count = 1 },
        new Fonts(
            MakeFont(11, bold: false),
            MakeFont(11, bold: true),
            MakeFont(14, bold: true))
        { Count = 3, KnownFonts = true },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = HeaderFill }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Xf(0, 0, 0, 0),                                                    // Default
            Xf(0, 1, 2, 1, new Alignment { Vertical = VerticalAlignmentValues.Center }), // Header
            Xf(DateFormatId, 0, 0, 0, new Alignment { Horizontal = HorizontalAlignmentValues.Left }), // Date
            Xf(1, 0, 0, 0),                                                    // WholeNumber: "0"
            Xf(49, 0, 0, 0),                                                   // Text: "@", so typed entries stay text
            Xf(0, 2, 0, 0),                                                    // Title
            Xf(0, 1, 0, 0),                                                    // Bold
            Xf(9, 0, 0, 0),                                                    // Percent: "0%"
            Xf(0, 1, 2, 1, new Alignment { Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Right }), // HeaderRight
            Xf(0, 1, 2, 1, new Alignment { Vertical = VerticalAlignmentValues.Bottom, WrapText = true })) // HeaderWrap
        { Count = 10 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
        new DifferentialFormats { Count = 0 });

    private static Font MakeFont(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = Font }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Xf(uint numberFormat, uint font, uint fill, uint border, Alignment? alignment = null)
    {
        var xf = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
        };
        if (alignment is not null)
        {
            xf.ApplyAlignment = true;
            xf.Append(alignment);
        }

        return xf;
    }
}
