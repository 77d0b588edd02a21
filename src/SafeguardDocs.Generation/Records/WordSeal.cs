using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Generation.Records;

/// <summary>
/// The seal in a document filled in from a Word template: a paragraph with the seal's text appended to every
/// footer of every section (a section with no footer of its own is given one), so that every printed page
/// carries it. The template's own footers are kept; only the paragraph is added. The result depends only on
/// the document and the text: the same case and the same entry give the same bytes.
/// </summary>
internal static class WordSeal
{
    /// <summary>The time every package entry carries (not the clock), as in the filled-in document.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The filled-in <paramref name="docx"/> with <paramref name="text"/> appended to its footers.</summary>
    public static byte[] Apply(byte[] docx, string text)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(text);
        using var edited = new MemoryStream();
        edited.Write(docx);
        using (var document = WordprocessingDocument.Open(edited, true))
        {
            var main = document.MainDocumentPart ?? throw new InvalidOperationException("The filled-in document has no main part.");
            var body = main.Document?.Body ?? throw new InvalidOperationException("The filled-in document has no body.");
            var sections = body.Descendants<W.SectionProperties>().ToList();
            if (sections.Count == 0)
            {
                sections.Add(body.AppendChild(new W.SectionProperties()));
            }

            var footers = new List<FooterPart>();
            var made = 0;
            foreach (var section in sections)
            {
                if (!section.Elements<W.FooterReference>().Any(r => r.Type is null || r.Type.Value == W.HeaderFooterValues.Default))
                {
                    // A fixed relationship id (the SDK would otherwise make a random one), unused in this document.
                    string id;
                    do
                    {
                        id = $"rIdSafeguardSeal{++made}";
                    }
                    while (main.Parts.Any(p => p.RelationshipId == id) || main.ExternalRelationships.Any(r => r.Id == id) || main.HyperlinkRelationships.Any(r => r.Id == id));

                    var part = main.AddNewPart<FooterPart>(id);
                    part.Footer = new W.Footer();
                    section.PrependChild(new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = id });
                }

                foreach (var reference in section.Elements<W.FooterReference>())
                {
                    if (reference.Id?.Value is { } id && main.GetPartById(id) is FooterPart footer && !footers.Contains(footer))
                    {
                        footers.Add(footer);
                    }
                }
            }

            foreach (var footer in footers)
            {
                footer.Footer ??= new W.Footer();
                footer.Footer.AppendChild(new W.Paragraph(
                    new W.ParagraphProperties(new W.SpacingBetweenLines { Before = "60", After = "0" }),
                    new W.Run(new W.RunProperties(new W.FontSize { Val = "16" }), new W.Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            }
        }

        return Repacked(edited);
    }

    /// <summary>The package again, its entries in the same order, each with a fixed time (the SDK stamps what it saves with the clock).</summary>
    private static byte[] Repacked(MemoryStream package)
    {
        package.Position = 0;
        using var output = new MemoryStream();
        using (var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, IsCompressed(entry.FullName) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    /// <summary>Pictures are already compressed: stored as they are.</summary>
    private static bool IsCompressed(string name) =>
        name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gif", StringComparison.OrdinalIgnoreCase);
}
