using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.TestSupport;

/// <summary>Checks on produced Office files, the way a user's Word or Excel would meet them.</summary>
public static class OpenXmlCheck
{
    /// <summary>Every validation error in a .docx or .xlsx, as "part path: description" lines. Empty means valid.</summary>
    public static IReadOnlyList<string> Errors(string path)
    {
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        using OpenXmlPackage package = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? SpreadsheetDocument.Open(path, false)
            : WordprocessingDocument.Open(path, false);
        return [.. validator.Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>Fails with every error listed when the file does not pass <see cref="OpenXmlValidator"/>.</summary>
    public static void AssertValid(string path)
    {
        var errors = Errors(path);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)} has {errors.Count} Open XML validation error(s):\n" + string.Join('\n', errors.Take(20)));
        }
    }

    /// <summary>
    /// The text of a .docx as a reader meets it: header, body paragraphs (table cells separated by " | "),
    /// footer. Fields show their cached result. Used for snapshots.
    /// </summary>
    public static string DocxText(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        var main = doc.MainDocumentPart ?? throw new InvalidOperationException("No main document part.");
        var text = new StringBuilder();
        foreach (var header in main.HeaderParts)
        {
            AppendBlocks(text, header.Header!, "[header] ");
        }

        AppendBlocks(text, main.Document!.Body!, string.Empty);
        foreach (var footer in main.FooterParts)
        {
            AppendBlocks(text, footer.Footer!, "[footer] ");
        }

        return text.ToString();
    }

    private static void AppendBlocks(StringBuilder text, OpenXmlElement container, string prefix)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case W.Paragraph p:
                    text.Append(prefix).AppendLine(ParagraphText(p));
                    break;
                case W.Table t:
                    foreach (var row in t.Elements<W.TableRow>())
                    {
                        var cells = row.Elements<W.TableCell>().Select(c => string.Join(" / ", c.Elements<W.Paragraph>().Select(ParagraphText)));
                        text.Append(prefix).Append("| ").Append(string.Join(" | ", cells)).AppendLine(" |");
                    }

                    break;
                case W.SdtBlock sdt when sdt.SdtContentBlock is not null:
                    AppendBlocks(text, sdt.SdtContentBlock, prefix);
                    break;
            }
        }
    }

    private static string ParagraphText(W.Paragraph p)
    {
        var text = new StringBuilder();
        if (p.ParagraphProperties?.NumberingProperties is not null)
        {
            text.Append("• ");
        }

        foreach (var element in p.Descendants())
        {
            switch (element)
            {
                case W.Text t:
                    text.Append(t.Text);
                    break;
                case W.TabChar:
                    text.Append('\t');
                    break;
                case W.Break b when b.Type?.Value == W.BreakValues.Page:
                    text.Append("[page break]");
                    break;
                case W.Break:
                    text.Append(" / ");
                    break;
                case W.FieldCode f:
                    text.Append('{').Append(f.Text.Trim()).Append('}');
                    break;
            }
        }

        return text.ToString();
    }
}
