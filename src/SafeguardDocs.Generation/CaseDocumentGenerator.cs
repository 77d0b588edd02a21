using System.Runtime.CompilerServices;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Templating.Handlebars;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.Word;

namespace SafeguardDocs.Generation;

/// <summary>Options for turning one case into one document. Immutable; start from <see cref="Default"/>.</summary>
public sealed record GenerateOptions
{
    public static GenerateOptions Default { get; } = new();

    /// <summary>Where documents are written by <see cref="CaseDocumentGenerator.Generate(string, GenerateOptions)"/>. Created when missing.</summary>
    public string OutputFolder { get; init; } = "output";

    /// <summary>A template name from the catalogue, or a path to a <c>.hbs</c>, <c>.sbn</c> or Word (<c>.docx</c>) file; null for the kind's default.</summary>
    public string? Template { get; init; }

    /// <summary>A reference document whose styles, page and letterhead are used; null for the built-in house style.</summary>
    public string? HouseStyle { get; init; }

    /// <summary>The organisation's settings, seen by the rules and the templates.</summary>
    public OrganisationSettings Settings { get; init; } = OrganisationSettings.Default;

    /// <summary>Keep the warnings beside the document in <c>{name}.findings.txt</c> (and remove an old one when there are none). On by default.</summary>
    public bool RecordWarnings { get; init; } = true;

    /// <summary>
    /// For kinds that make many documents at once (<see cref="CaseKind.MakesManyDocuments"/>), how the front
    /// end makes them, keyed by kind name (the command line says <c>safeguard-docs pack</c>); used in the
    /// message when such a case is given to <c>Generate</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> MadeWith { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// The whole pipeline for one case: load, validate, render, write. Nothing is written unless the case
/// has no errors, and the write is atomic. Findings never quote case data. Every front end (the
/// command, a web page, the benchmark) calls these methods; cases may come from a file or from memory,
/// and a document may go to a folder or to a stream.
/// </summary>
public sealed class CaseDocumentGenerator(TemplateCatalog catalog, TimeProvider clock)
{
    /// <summary>One writer per house style: the package parts shared by every document are built once.</summary>
    private readonly ConditionalWeakTable<HouseStyle, IDocumentWriter> _writers = [];

    public const string FindingsSuffix = ".findings.txt";

    /// <summary>Word templates read from a path, by file, its time and size and the kind asked for: read and checked once, not for every letter.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, DateTime Written, long Length, string Kind), WordDocumentTemplate> _wordTemplates = new();

    private readonly CaseChecker _checker = new(clock);

    /// <summary>Reads a case file and checks it against its kind's rules. Writes nothing.</summary>
    public CheckedCase Check(string casePath, OrganisationSettings? settings = null) => _checker.Check(casePath, settings);

    /// <summary>Reads a case from UTF-8 JSON in memory (<paramref name="name"/> names it in findings) and checks it. Writes nothing.</summary>
    public CheckedCase Check(ReadOnlySpan<byte> utf8Json, string name, OrganisationSettings? settings = null) => _checker.Check(utf8Json, name, settings);

    /// <summary>Checks a case already read.</summary>
    public CheckedCase Check(CaseLoadResult load, OrganisationSettings? settings = null) => _checker.Check(load, settings);

    /// <summary>Checks many case files, each on its own (one that cannot be read does not stop the others).</summary>
    public IReadOnlyList<CheckedCase> CheckAll(IEnumerable<string> casePaths, OrganisationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(casePaths);
        return [.. casePaths.Select(p => Check(p, settings))];
    }

    /// <summary>Reads, checks and, if the case has no errors, writes its document to <see cref="GenerateOptions.OutputFolder"/>, with its warnings beside it.</summary>
    public GenerationResult Generate(string casePath, GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Generate(CaseLoader.LoadFile(casePath), options);
    }

    /// <summary>As <see cref="Generate(string, GenerateOptions)"/>, for a case already read (from a file or from memory).</summary>
    public GenerationResult Generate(CaseLoadResult load, GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string path;
        if (IsWordTemplate(options.Template))
        {
            var (wordResult, bytes) = PrepareWord(load, options);
            if (bytes is null)
            {
                return wordResult;
            }

            path = Path.Combine(options.OutputFolder, wordResult.FileName!);
            AtomicFile.WriteAllBytes(path, bytes);
            if (options.RecordWarnings)
            {
                RecordWarnings(Path.Combine(options.OutputFolder, Path.GetFileNameWithoutExtension(wordResult.FileName!) + FindingsSuffix), wordResult.Findings);
            }

            return wordResult with { OutputPath = path };
        }

        var (result, document, writer) = Prepare(load, options);
        if (document is null)
        {
            return result;
        }

        path = Path.Combine(options.OutputFolder, result.FileName!);
        AtomicFile.Write(path, stream => writer!.Write(document, stream));
        if (options.RecordWarnings)
        {
            RecordWarnings(Path.Combine(options.OutputFolder, Path.GetFileNameWithoutExtension(result.FileName!) + FindingsSuffix), result.Findings);
        }

        return result with { OutputPath = path };
    }

