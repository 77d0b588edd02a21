using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Templating.Handlebars;
using SafeguardDocs.Templating.Markup;
using SafeguardDocs.Word;

namespace SafeguardDocs.Cli.Generation;

/// <summary>Options for turning one case into one document. Immutable; start from <see cref="Default"/>.</summary>
public sealed record GenerateOptions
{
    public static GenerateOptions Default { get; } = new();

    /// <summary>Where documents are written. Created when missing.</summary>
    public string OutputFolder { get; init; } = "output";

    /// <summary>A template name from the catalogue, or a path to a <c>.hbs</c> file; null for the kind's default.</summary>
    public string? Template { get; init; }

    /// <summary>A reference <c>.docx</c> whose styles, page and letterhead are used; null for the built-in house style.</summary>
    public string? HouseStyle { get; init; }

    public ValidationOptions Validation { get; init; } = ValidationOptions.Default;

    /// <summary>How long to wait for another run writing to the same folder; null for <see cref="OutputFolderLock.DefaultWait"/>.</summary>
    public TimeSpan? LockWait { get; init; }
}

/// <summary>
/// The whole pipeline for one case: load, validate, render, write. Nothing is written unless the case
/// has no errors, and the write is atomic. Findings never quote case data.
/// </summary>
public sealed class CaseDocumentGenerator(TemplateCatalog catalog, TimeProvider clock)
{
    /// <summary>One writer per house style: the package parts shared by every document are built once.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HouseStyle, DocxWriter> _writers = [];

    public const string FindingsSuffix = ".findings.txt";

    /// <summary>Loads and validates a case, without writing anything.</summary>
    public (CaseLoadResult Load, IReadOnlyList<Finding> Findings) Validate(string casePath, ValidationOptions? options = null)
    {
        var load = CaseLoader.LoadFile(casePath);
        if (!load.Succeeded)
        {
            return (load, load.Errors);
        }

        var context = ValidationContext.From(clock, options);
        var findings = load.Locate(load.Kind!.Rules.Check(load.Case!, context)).InReadingOrder();
        return (load, findings);
    }

    public GenerationResult Generate(string casePath, GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (load, findings) = Validate(casePath, options.Validation);
        if (!load.Succeeded)
        {
            return new GenerationResult(GenerationOutcome.InputUnusable, null, findings, []);
        }

        var caseFile = load.Case!;
        var kind = load.Kind!;
        var result = new GenerationResult(GenerationOutcome.CaseHasErrors, null, findings, []) { Reference = caseFile.Reference };
        if (findings.HasErrors())
        {
            return result;
        }

        var (template, templateProblems) = ResolveTemplate(kind, options.Template);
        if (template is null)
        {
            return result with { Outcome = GenerationOutcome.InputUnusable, Problems = templateProblems };
        }

        HouseStyle style;
        try
        {
            style = options.HouseStyle is null ? HouseStyle.Default : HouseStyle.FromReferenceDocument(options.HouseStyle);
        }
        catch (HouseStyleException e)
        {
            return result with { Outcome = GenerationOutcome.InputUnusable, Problems = [e.Message] };
        }

        MarkupParseResult rendered;
        try
        {
            rendered = template.Render(caseFile, RenderContext.From(clock, options.Validation));
        }
        catch (Exception e) when (IsRenderFailure(e))
        {
            // A template that fails on this case is a template problem: say which, never with case data.
            return result with
            {
                Outcome = GenerationOutcome.InputUnusable,
                Problems = [$"{template.Source}: error SGT006: template '{template.Name}' could not be rendered for this case ({e.GetType().Name}). Check the template with 'safeguard-docs check', or use the built-in template."],
                TemplateName = template.Name,
            };
        }

        if (rendered.Error is { } markupError)
        {
            return result with { Outcome = GenerationOutcome.InputUnusable, Problems = [markupError.ToString()], TemplateName = template.Name };
        }

        var stem = OutputNaming.FileStem(caseFile.Reference!, OutputNaming.Initials(kind.InitialsOf?.Invoke(caseFile)));
        var path = Path.Combine(options.OutputFolder, stem + ".docx");
        // Dated by the case itself, not the clock: the same case gives the same bytes (README, "Output is deterministic").
        var writer = _writers.GetValue(style, s => new DocxWriter(s)).With(DocxOptions.Default with { Created = DocumentDates.Of(caseFile) });
        using (OutputFolderLock.Acquire(options.OutputFolder, options.LockWait))
        {
            AtomicFile.CleanLeftovers(options.OutputFolder);
            writer.WriteFile(rendered.Document!, path);
            RecordWarnings(Path.Combine(options.OutputFolder, stem + FindingsSuffix), findings);
        }

        return result with { Outcome = GenerationOutcome.Written, OutputPath = path, TemplateName = template.Name };
    }

    /// <summary>An exception from a template's own code or from the template engine: a template problem, not a program fault.</summary>
    internal static bool IsRenderFailure(Exception e) =>
        e is HandlebarsDotNet.HandlebarsException or InvalidOperationException or ArgumentException or FormatException or OverflowException
            or InsufficientExecutionStackException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException;

    /// <summary>The named template (or a .hbs file), or the kind's default; it must be for this kind.</summary>
    public (IDocumentTemplate? Template, IReadOnlyList<string> Problems) ResolveTemplate(CaseKind kind, string? name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        IDocumentTemplate? template;
        if (name is null)
        {
            template = catalog.DefaultFor(kind.Name);
            if (template is null)
            {
                return (null, [kind.MadeWith is { } command
                    ? $"{kind.Name} cases make many documents at once: use '{command} CASE.json' instead of 'generate'."
                    : $"There is no template for {kind.Name} cases yet."]);
            }
        }
        else if (name.EndsWith(".hbs", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
        {
            var (loaded, errors) = HandlebarsDocumentTemplate.Load(name);
            if (loaded is null)
            {
                return (null, [.. errors.Select(e => e.ToString())]);
            }

            template = loaded;
        }
        else
        {
            template = catalog.Find(name);
            if (template is null)
            {
                var broken = catalog.Errors.Where(e => Path.GetFileName(e.File).Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
                return broken.Count > 0
                    ? (null, [.. broken.Select(e => e.ToString())])
                    : (null, [$"There is no template called '{name}'. Run 'safeguard-docs templates' to see the templates for {kind.Name}: {string.Join(", ", catalog.ForKind(kind.Name).Select(t => t.Name))}."]);
            }
        }

        return template.Kind == kind.Name
            ? (template, [])
            : (null, [$"Template '{template.Name}' is for {template.Kind} cases, but this case is {kind.Name}. Choose one of: {string.Join(", ", catalog.ForKind(kind.Name).Select(t => t.Name))}."]);
    }

    /// <summary>Warnings are printed and also kept beside the document; a run without warnings removes an old record.</summary>
    private static void RecordWarnings(string path, IReadOnlyList<Finding> findings)
    {
        var warnings = findings.Where(f => !f.IsError).ToList();
        if (warnings.Count == 0)
        {
            AtomicFile.Delete(path);
            return;
        }

        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', warnings.Select(w => w.ToString())) + "\n"));
    }
}
