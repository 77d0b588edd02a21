using System.Diagnostics;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Generation;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating;
using SafeguardDocs.Word;

namespace SafeguardDocs.Benchmarks;

/// <summary>
/// The device-allocation loan letter end to end through the generation library, as <c>generate</c> makes
/// it but with the case file read once: <see cref="CaseDocumentGenerator.Generate(CaseLoadResult, GenerateOptions)"/>
/// validates, renders the template (the Razor <c>loan-letter</c> unless another is named, such as
/// <c>loan-letter.sbn</c>), parses the markup and writes the .docx atomically to disk. Each letter gets its
/// own reference, so its own file.
/// </summary>
internal sealed class LetterPipeline
{
    private readonly CaseLoadResult load;
    private readonly DeviceAllocationCase sample;
    private readonly CaseKind kind;
    private readonly CaseDocumentGenerator generator;
    private readonly IDocumentTemplate? template;
    private readonly string templateName;
    private readonly IDocumentWriter writer;
    private readonly ValidationContext validation;
    private readonly RenderContext render;

    public LetterPipeline(string samplePath, TimeProvider clock, string templateName = DefaultTemplate)
    {
        this.templateName = templateName;
        load = CaseLoader.LoadFile(samplePath);
        if (!load.Succeeded || load.Case is not DeviceAllocationCase allocation)
        {
            throw new InvalidOperationException($"{samplePath} is not a readable device allocation: {string.Join("; ", load.Errors)}");
        }

        sample = allocation;
        kind = load.Kind!;
        generator = new CaseDocumentGenerator(TemplateLocations.Catalog(Machine.RepoRoot), clock);
        // A Word template makes the .docx itself: it has no markup stages, and is resolved by each Generate.
        template = CaseDocumentGenerator.IsWordTemplate(templateName)
            ? null
            : generator.ResolveTemplate(kind, templateName).Template ?? throw new InvalidOperationException($"The template '{templateName}' cannot be used.");
        validation = ValidationContext.From(clock);
        render = RenderContext.From(clock);
        writer = DocumentWriters.For(HouseStyle.Default, clock);
    }

    public const string DefaultTemplate = "loan-letter";

    /// <summary>What renders the letters, for the table's title: <c>Razor 'loan-letter'</c>.</summary>
    public string Describe => template is null ? $"Word template '{Path.GetFileName(templateName)}'" : $"{template.Engine} '{template.Name}'";

    /// <summary>
    /// Where one letter's time goes, stage by stage on one thread: each stage repeated <paramref name="count"/>
    /// times on its own, in microseconds a letter. For finding hot spots; the end-to-end figures are the ones that count.
    /// </summary>
    public IReadOnlyList<(string Stage, double Microseconds, double KbAllocated)> Stages(int count, string folder)
    {
        var letter = sample with { Reference = "DA-BENCH-STAGES" };
        var template = this.template ?? throw new InvalidOperationException("Stages are for markup templates (Razor, Scriban), not Word templates.");
        var html = template.RenderHtml(letter, render);
        var document = MarkupParser.Parse(html, template.Name).Document!;
        var path = Path.Combine(folder, "stages" + writer.FileExtension);
        var buffer = new MemoryStream();

        // Two seconds of whole letters first, so that tiered compilation has settled before anything is timed.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            Write(0, folder);
        }

        return
        [
            Stage("validate (rules)", () => kind.Rules.Check(letter, validation)),
            Stage($"render ({template.Engine} to HTML)", () => template.RenderHtml(letter, render)),
            Stage("parse markup", () => MarkupParser.Parse(html, template.Name)),
            Stage("write .docx to memory", () =>
            {
                buffer.SetLength(0);
                writer.Write(document, buffer);
            }),
            Stage("write .docx to disk (atomic)", () => AtomicFile.Write(path, stream => writer.Write(document, stream))),
            Stage("all of it (Generate)", () => Write(0, folder)),
        ];

        (string, double, double) Stage(string name, Action action)
        {
            for (var i = 0; i < Math.Min(count, 200); i++)
            {
                action();
            }

            // Processor time, not wall time: with other work on the machine it is the steadier measure.
            using var process = Process.GetCurrentProcess();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = process.TotalProcessorTime;
            for (var i = 0; i < count; i++)
            {
                action();
            }

            process.Refresh();
            return (name, (process.TotalProcessorTime - cpu).TotalMicroseconds / count, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / count);
        }
    }

    /// <summary>Makes letter number <paramref name="n"/> in <paramref name="folder"/> with the library and returns its path.</summary>
    public string Write(int n, string folder)
    {
        var letter = sample with { Reference = $"DA-BENCH-{n:D7}" };
        var result = generator.Generate(load with { Case = letter }, GenerateOptions.Default with { OutputFolder = folder, Template = templateName, RecordWarnings = false });
        return result.Outcome == RunOutcome.Written
            ? result.OutputPath!
            : throw new InvalidOperationException($"Letter {n} was not written ({result.Outcome}): {string.Join("; ", result.Findings.Where(f => f.IsError))}");
    }
}

internal static class LettersBenchmark
{
    private sealed record Measure(string Mode, int Threads, int Letters, TimeSpan Elapsed, long Allocated, int Gen0, int Gen1, int Gen2, string Folder)
    {
        public long JitMethods { get; init; }

        public TimeSpan JitTime { get; init; }

        public double PerSecond => Letters / Elapsed.TotalSeconds;
    }

