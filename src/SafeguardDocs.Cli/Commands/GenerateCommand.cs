using System.CommandLine;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Generation;

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
        var template = new Option<string?>("--template", "-t") { Description = "Template name (see 'safeguard-docs templates') or a .sbn file. Default: the kind's built-in template." };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the document to.", DefaultValueFactory = _ => "output" };
        var houseStyle = new Option<string?>("--house-style") { Description = "A reference .docx whose styles, page setup and letterhead are used." };
        var command = new Command("generate", "Check a case against the guidance and, if it has no errors, write its Word document as {reference}_{initials}.docx.")
        {
            caseFile, template, output, houseStyle,
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

            var generator = new CaseDocumentGenerator(TemplateLocations.Catalog(env.CurrentDirectory), env.Clock);
            var options = GenerateOptions.Default with
            {
                OutputFolder = outputFolder,
                Template = parse.GetValue(template) is { } t && t.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) && File.Exists(env.Resolve(t)) ? env.Resolve(t) : parse.GetValue(template),
                HouseStyle = parse.GetValue(houseStyle) is { } h ? env.Resolve(h) : null,
                Settings = settings,
                MadeWith = MadeWith,
            };
            var result = generator.Generate(env.Resolve(parse.GetValue(caseFile)!), options);
            FindingPrinter.Print(env.Error, result.Findings, env);
            switch (result.Outcome)
            {
                case RunOutcome.Written:
                    env.Out.WriteLine($"Wrote {env.Show(result.OutputPath!)} (template {result.TemplateName}; {FindingPrinter.Count(result.WarningCount, "warning")}).");
                    if (result.WarningCount > 0)
                    {
                        env.Out.WriteLine($"Warnings are recorded in {env.Show(Path.ChangeExtension(result.OutputPath!, null) + CaseDocumentGenerator.FindingsSuffix)}.");
                    }

                    return ExitCodes.Success;
                case RunOutcome.CaseHasErrors:
                    env.Error.WriteLine($"Nothing written: the case has {FindingPrinter.Count(result.ErrorCount, "error")}. Correct them and run again.");
                    return ExitCodes.CaseHasErrors;
                default:
                    env.Error.WriteLine("Nothing written.");
                    return ExitCodes.InputUnusable;
            }
        });
        return command;
    }
}
