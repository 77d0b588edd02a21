using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation;
using SafeguardDocs.Markup;
using SafeguardDocs.Records;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Web.Data;
using M = SafeguardDocs.Markup;
using W = DocumentFormat.OpenXml.Wordprocessing;

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
public sealed record MadeDocument(MarkupDocument Markup, string FileName, string TemplateName, byte[] Json, OrganisationSettings Settings)
{
    /// <summary>The .docx itself when an uploaded Word template made it (the template makes the document, not markup); <see cref="Markup"/> is then its text, for the preview.</summary>
    public byte[]? WordDocx { get; init; }

    /// <summary>The uploaded Word template's file in the data folder, when one made it (issuing fills it in again, registered).</summary>
    public string? WordTemplatePath { get; init; }
}

/// <summary>A document issued by the web app: its bytes and the register entry it was entered under.</summary>
public sealed record IssuedFile(byte[] Content, RegisterEntry Entry, string FileName);

/// <summary>The web app would have issued a document without entering it in the register: it refuses instead (a guard; the library registers every document, Word templates included).</summary>
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
    private readonly string? uploadsFolder;
    private readonly IServiceScopeFactory? scopes;
    private readonly Lock registerGate = new();
    private DocumentRegister? register;

    /// <param name="clock">The clock of the checks and of the register's entries.</param>
    /// <param name="web">
    /// Where the data folder is: its register (<c>register.sqlite</c>, the one the CLI writes to) records every
    /// document issued, and the Word templates administrators upload are kept there (<see cref="TemplateUploads"/>).
    /// </param>
    /// <param name="scopes">For the list of uploaded Word templates in the database; without it only the CLI's catalogue is offered.</param>
    public CasePipeline(TimeProvider clock, WebSettings? web = null, IServiceScopeFactory? scopes = null)
    {
        // The catalogue the CLI uses: built-in templates, then Scriban and Word files found as the CLI finds them.
        catalog = TemplateLocations.Catalog(Directory.GetCurrentDirectory());
        generator = new CaseDocumentGenerator(catalog, clock);
        this.clock = clock;
        dataFolder = web?.DataFolder;
        uploadsFolder = web is null ? null : TemplateUploads.Folder(web.DataFolder);
        this.scopes = scopes;
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

    /// <summary>
    /// The templates a kind can be made with (built-in and Scriban, then the Word templates administrators
    /// uploaded for it), its default first. Empty for kinds made many at once (AUP packs).
    /// </summary>
    public IReadOnlyList<(string Name, string Description)> TemplatesFor(CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.MakesManyDocuments)
        {
            return [];
        }

        var first = catalog.DefaultFor(kind.Name);
        return
        [
            .. catalog.ForKind(kind.Name).OrderBy(t => t == first ? 0 : 1).Select(t => (t.Name, t.Description)),
            .. Uploaded(kind).Select(t => (t.Name, $"{t.Description}, uploaded by {t.UploadedBy}")),
        ];
    }

    /// <summary>The Word templates uploaded for a kind, by name.</summary>
    private List<UploadedTemplate> Uploaded(CaseKind kind)
    {
        if (scopes is null)
        {
            return [];
        }

        using var scope = scopes.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<WebDb>().UploadedTemplates.AsNoTracking()
            .Where(t => t.Kind == kind.Name).AsEnumerable().OrderBy(t => t.Name, StringComparer.Ordinal)];
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

        templateName = string.IsNullOrEmpty(templateName) ? null : templateName;
        if (templateName is not null)
        {
            // Only a template offered for this kind: never a path or a file the user names.
            if (Uploaded(check.Kind).FirstOrDefault(t => t.Name == templateName) is { } uploaded)
            {
                return MakeWithWordTemplate(check, uploaded, settings);
            }

            if (!TemplatesFor(check.Kind).Any(t => string.Equals(t.Name, templateName, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, ["That template is not one of those for this kind of document. Go back to \u201cCheck your answers\u201d and choose one from the list."]);
            }
        }

        var rendered = generator.Render(check.Json, InputName, Options(templateName, settings));
        if (rendered.Document is null || rendered.Result.FileName is null)
        {
            return (null, [.. rendered.Result.Findings.Where(f => f.IsError).Select(f => f.Message)]);
        }

        return (new MadeDocument(rendered.Document, rendered.Result.FileName, rendered.Result.TemplateName!, check.Json, settings), []);
    }

    /// <summary>
    /// Fills in an uploaded Word template, as <c>safeguard-docs generate --template FILE.docx</c> would (checked
    /// again when first used, then kept), and makes a preview of the filled-in document's text.
    /// </summary>
    private (MadeDocument? Document, IReadOnlyList<string> Problems) MakeWithWordTemplate(CaseCheck check, UploadedTemplate uploaded, OrganisationSettings settings)
    {
        if (uploadsFolder is null || !TemplateUploads.IsMadeName(uploaded.Name) || !File.Exists(Path.Combine(uploadsFolder, uploaded.Name)))
        {
            return (null, ["The Word template's file is missing from the data folder. Ask an administrator to upload it again."]);
        }

        using var stream = new MemoryStream();
        var result = generator.Generate(check.Json, InputName, stream, Options(Path.Combine(uploadsFolder, uploaded.Name), settings));
        if (result.Outcome != RunOutcome.Written || result.FileName is null)
        {
            return (null, [.. result.Findings.Where(f => f.IsError).Select(f => f.Message)]);
        }

        var docx = stream.ToArray();
        return (new MadeDocument(Preview(docx, check.Case!.Reference ?? string.Empty, uploaded.Description), result.FileName, uploaded.Name, check.Json, settings) { WordDocx = docx, WordTemplatePath = Path.Combine(uploadsFolder, uploaded.Name) }, []);
    }

    /// <summary>The text of a filled-in Word template as markup, for the page's preview: the header's lines, then the body's paragraphs and tables.</summary>
    private static MarkupDocument Preview(byte[] docx, string reference, string title)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var letterhead = main.HeaderParts.Take(1).SelectMany(h => h.Header?.Elements<W.Paragraph>() ?? [])
            .Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        var blocks = new List<M.Block>();
        foreach (var element in main.Document?.Body?.ChildElements ?? [])
        {
            switch (element)
            {
                case W.Paragraph p when Inlines(p) is { Count: > 0 } inlines:
                    blocks.Add(new M.Paragraph(inlines));
                    break;
                case W.Table table:
                    var rows = table.Elements<W.TableRow>()
                        .Select(r => new M.TableRow(false, [.. r.Elements<W.TableCell>().Select(c => new M.TableCell(false, [.. c.Elements<W.Paragraph>().Select(p => new M.Paragraph(Inlines(p)))]))]))
                        .ToList();
                    if (rows.Count > 0)
                    {
                        blocks.Add(new M.Table(M.TableKind.Grid, [.. Enumerable.Repeat(0, rows.Max(r => r.Cells.Count))], rows));
                    }

                    break;
            }
        }

        return new MarkupDocument(title, reference, letterhead, blocks);
    }

    private static List<M.Inline> Inlines(W.Paragraph paragraph)
    {
        var inlines = new List<M.Inline>();
        foreach (var run in paragraph.Descendants<W.Run>())
        {
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case W.Text text when text.Text.Length > 0:
                        var properties = run.RunProperties;
                        inlines.Add(new M.TextRun(text.Text, Bold: properties?.Bold is not null, Italic: properties?.Italic is not null, Underline: properties?.Underline is not null));
                        break;
                    case W.Break:
                        inlines.Add(new M.LineBreak());
                        break;
                    case W.TabChar:
                        inlines.Add(new M.TextRun(" "));
                        break;
                }
            }
        }

        return inlines;
    }

    /// <summary>
    /// Issues the .docx of a made document, as <c>safeguard-docs generate</c> does: written by the library (in the
    /// built-in house style, or by filling in the uploaded Word template) and dated by the case, entered in the data
    /// folder's register under <paramref name="issuedBy"/> (the account), with the seal (entry and short case hash)
    /// in the footer of the evidence kinds. A document the library did not register is refused.
    /// </summary>
    public IssuedFile Issue(MadeDocument document, string issuedBy)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(issuedBy);
        using var stream = new MemoryStream();
        var result = generator.Generate(document.Json, InputName, stream, Options(document.WordTemplatePath ?? document.TemplateName, document.Settings) with { Register = Register, IssuedBy = issuedBy });
        if (result.Outcome != RunOutcome.Written)
        {
            throw new InvalidOperationException($"The document could not be written ({result.Outcome}).");
        }

        if (result.Entry is null)
        {
            // The library registers every document it is given a register for, Word templates included: this only
            // guards against handing out a document without its entry, should that ever change.
            throw new NotRegisteredException("The document was not entered in the register, so it is not issued. Try again, and if it happens again run 'safeguard-docs register check'.");
        }

        return new IssuedFile(stream.ToArray(), result.Entry, document.FileName);
    }

    /// <summary>SHA-256 of the settings a document is made with, so that a document issued before a settings change is not handed out as if made after it.</summary>
    public static string SettingsSha256(OrganisationSettings settings) =>
        Sha256.Of(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(settings));

    private static GenerateOptions Options(string? templateName, OrganisationSettings settings) =>
        GenerateOptions.Default with { Template = templateName, Settings = settings, RecordWarnings = false };
}
