using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation;
using SafeguardDocs.Markup;
using SafeguardDocs.Records;
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

/// <summary>A document issued by the web app: its bytes and the register entry it was entered under.</summary>
public sealed record IssuedFile(byte[] Content, RegisterEntry Entry, string FileName);

/// <summary>The web app would have issued a document without entering it in the register: it refuses instead.</summary>
public sealed class NotRegisteredException(string message) : Exception(message);

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
    private readonly TimeProvider clock;
    private readonly string? dataFolder;
    private readonly Lock registerGate = new();
    private DocumentRegister? register;

    /// <param name="clock">The clock of the checks and of the register's entries.</param>
    /// <param name="web">Where the data folder is: its register (<c>register.sqlite</c>, the one the CLI writes to) records every document issued.</param>
    public CasePipeline(TimeProvider clock, WebSettings? web = null)
    {
        // The catalogue the CLI uses: built-in templates, then Scriban and Word files found as the CLI finds them.
        catalog = TemplateLocations.Catalog(Directory.GetCurrentDirectory());
        generator = new CaseDocumentGenerator(catalog, clock);
        this.clock = clock;
        dataFolder = web?.DataFolder;
    }

    /// <summary>The register of issued documents in the data folder, shared with the CLI (created on first use).</summary>
    public DocumentRegister Register
    {
        get
        {
            lock (registerGate)
            {
                return register ??= DocumentRegister.Open(dataFolder ?? throw new InvalidOperationException("The web app has no data folder, so it has no register."), clock);
            }
        }
    }

    /// <summary>True when the data folder has a register (something was issued by the CLI or the web app).</summary>
    public bool HasRegister => dataFolder is not null && DocumentRegister.ExistsIn(dataFolder);

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

    /// <summary>
    /// Issues the .docx of a made document, as <c>safeguard-docs generate</c> does: written by the library in the
    /// built-in house style and dated by the case, entered in the data folder's register under
    /// <paramref name="issuedBy"/> (the account), with the seal (entry and short case hash) in the footer of the
    /// evidence kinds. A document that would not be registered (a Word template) is refused.
    /// </summary>
    public IssuedFile Issue(MadeDocument document, string issuedBy)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(issuedBy);
        using var stream = new MemoryStream();
        var result = generator.Generate(document.Json, InputName, stream, Options(document.TemplateName, document.Settings) with { Register = Register, IssuedBy = issuedBy });
        if (result.Outcome != RunOutcome.Written)
        {
            throw new InvalidOperationException($"The document could not be written ({result.Outcome}).");
        }

        if (result.Entry is null)
        {
            throw new NotRegisteredException($"Documents made with the Word template '{document.TemplateName}' are not yet entered in the register, so the web app does not issue them. Choose another version of the document, or make this one with 'safeguard-docs generate'.");
        }

        return new IssuedFile(stream.ToArray(), result.Entry, document.FileName);
    }

    /// <summary>SHA-256 of the settings a document is made with, so that a document issued before a settings change is not handed out as if made after it.</summary>
    public static string SettingsSha256(OrganisationSettings settings) =>
        Sha256.Of(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(settings));

    private static GenerateOptions Options(string? templateName, OrganisationSettings settings) =>
        GenerateOptions.Default with { Template = templateName, Settings = settings, RecordWarnings = false };
}
