using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Word;

namespace SafeguardDocs.Generation.Packs;

/// <summary>
/// Makes a school's Acceptable Use Policy packs from an <c>aup-pack</c> case and the pupil export it
/// names: one .docx per family (covering letter, parent agreement, each child's agreement), one print
/// file with every pack, a return tracker (.xlsx) and, when rows could not be used, an errors report.
/// <para>
/// Nothing is written unless the case has no errors and the export has every required column. Families
/// are rendered in batches across the cores, each pack written atomically as it is made, while the print
/// file takes the batches in family order: memory holds a few batches, never the whole school. Temporary
/// files of a killed run are removed first, and every file is rewritten, so running again gives the
/// complete set.
/// </para>
/// </summary>
public sealed partial class AupPackWriter(TemplateCatalog catalog, TimeProvider clock)
{
    /// <summary>Makes the packs from a case file and the roster it names (relative to the case file).</summary>
    public AupPackResult Write(string casePath, AupPackOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(casePath);
        ArgumentNullException.ThrowIfNull(options);
        return Write(CaseLoader.LoadFile(casePath), roster => ReadRosterInCaseFolder(casePath, roster, options), options, cancellationToken);
    }

    /// <summary>The roster the case names, read only when it really is inside the case file's folder.</summary>
    private static RosterReadResult ReadRosterInCaseFolder(string casePath, string roster, AupPackOptions options)
    {
        var rosterPath = AupPackFacts.RosterPath(casePath, roster);
        if (!SafeFile.IsInside(rosterPath, Path.GetDirectoryName(Path.GetFullPath(casePath)) ?? "."))
        {
            // The rules keep "roster" inside the case folder by name; a link there must not lead out of it.
            return new RosterReadResult
            {
                Errors = [new Finding(RosterReader.UnreadableId, Severity.Error, "$.roster",
                    "The roster named here is a link to a file outside the case file's folder, so it is not read. Copy the export itself into the case file's folder (or below it) and run again.") { File = casePath }],
            };
        }

        return RosterReader.ReadFile(rosterPath, options.ColumnMap);
    }

    /// <summary>
    /// Makes the packs from a case and a roster held in memory (for example uploaded to a web page):
    /// <paramref name="caseJson"/> is the case's UTF-8 JSON, <paramref name="caseName"/> names it in
    /// diagnostics, and <paramref name="roster"/> is the export's text (its name in the case is used in diagnostics).
    /// </summary>
    public AupPackResult Write(ReadOnlySpan<byte> caseJson, string caseName, TextReader roster, AupPackOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(options);
        return Write(CaseLoader.Load(caseJson, caseName), name => RosterReader.Read(roster, name, options.ColumnMap), options, cancellationToken);
    }

    private AupPackResult Write(CaseLoadResult load, Func<string, RosterReadResult> readRoster, AupPackOptions options, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        if (!load.Succeeded)
        {
            return new AupPackResult(RunOutcome.InputUnusable, load.Errors);
        }

        if (load.Case is not AupPackCase pack)
        {
            return new AupPackResult(RunOutcome.InputUnusable, [new Finding(GenerationDiagnostics.NotAPackCaseId, Severity.Error, "$.kind",
                $"this is a {load.Kind!.Name} case. 'pack' makes AUP packs from an aup-pack case; use 'generate' for this one.") { File = load.File }]);
        }

        var findings = new CaseChecker(clock).Check(load, options.Settings).Findings;
        if (findings.HasErrors())
        {
            return new AupPackResult(RunOutcome.CaseHasErrors, findings);
        }

        var roster = readRoster(pack.Roster!);
        if (!roster.Succeeded)
        {
            return new AupPackResult(RunOutcome.InputUnusable, [.. findings, .. roster.Errors]);
        }

        var (letterTemplate, letterProblems) = ResolveLetterTemplate(options.LetterTemplate);
        if (letterTemplate is null)
        {
            return new AupPackResult(RunOutcome.InputUnusable, [.. findings, .. letterProblems]);
        }

        var agreementTemplate = catalog.DefaultFor(AupAgreementKind.Name);
        if (agreementTemplate is null)
        {
            return new AupPackResult(RunOutcome.InputUnusable, [.. findings, Finding.Problem(GenerationDiagnostics.NoTemplateForKindId,
                $"There is no {AupAgreementKind.Name} template, so the packs cannot be made. Run 'safeguard-docs templates' to see what is installed.")]);
        }

        var folder = Path.GetFullPath(options.OutputFolder);
        try
        {
            using var folderLock = OutputFolderLock.Acquire(folder, options.LockWait);
            return WriteLocked(pack, findings, roster, letterTemplate, agreementTemplate, folder, options, started, cancellationToken);
        }
        catch (OutputFolderBusyException e)
        {
            return new AupPackResult(RunOutcome.InputUnusable, [.. findings, Finding.Problem(GenerationDiagnostics.RunStoppedId, e.Message)]) { Elapsed = clock.GetElapsedTime(started) };
        }
    }

