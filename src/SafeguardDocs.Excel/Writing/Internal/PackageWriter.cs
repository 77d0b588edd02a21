using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>
/// Writes the .xlsx package straight into a zip, part by part, so that each worksheet streams to the
/// output and every entry carries the same fixed timestamp: the same input and clock give the same
/// bytes. (System.IO.Packaging stamps entries with the current time and buffers parts.)
/// </summary>
internal static class PackageWriter
{
    /// <summary>The zip timestamp of every part: the earliest a zip can hold.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Creator = "SafeguardDocs";

    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    public static void Write(Stream output, WorkbookSpec workbook, WorkbookOptions options)
    {
        var sheets = workbook.Sheets;
        Check(sheets);
        var directory = new SheetDirectory(sheets);
        foreach (var sheet in sheets)
        {
            sheet.Check(directory);
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", s => Xml(s, x => ContentTypes(x, sheets.Count)));
        Part(zip, "_rels/.rels", s => Xml(s, RootRelationships));
        Part(zip, "docProps/core.xml", s => Xml(s, x => CoreProperties(x, workbook.Title, options.Clock.GetUtcNow())));
        Part(zip, "docProps/app.xml", s => Xml(s, AppProperties));
        Part(zip, "xl/styles.xml", s => OpenXml(s, w => w.WriteElement(Styles.Build())));

        var names = new List<WorkbookName>();
        for (var i = 0; i < sheets.Count; i++)
        {
            var index = i;
            Part(zip, $"xl/worksheets/sheet{i + 1}.xml", s => sheets[index].Write(new SheetContext(OpenXmlWriter.Create(s), index, directory, options, names)));
        }

        Part(zip, "xl/workbook.xml", s => OpenXml(s, w => w.WriteElement(Workbook(sheets, names))));
        Part(zip, "xl/_rels/workbook.xml.rels", s => Xml(s, x => WorkbookRelationships(x, sheets.Count)));
    }

    private static void Check(IReadOnlyList<WorkbookSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var name = sheet.Name;
            if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0
                || name.StartsWith('\'') || name.EndsWith('\'') || string.Equals(name, "History", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"'{name}' cannot be a sheet name: use 1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with an apostrophe, and not 'History'.");
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Two sheets are called '{name}'. Give each sheet its own name.");
            }
        }
    }

    private static void Part(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        write(stream);
    }

    private static void OpenXml(Stream stream, Action<OpenXmlWriter> write)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        write(writer);
        writer.Close();
    }

    private static void Xml(Stream stream, Action<XmlWriter> write)
    {
        using var writer = XmlWriter.Create(stream, XmlSettings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static Workbook Workbook(IReadOnlyList<WorkbookSheet> sheets, List<WorkbookName> names)
    {
        var workbook = new Workbook();
        workbook.AddNamespaceDeclaration("r", RelNs);
        workbook.Append(new BookViews(new WorkbookView { ActiveTab = 0 }));
        workbook.Append(new Sheets(sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = RelId(i) })));
        if (names.Count > 0)
        {
            // Excel keeps names in order of name, then sheet.
            workbook.Append(new DefinedNames(names
                .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(n => n.LocalSheet ?? 0)
                .Select(n =>
                {
                    var defined = new DefinedName(n.Reference) { Name = n.Name };
                    if (n.LocalSheet is { } local)
                    {
                        defined.LocalSheetId = local;
                    }

                    if (n.Hidden)
                    {
                        defined.Hidden = true;
                    }

                    return defined;
                })));
        }

        // Recalculate every formula when the file is opened, so cached values are only ever a first view.
        workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        return workbook;
    }

    private static string RelId(int sheetIndex) => "rId" + (sheetIndex + 1).ToString(CultureInfo.InvariantCulture);

    private static void ContentTypes(XmlWriter x, int sheetCount)
    {
        x.WriteStartElement("Types", ContentTypesNs);
        Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(x, "xml", "application/xml");
        Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            Override(x, string.Create(CultureInfo.InvariantCulture, $"/xl/worksheets/sheet{i}.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        Override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        Override(x, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        x.WriteEndElement();

        static void Default(XmlWriter x, string extension, string type)
        {
            x.WriteStartElement("Default", ContentTypesNs);
            x.WriteAttributeString("Extension", extension);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }

        static void Override(XmlWriter x, string part, string type)
        {
            x.WriteStartElement("Override", ContentTypesNs);
            x.WriteAttributeString("PartName", part);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }
    }

    private static void RootRelationships(XmlWriter x)
    {
        x.WriteStartElement("Relationships", PackageRelNs);
        Relationship(x, "rId1", RelNs + "/officeDocument", "xl/workbook.xml");
        Relationship(x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        Relationship(x, "rId3", RelNs + "/extended-properties", "docProps/app.xml");
        x.WriteEndElement();
    }

    private static void WorkbookRelationships(XmlWriter x, int sheetCount)
    {
        x.WriteStartElement("Relationships", PackageRelNs);
        for (var i = 0; i < sheetCount; i++)
        {
            Relationship(x, RelId(i), RelNs + "/worksheet", string.Create(CultureInfo.InvariantCulture, $"worksheets/sheet{i + 1}.xml"));
        }

        Relationship(x, RelId(sheetCount), RelNs + "/styles", "styles.xml");
        x.WriteEndElement();
    }

    private static void Relationship(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship", PackageRelNs);
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", type);
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }

    private static void CoreProperties(XmlWriter x, string? title, DateTimeOffset now)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        x.WriteStartElement("cp", "coreProperties", cp);
        x.WriteAttributeString("xmlns", "dc", null, dc);
        x.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        x.WriteAttributeString("xmlns", "xsi", null, xsi);
        if (!string.IsNullOrWhiteSpace(title))
        {
            x.WriteElementString("dc", "title", dc, ExcelText.XmlSafe(title));
        }

        x.WriteElementString("dc", "creator", dc, Creator);
        x.WriteElementString("cp", "lastModifiedBy", cp, Creator);
        foreach (var name in (string[])["created", "modified"])
        {
            x.WriteStartElement("dcterms", name, dcterms);
            x.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
            x.WriteString(stamp);
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private static void AppProperties(XmlWriter x)
    {
        x.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
        x.WriteElementString("Application", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", Creator);
        x.WriteEndElement();
    }

}
