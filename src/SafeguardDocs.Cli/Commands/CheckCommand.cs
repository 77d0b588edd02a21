using System.CommandLine;
using SafeguardDocs.Cli.Generation;
using SafeguardDocs.Templating.Handlebars;

namespace SafeguardDocs.Cli.Commands;

/// <summary>
/// <c>check [TEMPLATE…]</c>: reads Handlebars templates against the case model of their kind and prints
/// every error compiler-style. Exit 0 when every template is clean, 1 when any has errors (like a case
/// with errors), 2 when a file or folder cannot be read.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliEnvironment env)
    {
        var templates = new Argument<string[]>("TEMPLATE")
        {
            Description = "Handlebars files (.hbs) or folders of them. Default: every .hbs in the templates folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("check", "Check Handlebars templates against the case model of their kind: every name, helper and block. Writes nothing.")
        {
            templates,
        };

        command.SetAction(parse =>
        {
            var given = parse.GetValue(templates) ?? [];
            var files = new List<string>();
            var unreadable = false;
            foreach (var path in given.Length == 0 ? [TemplateLocations.HandlebarsFolder(env.CurrentDirectory)] : given.Select(env.Resolve))
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.EnumerateFiles(path, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    env.Error.WriteLine($"{env.Show(path)}: error: There is no such file or folder. Check the path and run the command again.");
                    unreadable = true;
                }
            }

            var errorCount = 0;
            var broken = 0;
            foreach (var file in files)
            {
                string text;
                try
                {
                    text = System.Text.Encoding.UTF8.GetString(Core.Io.SafeFile.ReadAllBytes(file, HandlebarsDocumentTemplate.MaxBytes, "The template")).TrimStart('\uFEFF');
                }
                catch (Core.Io.InputFileException e)
                {
                    env.Error.WriteLine($"{env.Show(file)}: error: {e.Message}");
                    unreadable = true;
                    continue;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    env.Error.WriteLine($"{env.Show(file)}: error: The template could not be read. Check that it is a file and that you may read it.");
                    unreadable = true;
                    continue;
                }

                var (_, errors) = HandlebarsDocumentTemplate.Parse(text, Path.GetFileName(file), env.Show(file));
                foreach (var error in errors)
                {
                    env.Out.WriteLine(error.ToString());
                }

                errorCount += errors.Count;
                broken += errors.Count > 0 ? 1 : 0;
            }

            env.Out.WriteLine($"{FindingPrinter.Count(files.Count, "template")} checked, {FindingPrinter.Count(errorCount, "error")}"
                + (broken > 0 ? $" in {FindingPrinter.Count(broken, "template")}." : "."));
            return unreadable ? ExitCodes.InputUnusable : broken > 0 ? ExitCodes.CaseHasErrors : ExitCodes.Success;
        });
        return command;
    }
}
