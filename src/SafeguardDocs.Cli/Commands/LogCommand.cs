using System.CommandLine;
using System.Globalization;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Core.Text;
using SafeguardDocs.Excel.Registers;
using SafeguardDocs.Generation.Registers;

namespace SafeguardDocs.Cli.Commands;

/// <summary>
/// <c>log incidents</c> and <c>log devices</c>: registers and logs as .xlsx over a folder of case files.
/// Exit codes: 0 written with every case file of the kind in it; 1 written, but some files had errors and
/// are left out (each printed), so the workbook is incomplete until they are corrected; 2 nothing written,
/// because the arguments were wrong, no case file of the kind could be read, or the file could not be saved.
/// </summary>
internal static class LogCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("log", "Write a register or log (.xlsx) over many case files: 'log incidents' or 'log devices'.");
        command.Subcommands.Add(Incidents(env));
        command.Subcommands.Add(Devices(env));
        return command;
    }

    private static Argument<string[]> Inputs() => new("DIR_OR_FILES")
    {
        Description = "Folders (every .json directly inside is read) and case files. Files of other kinds are skipped.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<string> Out(string defaultFile) => new("--out", "-o")
    {
        Description = $"The .xlsx to write; replaced whole. Default: output/{defaultFile}.",
        DefaultValueFactory = _ => Path.Combine("output", defaultFile),
    };

    private static Command Incidents(CliEnvironment env)
    {
        var inputs = Inputs();
        var output = Out("incidents.xlsx");
        var from = new Option<string?>("--from") { Description = "Only incidents on or after this date (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Only incidents on or before this date (YYYY-MM-DD)." };
        var command = new Command(
            "incidents",
            "Log of e-safety incident monitoring forms: one row per form (no names, no descriptions) and a summary for governors by type, who was involved, setting, media and action taken.")
        {
            inputs, output, from, to,
        };
        var settingsOptions = SettingsOptions.AddTo(command);

        command.SetAction(parse =>
        {
            if (settingsOptions.Load(parse, env) is not { } settings)
            {
                return ExitCodes.InputUnusable;
            }

            if (!TryDate(env, parse.GetValue(from), "--from", out var fromDate) || !TryDate(env, parse.GetValue(to), "--to", out var toDate)
                || !TryOutput(env, parse.GetValue(output)!, out var path))
            {
                return ExitCodes.InputUnusable;
            }

            if (fromDate > toDate)
            {
                env.Error.WriteLine("safeguard-docs: --from is after --to. Give the start of the period first.");
                return ExitCodes.InputUnusable;
            }

            var prepared = RegisterRuns.PrepareIncidentLog(Resolve(env, parse.GetValue(inputs)!), IncidentLogOptions.Default with { From = fromDate, To = toDate, Clock = env.Clock, Settings = settings });
            var result = prepared.Result;
            FindingPrinter.Print(env.Error, result.Findings, env);
            if (result.FormsRead == 0)
            {
                return NothingToWrite(env, "incident form", result.FilesRead);
            }

            if (!TryWrite(env, () => prepared.Write(path), path))
            {
                return ExitCodes.InputUnusable;
            }

            var period = result.PeriodFrom is { } start && result.PeriodTo is { } end ? $", {EnglishDates.Written(start)} to {EnglishDates.Written(end)}" : string.Empty;
            env.Out.WriteLine($"Wrote {env.Show(path)}: {FindingPrinter.Count(result.IncidentsListed, "incident")}{period}.");
            // Each file is counted once: included, of another kind, or left out (a form with errors is left out, not read).
            var read = $"Read {FindingPrinter.Count(result.FilesRead, "file")}: {FindingPrinter.Count(result.FormsIncluded, "incident form")}";
            if (result.OutsidePeriod > 0)
            {
                read += $" ({result.OutsidePeriod} outside the period)";
            }

            env.Out.WriteLine($"{read}, {result.OtherKindsSkipped} of other kinds skipped, {result.FilesLeftOut} left out.");
            return Finish(env, result.FilesLeftOut, "log");
        });
        return command;
    }

    private static Command Devices(CliEnvironment env)
    {
        var inputs = Inputs();
        var output = Out("devices.xlsx");
        var asOf = new Option<string?>("--as-of") { Description = "The day the annual check is judged overdue on (YYYY-MM-DD). Default: today." };
        var command = new Command(
            "devices",
            "Register of loaned digital equipment: one row per item across the loan cases, with the child's initials, owner, letter date, annual check due and whether it is overdue.")
        {
            inputs, output, asOf,
        };
        var settingsOptions = SettingsOptions.AddTo(command);

        command.SetAction(parse =>
        {
            if (settingsOptions.Load(parse, env) is not { } settings)
            {
                return ExitCodes.InputUnusable;
            }

            if (!TryDate(env, parse.GetValue(asOf), "--as-of", out var asOfDate) || !TryOutput(env, parse.GetValue(output)!, out var path))
            {
                return ExitCodes.InputUnusable;
            }

            var prepared = RegisterRuns.PrepareDeviceRegister(Resolve(env, parse.GetValue(inputs)!), DeviceRegisterOptions.Default with { AsOf = asOfDate, Clock = env.Clock, Settings = settings });
            var result = prepared.Result;
            FindingPrinter.Print(env.Error, result.Findings, env);
            if (result.AllocationsRead == 0)
            {
                return NothingToWrite(env, "device allocation", result.FilesRead);
            }

            if (!TryWrite(env, () => prepared.Write(path), path))
            {
                return ExitCodes.InputUnusable;
            }

            env.Out.WriteLine(
                $"Wrote {env.Show(path)}: {FindingPrinter.Count(result.ItemsListed, "item")} from {FindingPrinter.Count(result.LoansIncluded, "loan")}, "
                + $"{result.ItemsOverdue} overdue for the annual check as of {EnglishDates.Written(result.AsOf)}.");
            var permanent = result.PermanentSkipped > 0 ? $" ({result.PermanentSkipped} permanent, not listed)" : string.Empty;
            env.Out.WriteLine(
                $"Read {FindingPrinter.Count(result.FilesRead, "file")}: {FindingPrinter.Count(result.AllocationsIncluded, "device allocation")}{permanent}, "
                + $"{result.OtherKindsSkipped} of other kinds skipped, {result.FilesLeftOut} left out.");
            return Finish(env, result.FilesLeftOut, "register");
        });
        return command;
    }

    private static string[] Resolve(CliEnvironment env, string[] inputs) => [.. inputs.Select(env.Resolve)];

    /// <summary>Never replace a register with an empty one because the wrong folder was given.</summary>
    private static int NothingToWrite(CliEnvironment env, string kindInWords, int filesRead)
    {
        var why = filesRead == 0 ? "no case files were found" : $"no {kindInWords} could be read from {FindingPrinter.Count(filesRead, "file")}";
        env.Error.WriteLine($"Nothing written: {why}. Check the folder or files given.");
        return ExitCodes.InputUnusable;
    }

    private static int Finish(CliEnvironment env, int leftOut, string what)
    {
        if (leftOut == 0)
        {
            return ExitCodes.Success;
        }

        env.Error.WriteLine($"The {what} is incomplete: {FindingPrinter.Count(leftOut, "file")} left out with errors (listed above). Correct them and run again.");
        return ExitCodes.CaseHasErrors;
    }

    private static bool TryDate(CliEnvironment env, string? text, string option, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        env.Error.WriteLine($"safeguard-docs: {option} must be a date written YYYY-MM-DD, for example 2026-11-22.");
        return false;
    }

    private static bool TryOutput(CliEnvironment env, string output, out string path)
    {
        path = env.Resolve(output);
        if (Directory.Exists(path))
        {
            env.Error.WriteLine($"safeguard-docs: --out names a folder ({env.Show(path)}); it must name the .xlsx file to write, for example --out output/log.xlsx.");
            return false;
        }

        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        env.Error.WriteLine("safeguard-docs: --out must name an .xlsx file, for example --out output/log.xlsx.");
        return false;
    }

    private static bool TryWrite(CliEnvironment env, Action write, string path)
    {
        try
        {
            using (OutputFolderLock.Acquire(Path.GetDirectoryName(path) ?? "."))
            {
                AtomicFile.CleanLeftovers(Path.GetDirectoryName(path) ?? ".");
                write();
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"Nothing written: {env.Show(path)} could not be saved because {IoFailure.Cause(e)}. {IoFailure.WhatToDo(e)}");
            return false;
        }
    }
}
