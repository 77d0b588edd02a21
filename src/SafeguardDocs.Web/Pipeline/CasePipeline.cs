using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Templates;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Templating.Markup;
using SafeguardDocs.Word;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>A case read and checked: the typed case (when it could be read), its kind and every finding, located.</summary>
public sealed record CaseCheck(CaseFile? Case, CaseKind? Kind, IReadOnlyList<Finding> Findings)
{
    public bool Readable => Case is not null;

    public bool HasErrors => Findings.HasErrors();

    public int ErrorCount => Findings.Count(f => f.IsError);

    public int WarningCount => Findings.Count(f => !f.IsError);
}

/// <summary>A document made from a case: the markup (for the preview), the .docx bytes, and the file name the CLI gives it.</summary>
public sealed record MadeDocument(MarkupDocument Markup, string FileName, string TemplateName);

/// <summary>
/// The one place the web app calls the library (Core, Templating, Word): load and check a case, render
/// it with a template, write the .docx. Pages and the API only translate to and from HTTP. After the
/// pipeline moves into its own library this adapter is what gets re-pointed.
/// </summary>
public sealed class CasePipeline
{
    /// <summary>What a case is called in findings from the web (the CLI names the file instead).</summary>
    public const string InputName = "case.json";

    private readonly TemplateCatalog catalog;
    private readonly TimeProvider clock;
    private readonly DocxWriter writer;

    public CasePipeline(TimeProvider clock)
    {
        this.clock = clock;
        var folder = Environment.GetEnvironmentVariable("SAFEGUARD_DOCS_TEMPLATES");
        catalog = TemplateCatalog.Create(BuiltInTemplates.All, string.IsNullOrWhiteSpace(folder) ? BuiltInTemplates.InstalledHandlebarsFolder : folder);
        writer = new DocxWriter(HouseStyle.Default, DocxOptions.Default);
    }

    public static int MaxCaseBytes => CaseLoader.MaxBytes;

    public static IReadOnlyList<CaseKind> Kinds => CaseKinds.All;

    public static CaseKind? FindKind(string? name) => CaseKinds.Find(name);

    /// <summary>Reads and checks a case from UTF-8 JSON, with the same rules and messages as <c>safeguard-docs validate</c>.</summary>
    public CaseCheck Check(byte[] json, ValidationOptions options)
    {
        var load = CaseLoader.Load(json, InputName);
        if (!load.Succeeded)
        {
            return new CaseCheck(null, load.Kind, load.Errors);
        }

        var context = ValidationContext.From(clock, options);
        var findings = load.Locate(load.Kind!.Rules.Check(load.Case!, context)).InReadingOrder();
        return new CaseCheck(load.Case, load.Kind, findings);
    }

    /// <summary>The kind a JSON document says it is, without reading the rest; null when it does not say or is not JSON.</summary>
    public static string? PeekKind(byte[] json)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(json, new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == System.Text.Json.JsonValueKind.String
                ? kind.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The templates a kind can be made with, its default first. Empty for kinds made by another command (AUP packs).</summary>
    public IReadOnlyList<(string Name, string Description)> TemplatesFor(CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.MadeWith is not null)
        {
            return [];
        }

        var first = catalog.DefaultFor(kind.Name);
        return [.. catalog.ForKind(kind.Name).OrderBy(t => t == first ? 0 : 1).Select(t => (t.Name, t.Description))];
    }

    /// <summary>
    /// Renders a checked case (no errors) with the named template (or the kind's default). Problems are
    /// template problems, worded as the CLI words them; they never quote case data.
    /// </summary>
    public (MadeDocument? Document, IReadOnlyList<string> Problems) Make(CaseCheck check, string? templateName, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Case is null || check.Kind is null || check.HasErrors)
        {
            return (null, ["The case has errors: correct them first."]);
        }

        if (check.Kind.MadeWith is { } command)
        {
            return (null, [$"These documents are made many at once with '{command}', not one at a time."]);
        }

        var template = templateName is null ? catalog.DefaultFor(check.Kind.Name) : catalog.Find(templateName);
        if (template is null || template.Kind != check.Kind.Name)
        {
            return (null, [$"There is no template called that for {check.Kind.Name}. Choose one of: {string.Join(", ", TemplatesFor(check.Kind).Select(t => t.Name))}."]);
        }

        MarkupParseResult rendered;
        try
        {
            rendered = template.Render(check.Case, RenderContext.From(clock, options));
        }
        catch (Exception e) when (e is HandlebarsDotNet.HandlebarsException or InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, [$"Template '{template.Name}' could not be rendered for this case ({e.GetType().Name}). Choose the built-in template, or ask whoever looks after the templates to check it."]);
        }

        if (rendered.Error is { } error)
        {
            return (null, [error.ToString()]);
        }

        var stem = OutputNaming.FileStem(check.Case.Reference!, OutputNaming.Initials(check.Kind.InitialsOf?.Invoke(check.Case)));
        return (new MadeDocument(rendered.Document!, stem + ".docx", template.Name), []);
    }

    /// <summary>The .docx of a made document, in the built-in house style, dated by the injected clock.</summary>
    public byte[] Docx(MadeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        var dated = new DocxWriter(writer.Style, writer.Options with { Created = clock.GetUtcNow() });
        dated.Write(document.Markup, stream);
        return stream.ToArray();
    }
}
