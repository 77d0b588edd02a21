using System.Runtime.CompilerServices;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Settings;
using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Records;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.Word;

namespace SafeguardDocs.Generation;

/// <summary>Options for turning one case into one document. Immutable; start from <see cref="Default"/>.</summary>
public sealed record GenerateOptions
{
    public static GenerateOptions Default { get; } = new();

    /// <summary>Where documents are written by <see cref="CaseDocumentGenerator.Generate(string, GenerateOptions)"/>. Created when missing.</summary>
    public string OutputFolder { get; init; } = "output";

    /// <summary>A template name from the catalogue, or a path to a <c>.sbn</c> or Word (<c>.docx</c>) file; null for the kind's default.</summary>
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

    /// <summary>How long to wait for another run writing to the same folder; null for <see cref="OutputFolderLock.DefaultWait"/>.</summary>
    public TimeSpan? LockWait { get; init; }
    /// <summary>
    /// The register the document is entered in (reserve the entry, render, write, complete the entry); null
    /// writes an unregistered document, which <see cref="RefuseUnregisteredEvidence"/> refuses for evidence kinds.
    /// </summary>
    public DocumentRegister? Register { get; init; }

    /// <summary>Who issues the document, for the register: the operating-system user, or the web app's account.</summary>
    public string IssuedBy { get; init; } = "unknown";

    /// <summary>Refuse an evidence kind when <see cref="Register"/> is null (the command's <c>--no-register</c>).</summary>
    public bool RefuseUnregisteredEvidence { get; init; }

    /// <summary>A correction: the register entry of the issue this document replaces; needs <see cref="CorrectionReason"/>.</summary>
    public long? Corrects { get; init; }

    public string? CorrectionReason { get; init; }

    /// <summary>Also write a PDF/A beside the document (and register it) with this converter; null for none.</summary>
    public PdfConverter? Pdf { get; init; }
}

/// <summary>The steps of issuing a registered document, for tests that stop a run between them.</summary>
internal enum IssueStep
{
    Reserved,
    Written,
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
        byte[]? bytes = null;
        try
        {
            bytes = File.ReadAllBytes(casePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The loader reports why the file cannot be read.
        }

        return Generate(CaseLoader.LoadFile(casePath), options, bytes);
    }

    /// <summary>As <see cref="Generate(string, GenerateOptions)"/>, for a case already read (from a file or from memory).</summary>
    public GenerationResult Generate(CaseLoadResult load, GenerateOptions options) => Generate(load, options, null);

    /// <summary>Output folders this generator has cleared of a killed run's temporary files.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _cleanedFolders = new(StringComparer.Ordinal);

    /// <summary>Called at each step of issuing a registered document: tests stop a run here as a crash would.</summary>
    internal Action<IssueStep>? StepReached { get; set; }

    private GenerationResult Generate(CaseLoadResult load, GenerateOptions options, byte[]? caseBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (result, made) = Make(load, options);
        if (made is null)
        {
            return result;
        }

        if (Refusal(load, options, result) is { } refused)
        {
            return refused;
        }

        var path = Path.Combine(options.OutputFolder, result.FileName!);
        Directory.CreateDirectory(options.OutputFolder);
        RegisterEntry? entry = null;
        using (OutputFolderLock.Acquire(options.OutputFolder, options.LockWait))
        {
            // Temporary files a killed run left: removed the first time this generator writes to the folder (a
            // scan of the whole folder, too slow to repeat for every letter of a run into a folder of thousands).
            if (_cleanedFolders.TryAdd(Path.GetFullPath(options.OutputFolder), 0))
            {
                AtomicFile.CleanLeftovers(options.OutputFolder);
            }

            if (options.Register is { } register)
            {
                (entry, var problem) = Reserve(load, options, made, caseBytes);
                if (entry is null)
                {
                    return result with { Outcome = RunOutcome.InputUnusable, Findings = [.. result.Findings, problem!] };
                }

                StepReached?.Invoke(IssueStep.Reserved);

                // The seal: the entry id and a short hash of the case data in the footer. The document is dated
                // by the case, as every document is, so the same case and the same entry always give the same bytes.
                var issued = entry;
                try
                {
                    AtomicFile.Write(path, stream => made.Write(stream, issued));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or OpenXmlPackageException)
                {
                    register.Abandon(entry, "the document could not be written");
                    throw;
                }

                StepReached?.Invoke(IssueStep.Written);
                register.Complete(entry, Path.GetFullPath(path), Sha256.OfFile(path));
            }
            else
            {
                AtomicFile.Write(path, stream => made.Write(stream, null));
            }

            if (options.RecordWarnings)
            {
                RecordWarnings(Path.Combine(options.OutputFolder, Path.GetFileNameWithoutExtension(result.FileName!) + FindingsSuffix), result.Findings);
            }
        }

        result = result with { OutputPath = path, Entry = entry };
        if (options.Pdf is { } pdf)
        {
            string pdfPath;
            try
            {
                pdfPath = pdf.Convert(path);
            }
            catch (PdfConversionException e)
            {
                return result with { Outcome = RunOutcome.InputUnusable, Findings = [.. result.Findings, Finding.Problem(GenerationDiagnostics.PdfUnavailableId, e.Message + " The .docx was written" + (entry is null ? "." : " and registered."))] };
            }

            if (entry is not null)
            {
                options.Register!.AddPdf(entry, Path.GetFullPath(pdfPath), Sha256.OfFile(pdfPath));
            }

            result = result with { PdfPath = pdfPath };
        }

        return result;
    }

