using SafeguardDocs.Core.Io;
using SafeguardDocs.Markup;
using SafeguardDocs.Word;

namespace SafeguardDocs.Word.Tests;

/// <summary>The writer fills streams; tests write files the way the generation library does, atomically.</summary>
internal static class DocxWriterFiles
{
    public static void WriteFile(this DocxWriter writer, MarkupDocument document, string path) =>
        AtomicFile.Write(path, stream => writer.Write(document, stream));

    public static void WriteCombinedFile(this DocxWriter writer, IEnumerable<MarkupDocument> documents, string path, string title) =>
        AtomicFile.Write(path, stream => writer.WriteCombined(documents, stream, title));
}
