namespace SafeguardDocs.Markup;

/// <summary>
/// Writes <see cref="MarkupDocument"/>s in one file format (Word today; PDF later). Implementations are
/// immutable and thread-safe, and the same markup always gives the same bytes. Writing to a file
/// (atomically, under the right name) is the caller's business: a writer only fills a stream.
/// </summary>
public interface IDocumentWriter
{
    /// <summary>The file name extension of what this writer produces, with its dot (for example <c>.docx</c>).</summary>
    string FileExtension { get; }

    /// <summary>Writes one document to <paramref name="output"/> (left open).</summary>
    void Write(MarkupDocument document, Stream output);

    /// <summary>
    /// Writes many documents into one file, each starting on a new page with its own header and footer.
    /// The documents are enumerated once, as they are written, so memory does not grow with them.
    /// </summary>
    void WriteCombined(IEnumerable<MarkupDocument> documents, Stream output, string title);
}
