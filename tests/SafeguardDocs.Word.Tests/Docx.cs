using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Word.Tests;

/// <summary>Writes markup to a temporary .docx and opens it with the Open XML SDK.</summary>
internal static class Docx
{
    public static readonly DocxOptions Options = DocxOptions.Default with { Created = FixedClock.Default.GetUtcNow() };

    public static string Write(MarkupDocument document, HouseStyle? style = null)
    {
        var path = Path.Combine(Repo.NewTempFolder(), "out.docx");
        new DocxWriter(style, Options).WriteFile(document, path);
        return path;
    }

    public static byte[] Bytes(MarkupDocument document, DocxWriter? writer = null)
    {
        using var buffer = new MemoryStream();
        (writer ?? new DocxWriter(null, Options)).Write(document, buffer);
        return buffer.ToArray();
    }

    public static WordprocessingDocument Open(string path) => WordprocessingDocument.Open(path, false);

    public static MainDocumentPart MainPart(this WordprocessingDocument doc) => doc.MainDocumentPart!;
}
