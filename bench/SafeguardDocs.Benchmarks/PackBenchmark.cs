using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Packs;

namespace SafeguardDocs.Benchmarks;

/// <summary>
/// The AUP pack through the generation library (<see cref="AupPackWriter"/>, what the <c>pack</c> command
/// calls), in this process over a generated roster: seconds, documents a second and peak memory. Peak
/// memory is the process's own high water mark, so run <c>pack</c> on its own (as <c>all</c> does, in a
/// child process) for the 10,000-pupil figure.
/// </summary>
internal static class PackBenchmark
{
    public static int Run(int pupils, TextWriter output)
    {
        output.WriteLine($"AUP pack over a generated roster of {pupils} pupils");

        var folder = Machine.NewTempFolder($"pack-{pupils}");
        try
        {
            var packCase = PrepareInputs(folder, pupils, out var families);
            var outputFolder = Path.Combine(folder, "out");
            var clock = Stopwatch.StartNew();
            var writer = new AupPackWriter(TemplateLocations.Catalog(Machine.RepoRoot), FixedClock.Default);
            var result = writer.Write(packCase, AupPackOptions.Default with { OutputFolder = outputFolder });
            clock.Stop();
            var peak = Machine.PeakWorkingSetMb();
            var docx = Directory.Exists(outputFolder) ? Directory.GetFiles(outputFolder, "*.docx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];

            var table = new Table("pupils", "families", "seconds", "documents", "documents/s", "peak working set MB");
            table.Add(Table.N(pupils), Table.N(families), Table.N(clock.Elapsed.TotalSeconds, "N2"), Table.N(docx.Count), Table.N(docx.Count / clock.Elapsed.TotalSeconds), Table.N(peak));
            table.Print(output);

            var problems = new List<string>();
            if (result.Outcome != RunOutcome.Written)
            {
                problems.Add($"the pack run ended {result.Outcome}: {string.Join("; ", DiagnosticPrinter.Lines(result.Findings))}");
            }

            problems.AddRange(OutputCheck.Complete(docx));
            var sample = OutputCheck.Sample(docx, 10);
            problems.AddRange(OutputCheck.Valid(sample));
            output.WriteLine(problems.Count == 0
                ? $"checked: all {docx.Count} documents complete; {sample.Count} sampled pass OpenXmlValidator"
                : $"FAILED: {problems.Count} problem(s):\n  " + string.Join("\n  ", problems.Take(20)));
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static int WriteRoster(int pupils, string path, TextWriter output)
    {
        var header = File.ReadLines(Path.Combine(Machine.RepoRoot, "samples", "aup-roster.csv")).First();
        var families = RosterGenerator.Write(Path.GetFullPath(path), header, pupils);
        output.WriteLine($"Wrote {path}: {pupils} pupils in {families} families.");
        return 0;
    }

    /// <summary>Runs <c>pack</c> in a fresh process, so that its peak memory is the pack's alone.</summary>
    public static int RunInChildProcess(int pupils, TextWriter output)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PackBenchmark).Assembly.Location);
        }

        foreach (var arg in (string[])["pack", "--pupils", pupils.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        output.Write(child.StandardOutput.ReadToEnd());
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>The sample pack case with its roster replaced by a generated one of <paramref name="pupils"/> pupils.</summary>
    private static string PrepareInputs(string folder, int pupils, out int families)
    {
        var samples = Path.Combine(Machine.RepoRoot, "samples");
        var pack = JsonNode.Parse(File.ReadAllText(Path.Combine(samples, "aup-pack.json")))!.AsObject();
        var header = File.ReadLines(Path.Combine(samples, "aup-roster.csv")).First();
        families = RosterGenerator.Write(Path.Combine(folder, "roster.csv"), header, pupils);
        pack["roster"] = "roster.csv";
        var path = Path.Combine(folder, "aup-pack.json");
        File.WriteAllText(path, pack.ToJsonString());
        return path;
    }
}
