using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardDocs.Excel.Tests;

/// <summary>One cell as a test sees it: how it is stored, its value, its formula and its number format.</summary>
public sealed record XCell(string Reference, string? Type, string? Value, string? Formula, uint Style, string? NumberFormat)
{
    /// <summary>The text of an inline string, the value otherwise.</summary>
    public string? Text { get; init; }
}

/// <summary>Reads produced workbooks back for assertions.</summary>
public static class Xlsx
{
    public static Dictionary<string, XCell> Cells(string path, string sheetName)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var worksheet = Sheet(doc, sheetName);
        var formats = NumberFormats(doc);
        return worksheet.Descendants<Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c =>
            {
                var style = c.StyleIndex?.Value ?? 0;
                return new XCell(
                    c.CellReference!.Value!,
                    c.DataType?.InnerText,
                    c.CellValue?.Text,
                    c.CellFormula?.Text,
                    style,
                    formats[(int)style])
                {
                    Text = c.InlineString?.InnerText ?? c.CellValue?.Text,
                };
            });
    }

    public static Worksheet Sheet(SpreadsheetDocument doc, string sheetName)
    {
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>Every part of the package as text, keyed by entry name.</summary>
    public static Dictionary<string, string> Parts(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }

    /// <summary>The number format code of each cell format (by index), or null for General.</summary>
    private static List<string?> NumberFormats(SpreadsheetDocument doc)
    {
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value) ?? [];
        return [.. styles.CellFormats!.Elements<CellFormat>().Select(xf =>
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            return id switch
            {
                0 => null,
                1 => "0",
                9 => "0%",
                49 => "@",
                _ => custom.TryGetValue(id, out var code) ? code : $"builtin {id}",
            };
        })];
    }
}
