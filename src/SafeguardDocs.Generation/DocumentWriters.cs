using SafeguardDocs.Markup;
using SafeguardDocs.Word;

namespace SafeguardDocs.Generation;

/// <summary>
/// The document format the pipeline writes, chosen in one place: Word today (a PDF writer would be
/// another <see cref="IDocumentWriter"/>). The orchestration sees only the interface and its extension.
/// </summary>
public static class DocumentWriters
{
    /// <summary>A writer in the given house style, stamping documents with the clock's time.</summary>
    /// <param name="style">The house style.</param>
    /// <param name="clock">The time documents are stamped with.</param>
    /// <param name="forDuplexPrinting">For a combined file printed double-sided: every document in it starts on a right-hand page.</param>
    public static IDocumentWriter For(HouseStyle style, TimeProvider clock, bool forDuplexPrinting = false)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(clock);
        return new DocxWriter(style, DocxOptions.Default with { Created = clock.GetUtcNow(), RightHandStarts = forDuplexPrinting });
    }

    /// <summary>
    /// The same writer stamping documents with <paramref name="created"/> (the case's own date), sharing the
    /// parts it has prepared; the same case then gives the same bytes whenever it is generated.
    /// </summary>
    public static IDocumentWriter Dated(IDocumentWriter writer, DateTimeOffset? created)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer is DocxWriter docx ? docx.With(docx.Options with { Created = created }) : writer;
    }
}
