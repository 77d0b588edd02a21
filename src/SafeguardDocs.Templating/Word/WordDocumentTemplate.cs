using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Templating.Scriban;

namespace SafeguardDocs.Templating.Word;

/// <summary>
/// A Word document (<c>.docx</c>) used as a template: a school's own letter with Scriban tags typed into
/// it, checked against the model of its kind (<see cref="WordTemplateModel"/>) before use. The template
/// is the house style: its styles, pictures, headers and footers are kept. It names its kind in the
/// custom document property <see cref="KindProperty"/> (<c>template new</c> writes it); one typed from
/// scratch is given its kind by the command (<c>check --kind</c>) or by the case it renders.
/// </summary>
public sealed class WordDocumentTemplate
{
    /// <summary>The custom document property (File › Info › Properties › Advanced › Custom in Word) naming the kind.</summary>
    public const string KindProperty = "SafeguardDocs kind";

    /// <summary>Shown for the engine in <c>templates</c>.</summary>
    public const string EngineName = "word";

    /// <summary>The most a Word template file may hold (4 MB, as much as a case file): a letter with its letterhead and logo, never more.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    private readonly WordTemplate _template;

    private readonly CaseKind _kind;

    private WordDocumentTemplate(string name, CaseKind kind, string description, string source, WordTemplate template, string sha256)
    {
        Sha256 = sha256;
        Name = name;
        _kind = kind;
        Kind = kind.Name;
        Description = description;
        Source = source;
        _template = template;
    }

    /// <summary>The file name, used with <c>--template</c>.</summary>
    public string Name { get; }

    public string Kind { get; }

    /// <summary>The document's title (File › Info › Properties), or a default.</summary>
    public string Description { get; }

    /// <summary>The file it was read from, as the user gave it.</summary>
    public string Source { get; }

    /// <summary>SHA-256 (lower-case hex) of the template's .docx bytes as read: what the register records as the template's content.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Reads and checks a Word template. Its kind is the one its document property names; when it names
    /// none, <paramref name="kind"/> (from <c>--kind</c>, or the case being generated). When neither says,
    /// only the tags' syntax and placing are checked, and the error says how to name the kind.
    /// </summary>
    public static (WordDocumentTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Load(string path, string? displayPath = null, CaseKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var shown = displayPath ?? path;
        byte[] bytes;
        try
        {
            // Only an ordinary file, read no further than the limit: never a device, a pipe or a link to one.
            bytes = Core.Io.SafeFile.ReadAllBytes(path, MaxBytes, "The template file");
        }
        catch (Core.Io.InputFileException e)
        {
            return (null, [new TemplateLoadError(shown, 0, 0, ScribanDiagnostics.HeaderId, e.Message)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new TemplateLoadError(shown, 0, 0, ScribanDiagnostics.HeaderId, "The template file could not be read. Check the path, and close it in Word if it is open.")]);
        }

        return Parse(bytes, Path.GetFileName(path), shown, kind);
    }

    /// <summary>As <see cref="Load"/>, for a template in memory (an upload).</summary>
    public static (WordDocumentTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Parse(byte[] docx, string name, string source, CaseKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (docx.LongLength > MaxBytes)
        {
            return (null, [new TemplateLoadError(source, 0, 0, ScribanDiagnostics.HeaderId, $"The template file is larger than {MaxBytes / (1024 * 1024)} MB. Make its pictures smaller (in Word: Picture Format › Compress Pictures) and save it again.")]);
        }

        var errors = new List<TemplateLoadError>();
        string? named;
        string? title;
        try
        {
            // The package is unpacked within limits before anything else opens it (a crafted zip cannot grow without end).
            WordTemplate.CheckPackage(docx);
            (named, title) = ReadProperties(docx);
        }
        catch (WordPackageTooLargeException e)
        {
            return (null, [new TemplateLoadError(source, 0, 0, ScribanDiagnostics.HeaderId, e.Message)]);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            return (null, [new TemplateLoadError(source, 0, 0, ScribanDiagnostics.HeaderId, "The file is not a Word document SafeguardDocs can read (.docx). Save it from Word as \"Word Document (*.docx)\" and try again.")]);
        }

        var resolved = kind;
        if (named is not null)
        {
            var fromProperty = CaseKinds.Find(named.Trim());
            if (fromProperty is null)
            {
                errors.Add(new TemplateLoadError(source, 0, 0, ScribanDiagnostics.HeaderId,
                    $"The document property \"{KindProperty}\" names a kind SafeguardDocs does not know. Use one of: {string.Join(", ", CaseKinds.All.Where(k => !k.MakesManyDocuments).Select(k => k.Name))}."));
            }
            else if (kind is not null && fromProperty != kind)
            {
                errors.Add(new TemplateLoadError(source, 0, 0, ScribanDiagnostics.HeaderId,
                    $"The template is for {fromProperty.Name} cases (its document property \"{KindProperty}\"), not {kind.Name}."));
            }

            resolved = fromProperty ?? kind;
        }

        if (resolved is null && named is null)
        {
            errors.Add(new TemplateLoadError(source, 0, 0, ScribanDiagnostics.HeaderId,
                $"The template does not say which kind of case it is for. Check it with 'safeguard-docs check --kind KIND {name}', or start from 'safeguard-docs template new KIND --word {name}', which records the kind in the document property \"{KindProperty}\"."));
        }

        var (template, templateErrors) = WordTemplate.Compile(docx, source, resolved is null ? null : WordTemplateModel.TypeFor(resolved), WordTemplateModel.SettingsType);
        errors.AddRange(templateErrors);
        return template is null || errors.Count > 0 || resolved is null
            ? (null, errors)
            : (new WordDocumentTemplate(name, resolved, string.IsNullOrWhiteSpace(title) ? $"Word template for {resolved.Description}" : title.Trim(), source, template, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx))), errors);
    }

    /// <summary>Renders a case into a .docx on <paramref name="output"/>; nothing is written when a problem is returned.</summary>
    public IReadOnlyList<TemplateLoadError> Render(CaseFile caseFile, RenderContext context, Stream output, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(context);
        return _template.Render(WordTemplateModel.For(_kind, caseFile, context.Options, context.Today), context.Options, context.Today, output, cancellation);
    }

    /// <summary>The kind named by the document property, if any, and the document's title.</summary>
    private static (string? Kind, string? Title) ReadProperties(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var kind = document.CustomFilePropertiesPart?.Properties?.Elements<CustomDocumentProperty>()
            .FirstOrDefault(p => string.Equals(p.Name?.Value, KindProperty, StringComparison.OrdinalIgnoreCase))?.InnerText;
        return (string.IsNullOrWhiteSpace(kind) ? null : kind, document.PackageProperties.Title);
    }

    /// <summary>Records <paramref name="kind"/> in a document's custom properties (replacing any kind already there).</summary>
    public static void WriteKind(WordprocessingDocument document, CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(kind);
        var part = document.CustomFilePropertiesPart ?? document.AddCustomFilePropertiesPart();
        part.Properties ??= new Properties();
        foreach (var old in part.Properties.Elements<CustomDocumentProperty>().Where(p => string.Equals(p.Name?.Value, KindProperty, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            old.Remove();
        }

        var nextId = part.Properties.Elements<CustomDocumentProperty>().Select(p => p.PropertyId?.Value ?? 1).DefaultIfEmpty(1).Max() + 1;
        part.Properties.AppendChild(new CustomDocumentProperty(new VTLPWSTR(kind.Name))
        {
            FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
            PropertyId = Math.Max(2, nextId),
            Name = KindProperty,
        });
    }
}
