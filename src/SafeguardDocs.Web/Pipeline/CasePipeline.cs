using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating.Catalog;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>A case read and checked: the JSON it was read from, the typed case (when it could be read), its kind and every finding, located.</summary>
public sealed record CaseCheck(byte[] Json, CaseFile? Case, CaseKind? Kind, IReadOnlyList<Finding> Findings)
{
    public bool Readable => Case is not null;

    public bool HasErrors => Findings.HasErrors();

    public int ErrorCount => Findings.Count(f => f.IsError);

    public int WarningCount => Findings.Count(f => !f.IsError);
}

/// <summary>
/// A document made from a case: the markup (for the preview), the file name the CLI gives it, the
/// template used, and what it was made from (so that its .docx is written by the library from the same input).
/// </summary>
public sealed record MadeDocument(MarkupDocument Markup, string FileName, string TemplateName, byte[] Json, OrganisationSettings Settings);

/// <summary>
/// The one place the web app calls the generation library: load and check a case, render it with a
/// template, write the .docx, through <see cref="CaseDocumentGenerator"/>, the same methods the CLI's
/// <c>validate</c> and <c>generate</c> call. Pages and the API only translate to and from HTTP.
/// </summary>
public sealed class CasePipeline
{
    /// <summary>What a case is called in findings from the web (the CLI names the file instead).</summary>
    public const string InputName = "case.json";

    private readonly TemplateCatalog catalog;
    private readonly CaseDocumentGenerator generator;

    public CasePipeline(TimeProvider clock)
    {
        // The catalogue the CLI uses: built-in templates, then Scriban and Word files found as the CLI finds them.
        catalog = TemplateLocations.Catalog(Directory.GetCurrentDirectory());
        generator = new CaseDocumentGenerator(catalog, clock);
    }

    public static int MaxCaseBytes => CaseLoader.MaxBytes;

    public static IReadOnlyList<CaseKind> Kinds => CaseKinds.All;

    public static CaseKind? FindKind(string? name) => CaseKinds.Find(name);

    /// <summary>Reads and checks a case from UTF-8 JSON, with the same rules and messages as <c>safeguard-docs validate</c>.</summary>
    public CaseCheck Check(byte[] json, OrganisationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(json);
        var check = generator.Check(json, InputName, settings);
        return new CaseCheck(json, check.Load.Case, check.Load.Kind, check.Findings);
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

    /// <summary>The templates a kind can be made with (built-in and Scriban), its default first. Empty for kinds made many at once (AUP packs).</summary>
    public IReadOnlyList<(string Name, string Description)> TemplatesFor(CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.MakesManyDocuments)
        {
            return [];
        }

        var first = catalog.DefaultFor(kind.Name);
        return [.. catalog.ForKind(kind.Name).OrderBy(t => t == first ? 0 : 1).Select(t => (t.Name, t.Description))];
    }

    /// <summary>
    /// Renders a checked case (no errors) with the named template (or the kind's default), as
    /// <c>safeguard-docs generate</c> would. Problems are the library's diagnostics, worded as the CLI words
    /// them; they never quote case data.
    /// </summary>
    public (MadeDocument? Document, IReadOnlyList<string> Problems) Make(CaseCheck check, string? templateName, OrganisationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(settings);
        if (check.Case is null || check.Kind is null || check.HasErrors)
        {
            return (null, ["The case has errors: correct them first."]);
        }

        if (check.Kind.MakesManyDocuments)
        {
            return (null, ["These documents are made many at once from the school's roster (safeguard-docs pack), not one at a time."]);
        }

        var rendered = generator.Render(check.Json, InputName, Options(templateName, settings));
        if (rendered.Document is null || rendered.Result.FileName is null)
        {
            return (null, [.. rendered.Result.Findings.Where(f => f.IsError).Select(f => f.Message)]);
        }

        return (new MadeDocument(rendered.Document, rendered.Result.FileName, rendered.Result.TemplateName!, check.Json, settings), []);
    }

    /// <summary>The .docx of a made document, written by the library in the built-in house style and dated by the case, as the CLI dates it.</summary>
    public byte[] Docx(MadeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        var result = generator.Generate(document.Json, InputName, stream, Options(document.TemplateName, document.Settings));
        if (result.Outcome != RunOutcome.Written)
        {
            throw new InvalidOperationException($"The document could not be written ({result.Outcome}).");
        }

        return stream.ToArray();
    }

    private static GenerateOptions Options(string? templateName, OrganisationSettings settings) =>
        GenerateOptions.Default with { Template = templateName, Settings = settings, RecordWarnings = false };
}
