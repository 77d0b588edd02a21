using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Xml.Linq;
using SafeguardDocs.Word.Internal;

namespace SafeguardDocs.Word;

/// <summary>
/// The look of every document: styles and fonts, the A4 page and its margins, list numbering, theme,
/// settings and font table, and the letterhead in the page header and footer.
/// <para>
/// <see cref="Default"/> is built in (Arial 11pt, 2 cm margins, the organisation's letterhead lines and
/// a rule in the header, "Reference … / Page X of Y" in the footer). <see cref="FromReferenceDocument(string)"/>
/// takes the look from a .docx, the way pandoc's reference document works: its styles (any style this
/// writer needs that it lacks is added, so every markup element still has a style), theme, font table,
/// page size and margins, and its own header and footer with their images, if it has them. Text
/// <c>{Reference}</c> typed in such a header or footer is replaced by each document's reference.
/// </para>
/// <para>
/// Style ids the writer uses, which a reference document may define to restyle them: <c>Normal</c>,
/// <c>Heading1</c>–<c>Heading3</c>, <c>Address</c>, <c>Right</c>, <c>Small</c>, <c>Notice</c>,
/// <c>ListParagraph</c>, <c>CheckItem</c>, <c>CheckBox</c> (character), <c>SignatureLine</c>, <c>TableText</c>,
/// <c>Header</c>, <c>Footer</c>, <c>LetterheadOrganisation</c>, <c>LetterheadLine</c>, and table styles
/// <c>GridTable</c>, <c>FormTable</c>, <c>PlainTable</c>.
/// </para>
/// A house style is immutable and safe to share between threads; its package parts are prepared once.
/// </summary>
public sealed class HouseStyle
{
    private static readonly Lazy<HouseStyle> DefaultStyle = new(BuildDefault);

    internal HouseStyle(
        string source,
        byte[] styles,
        byte[] theme,
        byte[] fontTable,
        IReadOnlyList<SectionChild> section,
        int textWidth,
        IReadOnlyList<HeaderFooterSource> headersAndFooters,
        IReadOnlyList<PackageFile> files,
        IReadOnlyDictionary<string, string> extraContentTypes)
    {
        Source = source;
        Styles = styles;
        Theme = theme;
        FontTable = fontTable;
        Settings = Resource("settings.xml");
        Section = section;
        HeadersAndFooters = headersAndFooters;
        Files = files;
        ExtraContentTypes = extraContentTypes;
        TextWidth = textWidth;
    }

    /// <summary>The built-in house style: A4 portrait, 2 cm margins, Arial 11pt.</summary>
    public static HouseStyle Default => DefaultStyle.Value;

    /// <summary>Where the style came from: <c>built-in</c>, or the reference document's path.</summary>
    public string Source { get; }

    /// <summary>True when the reference document supplies its own page header (the letterhead lines of a document are then not printed).</summary>
    public bool HasOwnHeader => HeadersAndFooters.Any(h => !h.IsFooter);

    /// <summary>True when the reference document supplies its own page footer.</summary>
    public bool HasOwnFooter => HeadersAndFooters.Any(h => h.IsFooter);

    internal byte[] Styles { get; }

    internal byte[] Theme { get; }

    internal byte[] FontTable { get; }

    internal byte[] Settings { get; }

    /// <summary>The body sectPr's children other than header/footer references and page numbering, in schema order.</summary>
    internal IReadOnlyList<SectionChild> Section { get; }

    internal IReadOnlyList<HeaderFooterSource> HeadersAndFooters { get; }

    internal IReadOnlyList<PackageFile> Files { get; }

    /// <summary>Extension → content type for the copied files (images).</summary>
    internal IReadOnlyDictionary<string, string> ExtraContentTypes { get; }

    /// <summary>Width between the margins, in twentieths of a point.</summary>
    internal int TextWidth { get; }

    /// <summary>
    /// Reads the house style from a reference .docx (see the class summary for what is taken).
    /// </summary>
    /// <exception cref="HouseStyleException">The file is missing, unreadable, not a .docx, or damaged; the message says what to do.</exception>
    public static HouseStyle FromReferenceDocument(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ReferenceDocumentReader.Read(path);
    }

    /// <summary>
    /// Reads the house style from a reference .docx already read into memory (the caller checks what the
    /// file is and how large); <paramref name="name"/> names it in messages.
    /// </summary>
    /// <exception cref="HouseStyleException">The content is not a .docx, or is damaged; the message says what to do.</exception>
    public static HouseStyle FromReferenceDocument(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ReferenceDocumentReader.Read(content, name);
    }

    /// <summary>As <see cref="FromReferenceDocument(string)"/>, but returns the problem as a message instead of throwing.</summary>
    public static bool TryFromReferenceDocument(string path, [NotNullWhen(true)] out HouseStyle? style, [NotNullWhen(false)] out string? error)
    {
        try
        {
            style = FromReferenceDocument(path);
            error = null;
            return true;
        }
        catch (HouseStyleException e)
        {
            style = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>One of the built-in parts (<c>HouseStyleParts/*.xml</c>), without indentation.</summary>
    internal static byte[] Resource(string name) => Encoding.UTF8.GetBytes(Minified(name));

    internal static XDocument ResourceDocument(string name)
    {
        using var stream = typeof(HouseStyle).Assembly.GetManifestResourceStream("SafeguardDocs.Word.HouseStyleParts." + name)
            ?? throw new InvalidOperationException($"The built-in house style part '{name}' is missing from the assembly.");
        return XDocument.Load(stream);
    }

    internal static byte[] Serialise(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(buffer, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    private static string Minified(string name) => Encoding.UTF8.GetString(Serialise(ResourceDocument(name)));

    /// <summary>A4 portrait (11906 × 16838 twips), 2 cm margins, header and footer 1 cm from the edge.</summary>
    internal static IReadOnlyList<SectionChild> DefaultSection { get; } =
    [
        new("pgSz", "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
        new("pgMar", "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"),
        new("cols", "<w:cols w:space=\"708\"/>"),
        new("docGrid", "<w:docGrid w:linePitch=\"360\"/>"),
    ];

    /// <summary>21 cm less two 2 cm margins, in twips.</summary>
    internal const int DefaultTextWidth = 11906 - 1134 - 1134;

    private static HouseStyle BuildDefault() =>
        new("built-in", Resource("styles.xml"), Resource("theme1.xml"), Resource("fontTable.xml"), DefaultSection, DefaultTextWidth, [], [], new Dictionary<string, string>());
}
