using System.Text;

namespace SafeguardDocs.Word.Internal;

/// <summary>The parts of every package made with one house style, prepared once as bytes or text.</summary>
internal sealed class PreparedParts
{
    public PreparedParts(HouseStyle style)
    {
        Style = style;
        PackageRels = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + $"<Relationships xmlns=\"{Ns.PackageRels}\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Ns.RelOfficeDocument}\" Target=\"word/document.xml\"/>"
            + $"<Relationship Id=\"rId2\" Type=\"{Ns.RelCore}\" Target=\"docProps/core.xml\"/>"
            + $"<Relationship Id=\"rId3\" Type=\"{Ns.RelApp}\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>");
        App = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
            + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + "<Template>Normal.dotm</Template><Application>SafeguardDocs</Application><DocSecurity>0</DocSecurity>"
            + "</Properties>");
        DocumentRelsPrefix =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + $"<Relationships xmlns=\"{Ns.PackageRels}\">"
            + $"<Relationship Id=\"rId1\" Type=\"{Ns.RelStyles}\" Target=\"styles.xml\"/>"
            + $"<Relationship Id=\"rId2\" Type=\"{Ns.RelNumbering}\" Target=\"numbering.xml\"/>"
            + $"<Relationship Id=\"rId3\" Type=\"{Ns.RelSettings}\" Target=\"settings.xml\"/>"
            + $"<Relationship Id=\"rId4\" Type=\"{Ns.RelFontTable}\" Target=\"fontTable.xml\"/>"
            + $"<Relationship Id=\"rId5\" Type=\"{Ns.RelTheme}\" Target=\"theme/theme1.xml\"/>";

        var types = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .Append("<Types xmlns=\"").Append(Ns.ContentTypes).Append("\">")
            .Append("<Default Extension=\"rels\" ContentType=\"").Append(Ns.CtRels).Append("\"/>")
            .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        foreach (var (extension, contentType) in style.ExtraContentTypes)
        {
            if (extension is not ("rels" or "xml") && extension.Length > 0)
            {
                types.Append("<Default Extension=\"").Append(XmlText.Escape(extension)).Append("\" ContentType=\"").Append(XmlText.Escape(contentType)).Append("\"/>");
            }
        }

        foreach (var (part, type) in new[]
        {
            ("/word/document.xml", Ns.CtMain), ("/word/styles.xml", Ns.CtStyles), ("/word/numbering.xml", Ns.CtNumbering),
            ("/word/settings.xml", Ns.CtSettings), ("/word/fontTable.xml", Ns.CtFontTable), ("/word/theme/theme1.xml", Ns.CtTheme),
            ("/docProps/core.xml", Ns.CtCore), ("/docProps/app.xml", Ns.CtApp),
        })
        {
            types.Append("<Override PartName=\"").Append(part).Append("\" ContentType=\"").Append(type).Append("\"/>");
        }

        ContentTypesPrefix = types.ToString();
    }

    public HouseStyle Style { get; }

    public byte[] PackageRels { get; }

    public byte[] App { get; }

    /// <summary>document.xml.rels up to the header and footer relationships.</summary>
    public string DocumentRelsPrefix { get; }

    /// <summary>[Content_Types].xml up to the header and footer overrides.</summary>
    public string ContentTypesPrefix { get; }
}
