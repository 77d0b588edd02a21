using System.CommandLine;
using System.Globalization;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Packs;
using SafeguardDocs.Generation.Packs.Roster;

namespace SafeguardDocs.Cli.Commands;

internal static class PackCommand
{
    public static Command Create(CliEnvironment env)
    {
        var caseFile = new Argument<string>("PACK.json") { Description = "The aup-pack case file; its \"roster\" names the pupil export (CSV) beside it." };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the packs, print file, tracker and errors report to.", DefaultValueFactory = _ => "output" };
        var map = new Option<string[]>("--map")
        {
            Description = $"Name the roster column for one the pack reads, when the usual headers are not found: --map \"Year=NC Year\". Repeat for more. Columns: {RosterColumns.Names}.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var template = new Option<string?>("--template", "-t") { Description = "The covering letter's template: a name (see 'safeguard-docs templates', kind aup-pack-letter) or a .sbn file. Default: the built-in letter." };
        var command = new Command("pack", "Make a school's Acceptable Use Policy packs from an aup-pack case and its pupil export: one .docx per family, a print file, a return tracker and an errors report for rows that could not be used.")
        {
            caseFile, template, output, map,
        };
        var settingsOptions = SettingsOptions.AddTo(command);

        command.SetAction(parse =>
        {
            if (settingsOptions.Load(parse, env) is not { } settings)
            {
                return ExitCodes.InputUnusable;
            }

            var (columnMap, mapProblem) = ParseMap(parse.GetValue(map) ?? []);
            if (mapProblem is not null)
            {
                env.Error.WriteLine($"safeguard-docs: {mapProblem}");
                return ExitCodes.InputUnusable;
            }

            var outputFolder = env.Resolve(parse.GetValue(output)!);
            if (File.Exists(outputFolder))
            {
                env.Error.WriteLine($"safeguard-docs: --out names a file ({env.Show(outputFolder)}), but pack writes a folder of files. Give a folder (it is created when missing).");
                return ExitCodes.InputUnusable;
            }

            var progress = new ProgressLine(env);
            var writer = new AupPackWriter(TemplateLocations.Catalog(env.CurrentDirectory), env.Clock);
            var result = writer.Write(env.Resolve(parse.GetValue(caseFile)!), AupPackOptions.Default with
            {
                OutputFolder = outputFolder,
                ColumnMap = columnMap,
                LetterTemplate = parse.GetValue(template) is { } t && t.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) && File.Exists(env.Resolve(t)) ? env.Resolve(t) : parse.GetValue(template),
                Progress = progress,
                Settings = settings,
            });
            progress.Finish();

            FindingPrinter.Print(env.Error, result.Findings, env);
            switch (result.Outcome)
            {
                case RunOutcome.Written:
                    PrintSummary(env, result);
                    return ExitCodes.Success;
                case RunOutcome.CaseHasErrors:
                    env.Error.WriteLine($"Nothing written: the pack case has {FindingPrinter.Count(result.ErrorCount, "error")}. Correct them and run again.");
                    return ExitCodes.CaseHasErrors;
                default:
                    if (result.ErrorsReport is not null)
                    {
                        env.Error.WriteLine($"Errors report: {env.Show(result.ErrorsReport)}");
                    }

                    env.Error.WriteLine(result.FilesWritten == 0 ? "Nothing written."
                        : result.PacksWritten == 0 ? "No packs written."
                        : $"Incomplete: {FindingPrinter.Count(result.PacksWritten, "family pack")} of {result.Families} written to {env.Show(result.OutputFolder!)} (each complete); do not send them until a run finishes.");
                    return ExitCodes.InputUnusable;
            }
        });
        return command;
    }

    /// <summary>Reads the <c>--map Name=Header</c> options; a name the pack does not know is a usage error.</summary>
    internal static (IReadOnlyDictionary<RosterColumn, string> Map, string? Problem) ParseMap(IEnumerable<string> values) =>
        RosterColumnMap.Parse(values, "--map", "--map \"Year=NC Year\"", "--map");

    private static void PrintSummary(CliEnvironment env, AupPackResult result)
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Packs made: {(result.Families == 1 ? "1 family" : $"{result.Families} families")} ({FindingPrinter.Count(result.Pupils, "pupil")}), {FindingPrinter.Count(result.RowsSkipped, "row")} skipped, {FindingPrinter.Count(result.FilesWritten, "file")} written in {seconds} s."));
        env.Out.WriteLine($"Family packs: {env.Show(result.OutputFolder!)}");
        env.Out.WriteLine($"Print file:   {env.Show(result.PrintFile!)}");
        env.Out.WriteLine($"Tracker:      {env.Show(result.TrackerFile!)}");
        if (result.ErrorsReport is not null)
        {
            env.Out.WriteLine($"Errors report: {env.Show(result.ErrorsReport)} ({FindingPrinter.Count(result.RowsSkipped, "row")} of the roster could not be used: correct them in the MIS, export again and run again).");
        }

        if (result.StalePacksRemoved > 0)
        {
            env.Out.WriteLine($"Removed {FindingPrinter.Count(result.StalePacksRemoved, "family pack")} from an earlier run that this roster no longer makes.");
        }
    }

    /// <summary>
    /// Progress while packs are written: on a terminal one line redrawn in place with a bar and counts;
    /// otherwise a plain line at every tenth. Counts only, never a name. Safe to call from any thread.
    /// </summary>
    private sealed class ProgressLine(CliEnvironment env) : IProgress<PackProgress>
    {
        private const int BarWidth = 30;
        private readonly Lock gate = new();
        private int shown = -1;
        private bool drawn;

        public void Report(PackProgress value)
        {
            var (done, total) = (value.FamiliesDone, value.Families);
            lock (gate)
            {
                if (env.IsTerminal)
                {
                    var percent = done * 100 / Math.Max(1, total);
                    if (percent == shown && done != total)
                    {
                        return;
                    }

                    shown = percent;
                    var filled = done * BarWidth / Math.Max(1, total);
                    env.Out.Write(string.Create(CultureInfo.InvariantCulture, $"\rWriting packs [{new string('#', filled)}{new string('-', BarWidth - filled)}] {done}/{total} families {percent,3}%"));
                    drawn = true;
                }
                else
                {
                    var tenth = done * 10 / Math.Max(1, total);
                    if (tenth == shown)
                    {
                        return;
                    }

                    shown = tenth;
                    env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Writing packs: {done}/{total} families ({done * 100 / Math.Max(1, total)}%)"));
                }
            }
        }

        public void Finish()
        {
            lock (gate)
            {
                if (drawn)
                {
                    env.Out.WriteLine();
                    drawn = false;
                }
            }
        }
    }
}
