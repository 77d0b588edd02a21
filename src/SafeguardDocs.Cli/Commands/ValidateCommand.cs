using System.CommandLine;
using SafeguardDocs.Generation;

namespace SafeguardDocs.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var caseFiles = new Argument<string[]>("CASE.json") { Description = "One or more case files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check case files against the guidance and print every finding, compiler-style. Writes nothing.")
        {
            caseFiles,
        };
        var settingsOptions = SettingsOptions.AddTo(command);

        command.SetAction(parse =>
        {
            if (settingsOptions.Load(parse, env) is not { } settings)
            {
                return ExitCodes.InputUnusable;
            }

            var generator = new CaseDocumentGenerator(TemplateLocations.Catalog(env.CurrentDirectory), env.Clock);
            var exit = ExitCodes.Success;
            foreach (var file in parse.GetValue(caseFiles)!)
            {
                var check = generator.Check(env.Resolve(file), settings);
                FindingPrinter.Print(env.Out, check.Findings, env);
                if (!check.Loaded)
                {
                    exit = ExitCodes.InputUnusable;
                    continue;
                }

                var errors = check.Findings.Count(f => f.IsError);
                env.Out.WriteLine($"{env.Show(env.Resolve(file))}: {check.Load.Kind!.Name}, {FindingPrinter.Count(errors, "error")}, {FindingPrinter.Count(check.Findings.Count - errors, "warning")}.");
                if (errors > 0 && exit == ExitCodes.Success)
                {
                    exit = ExitCodes.CaseHasErrors;
                }
            }

            return exit;
        });
        return command;
    }
}
