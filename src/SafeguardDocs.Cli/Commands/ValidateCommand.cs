using System.CommandLine;
using SafeguardDocs.Cli.Generation;

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

        command.SetAction(parse =>
        {
            var generator = new CaseDocumentGenerator(TemplateLocations.Catalog(env.CurrentDirectory), env.Clock);
            var exit = ExitCodes.Success;
            foreach (var file in parse.GetValue(caseFiles)!)
            {
                var (load, findings) = generator.Validate(env.Resolve(file));
                FindingPrinter.Print(env.Out, findings, env);
                if (!load.Succeeded)
                {
                    exit = ExitCodes.InputUnusable;
                    continue;
                }

                var errors = findings.Count(f => f.IsError);
                env.Out.WriteLine($"{env.Show(env.Resolve(file))}: {load.Kind!.Name}, {FindingPrinter.Count(errors, "error")}, {FindingPrinter.Count(findings.Count - errors, "warning")}.");
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
