using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Scriban.Checking;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Templating.Word;

/// <summary>
/// A Word document with Scriban tags in it, read once and rendered as many times as needed, on any number
/// of threads. Each part with tags (the body, headers, footers, footnotes and endnotes, with the tables
/// and text boxes in them) becomes one <see cref="ScribanTemplate"/> whose text is the part's XML with the
/// tags in place, so every render is the Scriban engine's strict, bounded render; every part without
/// tags (styles, pictures, numbering, settings) is copied into each document as the template's bytes.
/// <list type="bullet">
/// <item>A tag's output takes the formatting of the tag's first character.</item>
/// <item>A block (<c>for</c>, <c>if</c>…) whose tags each stand alone in paragraphs side by side repeats
/// or keeps the paragraphs (and tables) between them, and its tags' paragraphs leave nothing behind.</item>
/// <item>A block whose <c>for</c> and <c>end</c> sit in one table row repeats the row.</item>
/// <item>A block inside one paragraph keeps the text around it.</item>
/// </list>
/// Problems are found before any case is rendered and named by where they are in the document, never
/// by a page number: <see cref="WordTagLocation"/>.
/// </summary>
public sealed partial class WordTemplate
{
    /// <summary>How much larger a part's markup may grow than the text limit of a <c>.sbn</c> render: Word's XML is about ten times its text.</summary>
    private const int MarkupPerCharacter = 10;

    private const char Mark = '\uE000';
    private const char MarkEnd = '\uE001';
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private const string LineBreak = "</w:t><w:br/><w:t xml:space=\"preserve\">";

    private readonly List<(string Name, byte[]? Bytes, RenderedPart? Part)> _entries;

    private WordTemplate(string source, List<(string Name, byte[]? Bytes, RenderedPart? Part)> entries)
    {
        Source = source;
        _entries = entries;
    }

    /// <summary>How the template is named in diagnostics.</summary>
    public string Source { get; }

    /// <summary>The number of the template's parts that hold tags.</summary>
    public int PartsWithTags => _entries.Count(e => e.Part is not null);

    private sealed record RenderedPart(ScribanTemplate Template, int[] CodeStarts, WordTagLocation[] Locations, bool Repair);