    /// <summary>
    /// A document ready to be written: the template it is made with (its name and the SHA-256 of its content,
    /// for the register) and how to write it, given the register entry it is issued under (null when it is not
    /// registered), which an evidence kind carries as its seal.
    /// </summary>
    private sealed record MadeCase(string TemplateName, Func<string> TemplateSha256, Action<Stream, RegisterEntry?> Write);

    /// <summary>Checks and renders a case with the markup path or a Word template; null when nothing can be written.</summary>
    private (GenerationResult Result, MadeCase? Made) Make(CaseLoadResult load, GenerateOptions options)
    {
        if (IsWordTemplate(options.Template))
        {
            var (wordResult, bytes, wordTemplate) = PrepareWord(load, options);
            if (bytes is null)
            {
                return (wordResult, null);
            }

            var evidence = EvidenceRecords.IsEvidence(load.Kind!.Name);
            var reference = load.Case!.Reference!;
            return (wordResult, new MadeCase(wordTemplate!.Name, () => wordTemplate.Sha256, (stream, entry) =>
                stream.Write(entry is not null && evidence ? WordSeal.Apply(bytes, Seal(reference, entry)) : bytes)));
        }

        var (result, document, writer, _, template) = Prepare(load, options);
        return document is null
            ? (result, null)
            : (result, new MadeCase(template!.Name, () => TemplateSha256(template), (stream, entry) =>
                writer!.Write(entry is null ? document : Sealed(document, load, entry), stream)));
    }

    /// <summary>What a sealed document's footer says after its reference: the register entry and a short hash of the case data.</summary>
    public static string Seal(string reference, RegisterEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{reference} · Register entry {entry.Id} · case data {RegisterEntry.ShortHash(entry.CaseSha256 ?? string.Empty)}";
    }

    /// <summary>SHA-256 of the template's content: its file, or for a built-in (compiled) template the assembly it is compiled into.</summary>
    public static string TemplateSha256(IDocumentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (File.Exists(template.Source))
        {
            return Sha256.OfFile(template.Source);
        }

        var type = template.GetType();
        var assembly = type.IsGenericType ? type.GetGenericArguments()[0].Assembly : type.Assembly;
        return AssemblyHashes.GetOrAdd(assembly, a => File.Exists(a.Location) ? Sha256.OfFile(a.Location) : Sha256.Of(a.ManifestModule.ModuleVersionId.ToString()));
    }

    /// <summary>A loaded assembly does not change while the process runs: each is hashed once, not for every document.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.Assembly, string> AssemblyHashes = new();