    /// <summary>
    /// The covering letter's template: the one named (from the catalogue, or a <c>.sbn</c> file by its path),
    /// else the built-in letter. It must be an <c>aup-pack-letter</c> template, checked before anything is written.
    /// </summary>
    private (IDocumentTemplate? Template, IReadOnlyList<Finding> Problems) ResolveLetterTemplate(string? name)
    {
        var letters = string.Join(", ", catalog.ForKind(AupPackKind.LetterName).Select(t => t.Name));
        IDocumentTemplate? template;
        if (name is null)
        {
            template = catalog.DefaultFor(AupPackKind.LetterName);
            return template is null
                ? (null, [Finding.Problem(GenerationDiagnostics.NoTemplateForKindId, $"There is no {AupPackKind.LetterName} template, so the packs cannot be made. Run 'safeguard-docs templates' to see what is installed.")])
                : (template, []);
        }

        if (name.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
        {
            var (loaded, errors) = Templating.Scriban.ScribanDocumentTemplate.Load(name);
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
                    : (null, [Finding.Problem(GenerationDiagnostics.UnknownTemplateId, $"There is no template called '{name}'. Give the path to the .sbn file, or run 'safeguard-docs templates' to see the templates for the pack's covering letter ({AupPackKind.LetterName}): {letters}.")]);
            }
        }

        return template.Kind == AupPackKind.LetterName
            ? (template, [])
            : (null, [Finding.Problem(GenerationDiagnostics.TemplateForOtherKindId, $"Template '{template.Name}' is for {template.Kind} documents, but the pack's --template is for its covering letter ({AupPackKind.LetterName}). Choose one of: {letters}.")]);
    }

    private AupPackResult WriteLocked(
        AupPackCase pack, IReadOnlyList<Finding> findings, RosterReadResult roster, IDocumentTemplate letterTemplate, IDocumentTemplate agreementTemplate, string folder, AupPackOptions options, long started, CancellationToken cancellationToken)
    {
        AtomicFile.CleanLeftovers(folder);
        var reference = pack.Reference!;
        var errorsReport = Path.Combine(folder, RosterErrorsReport.FileName(reference));
        var problems = roster.Problems;
        if (roster.Pupils.Count == 0 && problems.Count == 0)
        {
            // A header and no rows: the report says so, as the run's message promises.
            problems = [Finding.AtCell(RosterReader.NoRowsId, Severity.Warning, roster.File ?? pack.Roster!, new CellLocation(2, null, null), "The roster has a header but no pupil rows.", "Export the roster again from the MIS with the pupils in it, then run again.")];
        }

        var result = new AupPackResult(RunOutcome.Written, findings)
        {
            RowsSkipped = roster.RowsSkipped,
            ErrorsReport = problems.Count > 0 ? errorsReport : null,
            OutputFolder = folder,
        };
        try
        {
            if (problems.Count > 0)
            {
                RosterErrorsReport.Write(errorsReport, problems);
            }
            else
            {
                AtomicFile.Delete(errorsReport); // An old report would describe a roster that has since been corrected.
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result with { Outcome = RunOutcome.InputUnusable, ErrorsReport = null, Findings = [.. findings, Finding.Problem(GenerationDiagnostics.RunStoppedId, Stopped(e, 0, "the errors report"))], Elapsed = clock.GetElapsedTime(started) };
        }

        if (roster.Pupils.Count == 0)
        {
            return result with
            {
                Outcome = RunOutcome.InputUnusable,
                FilesWritten = result.ErrorsReport is null ? 0 : 1,
                Findings = [.. findings, Finding.Problem(GenerationDiagnostics.NoRosterRowId, "No row of the roster could be used, so no packs were made. The errors report says what is wrong with each row.")],
                Elapsed = clock.GetElapsedTime(started),
            };
        }

        var families = AupFamilies.Group(roster.Pupils);
        var render = new FamilyRenderer(pack, letterTemplate, agreementTemplate, RenderContext.From(clock, options.Settings));

        // A template fault shows on the first family: find it before any pack is written.
        if (render.Problem(families[0]) is { } templateProblem)
        {
            return result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, templateProblem], FilesWritten = result.ErrorsReport is null ? 0 : 1 };
        }

        // Dated by the pack's letter date, not the clock: the same pack gives the same bytes.
        var created = AupPackKind.Kind.DocumentDate(pack);
        var writer = DocumentWriters.Dated(DocumentWriters.For(HouseStyle.Default, clock), created);

