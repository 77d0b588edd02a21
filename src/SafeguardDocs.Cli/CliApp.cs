using System.CommandLine;
using SafeguardDocs.Cli.Commands;

namespace SafeguardDocs.Cli;

/// <summary>
/// The <c>safeguard-docs</c> command: parsing, printing and exit codes. Everything else is library
/// code. Usage mistakes exit with 2 and the help text's pointer; <c>--help</c> works everywhere.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var root = new RootCommand("SafeguardDocs: checks safeguarding case files against UK online-safety procedures and writes the documents they require.");
        root.Subcommands.Add(GenerateCommand.Create(env));
        root.Subcommands.Add(ValidateCommand.Create(env));
        root.Subcommands.Add(TemplatesCommand.Create(env));
        root.Subcommands.Add(CheckCommand.Create(env));
        root.Subcommands.Add(PackCommand.Create(env));
        root.Subcommands.Add(LogCommand.Create(env));

        var configuration = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
        if (args.Length == 0)
        {
            root.Parse(["--help"]).Invoke(configuration);
            return ExitCodes.InputUnusable;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var error in parse.Errors)
            {
                env.Error.WriteLine($"safeguard-docs: {error.Message}");
            }

            env.Error.WriteLine("Run 'safeguard-docs --help' (or add --help after a command) to see what it takes.");
            return ExitCodes.InputUnusable;
        }

        return parse.Invoke(configuration);
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