    /// <summary>
    /// Reads a case from UTF-8 JSON in memory, checks it and, if it has no errors, writes its document to
    /// <paramref name="output"/> (left open). Nothing touches the disk; <see cref="GenerationResult.FileName"/>
    /// is the name to give the document. Nothing is written to the stream unless the outcome is Written.
    /// </summary>
    public GenerationResult Generate(ReadOnlySpan<byte> utf8Json, string name, Stream output, GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var load = CaseLoader.Load(utf8Json, name);
        var (result, made) = Make(load, options);
        if (made is null)
        {
            return result;
        }

        if (Refusal(load, options, result) is { } refused)
        {
            return refused;
        }

        if (options.Register is not { } register)
        {
            made.Write(output, null);
            return result;
        }

        // Registered: the document is made in memory, its fingerprint entered, then handed over. It has no file
        // of its own, so the entry records none (retention never deletes a file for it; the front end keeps its copy).
        var (entry, problem) = Reserve(load, options, made, utf8Json.ToArray());
        if (entry is null)
        {
            return result with { Outcome = RunOutcome.InputUnusable, Findings = [.. result.Findings, problem!] };
        }

        using var buffer = new MemoryStream();
        try
        {
            made.Write(buffer, entry);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OpenXmlPackageException)
        {
            register.Abandon(entry, "the document could not be written");
            throw;
        }

        register.Complete(entry, null, Sha256.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        buffer.CopyTo(output);
        return result with { Entry = entry };
    }

    /// <summary>An evidence kind asked for without the register, when that is refused.</summary>
    private static GenerationResult? Refusal(CaseLoadResult load, GenerateOptions options, GenerationResult result)
    {
        var kind = load.Kind!.Name;
        return options.Register is null && options.RefuseUnregisteredEvidence && EvidenceRecords.IsEvidence(kind)
            ? result with
            {
                Outcome = RunOutcome.InputUnusable,
                Findings = [.. result.Findings, Finding.Problem(GenerationDiagnostics.EvidenceMustBeRegisteredId,
                    $"A {kind} document is evidence: it is always entered in the register, so that it can be verified later. Leave out --no-register (it is only for trying templates on letters and agreements).")],
            }
            : null;
    }

    /// <summary>Takes the register entry for the document about to be made; or the problem with a correction that names no issue.</summary>
    private (RegisterEntry? Entry, Finding? Problem) Reserve(CaseLoadResult load, GenerateOptions options, MadeCase made, byte[]? caseBytes)
    {
        var caseSha = Sha256.Of(caseBytes ?? System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(load.Case!, load.Case!.GetType()));
        var issued = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        try
        {
            return (options.Register!.Reserve(new IssueRequest
            {
                Reference = load.Case!.Reference!,
                Kind = load.Kind!.Name,
                Template = made.TemplateName,
                TemplateSha256 = made.TemplateSha256(),
                CaseSha256 = caseSha,
                By = options.IssuedBy,
                RetainUntil = EvidenceRecords.RetainUntil(load.Case!, issued, options.Settings),
                Replaces = options.Corrects,
                Reason = options.Corrects is null ? null : options.CorrectionReason,
            }), null);
        }
        catch (ArgumentException e) when (options.Corrects is not null)
        {
            return (null, Finding.Problem(GenerationDiagnostics.CorrectionUnknownId, e.Message + " Run 'safeguard-docs verify' on the document being corrected to find its entry."));
        }
    }

    /// <summary>The seal in the footer of an evidence document: the entry id and a short hash of the case data.</summary>
    private static MarkupDocument Sealed(MarkupDocument document, CaseLoadResult load, RegisterEntry entry) =>
        EvidenceRecords.IsEvidence(load.Kind!.Name) ? document with { Reference = Seal(document.Reference, entry) } : document;

    /// <summary>
    /// Reads a case from UTF-8 JSON in memory, checks it and, if it has no errors, renders it exactly as
    /// <see cref="Generate(ReadOnlySpan{byte}, string, Stream, GenerateOptions)"/> would, without writing:
    /// the markup the document writer would be given (for a preview), and the result that writing would
    /// have (outcome, findings, file name, template).
    /// </summary>
    public RenderedCase Render(ReadOnlySpan<byte> utf8Json, string name, GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (result, document, _, _, _) = Prepare(CaseLoader.Load(utf8Json, name), options);
        return new RenderedCase(result, document);
    }

    private (GenerationResult Result, MarkupDocument? Document, IDocumentWriter? Writer, HouseStyle? Style, IDocumentTemplate? Template) Prepare(CaseLoadResult load, GenerateOptions options)
    {
        var check = Check(load, options.Settings);
        if (!check.Loaded)
        {
            return (new GenerationResult(RunOutcome.InputUnusable, check.Findings), null, null, null, null);
        }

        var findings = check.Findings;
        var caseFile = load.Case!;
        var kind = load.Kind!;
        var result = new GenerationResult(RunOutcome.CaseHasErrors, findings) { Reference = caseFile.Reference };
        if (check.HasErrors)
        {
            return (result, null, null, null, null);
        }

        var (template, templateProblems) = ResolveTemplate(kind, options.Template, options.MadeWith);
        if (template is null)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. templateProblems] }, null, null, null, null);
        }

        HouseStyle style;
        try
        {
            style = options.HouseStyle is null ? HouseStyle.Default : ReadHouseStyle(options.HouseStyle);
        }
        catch (HouseStyleException e)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, Finding.Problem(GenerationDiagnostics.HouseStyleUnusableId, e.Message)] }, null, null, null, null);
        }
        catch (InputFileException e)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, Finding.Problem(GenerationDiagnostics.HouseStyleUnusableId, $"The house-style reference document '{options.HouseStyle}' cannot be used: {e.Message}")] }, null, null, null, null);
        }

        MarkupParseResult rendered;
        try
        {
            rendered = template.Render(caseFile, RenderContext.From(clock, options.Settings));
        }
        catch (TemplateRenderException e)
        {
            // A Scriban template stopped on this case (a limit, or a function given what it cannot use): where and why.
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. e.Errors.Select(GenerationDiagnostics.From)], TemplateName = template.Name }, null, null, null, null);
        }
        catch (Exception e) when (IsRenderFailure(e))
        {
            // A template that fails on this case is a template problem: say which, never with case data.
            var failed = new Finding(GenerationDiagnostics.TemplateRenderFailedId, Severity.Error, string.Empty,
                $"template '{template.Name}' could not be rendered for this case ({e.GetType().Name}). Check the template with 'safeguard-docs check', or use the built-in template.") { File = template.Source };
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, failed], TemplateName = template.Name }, null, null, null, null);
        }

        if (rendered.Error is { } markupError)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, GenerationDiagnostics.From(markupError)], TemplateName = template.Name }, null, null, null, null);
        }

        // Dated by the case itself, not the clock: the same case gives the same bytes (README, "Output is deterministic").
        var writer = DocumentWriters.Dated(_writers.GetValue(style, s => DocumentWriters.For(s, clock)), kind.DocumentDate(caseFile));
        var stem = OutputNaming.FileStem(caseFile.Reference!, OutputNaming.Initials(kind.InitialsOf?.Invoke(caseFile)));
        return (result with { Outcome = RunOutcome.Written, FileName = stem + writer.FileExtension, TemplateName = template.Name }, rendered.Document!, writer, style, template);
    }

    /// <summary>Most a house-style reference document may hold.</summary>
    private const long MaxHouseStyleBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads a house-style reference document: only an ordinary file (checked before it is opened), counted
    /// as it is read; a missing one gets the writer's own message.
    /// </summary>
    private static HouseStyle ReadHouseStyle(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? HouseStyle.FromReferenceDocument(SafeFile.ReadAllBytes(path, MaxHouseStyleBytes, "The house-style reference document"), path)
            : HouseStyle.FromReferenceDocument(path);

    /// <summary>An exception from a template's own code or from the template engine: a template problem, not a program fault.</summary>
    internal static bool IsRenderFailure(Exception e) =>
        e is InvalidOperationException or ArgumentException or FormatException or OverflowException
            or InsufficientExecutionStackException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException;

    /// <summary>True when <paramref name="template"/> names a Word template (<c>.docx</c>), which makes the document itself.</summary>
    public static bool IsWordTemplate(string? template) => template?.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// As <see cref="Prepare"/>, for a Word template: the document is the template filled in, in memory
    /// (nothing is written unless every part rendered). The house style does not apply: the template is it.
    /// </summary>
    private (GenerationResult Result, byte[]? Document, WordDocumentTemplate? Template) PrepareWord(CaseLoadResult load, GenerateOptions options)
    {
        var check = Check(load, options.Settings);
        if (!check.Loaded)
        {
            return (new GenerationResult(RunOutcome.InputUnusable, check.Findings), null, null);
        }

        var caseFile = load.Case!;
        var kind = load.Kind!;
        var findings = check.Findings;
        var result = new GenerationResult(RunOutcome.CaseHasErrors, findings) { Reference = caseFile.Reference };
        if (check.HasErrors)
        {
            return (result, null, null);
        }

        var (template, problems) = ResolveWordTemplate(kind, options.Template!);
        if (template is null)
        {
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. problems] }, null, null);
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
            return (result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, .. errors.Select(GenerationDiagnostics.From)], TemplateName = template.Name }, null, null);
        }

        var stem = OutputNaming.FileStem(caseFile.Reference!, OutputNaming.Initials(kind.InitialsOf?.Invoke(caseFile)));
        return (result with { Outcome = RunOutcome.Written, Findings = findings, FileName = stem + ".docx", TemplateName = template.Name }, buffer.ToArray(), template);
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

    /// <summary>The named template (or a .sbn file), or the kind's default; it must be for this kind.</summary>
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
            AtomicFile.Delete(path);
            return;
        }

        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', warnings.Select(w => w.ToString())) + "\n"));
    }
}

/// <summary>A case rendered but not written: what writing it would report, and its markup when it could be made.</summary>
public sealed record RenderedCase(GenerationResult Result, MarkupDocument? Document);