    public static int RunStages(int count, string template, TextWriter output)
    {
        var pipeline = new LetterPipeline(Path.Combine(Machine.RepoRoot, "samples", "device-allocation.json"), FixedClock.Default, template);
        output.WriteLine($"Where a letter's time goes, {pipeline.Describe}, one thread, {count} of each stage ({Machine.Describe()})");
        var folder = Machine.NewTempFolder("stages");
        var table = new Table("stage", "CPU µs/letter", "KB allocated/letter");
        foreach (var (stage, microseconds, kb) in pipeline.Stages(count, folder))
        {
            table.Add(stage, Table.N(microseconds), Table.N(kb));
        }

        table.Print(output);
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    public static int Run(int count, int runs, bool keep, string template, TextWriter output)
    {
        var pipeline = new LetterPipeline(Path.Combine(Machine.RepoRoot, "samples", "device-allocation.json"), FixedClock.Default, template);
        var cores = Environment.ProcessorCount;
        output.WriteLine(CaseDocumentGenerator.IsWordTemplate(template)
            ? $"Device-allocation letters end to end (validate, fill in {pipeline.Describe}, write .docx to disk)"
            : $"Device-allocation letters end to end (validate, render {pipeline.Describe}, parse markup, write .docx to disk)");
        output.WriteLine($"{Machine.Describe()}; {count} letters a run, best of {runs}");

        // Warm up until tiered compilation has settled (instrumented tier, then optimised with profile data):
        // the first thousand letters run at a fraction of the steady speed. Every letter gets a new name and
        // nothing is deleted until the end: on this machine's ext4 (no journal) each deleted or replaced
        // file makes new files slower to create for a minute or more, which would be measured, not the product.
        var warm = Machine.NewTempFolder("warm-up");
        var warming = Stopwatch.StartNew();
        for (var round = 0; warming.Elapsed < TimeSpan.FromSeconds(4); round += 2)
        {
            Time("warm-up", 1, 200, warm, pipeline, first: round * 200);
            Time("warm-up", cores, 200, warm, pipeline, first: (round + 1) * 200);
        }


        var measures = new List<Measure>();
        for (var run = 0; run < runs; run++)
        {
            measures.Add(Time("one core", 1, count, Machine.NewTempFolder("one-core"), pipeline));
            measures.Add(Time("all cores", cores, count, Machine.NewTempFolder("all-cores"), pipeline));
        }

        var table = new Table("scenario", "threads", "letters/s (best)", "letters/s (each run)", "ms/letter", "KB allocated/letter", "GCs gen0/1/2", "JIT methods (ms)");
        foreach (var mode in measures.GroupBy(m => m.Mode))
        {
            var best = mode.MaxBy(m => m.PerSecond)!;
            table.Add(
                mode.Key,
                Table.N(best.Threads),
                Table.N(best.PerSecond),
                string.Join(" ", mode.Select(m => Table.N(m.PerSecond))),
                Table.N(best.Elapsed.TotalMilliseconds * best.Threads / best.Letters, "N2"),
                Table.N(best.Allocated / 1024.0 / best.Letters, "N0"),
                $"{best.Gen0}/{best.Gen1}/{best.Gen2}",
                $"{best.JitMethods} ({Table.N(best.JitTime.TotalMilliseconds)})");
        }

        table.Print(output);
        output.WriteLine($"peak working set {Table.N(Machine.PeakWorkingSetMb())} MB");

        // Correctness: every file written is there and complete; a sample of each run passes OpenXmlValidator.
        var files = new List<string>();
        var problems = new List<string>();
        var validated = 0;
        foreach (var measure in measures)
        {
            var written = Directory.GetFiles(measure.Folder).Order(StringComparer.Ordinal).ToList();
            var docx = written.Where(f => f.EndsWith(".docx", StringComparison.Ordinal)).ToList();
            if (docx.Count != measure.Letters || written.Count != docx.Count)
            {
                problems.Add($"{measure.Folder}: {docx.Count} letters and {written.Count - docx.Count} other files, expected {measure.Letters} letters only (no {AtomicFile.TempSuffix} leftovers)");
            }

            files.AddRange(docx);
            var sample = OutputCheck.Sample(docx, 10);
            validated += sample.Count;
            problems.AddRange(OutputCheck.Valid(sample));
        }

        problems.AddRange(OutputCheck.Complete(files));
        output.WriteLine(problems.Count == 0
            ? $"checked: all {files.Count} letters written are complete (zip entries inflate, every part well-formed XML); {validated} sampled across runs pass OpenXmlValidator (Office 2019)"
            : $"FAILED: {problems.Count} problem(s):\n  " + string.Join("\n  ", problems.Take(20)));

        Directory.Delete(warm, recursive: true);
        foreach (var measure in measures.Where(_ => !keep))
        {
            Directory.Delete(measure.Folder, recursive: true);
        }

        if (keep)
        {
            output.WriteLine($"kept the letters under {Path.GetDirectoryName(measures[0].Folder)}");
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static Measure Time(string mode, int threads, int letters, string folder, LetterPipeline pipeline, int first = 0)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        if (threads == 1)
        {
            for (var i = first; i < first + letters; i++)
            {
                pipeline.Write(i, folder);
            }
        }
        else
        {
            Parallel.For(first, first + letters, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => pipeline.Write(i, folder));
        }

        clock.Stop();
        return new Measure(mode, threads, letters, clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, folder)
        {
            JitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods,
            JitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTime,
        };
    }
}
