using System.CommandLine;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Records;

namespace SafeguardDocs.Cli.Commands;

internal static class GenerateCommand
{
    /// <summary>Kinds whose documents another command makes, for the message when one is given to 'generate'.</summary>
    internal static readonly IReadOnlyDictionary<string, string> MadeWith = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AupPackKind.Name] = "safeguard-docs pack",
    };

    public static Command Create(CliEnvironment env)
    {
        var caseFile = new Argument<string>("CASE.json") { Description = "The case file to turn into a document." };
        var template = new Option<string?>("--template", "-t") { Description = "Template name (see 'safeguard-docs templates') or a .sbn or Word (.docx) template file. Default: the kind's built-in template." };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the document to.", DefaultValueFactory = _ => "output" };
        var houseStyle = new Option<string?>("--house-style") { Description = "A reference .docx whose styles, page setup and letterhead are used (not with a Word template, which is its own house style)." };
        var noRegister = new Option<bool>("--no-register") { Description = "Do not enter the document in the register: for trying templates on letters and agreements. Refused for evidence (viewing record, strategy meeting, online safety plan, incident form)." };
        var pdf = new Option<bool>("--pdf") { Description = "Also write a PDF/A of the document with LibreOffice (soffice), registered like the .docx." };
        var corrects = new Option<long?>("--corrects") { Description = "This document corrects the one issued as register entry N (see 'safeguard-docs verify'); needs --reason." };
        var reason = new Option<string?>("--reason") { Description = "Why the earlier document is corrected (with --corrects)." };
        var command = new Command("generate", "Check a case against the guidance and, if it has no errors, write its Word document as {reference}_{initials}.docx and enter it in the register.")
        {
            caseFile, template, output, houseStyle, noRegister, pdf, corrects, reason,
        };
        var settingsOptions = SettingsOptions.AddTo(command);

        command.SetAction(parse =>
        {
            if (settingsOptions.Load(parse, env) is not { } settings)
            {
                return ExitCodes.InputUnusable;
            }

            var outputFolder = env.Resolve(parse.GetValue(output)!);
            if (File.Exists(outputFolder))
            {
                env.Error.WriteLine($"safeguard-docs: --out names a file ({env.Show(outputFolder)}), but generate writes into a folder. Give a folder (it is created when missing).");
                return ExitCodes.InputUnusable;
            }

            if (parse.GetValue(corrects) is not null && string.IsNullOrWhiteSpace(parse.GetValue(reason)))
            {
                env.Error.WriteLine("safeguard-docs: --corrects needs --reason: say why the earlier document is corrected; the register keeps the reason with the new entry.");
                return ExitCodes.InputUnusable;
            }

            if (parse.GetValue(corrects) is not null && parse.GetValue(noRegister))
            {
                env.Error.WriteLine("safeguard-docs: a correction is a new entry in the register, so --corrects cannot be used with --no-register.");
                return ExitCodes.InputUnusable;
            }

            PdfConverter? converter = null;
            if (parse.GetValue(pdf))
            {
                converter = PdfConverter.Find();
                if (converter is null)
                {
                    env.Error.WriteLine($"safeguard-docs: --pdf needs LibreOffice, which is not installed here (no soffice on the PATH). {PdfConverter.HowToInstall} Nothing written.");
                    return ExitCodes.InputUnusable;
                }
            }

            var generator = new CaseDocumentGenerator(TemplateLocations.Catalog(env.CurrentDirectory), env.Clock);
            var options = GenerateOptions.Default with
            {
                OutputFolder = outputFolder,
                Template = parse.GetValue(template) is { } t && (t.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) && File.Exists(env.Resolve(t)) ? env.Resolve(t) : parse.GetValue(template),
                HouseStyle = parse.GetValue(houseStyle) is { } h ? env.Resolve(h) : null,
                Settings = settings,
                MadeWith = MadeWith,
                Register = parse.GetValue(noRegister) ? null : DocumentRegister.Open(settingsOptions.DataFolder(parse, env), env.Clock),
                RefuseUnregisteredEvidence = true,
                IssuedBy = env.User,
                Corrects = parse.GetValue(corrects),
                CorrectionReason = parse.GetValue(reason),
                Pdf = converter,
            };
            var result = generator.Generate(env.Resolve(parse.GetValue(caseFile)!), options);
            FindingPrinter.Print(env.Error, result.Findings, env);
            switch (result.Outcome)
            {
                case RunOutcome.Written:
                    env.Out.WriteLine($"Wrote {env.Show(result.OutputPath!)} (template {result.TemplateName}; {FindingPrinter.Count(result.WarningCount, "warning")}).");
                    if (result.PdfPath is { } pdfPath)
                    {
                        env.Out.WriteLine($"Wrote {env.Show(pdfPath)} (PDF/A).");
                    }

                    env.Out.WriteLine(result.Entry is { } entry
                        ? $"Entered in the register as entry {entry.Id}{(entry.RefersTo is { } replaced ? $", correcting entry {replaced}" : string.Empty)} ({env.Show(options.Register!.Path)}); 'safeguard-docs verify FILE' shows it."
                        : "Not entered in the register (--no-register): this document cannot be verified later.");
                    if (result.WarningCount > 0)
                    {
                        env.Out.WriteLine($"Warnings are recorded in {env.Show(Path.ChangeExtension(result.OutputPath!, null) + CaseDocumentGenerator.FindingsSuffix)}.");
                    }

                    return ExitCodes.Success;
                case RunOutcome.CaseHasErrors:
                    env.Error.WriteLine($"Nothing written: the case has {FindingPrinter.Count(result.ErrorCount, "error")}. Correct them and run again.");
                    return ExitCodes.CaseHasErrors;
                default:
                    env.Error.WriteLine(result.OutputPath is null ? "Nothing written." : $"Wrote {env.Show(result.OutputPath)}{(result.Entry is { } written ? $" (register entry {written.Id})" : string.Empty)}, but no PDF.");
                    return ExitCodes.InputUnusable;
            }
        });
        return command;
    }
}
