using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.AupPack.Roster;
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
        return Write(CaseLoader.LoadFile(casePath), roster => RosterReader.ReadFile(AupPackFacts.RosterPath(casePath, roster), options.ColumnMap), options, cancellationToken);
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

        var letterTemplate = catalog.DefaultFor(AupPackLetter.TemplateKind);
        var agreementTemplate = catalog.DefaultFor(AupAgreementKind.Name);
        if (letterTemplate is null || agreementTemplate is null)
        {
            return new AupPackResult(RunOutcome.InputUnusable, [.. findings, Finding.Problem(GenerationDiagnostics.NoTemplateForKindId,
                $"There is no {(letterTemplate is null ? AupPackLetter.TemplateKind : AupAgreementKind.Name)} template, so the packs cannot be made. Run 'safeguard-docs templates' to see what is installed.")]);
        }

        var folder = Path.GetFullPath(options.OutputFolder);
        Directory.CreateDirectory(folder);
        AtomicFile.CleanLeftovers(folder);
        var reference = pack.Reference!;
        var errorsReport = Path.Combine(folder, RosterErrorsReport.FileName(reference));
        if (roster.Problems.Count > 0)
        {
            RosterErrorsReport.Write(errorsReport, roster.Problems);
        }
        else if (File.Exists(errorsReport))
        {
            File.Delete(errorsReport); // An old report would describe a roster that has since been corrected.
        }

        var result = new AupPackResult(RunOutcome.Written, findings)
        {
            RowsSkipped = roster.RowsSkipped,
            ErrorsReport = roster.Problems.Count > 0 ? errorsReport : null,
            OutputFolder = folder,
        };
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

        var writer = DocumentWriters.For(HouseStyle.Default, clock);

        // The print file is printed double-sided: every document (each family's letter, and each form to return)
        // starts on a right-hand page, so no family's papers are on the back of another's.
        var printWriter = DocumentWriters.For(HouseStyle.Default, clock, forDuplexPrinting: true);
        var title = $"Acceptable use agreements {pack.AcademicYear}";
        var printFile = Path.Combine(folder, $"{reference}_print{writer.FileExtension}");
        var trackerFile = Path.Combine(folder, $"{reference}_tracker{Excel.Writing.WorkbookWriter.Extension}");
        try
        {
            WritePacksAndPrintFile(families, render, writer, printWriter, folder, reference, title, printFile, options, cancellationToken);
            ReturnTracker.Write(trackerFile, pack, families, writer.FileExtension, clock);
        }
        catch (Exception e) when (e is AupPackException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // Every file is written atomically: what is there is complete, and a new run replaces it all.
            var why = e switch
            {
                OperationCanceledException => "it was cancelled. Run it again to make the complete set.",
                AupPackException { InnerException: OperationCanceledException } => "it was cancelled. Run it again to make the complete set.",
                AupPackException { InnerException: { } inner } => $"{e.Message} ({inner.GetBaseException().Message})",
                _ => e.Message,
            };
            return result with { Outcome = RunOutcome.InputUnusable, Findings = [.. findings, Finding.Problem(GenerationDiagnostics.RunStoppedId, $"The run stopped: {why}")], Elapsed = clock.GetElapsedTime(started) };
        }

        var stale = RemoveStalePacks(folder, reference, families, writer.FileExtension);
        return result with
        {
            Families = families.Count,
            Pupils = roster.Pupils.Count,
            FilesWritten = families.Count + 2 + (result.ErrorsReport is null ? 0 : 1),
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
        IReadOnlyList<AupFamily> families, FamilyRenderer render, IDocumentWriter writer, IDocumentWriter printWriter, string folder, string reference, string title, string printFile, AupPackOptions options, CancellationToken cancellationToken)
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
                throw new AupPackException("The packs could not all be written, so the print file was not written either. Run the command again.", producerFailure);
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
            if (!current.Contains(name) && PackFilePattern().IsMatch(Path.GetFileNameWithoutExtension(name)[reference.Length..]))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

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

        private MarkupDocument Render(IDocumentTemplate template, Core.Cases.CaseFile caseFile)
        {
            var result = template.Render(caseFile, context);
            return result.Document ?? throw new AupPackException(GenerationDiagnostics.From(result.Error!));
        }
    }
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

    /// <summary>The diagnostic that stopped the run, when there is one (a template fault).</summary>
    public Finding? Diagnostic { get; }
}