    /// <summary>
    /// Reads a case from UTF-8 JSON in memory, checks it and, if it has no errors, writes its document to
    /// <paramref name="output"/> (left open). Nothing touches the disk; <see cref="GenerationResult.FileName"/>
    /// is the name to give the document. Nothing is written to the stream unless the outcome is Written.
    /// </summary>
    public GenerationResult Generate(ReadOnlySpan<byte> utf8Json, string name, Stream output, GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        if (IsWordTemplate(options.Template))
        {
            var (wordResult, bytes) = PrepareWord(CaseLoader.Load(utf8Json, name), options);
            if (bytes is not null)
            {
                output.Write(bytes);
            }

            return wordResult;
        }

        var (result, document, writer) = Prepare(CaseLoader.Load(utf8Json, name), options);
        if (document is not null)
        {
            writer!.Write(document, output);
        }

        return result;
    }

    private (GenerationResult Result, MarkupDocument? Document, IDocumentWriter? Writer) Prepare(CaseLoadResult load, GenerateOptions options)
    {
        var check = Check(load, options.Settings);
        if (!check.Loaded)
        {
            return (new GenerationResult(RunOutcome.InputUnusable, check.Findings), null, null);
        }

        var findings = check.Findings;
        var caseFile = load.Case!;
        var kind = load.Kind!;
        var result = new GenerationResult(RunOutcome.CaseHasErrors, findings) { Reference = caseFile.Reference };
        if (check.HasErrors)
        {
            return (result, null, null);
        }

        var (template, templateProblems) = ResolveTemplate(kind, options.Template, options.MadeWith);
        if (template is null)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. templateProblems] }, null, null);
        }

        HouseStyle style;
        try
        {
            style = options.HouseStyle is null ? HouseStyle.Default : HouseStyle.FromReferenceDocument(options.HouseStyle);
        }
        catch (HouseStyleException e)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, Finding.Problem(GenerationDiagnostics.HouseStyleUnusableId, e.Message)] }, null, null);
        }

        MarkupParseResult rendered;
        try
        {
            rendered = template.Render(caseFile, RenderContext.From(clock, options.Settings));
        }
        catch (TemplateRenderException e)
        {
            // A Scriban template stopped on this case (a limit, or a function given what it cannot use): where and why.
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. e.Errors.Select(GenerationDiagnostics.From)], TemplateName = template.Name }, null, null);
        }
        catch (Exception e) when (e is HandlebarsDotNet.HandlebarsException or InvalidOperationException or ArgumentException or FormatException)
        {
            // A template that fails on this case is a template problem: say which, never with case data.
            var failed = new Finding(GenerationDiagnostics.TemplateRenderFailedId, Severity.Error, string.Empty,
                $"template '{template.Name}' could not be rendered for this case ({e.GetType().Name}). Check the template with 'safeguard-docs check', or use the built-in template.") { File = template.Source };
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, failed], TemplateName = template.Name }, null, null);
        }

        if (rendered.Error is { } markupError)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, GenerationDiagnostics.From(markupError)], TemplateName = template.Name }, null, null);
        }

        var writer = _writers.GetValue(style, s => DocumentWriters.For(s, clock));
        var stem = OutputNaming.FileStem(caseFile.Reference!, OutputNaming.Initials(kind.InitialsOf?.Invoke(caseFile)));
        return (result with { Outcome = RunOutcome.Written, FileName = stem + writer.FileExtension, TemplateName = template.Name }, rendered.Document!, writer);
    }

    /// <summary>True when <paramref name="template"/> names a Word template (<c>.docx</c>), which makes the document itself.</summary>
    public static bool IsWordTemplate(string? template) => template?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// As <see cref="Prepare"/>, for a Word template: the document is the template filled in, in memory
    /// (nothing is written unless every part rendered). The house style does not apply: the template is it.
    /// </summary>
    private (GenerationResult Result, byte[]? Document) PrepareWord(CaseLoadResult load, GenerateOptions options)
    {
        var check = Check(load, options.Settings);
        if (!check.Loaded)
        {
            return (new GenerationResult(RunOutcome.InputUnusable, check.Findings), null);
        }

        var caseFile = load.Case!;
        var kind = load.Kind!;
        var findings = check.Findings;
        var result = new GenerationResult(RunOutcome.CaseHasErrors, findings) { Reference = caseFile.Reference };
        if (check.HasErrors)
        {
            return (result, null);
        }

        var (template, problems) = ResolveWordTemplate(kind, options.Template!);
        if (template is null)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. problems] }, null);
        }

        if (options.HouseStyle is not null)
        {
            findings = [.. findings, Finding.Problem(GenerationDiagnostics.HouseStyleNotUsedId,
                "The house style is not used with a Word template: the template's own styles, headers and footers are the document's. Leave out --house-style.", Severity.Warning)];
        }

        using var buffer = new MemoryStream();
        var errors = template.Render(caseFile, RenderContext.From(clock, options.Settings), buffer);
        if (errors.Count > 0)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. errors.Select(GenerationDiagnostics.From)], TemplateName = template.Name }, null);
        }

        var stem = OutputNaming.FileStem(caseFile.Reference!, OutputNaming.Initials(kind.InitialsOf?.Invoke(caseFile)));
        return (result with { Outcome = RunOutcome.Written, Findings = findings, FileName = stem + ".docx", TemplateName = template.Name }, buffer.ToArray());
    }

    /// <summary>A Word template by path or by name in the templates folder; it must be for this kind (one naming no kind takes the case's).</summary>
    public (WordDocumentTemplate? Template, IReadOnlyList<Finding> Problems) ResolveWordTemplate(CaseKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        WordDocumentTemplate? template;
        if (File.Exists(name))
        {
            var file = new FileInfo(name);
            var key = (file.FullName, file.LastWriteTimeUtc, file.Length, kind.Name);
            if (!_wordTemplates.TryGetValue(key, out template))
            {
                var (loaded, errors) = WordDocumentTemplate.Load(name, kind: kind);
                if (loaded is null)
                {
                    return (null, [.. errors.Select(GenerationDiagnostics.From)]);
                }

                template = _wordTemplates.GetOrAdd(key, loaded);
            }
        }
        else
        {
            template = catalog.FindWord(name);
            if (template is null)
            {
                var broken = catalog.Errors.Where(e => Path.GetFileName(e.File).Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
                return broken.Count > 0
                    ? (null, [.. broken.Select(GenerationDiagnostics.From)])
                    : (null, [Finding.Problem(GenerationDiagnostics.UnknownTemplateId, $"There is no Word template called '{name}'. Give the path to the .docx file, or run 'safeguard-docs templates' to see the templates for {kind.Name}: {string.Join(", ", catalog.NamesForKind(kind.Name))}.")]);
            }
        }

        return template.Kind == kind.Name
            ? (template, [])
            : (null, [Finding.Problem(GenerationDiagnostics.TemplateForOtherKindId, $"Template '{template.Name}' is for {template.Kind} cases, but this case is {kind.Name}. Choose one of: {string.Join(", ", catalog.NamesForKind(kind.Name))}.")]);
    }

    /// <summary>The named template (or a .hbs or .sbn file), or the kind's default; it must be for this kind.</summary>
    public (IDocumentTemplate? Template, IReadOnlyList<Finding> Problems) ResolveTemplate(CaseKind kind, string? name, IReadOnlyDictionary<string, string>? madeWith = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        IDocumentTemplate? template;
        if (name is null)
        {
            template = catalog.DefaultFor(kind.Name);
            if (template is null)
            {
                return (null, [Finding.Problem(GenerationDiagnostics.NoTemplateForKindId, kind.MakesManyDocuments && madeWith?.GetValueOrDefault(kind.Name) is { } command
                    ? $"{kind.Name} cases make many documents at once: use '{command} CASE.json' instead of 'generate'."
                    : $"There is no template for {kind.Name} cases yet.")]);
            }
        }
        else if (name.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
        {
            var (loaded, errors) = ScribanDocumentTemplate.Load(name);
            if (loaded is null)
            {
                return (null, [.. errors.Select(GenerationDiagnostics.From)]);
            }

            template = loaded;
        }
        else if (name.EndsWith(".hbs", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
        {
            var (loaded, errors) = HandlebarsDocumentTemplate.Load(name);
            if (loaded is null)
            {
                return (null, [.. errors.Select(GenerationDiagnostics.From)]);
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
                    ? (null, [.. broken.Select(GenerationDiagnostics.From)])
                    : (null, [Finding.Problem(GenerationDiagnostics.UnknownTemplateId, $"There is no template called '{name}'. Run 'safeguard-docs templates' to see the templates for {kind.Name}: {string.Join(", ", catalog.ForKind(kind.Name).Select(t => t.Name))}.")]);
            }
        }

        return template.Kind == kind.Name
            ? (template, [])
            : (null, [Finding.Problem(GenerationDiagnostics.TemplateForOtherKindId, $"Template '{template.Name}' is for {template.Kind} cases, but this case is {kind.Name}. Choose one of: {string.Join(", ", catalog.ForKind(kind.Name).Select(t => t.Name))}.")]);
    }

    /// <summary>Warnings are printed and also kept beside the document; a run without warnings removes an old record.</summary>
    private static void RecordWarnings(string path, IReadOnlyList<Finding> findings)
    {
        var warnings = findings.Where(f => !f.IsError).ToList();
        if (warnings.Count == 0)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            return;
        }

        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', warnings.Select(w => w.ToString())) + "\n"));
    }
}
