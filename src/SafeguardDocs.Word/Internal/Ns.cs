namespace SafeguardDocs.Word.Internal;

/// <summary>Namespaces, content types and relationship types of the parts we write.</summary>
internal static class Ns
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string PackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    public const string RelOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    public const string RelStyles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    public const string RelNumbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
    public const string RelSettings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
    public const string RelTheme = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
    public const string RelFontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
    public const string RelHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
    public const string RelFooter = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
    public const string RelCore = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    public const string RelApp = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";

    public const string CtMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string CtStyles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
    public const string CtNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
    public const string CtSettings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
    public const string CtTheme = "application/vnd.openxmlformats-officedocument.theme+xml";
    public const string CtFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    public const string CtHeader = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
    public const string CtFooter = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
    public const string CtCore = "application/vnd.openxmlformats-package.core-properties+xml";
    public const string CtApp = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
    public const string CtRels = "application/vnd.openxmlformats-package.relationships+xml";
}
