using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Templating.Tests.Word;

/// <summary>Word templates made in the tests, as Word writes them (runs split, proofing marks), and their output read back.</summary>
internal static class WordDocx
{
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

    /// <summary>A paragraph of plain runs, one run per piece (as Word splits text it has proofed).</summary>
    public static string P(params string[] runs) => "<w:p>" + string.Concat(runs.Select(R)) + "</w:p>";

    public static string R(string text) => $"<w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</w:t></w:r>";

    public static string Bold(string text) => $"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</w:t></w:r>";

    public static string Italic(string text) => $"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</w:t></w:r>";

    public static string Row(params string[] cells) => "<w:tr>" + string.Concat(cells.Select(c => $"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>{c}</w:tc>")) + "</w:tr>";

    public static string Table(int columns, params string[] rows) =>
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>" + string.Concat(Enumerable.Repeat("<w:gridCol w:w=\"2000\"/>", columns)) + "</w:tblGrid>" + string.Concat(rows) + "</w:tbl>";

    /// <summary>A text box (VML, as Word writes for older readers) holding paragraphs, in a run.</summary>
    public static string TextBox(params string[] paragraphs) =>
        "<w:r><w:pict><v:shape id=\"box1\" style=\"width:200pt;height:60pt\"><v:textbox><w:txbxContent>" + string.Concat(paragraphs) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>";

    /// <summary>A .docx with the given body, and optionally a header, a footer, footnotes and a style part.</summary>
    public static byte[] Build(string body, string? header = null, string? footer = null, string[]? footnotes = null, bool styles = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var references = string.Empty;
            if (header is not null)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new W.Header($"<w:hdr {Namespaces}>{header}</w:hdr>");
                references += $"<w:headerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(part)}\"/>";
            }

            if (footer is not null)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new W.Footer($"<w:ftr {Namespaces}>{footer}</w:ftr>");
                references += $"<w:footerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(part)}\"/>";
            }

            if (footnotes is not null)
            {
                var part = main.AddNewPart<FootnotesPart>();
                part.Footnotes = new W.Footnotes($"<w:footnotes {Namespaces}>" +
                    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>" +
                    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>" +
                    string.Concat(footnotes.Select((f, i) => $"<w:footnote w:id=\"{i + 1}\">{f}</w:footnote>")) + "</w:footnotes>");
            }

            if (styles)
            {
                var part = main.AddNewPart<StyleDefinitionsPart>();
                part.Styles = new W.Styles($"<w:styles {Namespaces}><w:style w:type=\"paragraph\" w:styleId=\"SchoolHeading\"><w:name w:val=\"School Heading\"/><w:rPr><w:color w:val=\"1F4E79\"/><w:sz w:val=\"36\"/></w:rPr></w:style></w:styles>");
            }

            main.Document = new W.Document($"<w:document {Namespaces}><w:body>{body}<w:sectPr>{references}<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        }

        return stream.ToArray();
    }

    /// <summary>Writes the bytes to a temp file (for the validator and the text reader) and returns its path.</summary>
    public static string Save(byte[] docx, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sgd-word-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, docx);
        return path;
    }

    /// <summary>The output's body paragraphs (direct children of the body) as text, in order.</summary>
    public static List<string> BodyParagraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Select(p => p.InnerText)];
    }

    public static T Read<T>(byte[] docx, Func<WordprocessingDocument, T> read)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return read(document);
    }

    public static void AssertValid(byte[] docx) => OpenXmlCheck.AssertValid(Save(docx, "out.docx"));
}
