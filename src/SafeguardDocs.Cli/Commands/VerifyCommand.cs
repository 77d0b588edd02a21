using System.CommandLine;
using SafeguardDocs.Generation.Records;

namespace SafeguardDocs.Cli.Commands;

/// <summary><c>safeguard-docs verify FILE [--data DIR]</c>: is this file, byte for byte, a document the register records as issued?</summary>
internal static class VerifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var file = new Argument<string>("FILE") { Description = "The .docx or .pdf to check." };
        var data = new Option<string>("--data") { Description = "The data folder holding the register (register.sqlite).", DefaultValueFactory = _ => "data" };
        var command = new Command("verify", "Tell whether a document is, byte for byte, one that was issued and entered in the register. Exit 0 when it is; 1 when it differs, was never issued or the register is broken; 2 when the file cannot be read.")
        {
            file, data,
        };
        command.SetAction(parse =>
        {
            var path = env.Resolve(parse.GetValue(file)!);
            var shown = env.Show(path);
            if (!File.Exists(path))
            {
                env.Error.WriteLine($"{shown}: there is no such file. Check the name and folder.");
                return ExitCodes.InputUnusable;
            }

            var dataFolder = env.Resolve(parse.GetValue(data)!);
            if (RegisterPrinting.OpenExisting(dataFolder, env) is not { } register)
            {
                return ExitCodes.CaseHasErrors;
            }

            var result = DocumentVerifier.Verify(path, register);
            switch (result.Outcome)
            {
                case VerifyOutcome.Issued:
                    env.Out.WriteLine($"{shown}: issued. It is byte for byte the {(result.Document!.Type == Records.EntryType.Pdf ? "PDF" : "document")} of register {RegisterPrinting.Issue(result.Issue!)}.");
                    env.Out.WriteLine($"Made with template {result.Issue!.Template} (its content's SHA-256 {result.Issue.TemplateSha256}).");
                    env.Out.WriteLine($"SHA-256 {result.Sha256}; the register's chain of {result.Chain!.Entries} entries is intact.");
                    var corrections = register.All().Where(e => e.Type == Records.EntryType.Reserved && e.RefersTo == result.Issue!.Id).ToList();
                    foreach (var correction in corrections)
                    {
                        env.Out.WriteLine($"Note: it was corrected by {RegisterPrinting.Issue(correction)}.");
                    }

                    return ExitCodes.Success;
                case VerifyOutcome.Differs:
                    env.Out.WriteLine($"{shown}: CHANGED. Its footer names register {RegisterPrinting.Issue(result.Issue!)}, but it is not the document issued then: it has been altered since. Ask for the issued copy (or generate it again from the case) and compare.");
                    return ExitCodes.CaseHasErrors;
                case VerifyOutcome.NotCompleted:
                    env.Out.WriteLine($"{shown}: NOT ISSUED. Its footer names register entry {result.SealedEntryId}, which was reserved on {RegisterPrinting.When(result.Issue!.At)} but never completed: the run that wrote it stopped before entering the document. Generate the document again.");
                    return ExitCodes.CaseHasErrors;
                case VerifyOutcome.ChainBroken:
                    env.Out.WriteLine($"{shown}: cannot be verified: the register in {env.Show(dataFolder)} has been tampered with, so nothing it says can be trusted.");
                    foreach (var problem in result.Chain!.Breaks)
                    {
                        env.Out.WriteLine($"  {problem.Problem}");
                    }

                    env.Out.WriteLine("Restore the register from a backup, then verify again.");
                    return ExitCodes.CaseHasErrors;
                case VerifyOutcome.NeverIssued:
                    env.Out.WriteLine(result.SealedEntryId is { } claimed
                        ? $"{shown}: NOT ISSUED. Its footer names register entry {claimed}, which this register does not have as an issue. Check --data names the register it was issued with."
                        : $"{shown}: NOT ISSUED. No document with this content is in the register in {env.Show(dataFolder)}, and no register seal could be read from it (a PDF's seal is read by eye: ask for the entry printed in its footer). If it was changed after issue, ask for the issued copy.");
                    return ExitCodes.CaseHasErrors;
                default:
                    env.Error.WriteLine($"{shown}: could not be read ({result.Problem}).");
                    return ExitCodes.InputUnusable;
            }
        });
        return command;
    }
}