        // The print file is printed double-sided: every document (each family's letter, and each form to return)
        // starts on a right-hand page, so no family's papers are on the back of another's.
        var printWriter = DocumentWriters.Dated(DocumentWriters.For(HouseStyle.Default, clock, forDuplexPrinting: true), created);
        var title = $"Acceptable use agreements {pack.AcademicYear}";
        var printFile = Path.Combine(folder, $"{reference}_print{writer.FileExtension}");
        var trackerFile = Path.Combine(folder, $"{reference}_tracker{Excel.Writing.WorkbookWriter.Extension}");
        var progress = new WriteProgress();
        var reportFiles = result.ErrorsReport is null ? 0 : 1;
        int stale;
        try
        {
            WritePacksAndPrintFile(families, render, writer, printWriter, folder, reference, title, printFile, options, progress, cancellationToken);
            progress.PrintFileWritten = true;
            ReturnTracker.Write(trackerFile, pack, families, writer.FileExtension, created is { } date ? new PackDateClock(date) : clock);
            stale = RemoveStalePacks(folder, reference, families, writer.FileExtension);
        }
        catch (Exception e) when (e is AupPackException or OperationCanceledException || IoFailure.Inner(e) is IOException or UnauthorizedAccessException)
        {
            // Every file is written atomically: what is there is complete, and a new run replaces it all.
            var written = Volatile.Read(ref progress.Packs);
            var printWritten = progress.PrintFileWritten;
            var notWritten = printWritten ? "the tracker" : "the print file and the tracker";
            var cancelled = e is OperationCanceledException or AupPackException { InnerException: OperationCanceledException };
            var stopped = cancelled
                ? [Finding.Problem(GenerationDiagnostics.RunStoppedId, $"The run stopped: it was cancelled. {Written(written, notWritten)} Run it again to make the complete set.")]
                : IoFailure.Inner(e) is IOException or UnauthorizedAccessException
                    ? [Finding.Problem(GenerationDiagnostics.RunStoppedId, Stopped(e, written, notWritten))]
                    : e is AupPackException { Diagnostic: { } diagnostic }
                        ? new[] { diagnostic, Finding.Problem(GenerationDiagnostics.RunStoppedId, Written(written, notWritten)) }
                        : [Finding.Problem(GenerationDiagnostics.RunStoppedId, e.Message), Finding.Problem(GenerationDiagnostics.RunStoppedId, Written(written, notWritten))];
            return result with
            {
                Outcome = RunOutcome.InputUnusable,
                Findings = [.. findings, .. stopped],
                FilesWritten = written + reportFiles + (printWritten ? 1 : 0),
                PacksWritten = written,
                Families = families.Count,
                Elapsed = clock.GetElapsedTime(started),
            };
        }

