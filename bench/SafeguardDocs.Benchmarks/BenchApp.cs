using System.Globalization;

namespace SafeguardDocs.Benchmarks;

/// <summary>
/// The benchmark command. Each scenario prints a small table and exits 0 only when every file it wrote
/// was checked and found complete (and a sample valid under OpenXmlValidator): a fast wrong answer is a failure.
/// </summary>
internal static class BenchApp
{
    private const string Usage = """
        SafeguardDocs benchmarks (build with -c Release; other work on the machine makes numbers noisy).

          letters [--count N] [--runs R] [--keep] [--template NAME]
              Device-allocation loan letters end to end through the generation library: validate, render
              (Razor 'loan-letter', or the template NAME: loan-letter.sbn, or a Word template's path), parse the markup,
              write the .docx atomically to a temp folder. One core, then all cores; best of R runs
              (default N=3000, R=3). Every file is then opened and CRC-checked, and a sample validated.
              A Word template named without a folder is looked for in bench/assets: loan-letter.docx is the
              Word copy of the full loan-letter.sbn.
          word-letter
              Writes bench/assets/loan-letter.docx again from bench/assets/loan-letter.word.html.
          stages [--count N] [--template NAME]
              Where one letter's time goes: each stage of the pipeline timed on its own, one thread.
          pack [--pupils N]
              The AUP pack (the library's pack run, as the 'pack' command makes it) over a generated roster
              of N pupils (default 2000), in this process, reporting seconds and peak memory.
          roster [--pupils N] [--out FILE]
              Writes the synthetic roster the pack scenario uses (sample columns, invented people).
          all
              letters, then pack with 2000 and 10000 pupils.
        """;

    public static int Run(string[] args, TextWriter output)
    {
        var scenario = args.FirstOrDefault() ?? "letters";
        var options = Options.Parse(args.Skip(1).ToArray());
        switch (scenario)
        {
            case "letters":
                return LettersBenchmark.Run(options.Int("--count", 3000), options.Int("--runs", 3), options.Flag("--keep"), Template(options), output);
            case "word-letter":
                return WordLetter.Write(output);
            case "stages":
                return LettersBenchmark.RunStages(options.Int("--count", 2000), Template(options), output);
            case "pack":
                return PackBenchmark.Run(options.Int("--pupils", 2000), output);
            case "roster":
                return PackBenchmark.WriteRoster(options.Int("--pupils", 2000), options.Text("--out") ?? "roster.csv", output);
            case "all":
                var exit = LettersBenchmark.Run(options.Int("--count", 3000), options.Int("--runs", 3), keep: false, Template(options), output);
                output.WriteLine();
                exit = Math.Max(exit, PackBenchmark.RunInChildProcess(2000, output));
                output.WriteLine();
                return Math.Max(exit, PackBenchmark.RunInChildProcess(10000, output));
            default:
                output.WriteLine(Usage);
                return scenario is "--help" or "-h" or "help" ? 0 : 2;
        }
    }

    private static string Template(Options options) =>
        options.Text("--template") is { } name && name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
            ? (File.Exists(name) || Path.GetFileName(name) != name ? Path.GetFullPath(name) : Path.Combine(WordLetter.Folder, name))
            : options.Text("--template") ?? LetterPipeline.DefaultTemplate;

    private sealed class Options(Dictionary<string, string?> values)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                values[args[i]] = hasValue ? args[++i] : null;
            }

            return new Options(values);
        }

        public int Int(string name, int fallback) =>
            values.TryGetValue(name, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

        public bool Flag(string name) => values.ContainsKey(name);

        public string? Text(string name) => values.GetValueOrDefault(name);
    }
}
