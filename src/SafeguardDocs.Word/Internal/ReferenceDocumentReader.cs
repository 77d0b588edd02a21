using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SafeguardDocs.Word.Internal;

/// <summary>
/// Reads a house style from a reference .docx with <see cref="ZipArchive"/> and LINQ to XML, so every
/// way a file can be wrong becomes a <see cref="HouseStyleException"/> that says what to do.
/// </summary>
internal static class ReferenceDocumentReader
{
    private const long MaxPartBytes = 32L * 1024 * 1024;
    private const long MaxFileBytes = 64L * 1024 * 1024;
    private static readonly XNamespace W = Ns.W;
    private static readonly XNamespace R = Ns.R;
    private static readonly XNamespace Rels = Ns.PackageRels;
    private static readonly XNamespace Ct = Ns.ContentTypes;

    private static readonly HashSet<string> WordMainTypes =
    [
        Ns.CtMain,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ];

    /// <summary>Reads a reference document from a path the caller trusts to be an ordinary file.</summary>
    public static HouseStyle Read(string path)
    {
        if (!File.Exists(path))
        {
            throw HouseStyleException.NotFound(path);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxFileBytes)
            {
                throw HouseStyleException.TooLarge(path, "the whole file");
            }

            return Read(stream, path);
        }
        catch (IOException e)
        {
            throw HouseStyleException.Unreadable(path, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw HouseStyleException.Unreadable(path, e);
        }
    }

    /// <summary>Reads a reference document already in memory (read by the caller, who checked what the file is); <paramref name="name"/> names it in messages.</summary>
    public static HouseStyle Read(byte[] content, string name)
    {
        using var stream = new MemoryStream(content, writable: false);
        return Read(stream, name);
    }