        return result with
        {
            Families = families.Count,
            Pupils = roster.Pupils.Count,
            FilesWritten = families.Count + 2 + reportFiles,
            PacksWritten = families.Count,
            StalePacksRemoved = stale,
            PrintFile = printFile,
            TrackerFile = trackerFile,
            Elapsed = clock.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// Renders families in batches across the cores, writing each family's pack as it is made, and streams
    /// every batch, in family order, into the print file on this thread. A failure anywhere stops both and
    /// leaves no print file (the writes are atomic).
    /// </summary>
    private static void WritePacksAndPrintFile(
        IReadOnlyList<AupFamily> families, FamilyRenderer render, IDocumentWriter writer, IDocumentWriter printWriter, string folder, string reference, string title, string printFile, AupPackOptions options, WriteProgress progress, CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<IReadOnlyList<MarkupDocument>[]>(boundedCapacity: 3);
        Exception? producerFailure = null;
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancel.Token };

        // Not cancelled by the token itself: the producer must always run to complete the collection.
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in families.Chunk(Math.Max(1, options.BatchSize)))
                {
                    var rendered = new IReadOnlyList<MarkupDocument>[chunk.Length];
                    Parallel.For(0, chunk.Length, parallel, i =>
                    {
                        var family = chunk[i];
                        var documents = render.Family(family);
                        AtomicFile.Write(Path.Combine(folder, AupFamilies.PackFileStem(reference, family) + writer.FileExtension), stream => writer.WriteCombined(documents, stream, title));
                        Interlocked.Increment(ref progress.Packs);
                        rendered[i] = documents;
                        options.Progress?.Report(new PackProgress(Interlocked.Increment(ref done), families.Count));
                    });
                    batches.Add(rendered, cancel.Token);
                }
            }
            catch (Exception e)
            {
                producerFailure = e;
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, CancellationToken.None);

        try
        {
            AtomicFile.Write(printFile, stream => printWriter.WriteCombined(PrintOrder(), stream, title + " (print file)"));
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            producer.GetAwaiter().GetResult();
        }

        IEnumerable<MarkupDocument> PrintOrder()
        {
            foreach (var batch in batches.GetConsumingEnumerable(cancel.Token))
            {
                foreach (var documents in batch)
                {
                    foreach (var document in documents)
                    {
                        yield return document;
                    }
                }
            }

            if (producerFailure is not null)
            {
                // Throwing here, inside the print file's write, stops it before it is renamed into place.
                var cause = producerFailure is AggregateException aggregate
                    ? aggregate.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? aggregate
                    : producerFailure;
                throw cause is AupPackException ? cause : new AupPackException(cause.Message, cause);
            }
        }
    }

    /// <summary>
    /// Removes family packs of this pack reference that an earlier run wrote and this one did not (the
    /// roster changed, so families were renumbered): an old pack must not be printed by mistake.
    /// </summary>
    private static int RemoveStalePacks(string folder, string reference, IReadOnlyList<AupFamily> families, string extension)
    {
        var current = new HashSet<string>(families.Select(f => AupFamilies.PackFileStem(reference, f) + extension), StringComparer.OrdinalIgnoreCase);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, $"{reference}_F*{extension}"))
        {
            var name = Path.GetFileName(file);
            if (!current.Contains(name) && PackFilePattern().IsMatch(Path.GetFileNameWithoutExtension(name)[reference.Length..]) && AtomicFile.Delete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>What a run has written so far, for the message when it stops part way.</summary>
    private sealed class WriteProgress
    {
        public int Packs;
        public bool PrintFileWritten;
    }

    /// <summary>Why the run stopped, what it had written and what to do: the cause is named, never guessed.</summary>
    private static string Stopped(Exception e, int packsWritten, string notWritten) =>
        $"The run stopped because {IoFailure.Cause(e)}. {Written(packsWritten, notWritten)} {IoFailure.WhatToDo(e)} Running again rewrites every file.";

    private static string Written(int packsWritten, string notWritten) => packsWritten == 0
        ? "No family pack was written."
        : $"{(packsWritten == 1 ? "1 family pack was" : $"{packsWritten} family packs were")} written, each complete; {notWritten} {(notWritten.Contains(" and ", StringComparison.Ordinal) ? "were" : "was")} not.";

    [GeneratedRegex(@"^_F[0-9]{4,}(_[A-Z]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PackFilePattern();

    /// <summary>Builds and renders one family's documents: covering letter, parent agreement, each child's agreement.</summary>
    private sealed class FamilyRenderer(AupPackCase pack, IDocumentTemplate letter, IDocumentTemplate agreement, RenderContext context)
    {
        public List<MarkupDocument> Family(AupFamily family)
        {
            var documents = new List<MarkupDocument>(2 + family.Pupils.Count) { Render(letter, AupPackLetter.For(pack, family)) };
            foreach (var agreementCase in AupPackAgreements.For(pack, family))
            {
                documents.Add(Render(agreement, agreementCase));
            }

            return documents;
        }

        /// <summary>Why the templates cannot render this family, or null when they can.</summary>
        public Finding? Problem(AupFamily family)
        {
            try
            {
                Family(family);
                return null;
            }
            catch (AupPackException e) when (e.Diagnostic is not null)
            {
                return e.Diagnostic;
            }
        }

        /// <param name="template">The letter's or the agreement's template.</param>
        /// <param name="source">What the document is made from: the letter's <see cref="AupPackLetter"/>, or an agreement's case.</param>
        private MarkupDocument Render(IDocumentTemplate template, object source)
        {
            MarkupParseResult result;
            try
            {
                result = template.Render(source, context);
            }
            catch (Exception e) when (CaseDocumentGenerator.IsRenderFailure(e))
            {
                // As generate does: a template that fails on a family is a template problem; say which, never with case data.
                throw new AupPackException(new Finding(GenerationDiagnostics.TemplateRenderFailedId, Severity.Error, string.Empty,
                    $"template '{template.Name}' could not be rendered for a family of this pack ({e.GetType().Name}). Check the template with 'safeguard-docs check', or use the built-in template.") { File = template.Source }, e);
            }

            return result.Document ?? throw new AupPackException(GenerationDiagnostics.From(result.Error!));
        }
    }
}

/// <summary>A clock that always says the same time: the pack's own date, so the tracker's bytes do not depend on when it was made.</summary>
internal sealed class PackDateClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A pack run that cannot go on (a template fault, a failed write). Its message never names a person.</summary>
public sealed class AupPackException : Exception
{
    public AupPackException()
    {
    }

    public AupPackException(string message)
        : base(message)
    {
    }

    public AupPackException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public AupPackException(Finding diagnostic)
        : base(diagnostic?.ToString())
    {
        Diagnostic = diagnostic;
    }

    public AupPackException(Finding diagnostic, Exception inner)
        : base(diagnostic?.ToString(), inner)
    {
        Diagnostic = diagnostic;
    }

    /// <summary>The diagnostic that stopped the run, when there is one (a template fault).</summary>
    public Finding? Diagnostic { get; }
}
