using SafeguardDocs.Markup;
using SafeguardDocs.Word.Internal;

namespace SafeguardDocs.Word;

/// <summary>
/// Turns <see cref="MarkupDocument"/>s into Word .docx files in a <see cref="HouseStyle"/>.
/// <para>
/// Create one per house style and reuse it: it is immutable and thread-safe, and the package parts that
/// depend only on the house style (styles, theme, settings, fonts, relationships) are prepared once.
/// The same markup and options always give the same bytes.
/// </para>
/// </summary>
public sealed class DocxWriter : IDocumentWriter
{
    /// <summary>The extension of the files this writer makes.</summary>
    public const string Extension = ".docx";

    private readonly PreparedParts prepared;

    /// <param name="style">The house style; <see cref="HouseStyle.Default"/> when null.</param>
    /// <param name="options">How to write; <see cref="DocxOptions.Default"/> when null.</param>
    public DocxWriter(HouseStyle? style = null, DocxOptions? options = null)
    {
        Style = style ?? HouseStyle.Default;
        Options = options ?? DocxOptions.Default;
        prepared = new PreparedParts(Style);
    }

    private DocxWriter(DocxWriter shared, DocxOptions options)
    {
        Style = shared.Style;
        Options = options;
        prepared = shared.prepared;
    }

    public HouseStyle Style { get; }

    /// <summary>A writer for the same house style with other options (for example each case's own date), sharing the prepared parts.</summary>
    public DocxWriter With(DocxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DocxWriter(this, options);
    }

    public DocxOptions Options { get; }

    public string FileExtension => Extension;

    /// <summary>Writes one document as a .docx package to <paramref name="output"/> (left open).</summary>
    public void Write(MarkupDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var package = new PackageWriter(output, prepared, Options, combined: false);
        package.WriteSingle(document);
    }

    /// <summary>
    /// Writes many documents into one .docx (a print file), each in its own section starting on a new page
    /// with its own letterhead header, its own "Reference …" footer and its pages numbered from 1 ("Page X":
    /// the count of one document's pages is a field only Word computes, so it is left out rather than risk
    /// "Page 2 of 1" from other programs). The documents are written as they are enumerated, so memory does not grow with their
    /// text; only a few bytes per document (its header and footer) are kept until the end. Identical
    /// letterheads share one header part.
    /// </summary>
    /// <param name="documents">The documents, in print order; enumerated once.</param>
    /// <param name="output">Where the package goes (left open).</param>
    /// <param name="title">The title in the combined file's document properties.</param>
    public void WriteCombined(IEnumerable<MarkupDocument> documents, Stream output, string title)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(title);
        using var package = new PackageWriter(output, prepared, Options, combined: true);
        package.WriteCombined(documents, title);
    }
}