    /// <summary>
    /// Reads a .docx and checks every tag in it against <paramref name="modelType"/> (only the syntax and
    /// the placing of blocks when it is null). Returns the template, or every reason it cannot be used.
    /// </summary>
    public static (WordTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Compile(
        byte[] docx, string source, Type? modelType, Type? settingsType = null, ScribanLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<TemplateLoadError>();
        List<(string Name, byte[] Bytes)> zipEntries;
        var renderedParts = new Dictionary<string, RenderedPart>(StringComparer.OrdinalIgnoreCase);
        try
        {
            zipEntries = ReadEntries(docx);
            using var stream = new MemoryStream(docx, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var main = document.MainDocumentPart ?? throw new InvalidDataException("no main document part");
            foreach (var (part, roots) in Stories(main))
            {
                var prepared = Prepare(part, roots, source, modelType, settingsType, limits ?? ScribanLimits.Default, errors);
                if (prepared is not null)
                {
                    renderedParts[part.Uri.OriginalString.TrimStart('/')] = prepared;
                }
            }
        }
        catch (WordPackageTooLargeException e)
        {
            return (null, [Problem(source, ScribanDiagnostics.HeaderId, e.Message)]);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or FileFormatException or XmlException or IOException)
        {
            return (null, [Problem(source, ScribanDiagnostics.HeaderId, "The file is not a Word document SafeguardDocs can read (.docx). Save it from Word as \"Word Document (*.docx)\" and try again.")]);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var entries = zipEntries
            .Select(e => renderedParts.TryGetValue(e.Name, out var part) ? (e.Name, (byte[]?)null, (RenderedPart?)part) : (e.Name, e.Bytes, null))
            .ToList();
        return (new WordTemplate(source, entries), []);
    }

    /// <summary>The time every entry of a filled-in document carries (not the clock), so the same input gives the same bytes.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Renders the template for <paramref name="model"/> and writes the .docx to <paramref name="output"/>.
    /// Nothing is written unless every part rendered; the problems are returned, never thrown.
    /// </summary>
    public IReadOnlyList<TemplateLoadError> Render(object model, object? settings, DateOnly today, Stream output, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var rendered = new string?[_entries.Count];
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Part is not { } part)
            {
                continue;
            }

            var result = part.Template.Render(model, settings, today, cancellation);
            if (result.Html is null)
            {
                return [.. result.Errors.Select(e => Locate(part, e))];
            }

            rendered[i] = Finish(result.Html, part.Repair);
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        for (var i = 0; i < _entries.Count; i++)
        {
            var (name, bytes, _) = _entries[i];
            var entry = zip.CreateEntry(name, IsCompressed(name) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
            entry.LastWriteTime = EntryTime;
            using var stream = entry.Open();
            if (rendered[i] is { } xml)
            {
                var utf8 = Encoding.UTF8.GetBytes(xml);
                stream.Write(utf8);
            }
            else
            {
                stream.Write(bytes!);
            }
        }

        return [];
    }

    /// <summary>The parts that can hold tags, each with the elements to scan and how to name them.</summary>
    private static IEnumerable<(OpenXmlPart Part, List<(OpenXmlElement Root, string Name)> Roots)> Stories(MainDocumentPart main)
    {
        yield return (main, [(main.Document!, "the body")]);
        var headerNames = ReferenceNames<W.HeaderReference>(main, "header");
        foreach (var header in main.HeaderParts)
        {
            yield return (header, [(header.Header!, headerNames.GetValueOrDefault(main.GetIdOfPart(header), "a header"))]);
        }

        var footerNames = ReferenceNames<W.FooterReference>(main, "footer");
        foreach (var footer in main.FooterParts)
        {
            yield return (footer, [(footer.Footer!, footerNames.GetValueOrDefault(main.GetIdOfPart(footer), "a footer"))]);
        }

        if (main.FootnotesPart?.Footnotes is { } footnotes)
        {
            yield return (main.FootnotesPart, [.. footnotes.Elements<W.Footnote>().Where(f => f.Type is null || f.Type.Value == W.FootnoteEndnoteValues.Normal)
                .Select((f, i) => ((OpenXmlElement)f, $"footnote {i + 1}"))]);
        }

        if (main.EndnotesPart?.Endnotes is { } endnotes)
        {
            yield return (main.EndnotesPart, [.. endnotes.Elements<W.Endnote>().Where(f => f.Type is null || f.Type.Value == W.FootnoteEndnoteValues.Normal)
                .Select((f, i) => ((OpenXmlElement)f, $"endnote {i + 1}"))]);
        }
    }

    /// <summary>"the header", "the first-page header", "the even-page header" (and "… of section 2" when there are several sections), by relationship id.</summary>
    private static Dictionary<string, string> ReferenceNames<T>(MainDocumentPart main, string what) where T : W.HeaderFooterReferenceType
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var sections = main.Document!.Descendants<W.SectionProperties>().ToList();
        for (var s = 0; s < sections.Count; s++)
        {
            foreach (var reference in sections[s].Elements<T>())
            {
                var type = reference.Type?.Value;
                var name = type == W.HeaderFooterValues.First ? $"the first-page {what}"
                    : type == W.HeaderFooterValues.Even ? $"the even-page {what}"
                    : $"the {what}";
                if (reference.Id?.Value is { } id)
                {
                    names.TryAdd(id, sections.Count > 1 ? $"{name} of section {s + 1}" : name);
                }
            }
        }

        return names;
    }

    /// <summary>Finds, checks and places the tags of one part; null when it has none (its bytes are kept).</summary>
    private static RenderedPart? Prepare(OpenXmlPart part, List<(OpenXmlElement Root, string Name)> roots, string source, Type? modelType, Type? settingsType, ScribanLimits limits, List<TemplateLoadError> errors)
    {
        var tags = new List<WordTag>();
        foreach (var (root, name) in roots)
        {
            var (found, unclosed) = WordTagScanner.Scan(root, name);
            tags.AddRange(found);
            errors.AddRange(unclosed.Select(u => Problem(source, ScribanDiagnostics.SyntaxId,
                $"In {u.Location}: a tag opened with {{{{ is not closed with }}}} in the same paragraph. Finish it, or remove the {{{{.")));
        }

        if (tags.Count == 0)
        {
            return null;
        }

        var rootElement = part.RootElement!;
        var order = rootElement.Descendants<W.Run>().Select((run, i) => (run, i)).ToDictionary(x => x.run, x => x.i);
        tags = [.. tags.OrderBy(t => order[t.Run])];

        // The tags alone, one a line, are what the checker reads: a line number is a tag.
        var checkText = string.Join('\n', tags.Select(t => t.Text));
        var checkErrors = ScribanTemplateChecker.Check(checkText, modelType, source, settingsType);
        var before = errors.Count;
        foreach (var error in checkErrors.DistinctBy(e => (Where(tags, e.Line).ToString(), e.Message)))
        {
            errors.Add(Problem(source, error.Id, $"In {Where(tags, error.Line)}: {error.Message}"));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var (codes, repair) = Place(tags, source, errors);
        if (errors.Count > before || modelType is null)
        {
            return null;
        }

        var xml = rootElement.OuterXml;
        var text = new StringBuilder(xml.Length + 256);
        var codeStarts = new List<int>();
        var locations = new List<WordTagLocation>();
        AppendLiteral(text, XmlDeclaration);
        var position = 0;
        foreach (Match match in MarkerPattern().Matches(xml))
        {
            AppendLiteral(text, xml.AsSpan(position, match.Index - position));
            var id = int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            codeStarts.Add(text.Length);
            locations.Add(codes[id].Location);
            text.Append("{{").Append(codes[id].Code).Append("}}");
            position = match.Index + match.Length;
        }

        AppendLiteral(text, xml.AsSpan(position));
        var partLimits = limits with { OutputLimit = (int)Math.Min(int.MaxValue, (long)limits.OutputLimit * MarkupPerCharacter + xml.Length) };
        var (template, templateErrors) = ScribanTemplate.Parse(text.ToString(), source, modelType, settingsType, templatesFolder: null, partLimits);
        if (template is null)
        {
            // The tags checked clean on their own; anything left is about where they sit.
            errors.AddRange(templateErrors.Select(e => Problem(source, e.Id, $"In {Locate(codeStarts, locations, e.Column)}: {e.Message}")));
            return null;
        }

        return new RenderedPart(template, [.. codeStarts], [.. locations], repair);
    }

    /// <summary>
    /// Decides what each tag does to the document around it and marks its place in the part's elements.
    /// Returns the code for each mark, and whether a render may leave a cell, header or text box empty.
    /// </summary>
    private static (List<(string Code, WordTagLocation Location)> Codes, bool Repair) Place(List<WordTag> tags, string source, List<TemplateLoadError> errors)
    {
        var codes = new List<(string Code, WordTagLocation Location)>();
        var repair = false;
        var errorsBefore = errors.Count;
        var blocks = new List<List<WordTag>>();
        var open = new Stack<List<WordTag>>();
        foreach (var tag in tags)
        {
            switch (tag.Role)
            {
                case WordTagRole.Open:
                    open.Push([tag]);
                    break;
                case WordTagRole.Middle when open.Count > 0:
                    open.Peek().Add(tag);
                    break;
                case WordTagRole.Close when open.Count > 0:
                    var block = open.Pop();
                    block.Add(tag);
                    blocks.Add(block);
                    break;
            }
        }

        var replaceParagraph = new Dictionary<W.Paragraph, int>();
        var replaceRun = new Dictionary<W.Run, int>();
        var removeRun = new List<WordTag>();
        var beforeRow = new Dictionary<W.TableRow, List<int>>();
        var afterRow = new Dictionary<W.TableRow, List<int>>();
        var blockTags = new HashSet<WordTag>();
        foreach (var block in blocks)
        {
            var first = block[0];
            var last = block[^1];
            blockTags.UnionWith(block);
            if (block.All(t => t.AloneInParagraph) && block.All(t => t.ParagraphParent == first.ParagraphParent))
            {
                foreach (var tag in block)
                {
                    replaceParagraph[tag.Paragraph] = Add(tag);
                }

                repair = true;
            }
            else if (block.All(t => t.Paragraph == first.Paragraph) && block.All(t => t.Run.Parent == first.Run.Parent))
            {
                foreach (var tag in block)
                {
                    replaceRun[tag.Run] = Add(tag);
                }
            }
            else if (block.Count == 2 && first.Row is { } row && last.Row == row)
            {
                if (!beforeRow.TryGetValue(row, out var b))
                {
                    beforeRow[row] = b = [];
                }

                if (!afterRow.TryGetValue(row, out var a))
                {
                    afterRow[row] = a = [];
                }

                b.Add(Add(first));
                a.Add(Add(last));
                removeRun.AddRange(block);
                repair = true;
            }
            else
            {
                errors.Add(Problem(source, ScribanDiagnostics.SyntaxId,
                    $"In {first.Location}: `{first.Text}` and its `{last.Text}` cannot be placed. Put each of its tags alone in a paragraph of its own, side by side (in the body or in one table cell); or all of them in one paragraph; or, to repeat a table row, `{first.Text}` in the row's first cell and `{last.Text}` in its last."));
            }
        }

        if (errors.Count > errorsBefore)
        {
            return (codes, repair);
        }

        foreach (var tag in tags.Where(t => !blockTags.Contains(t)))
        {
            var text = tag.Run.Elements<W.Text>().First();
            text.Text = $"{Mark}{Add(tag)}{MarkEnd}";
        }

        foreach (var (paragraph, id) in replaceParagraph)
        {
            paragraph.InsertBeforeSelf(Marker(id));
            paragraph.Remove();
        }

        foreach (var (run, id) in replaceRun)
        {
            run.InsertBeforeSelf(Marker(id));
            run.Remove();
        }

        foreach (var tag in removeRun)
        {
            // A row's tag alone in its paragraph takes the paragraph with it when the cell has another.
            if (tag.AloneInParagraph && tag.Paragraph.Parent is W.TableCell cell && cell.Elements<W.Paragraph>().Count() > 1)
            {
                tag.Paragraph.Remove();
            }
            else
            {
                tag.Run.Remove();
            }
        }

        foreach (var (row, ids) in beforeRow)
        {
            foreach (var id in ids)
            {
                row.InsertBeforeSelf(Marker(id));
            }
        }

        foreach (var (row, ids) in afterRow)
        {
            for (var i = ids.Count - 1; i >= 0; i--)
            {
                row.InsertAfterSelf(Marker(ids[i]));
            }
        }

        return (codes, repair);

        int Add(WordTag tag)
        {
            codes.Add((tag.Code, tag.Location));
            return codes.Count - 1;
        }
    }

    private static OpenXmlMiscNode Marker(int id) =>
        new(XmlNodeType.Comment, $"<!--{Mark}{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-->");

    [GeneratedRegex("<!--\uE000([0-9]+)-->|\uE000([0-9]+)\uE001")]
    private static partial Regex MarkerPattern();

    /// <summary>The template's own XML, as Scriban text: no line breaks (a break in the output is then always a value's), and no braces Scriban would read.</summary>
    private static void AppendLiteral(StringBuilder text, ReadOnlySpan<char> xml)
    {
        foreach (var c in xml)
        {
            _ = c switch
            {
                '\n' => text.Append("&#10;"),
                '\r' => text.Append("&#13;"),
                '{' => text.Append("{{'{'}}"),
                _ => text.Append(c),
            };
        }
    }

    /// <summary>A value's line breaks become Word line breaks; a table a block emptied of rows goes; a cell, header, footer, note or text box a block emptied gets the paragraph Word requires.</summary>
    private static string Finish(string xml, bool repair)
    {
        if (xml.Contains('\n', StringComparison.Ordinal))
        {
            xml = xml.Replace("\n", LineBreak, StringComparison.Ordinal);
        }

        if (repair)
        {
            // A table whose rows all repeated over empty lists is left out: Word refuses a table without rows.
            xml = EmptyTable().Replace(xml, string.Empty);
            xml = EmptyContainer().Replace(xml, "$1<w:p/>$2");
        }

        return xml;
    }

    [GeneratedRegex(@"(<w:tc>|<w:tc [^>]*>|</w:tcPr>|<w:(?:hdr|ftr|footnote|endnote|txbxContent)(?: [^>]*)?>)(</w:(?:tc|hdr|ftr|footnote|endnote|txbxContent)>)")]
    private static partial Regex EmptyContainer();

    [GeneratedRegex(@"<w:tbl>(?:(?!<w:tr[ >]|<w:tbl>).)*?</w:tbl>", RegexOptions.Singleline)]
    private static partial Regex EmptyTable();

    private static WordTagLocation Where(List<WordTag> tags, int line) => tags[Math.Clamp(line, 1, tags.Count) - 1].Location;

    private static WordTagLocation Locate(IReadOnlyList<int> codeStarts, IReadOnlyList<WordTagLocation> locations, int column)
    {
        var index = 0;
        for (var i = 0; i < codeStarts.Count && codeStarts[i] <= column - 1; i++)
        {
            index = i;
        }

        return locations[index];
    }

    private TemplateLoadError Locate(RenderedPart part, TemplateLoadError error) =>
        Problem(Source, error.Id, $"In {Locate(part.CodeStarts, part.Locations, error.Column)}: {error.Message}");

    private static TemplateLoadError Problem(string source, string id, string message) => new(source, 0, 0, id, message);

    /// <summary>The most parts a template's package may hold.</summary>
    public const int MaxEntries = 1000;

    /// <summary>The most a template's package may hold once unpacked (32 MB), counted as it is unpacked, not as the zip claims.</summary>
    public const long MaxUnpackedBytes = 32L * 1024 * 1024;

    /// <summary>Unpacks the package within <see cref="MaxEntries"/> and <see cref="MaxUnpackedBytes"/>; throws <see cref="WordPackageTooLargeException"/> beyond them.</summary>
    internal static void CheckPackage(byte[] docx) => ReadEntries(docx);

    private static List<(string Name, byte[] Bytes)> ReadEntries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new WordPackageTooLargeException($"The template holds more than {MaxEntries} parts, more than any letter needs. Save it from Word as a new document and try again.");
        }

        var entries = new List<(string, byte[])>();
        var total = 0L;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > MaxUnpackedBytes)
                {
                    throw new WordPackageTooLargeException($"The template unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB, more than any letter needs. Make its pictures smaller (in Word: Picture Format \u203a Compress Pictures) and save it again.");
                }

                copy.Write(buffer, 0, read);
            }

            entries.Add((entry.FullName, copy.ToArray()));
        }

        return entries;
    }

    private static bool IsCompressed(string name) =>
        name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gif", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A template's package beyond the limits of <see cref="WordTemplate"/>; the message says what to do.</summary>
public sealed class WordPackageTooLargeException : IOException
{
    public WordPackageTooLargeException()
    {
    }

    public WordPackageTooLargeException(string message)
        : base(message)
    {
    }

    public WordPackageTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
