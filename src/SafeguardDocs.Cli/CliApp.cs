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
        root.Subcommands.Add(TemplateCommand.Create(env));
        root.Subcommands.Add(PackCommand.Create(env));
        root.Subcommands.Add(LogCommand.Create(env));
        root.Subcommands.Add(VerifyCommand.Create(env));
        root.Subcommands.Add(RegisterCommand.Create(env));
        root.Subcommands.Add(ServeCommand.Create(env));
        root.Subcommands.Add(UsersCommand.Create(env));
        root.Subcommands.Add(BackupCommand.Backup(env));
        root.Subcommands.Add(BackupCommand.Restore(env));

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

        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file could not be written or read: a full disk, a file open in Word, a folder without
            // permission. Writes are atomic, so nothing half-written is left. The message is the
            // system's, which names the path but never case data.
            env.Error.WriteLine($"safeguard-docs: nothing was written because {Core.Io.IoFailure.Cause(e)}. Nothing half-written was left.");
            env.Error.WriteLine(Core.Io.IoFailure.WhatToDo(e));
            return ExitCodes.InputUnusable;
        }
        catch (SafeguardDocs.Records.RegisterBrokenException e)
        {
            env.Error.WriteLine($"safeguard-docs: {e.Message}");
            return ExitCodes.InputUnusable;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The register could not be used: not a register file, or locked by another program for longer than the wait.
            env.Error.WriteLine($"safeguard-docs: the register could not be used ({e.Message.TrimEnd('.')}). Check the --data folder holds the register.sqlite written by safeguard-docs and no other program keeps it locked, then run again.");
            return ExitCodes.InputUnusable;
        }
    }

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");
}
