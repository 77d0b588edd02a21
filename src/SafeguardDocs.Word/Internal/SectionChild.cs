using System.Text;
using System.Xml.Linq;

namespace SafeguardDocs.Word.Internal;

/// <summary>One child of the body's <c>w:sectPr</c> (page size, margins, columns...), kept as ready-to-write XML.</summary>
internal sealed record SectionChild(string Name, string Xml)
{
    /// <summary>The schema order of <c>w:sectPr</c> children after the header and footer references.</summary>
    public static readonly string[] Order =
    [
        "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
        "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
    ];

    /// <summary>Where <c>w:pgNumType</c> goes among the children.</summary>
    public static readonly int PageNumberingRank = Array.IndexOf(Order, "pgNumType");

    /// <summary>Where <c>w:type</c> (how the section starts) goes among the children.</summary>
    public static readonly int TypeRank = Array.IndexOf(Order, "type");

    public int Rank => Array.IndexOf(Order, Name);

    /// <summary>Serialises a WordprocessingML element with the <c>w:</c> prefix, keeping only <c>w:</c> attributes and children.</summary>
    public static SectionChild From(XElement element)
    {
        var sb = new StringBuilder();
        Append(sb, element);
        return new SectionChild(element.Name.LocalName, sb.ToString());
    }

    private static void Append(StringBuilder sb, XElement element)
    {
        sb.Append("<w:").Append(element.Name.LocalName);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.Name.NamespaceName == Ns.W)
            {
                sb.Append(" w:").Append(attribute.Name.LocalName).Append("=\"").Append(XmlText.Escape(attribute.Value)).Append('"');
            }
        }

        var children = element.Elements().Where(e => e.Name.NamespaceName == Ns.W).ToList();
        if (children.Count == 0)
        {
            sb.Append("/>");
            return;
        }

        sb.Append('>');
        foreach (var child in children)
        {
            Append(sb, child);
        }

        sb.Append("</w:").Append(element.Name.LocalName).Append('>');
    }
}

/// <summary>A header or footer supplied by a reference document, split where it says <c>{Reference}</c>.</summary>
/// <param name="IsFooter">Footer rather than header.</param>
/// <param name="Type">Word's header type: <c>default</c> or <c>first</c>.</param>
/// <param name="Segments">The part's UTF-8 bytes between occurrences of <c>{Reference}</c> (one segment when it has none).</param>
/// <param name="Rels">Its relationships part, if it has one (images, links).</param>
internal sealed record HeaderFooterSource(bool IsFooter, string Type, IReadOnlyList<byte[]> Segments, byte[]? Rels)
{
    public const string ReferenceToken = "{Reference}";

    /// <summary>True when the part prints the document's reference, so each document needs its own copy.</summary>
    public bool PerDocument => Segments.Count > 1;
}

/// <summary>A file copied into every package as it is (an image in the letterhead).</summary>
internal sealed record PackageFile(string Name, byte[] Bytes);