    private static HouseStyle Read(Stream stream, string path)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return new Reader(path, zip).Read();
        }
        catch (InvalidDataException e)
        {
            // Not a zip at all (.doc, PDF, text), or a zip with a broken entry.
            throw HouseStyleException.NotADocx(path, e);
        }
        catch (IOException e)
        {
            throw HouseStyleException.Unreadable(path, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw HouseStyleException.Unreadable(path, e);
        }
    }

    private sealed class Reader(string path, ZipArchive zip)
    {
        private readonly Dictionary<string, string> defaults = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> overrides = new(StringComparer.OrdinalIgnoreCase);

        public HouseStyle Read()
        {
            var types = Xml("[Content_Types].xml") ?? throw HouseStyleException.NotADocx(path);
            foreach (var d in types.Root!.Elements(Ct + "Default"))
            {
                defaults[(string?)d.Attribute("Extension") ?? string.Empty] = (string?)d.Attribute("ContentType") ?? string.Empty;
            }

            foreach (var o in types.Root!.Elements(Ct + "Override"))
            {
                overrides[((string?)o.Attribute("PartName") ?? string.Empty).TrimStart('/')] = (string?)o.Attribute("ContentType") ?? string.Empty;
            }

            var packageRels = Xml("_rels/.rels") ?? throw HouseStyleException.NotADocx(path);
            var main = Relationships(packageRels, string.Empty).FirstOrDefault(r => r.Type == Ns.RelOfficeDocument).Target
                ?? throw HouseStyleException.NotADocx(path);
            if (!WordMainTypes.Contains(ContentType(main)))
            {
                throw HouseStyleException.NotAWordDocument(path);
            }

            var document = Xml(main) ?? throw HouseStyleException.Corrupt(path, main);
            var mainRels = Xml(RelsName(main));
            var rels = mainRels is null ? [] : Relationships(mainRels, Folder(main));

            var ourStyles = HouseStyle.ResourceDocument("styles.xml");
            var stylesPart = rels.FirstOrDefault(r => r.Type == Ns.RelStyles).Target;
            var theirStyles = stylesPart is null ? null : Xml(stylesPart);
            var styles = theirStyles is null ? HouseStyle.Resource("styles.xml") : HouseStyle.Serialise(Merge(theirStyles, ourStyles));

            var themePart = rels.FirstOrDefault(r => r.Type == Ns.RelTheme).Target;
            var theme = themePart is not null && Xml(themePart) is { } themeXml ? HouseStyle.Serialise(themeXml) : HouseStyle.Resource("theme1.xml");
            var fontPart = rels.FirstOrDefault(r => r.Type == Ns.RelFontTable).Target;
            var fonts = fontPart is not null && Xml(fontPart) is { } fontXml ? HouseStyle.Serialise(fontXml) : HouseStyle.Resource("fontTable.xml");

            var sectPr = document.Root?.Element(W + "body")?.Elements(W + "sectPr").LastOrDefault();
            var headers = new List<HeaderFooterSource>();
            var files = new Dictionary<string, PackageFile>(StringComparer.Ordinal);
            var extraTypes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (sectPr is not null)
            {
                foreach (var reference in sectPr.Elements().Where(e => e.Name == W + "headerReference" || e.Name == W + "footerReference"))
                {
                    var type = (string?)reference.Attribute(W + "type") ?? "default";
                    var id = (string?)reference.Attribute(R + "id");
                    var target = rels.FirstOrDefault(r => r.Id == id).Target;
                    if (type is not ("default" or "first") || target is null)
                    {
                        // Even-page headers need a document setting this writer does not copy; they are left out.
                        continue;
                    }

                    headers.Add(HeaderOrFooter(reference.Name == W + "footerReference", type, target, files, extraTypes));
                }
            }

            var (section, textWidth) = Section(sectPr, headers.Any(h => h.Type == "first"));
            return new HouseStyle(path, styles, theme, fonts, section, textWidth, headers, [.. files.Values.OrderBy(f => f.Name, StringComparer.Ordinal)], extraTypes);
        }

        private HeaderFooterSource HeaderOrFooter(bool isFooter, string type, string partName, Dictionary<string, PackageFile> files, SortedDictionary<string, string> extraTypes)
        {
            var xml = Xml(partName) ?? throw HouseStyleException.Corrupt(path, partName);
            var text = Encoding.UTF8.GetString(HouseStyle.Serialise(xml));
            var segments = text.Split(HeaderFooterSource.ReferenceToken).Select(Encoding.UTF8.GetBytes).ToArray();

            byte[]? relsBytes = null;
            var relsXml = Xml(RelsName(partName));
            if (relsXml is not null)
            {
                var kept = new XElement(Rels + "Relationships");
                foreach (var rel in relsXml.Root!.Elements(Rels + "Relationship"))
                {
                    var external = (string?)rel.Attribute("TargetMode") == "External";
                    if (!external)
                    {
                        var target = Resolve(Folder(partName), (string?)rel.Attribute("Target") ?? string.Empty);
                        if (target is null || Entry(target) is null || IsOurs(target))
                        {
                            // A link to something missing or outside the package: leave it out rather than write a broken link.
                            continue;
                        }

                        if (!files.ContainsKey(target))
                        {
                            files[target] = new PackageFile(target, Bytes(target));
                            var extension = Path.GetExtension(target).TrimStart('.');
                            extraTypes[extension.ToLowerInvariant()] = ContentType(target);
                        }
                    }

                    kept.Add(new XElement(rel));
                }

                relsBytes = HouseStyle.Serialise(new XDocument(kept));
            }

            return new HeaderFooterSource(isFooter, type, segments, relsBytes);
        }

        /// <summary>The page set-up: the reference's page size, margins, columns and grid; without its headers, page numbering or printer settings.</summary>
        private static (IReadOnlyList<SectionChild> Children, int TextWidth) Section(XElement? sectPr, bool hasFirstPage)
        {
            if (sectPr is null)
            {
                return (HouseStyle.DefaultSection, HouseStyle.DefaultTextWidth);
            }

            var children = sectPr.Elements()
                .Where(e => e.Name.Namespace == W && SectionChild.Order.Contains(e.Name.LocalName))
                .Where(e => e.Name.LocalName is not ("pgNumType" or "printerSettings" or "sectPrChange" or "footnotePr" or "endnotePr" or "type"))
                .Where(e => hasFirstPage || e.Name.LocalName != "titlePg")
                .Select(SectionChild.From)
                .OrderBy(c => c.Rank)
                .ToList();
            if (!children.Any(c => c.Name == "pgSz"))
            {
                return (HouseStyle.DefaultSection, HouseStyle.DefaultTextWidth);
            }

            var pgSz = sectPr.Element(W + "pgSz");
            var pgMar = sectPr.Element(W + "pgMar");
            var width = Twips(pgSz, "w", 11906) - Twips(pgMar, "left", 1134) - Twips(pgMar, "right", 1134) - Twips(pgMar, "gutter", 0);
            return (children, width is > 1440 and < 31680 ? width : HouseStyle.DefaultTextWidth);

            static int Twips(XElement? e, string name, int fallback) =>
                int.TryParse((string?)e?.Attribute(W + name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? Math.Abs(v) : fallback;
        }

        /// <summary>Their styles, with docDefaults and any of our styles they lack added.</summary>
        private static XDocument Merge(XDocument theirs, XDocument ours)
        {
            var root = theirs.Root!;
            if (root.Element(W + "docDefaults") is null && ours.Root!.Element(W + "docDefaults") is { } defaults)
            {
                root.AddFirst(new XElement(defaults));
            }

            var have = root.Elements(W + "style")
                .Select(s => ((string?)s.Attribute(W + "type") ?? "paragraph") + "/" + (string?)s.Attribute(W + "styleId"))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var style in ours.Root!.Elements(W + "style"))
            {
                var key = (string?)style.Attribute(W + "type") + "/" + (string?)style.Attribute(W + "styleId");
                if (!have.Contains(key))
                {
                    var copy = new XElement(style);
                    copy.Attribute(W + "default")?.Remove();
                    root.Add(copy);
                }
            }

            return theirs;
        }

        private static bool IsOurs(string part) =>
            part.StartsWith("word/header", StringComparison.OrdinalIgnoreCase) || part.StartsWith("word/footer", StringComparison.OrdinalIgnoreCase)
            || part.StartsWith("word/_rels", StringComparison.OrdinalIgnoreCase) || part.StartsWith("_rels", StringComparison.OrdinalIgnoreCase)
            || part.StartsWith("docProps", StringComparison.OrdinalIgnoreCase) || part.StartsWith('[')
            || part.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase) || part.Equals("word/styles.xml", StringComparison.OrdinalIgnoreCase)
            || part.Equals("word/numbering.xml", StringComparison.OrdinalIgnoreCase) || part.Equals("word/settings.xml", StringComparison.OrdinalIgnoreCase)
            || part.Equals("word/fontTable.xml", StringComparison.OrdinalIgnoreCase) || part.StartsWith("word/theme", StringComparison.OrdinalIgnoreCase)
            || !part.Contains('.', StringComparison.Ordinal);

        private string ContentType(string part) =>
            overrides.TryGetValue(part, out var type) ? type
            : defaults.TryGetValue(Path.GetExtension(part).TrimStart('.'), out var byExtension) ? byExtension
            : "application/octet-stream";

        private ZipArchiveEntry? Entry(string name) => zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

        private byte[] Bytes(string name)
        {
            var entry = Entry(name) ?? throw HouseStyleException.Corrupt(path, name);
            if (entry.Length > MaxPartBytes)
            {
                throw HouseStyleException.TooLarge(path, name);
            }

            try
            {
                using var s = entry.Open();
                using var buffer = new MemoryStream((int)entry.Length);
                s.CopyTo(buffer);
                return buffer.ToArray();
            }
            catch (InvalidDataException e)
            {
                throw HouseStyleException.Corrupt(path, name, e);
            }
        }

        private XDocument? Xml(string name)
        {
            if (Entry(name) is null)
            {
                return null;
            }

            var bytes = Bytes(name);
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                return XDocument.Load(reader);
            }
            catch (XmlException e)
            {
                throw HouseStyleException.Corrupt(path, name, e);
            }
        }

        private static string RelsName(string part) => Folder(part) + "_rels/" + Path.GetFileName(part) + ".rels";

        private static string Folder(string part)
        {
            var slash = part.LastIndexOf('/');
            return slash < 0 ? string.Empty : part[..(slash + 1)];
        }

        private static List<(string Id, string Type, string? Target)> Relationships(XDocument rels, string folder) =>
            [.. rels.Root!.Elements(Rels + "Relationship")
                .Where(r => (string?)r.Attribute("TargetMode") != "External")
                .Select(r => ((string?)r.Attribute("Id") ?? string.Empty, (string?)r.Attribute("Type") ?? string.Empty, Resolve(folder, (string?)r.Attribute("Target") ?? string.Empty)))];

        /// <summary>A relationship target as a zip entry name, or null if it leaves the package.</summary>
        private static string? Resolve(string folder, string target)
        {
            var combined = target.StartsWith('/') ? target[1..] : folder + target;
            var parts = new List<string>();
            foreach (var segment in Uri.UnescapeDataString(combined).Split('/'))
            {
                if (segment is "" or ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(segment);
            }

            return parts.Count == 0 ? null : string.Join('/', parts);
        }
    }
}
