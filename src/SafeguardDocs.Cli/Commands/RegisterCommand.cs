using System.CommandLine;
using SafeguardDocs.Records;

namespace SafeguardDocs.Cli.Commands;

/// <summary><c>safeguard-docs register check|hold|release|prune</c>: the register of issued documents.</summary>
internal static class RegisterCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("register", "The register of issued documents in the data folder: check its chain, hold records for an inquiry, prune records past retention.");
        command.Subcommands.Add(Check(env));
        command.Subcommands.Add(Hold(env, release: false));
        command.Subcommands.Add(Hold(env, release: true));
        command.Subcommands.Add(Prune(env));
        return command;
    }

    private static Option<string> DataOption() => new("--data") { Description = "The data folder holding the register (register.sqlite).", DefaultValueFactory = _ => "data" };

    private static Command Check(CliEnvironment env)
    {
        var data = DataOption();
        var command = new Command("check", "Check every entry of the register: none deleted, none altered. Exit 0 when the chain is intact, 1 when it is broken (naming the entry), 2 when there is no register.") { data };
        command.SetAction(parse =>
        {
            var folder = env.Resolve(parse.GetValue(data)!);
            if (RegisterPrinting.OpenExisting(folder, env) is not { } register)
            {
                return ExitCodes.InputUnusable;
            }

            var report = register.Check();
            foreach (var unfinished in report.Unfinished)
            {
                env.Out.WriteLine($"Note: entry {unfinished.Id} ({unfinished.Kind}, reserved {RegisterPrinting.When(unfinished.At)} by {unfinished.By}) was never completed: the run stopped before its document was entered. If a file carries this entry in its footer, it was not issued; generate it again.");
            }

            if (report.Intact)
            {
                env.Out.WriteLine($"The register in {env.Show(folder)} is intact: {report.Entries} entries, each linked to the one before, none deleted or altered.");
                return ExitCodes.Success;
            }

            env.Out.WriteLine($"The register in {env.Show(folder)} is BROKEN: it has been changed outside safeguard-docs.");
            foreach (var problem in report.Breaks)
            {
                env.Out.WriteLine($"  {problem.Problem}");
            }

            env.Out.WriteLine("Documents cannot be verified against it until it is restored from a backup. Keep this copy for investigation.");
            return ExitCodes.CaseHasErrors;
        });
        return command;
    }

    private static Command Hold(CliEnvironment env, bool release)
    {
        var reference = new Argument<string>("REFERENCE") { Description = "The case reference, as printed in the footer." };
        var reason = new Option<string>("--reason") { Description = release ? "Why the hold is lifted." : "Why the records must be kept (for example the inquiry that asked).", Required = true };
        var data = DataOption();
        var command = release
            ? new Command("release", "Lift a hold: records with this reference are destroyed again when their retention ends.") { reference, reason, data }
            : new Command("hold", "Hold every record with this reference: 'register prune' will not destroy them until the hold is released.") { reference, reason, data };
        command.SetAction(parse =>
        {
            var folder = env.Resolve(parse.GetValue(data)!);
            if (RegisterPrinting.OpenExisting(folder, env) is not { } register)
            {
                return ExitCodes.InputUnusable;
            }

            var key = parse.GetValue(reference)!.Trim();
            var why = parse.GetValue(reason)!.Trim();
            if (why.Length == 0)
            {
                env.Error.WriteLine("safeguard-docs: --reason cannot be empty: the register keeps why.");
                return ExitCodes.InputUnusable;
            }

            var known = register.All().Any(e => e.Type == EntryType.Reserved && e.Reference == key);
            if (release)
            {
                if (!register.IsHeld(key))
                {
                    env.Error.WriteLine($"There is no hold on {key} to release.");
                    return ExitCodes.InputUnusable;
                }

                var entry = register.Release(key, why, env.User);
                env.Out.WriteLine($"Hold on {key} released (register entry {entry.Id}).");
                return ExitCodes.Success;
            }

            var hold = register.Hold(key, why, env.User);
            env.Out.WriteLine($"Records with reference {key} are held (register entry {hold.Id}): 'register prune' will not destroy them until 'register release {key}'.");
            if (!known)
            {
                env.Out.WriteLine($"Note: no document with reference {key} has been issued yet; the hold will cover those that are.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Prune(CliEnvironment env)
    {
        var yes = new Option<bool>("--yes") { Description = "Destroy the records listed (their documents and personal data), leaving a tombstone entry. Without it, only list them." };
        var data = DataOption();
        var command = new Command("prune", "List the documents past their retention date (held ones are kept); with --yes destroy them, leaving a tombstone in the register so its chain still verifies.") { yes, data };
        command.SetAction(parse =>
        {
            var folder = env.Resolve(parse.GetValue(data)!);
            if (RegisterPrinting.OpenExisting(folder, env) is not { } register)
            {
                return ExitCodes.InputUnusable;
            }

            var chain = register.Check();
            if (!chain.Intact)
            {
                env.Error.WriteLine("The register is broken ('safeguard-docs register check' says where): nothing is destroyed until it is restored.");
                return ExitCodes.CaseHasErrors;
            }

            var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
            var due = register.PastRetention(today);
            if (due.Count == 0)
            {
                env.Out.WriteLine($"No record is past its retention date ({RegisterPrinting.Day(today)}).");
                return ExitCodes.Success;
            }

            foreach (var record in due)
            {
                env.Out.WriteLine($"{(record.Held ? "HELD, kept: " : string.Empty)}{RegisterPrinting.Issue(record.Issue)}; keep until {RegisterPrinting.Day(record.Issue.RetainUntil!.Value)}");
            }

            var destroy = due.Where(r => !r.Held).ToList();
            if (!parse.GetValue(yes))
            {
                env.Out.WriteLine($"{destroy.Count} record(s) past retention, {due.Count - destroy.Count} held. Nothing destroyed: run again with --yes to destroy the {destroy.Count} not held.");
                return ExitCodes.Success;
            }

            foreach (var record in destroy)
            {
                var tombstone = register.Destroy(record.Issue, env.User);
                env.Out.WriteLine($"Destroyed entry {record.Issue.Id}: its files are deleted and its reference removed; tombstone entry {tombstone.Id} keeps its kind and hashes.");
            }

            // The web app's copies of the same documents (kept in its database in this data folder) go with them.
            var copies = Web.Data.WebRetention.RemoveIssuedCopies(folder, [.. destroy.Select(r => r.Issue.Id)]);
            if (copies.Total > 0)
            {
                env.Out.WriteLine($"Removed the web app's stored copies of them: {copies.Documents} document(s) and {copies.Pdfs} PDF(s).");
            }

            env.Out.WriteLine($"{destroy.Count} record(s) destroyed, {due.Count - destroy.Count} held and kept.");
            return ExitCodes.Success;
        });
        return command;
    }
}
