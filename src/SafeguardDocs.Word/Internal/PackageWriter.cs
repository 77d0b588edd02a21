using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using SafeguardDocs.Markup;

namespace SafeguardDocs.Word.Internal;

/// <summary>
/// Writes one .docx package: the parts that depend only on the house style come ready-made as bytes
/// from <see cref="PreparedParts"/>; the body, header, footer and core properties are written with an
/// <see cref="XmlWriter"/> straight into their zip entries. One instance per package; not thread-safe.
/// </summary>
internal sealed class PackageWriter : IDisposable
{
    /// <summary>Every zip entry carries this time, so the bytes do not depend on when they were written.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = true,
    };

    private const int SmallPart = 1024;

    private readonly ZipArchive zip;
    private readonly PreparedParts prepared;
    private readonly HouseStyle style;
    private readonly DocxOptions options;
    private readonly bool combined;

    private readonly List<(string Id, string Type, string Target)> relationships = [];
    private readonly List<(string Part, string ContentType)> overrides = [];
    private readonly List<PendingPart> pending = [];
    private readonly Dictionary<HeaderFooterSource, string> sharedReferenceParts = [];
    private readonly Dictionary<string, string> letterheads = new(StringComparer.Ordinal);
    private int partCounter;

    public PackageWriter(Stream output, PreparedParts prepared, DocxOptions options, bool combined)
    {
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        this.prepared = prepared;
        style = prepared.Style;
        this.options = options;
        this.combined = combined;
    }

    /// <summary>A header or footer to write once the body is done (the zip takes one entry at a time).</summary>
    private abstract record PendingPart(string Name);

    private sealed record GeneratedHeader(string Name, IReadOnlyList<string> Letterhead) : PendingPart(Name);

    private sealed record GeneratedFooter(string Name, string Reference) : PendingPart(Name);

    private sealed record CopiedPart(string Name, HeaderFooterSource Source, string Reference) : PendingPart(Name);

    /// <summary>The header and footer references of one section.</summary>
    private sealed record SectionRefs(IReadOnlyList<(bool Footer, string Type, string Id)> Refs);

    public void WriteSingle(MarkupDocument document)
    {
        var refs = PlanSection(document);
        WriteBytes("[Content_Types].xml", ContentTypes());
        WriteBytes("_rels/.rels", prepared.PackageRels);
        WriteCore(document.Title);
        WriteBytes("docProps/app.xml", prepared.App);
        WriteBytes("word/_rels/document.xml.rels", DocumentRels());

        int lists;
        using (var x = XmlWriter.Create(OpenEntry("word/document.xml"), XmlSettings))
        {
            StartDocument(x);
            var body = new BodyWriter(x, style.TextWidth);
            body.WriteBlocks(document.Blocks);
            body.CloseTable();
            WriteSectionProperties(x, refs);
            EndDocument(x);
            lists = body.OrderedLists;
        }

        WriteStaticParts(lists);
        WritePending();
    }

    public void WriteCombined(IEnumerable<MarkupDocument> documents, string title)
    {
        WriteBytes("_rels/.rels", prepared.PackageRels);
        WriteCore(title);
        WriteBytes("docProps/app.xml", prepared.App);

        int lists;
        using (var x = XmlWriter.Create(OpenEntry("word/document.xml"), XmlSettings))
        {
            StartDocument(x);
            var body = new BodyWriter(x, style.TextWidth);
            SectionRefs? previous = null;
            foreach (var document in documents)
            {
                ArgumentNullException.ThrowIfNull(document);
                if (previous is not null)
                {
                    // The previous document's section ends here: a new page, its own header and footer.
                    body.CloseTable();
                    x.WriteStartElement("w", "p", Ns.W);
                    x.WriteStartElement("w", "pPr", Ns.W);
                    WriteSectionProperties(x, previous);
                    x.WriteEndElement();
                    x.WriteEndElement();
                }

                previous = PlanSection(document);
                body.WriteBlocks(document.Blocks);
            }

            body.CloseTable();
            if (previous is null)
            {
                x.WriteStartElement("w", "p", Ns.W);
                x.WriteEndElement();
            }

            WriteSectionProperties(x, previous ?? new SectionRefs([]));
            EndDocument(x);
            lists = body.OrderedLists;
        }

        WriteStaticParts(lists);
        WritePending();
        WriteBytes("word/_rels/document.xml.rels", DocumentRels());
        WriteBytes("[Content_Types].xml", ContentTypes());
    }

    public void Dispose() => zip.Dispose();

    private SectionRefs PlanSection(MarkupDocument document)
    {
        var refs = new List<(bool Footer, string Type, string Id)>();
        foreach (var source in style.HeadersAndFooters)
        {
            string id;
            if (source.PerDocument)
            {
                id = AddPart(source.IsFooter, n => new CopiedPart($"word/{Kind(source.IsFooter)}{n}.xml", source, document.Reference));
            }
            else if (!sharedReferenceParts.TryGetValue(source, out id!))
            {
                id = AddPart(source.IsFooter, n => new CopiedPart($"word/{Kind(source.IsFooter)}{n}.xml", source, string.Empty));
                sharedReferenceParts[source] = id;
            }

            refs.Add((source.IsFooter, source.Type, id));
        }

        var firstPage = style.Section.Any(c => c.Name == "titlePg");
        if (!style.HasOwnHeader)
        {
            var key = string.Join('\n', document.Letterhead);
            if (!letterheads.TryGetValue(key, out var id))
            {
                id = AddPart(false, n => new GeneratedHeader($"word/header{n}.xml", document.Letterhead));
                letterheads[key] = id;
            }

            refs.Add((false, "default", id));
            if (firstPage)
            {
                refs.Add((false, "first", id));
            }
        }

        if (!style.HasOwnFooter)
        {
            var id = AddPart(true, n => new GeneratedFooter($"word/footer{n}.xml", document.Reference));
            refs.Add((true, "default", id));
            if (firstPage)
            {
                refs.Add((true, "first", id));
            }
        }

        return new SectionRefs(refs);
    }

    private static string Kind(bool footer) => footer ? "footer" : "header";

    private string AddPart(bool footer, Func<int, PendingPart> make)
    {
        var n = ++partCounter;
        var part = make(n);
        var id = "rIdHf" + n.ToString(CultureInfo.InvariantCulture);
        relationships.Add((id, footer ? Ns.RelFooter : Ns.RelHeader, part.Name["word/".Length..]));
        overrides.Add(("/" + part.Name, footer ? Ns.CtFooter : Ns.CtHeader));
        pending.Add(part);
        return id;
    }

    private static void StartDocument(XmlWriter x)
    {
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("w", "document", Ns.W);
        x.WriteAttributeString("xmlns", "r", null, Ns.R);
        x.WriteStartElement("w", "body", Ns.W);
    }

    private static void EndDocument(XmlWriter x)
    {
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private void WriteSectionProperties(XmlWriter x, SectionRefs refs)
    {
        x.WriteStartElement("w", "sectPr", Ns.W);
        foreach (var (footer, type, id) in refs.Refs)
        {
            x.WriteStartElement("w", footer ? "footerReference" : "headerReference", Ns.W);
            x.WriteAttributeString("w", "type", Ns.W, type);
            x.WriteAttributeString("r", "id", Ns.R, id);
            x.WriteEndElement();
        }

        // Pages are numbered within each document, except in a file for double-sided printing: there they run
        // through the file, because LibreOffice decides which side a page is on by its number, and a document
        // restarting at page 1 would count as a right-hand page even when it is printed on a left-hand one.
        var numbered = !combined || options.RightHandStarts;
        var typed = !(combined && options.RightHandStarts);
        foreach (var child in style.Section)
        {
            if (!typed && child.Rank > SectionChild.TypeRank)
            {
                OddPage(x);
                typed = true;
            }

            if (!numbered && child.Rank > SectionChild.PageNumberingRank)
            {
                PageNumbersRestart(x);
                numbered = true;
            }

            x.WriteRaw(child.Xml);
        }

        if (!typed)
        {
            OddPage(x);
        }

        if (!numbered)
        {
            PageNumbersRestart(x);
        }

        x.WriteEndElement();

        // The section starts on the next right-hand (odd-numbered) page; Word and LibreOffice print a blank
        // page before it when needed, so a double-sided print never backs one document onto another.
        static void OddPage(XmlWriter x)
        {
            x.WriteStartElement("w", "type", Ns.W);
            x.WriteAttributeString("w", "val", Ns.W, "oddPage");
            x.WriteEndElement();
        }

        // In a combined file each document numbers its own pages from 1 ("Page 2 of 3" of that document).
        static void PageNumbersRestart(XmlWriter x)
        {
            x.WriteStartElement("w", "pgNumType", Ns.W);
            x.WriteAttributeString("w", "start", Ns.W, "1");
            x.WriteEndElement();
        }
    }

    private void WriteStaticParts(int orderedLists)
    {
        WriteBytes("word/styles.xml", style.Styles);
        WriteBytes("word/numbering.xml", Numbering.For(orderedLists));
        WriteBytes("word/settings.xml", style.Settings);
        WriteBytes("word/fontTable.xml", style.FontTable);
        WriteBytes("word/theme/theme1.xml", style.Theme);
        foreach (var file in style.Files)
        {
            WriteBytes(file.Name, file.Bytes, CompressionLevel.NoCompression);
        }
    }

    private void WritePending()
    {
        foreach (var part in pending)
        {
            switch (part)
            {
                case GeneratedHeader header:
                    WriteHeader(header);
                    break;
                case GeneratedFooter footer:
                    WriteFooter(footer);
                    break;
                case CopiedPart copy:
                    WriteCopy(copy);
                    break;
            }
        }
    }

    private void WriteCopy(CopiedPart copy)
    {
        using (var stream = OpenEntry(copy.Name))
        {
            var reference = Encoding.UTF8.GetBytes(XmlText.Escape(copy.Reference));
            for (var i = 0; i < copy.Source.Segments.Count; i++)
            {
                if (i > 0)
                {
                    stream.Write(reference);
                }

                stream.Write(copy.Source.Segments[i]);
            }
        }

        if (copy.Source.Rels is not null)
        {
            WriteBytes("word/_rels/" + copy.Name["word/".Length..] + ".rels", copy.Source.Rels);
        }
    }

    /// <summary>The letterhead: the organisation large and bold, the other lines small, and a rule under the last.</summary>
    private void WriteHeader(GeneratedHeader header)
    {
        var lines = header.Letterhead.Select(XmlText.Clean).Where(l => l.Length > 0).ToList();
        using var x = XmlWriter.Create(OpenEntry(header.Name), XmlSettings);
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("w", "hdr", Ns.W);
        x.WriteAttributeString("xmlns", "r", null, Ns.R);
        if (lines.Count == 0)
        {
            x.WriteStartElement("w", "p", Ns.W);
            x.WriteStartElement("w", "pPr", Ns.W);
            Val(x, "pStyle", "Header");
            x.WriteEndElement();
            x.WriteEndElement();
        }

        for (var i = 0; i < lines.Count; i++)
        {
            x.WriteStartElement("w", "p", Ns.W);
            x.WriteStartElement("w", "pPr", Ns.W);
            Val(x, "pStyle", i == 0 ? "LetterheadOrganisation" : "LetterheadLine");
            if (i == lines.Count - 1)
            {
                x.WriteStartElement("w", "pBdr", Ns.W);
                x.WriteStartElement("w", "bottom", Ns.W);
                x.WriteAttributeString("w", "val", Ns.W, "single");
                x.WriteAttributeString("w", "sz", Ns.W, "8");
                x.WriteAttributeString("w", "space", Ns.W, "6");
                x.WriteAttributeString("w", "color", Ns.W, "1F3A5F");
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteStartElement("w", "spacing", Ns.W);
                x.WriteAttributeString("w", "after", Ns.W, "360");
                x.WriteEndElement();
            }

            x.WriteEndElement();
            Run(x, lines[i]);
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndDocument();
    }

    /// <summary>"Reference ABC-123" at the left, "Page X of Y" ("Page X" in a combined file) at the right margin.</summary>
    private void WriteFooter(GeneratedFooter footer)
    {
        using var x = XmlWriter.Create(OpenEntry(footer.Name), XmlSettings);
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("w", "ftr", Ns.W);
        x.WriteAttributeString("xmlns", "r", null, Ns.R);
        x.WriteStartElement("w", "p", Ns.W);
        x.WriteStartElement("w", "pPr", Ns.W);
        Val(x, "pStyle", "Footer");
        x.WriteStartElement("w", "pBdr", Ns.W);
        x.WriteStartElement("w", "top", Ns.W);
        x.WriteAttributeString("w", "val", Ns.W, "single");
        x.WriteAttributeString("w", "sz", Ns.W, "4");
        x.WriteAttributeString("w", "space", Ns.W, "4");
        x.WriteAttributeString("w", "color", Ns.W, "A6A6A6");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("w", "tabs", Ns.W);
        x.WriteStartElement("w", "tab", Ns.W);
        x.WriteAttributeString("w", "val", Ns.W, "right");
        x.WriteAttributeString("w", "pos", Ns.W, style.TextWidth.ToString(CultureInfo.InvariantCulture));
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();

        var reference = XmlText.Clean(footer.Reference).Trim();
        if (reference.Length > 0)
        {
            Run(x, "Reference " + reference);
        }

        x.WriteStartElement("w", "r", Ns.W);
        x.WriteStartElement("w", "tab", Ns.W);
        x.WriteEndElement();
        x.WriteEndElement();
        Run(x, "Page ");
        Field(x, "PAGE");
        if (!combined)
        {
            // In a combined file pages are numbered within each document, and the count of a
            // document's pages (SECTIONPAGES) is computed by Word but not by LibreOffice, Google Docs or
            // Pages, which would print the cached "1" ("Page 2 of 1"). So a combined file says "Page X" only.
            Run(x, " of ");
            Field(x, "NUMPAGES");
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();

        // A simple field with a cached result: readers that do not update fields still show a number.
        static void Field(XmlWriter x, string instruction)
        {
            x.WriteStartElement("w", "fldSimple", Ns.W);
            x.WriteAttributeString("w", "instr", Ns.W, " " + instruction + " ");
            Run(x, "1");
            x.WriteEndElement();
        }
    }

    private static void Run(XmlWriter x, string text)
    {
        x.WriteStartElement("w", "r", Ns.W);
        x.WriteStartElement("w", "t", Ns.W);
        x.WriteAttributeString("xml", "space", Ns.Xml, "preserve");
        x.WriteString(text);
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Val(XmlWriter x, string name, string value)
    {
        x.WriteStartElement("w", name, Ns.W);
        x.WriteAttributeString("w", "val", Ns.W, value);
        x.WriteEndElement();
    }

    /// <summary>docProps/core.xml: the title, "SafeguardDocs" as creator, and the date only if the options give one.</summary>
    private void WriteCore(string title)
    {
        var sb = new StringBuilder(640);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .Append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
            .Append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ")
            .Append("xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
            .Append("<dc:title>").Append(XmlText.Escape(title)).Append("</dc:title>")
            .Append("<dc:creator>SafeguardDocs</dc:creator>")
            .Append("<cp:lastModifiedBy>SafeguardDocs</cp:lastModifiedBy>");
        if (options.Created is { } created)
        {
            var w3c = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            sb.Append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").Append(w3c).Append("</dcterms:created>")
                .Append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").Append(w3c).Append("</dcterms:modified>");
        }

        sb.Append("</cp:coreProperties>");
        WriteBytes("docProps/core.xml", Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private byte[] ContentTypes()
    {
        var sb = new StringBuilder(prepared.ContentTypesPrefix.Length + (overrides.Count * 140) + 16);
        sb.Append(prepared.ContentTypesPrefix);
        foreach (var (part, type) in overrides)
        {
            sb.Append("<Override PartName=\"").Append(XmlText.Escape(part)).Append("\" ContentType=\"").Append(type).Append("\"/>");
        }

        sb.Append("</Types>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private byte[] DocumentRels()
    {
        var sb = new StringBuilder(prepared.DocumentRelsPrefix.Length + (relationships.Count * 160) + 32);
        sb.Append(prepared.DocumentRelsPrefix);
        foreach (var (id, type, target) in relationships)
        {
            sb.Append("<Relationship Id=\"").Append(id).Append("\" Type=\"").Append(type).Append("\" Target=\"").Append(XmlText.Escape(target)).Append("\"/>");
        }

        sb.Append("</Relationships>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private Stream OpenEntry(string name, CompressionLevel? level = null)
    {
        var entry = zip.CreateEntry(name, level ?? options.Compression);
        entry.LastWriteTime = EntryTime;
        return entry.Open();
    }

    private void WriteBytes(string name, byte[] bytes, CompressionLevel? level = null)
    {
        // Tiny parts gain nothing from compression and cost a deflater each.
        using var stream = OpenEntry(name, bytes.Length < SmallPart ? CompressionLevel.NoCompression : level);
        stream.Write(bytes);
    }
}
