using System.CommandLine;
using SafeguardDocs.Generation;
using SafeguardDocs.Templating.Handlebars;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Cli.Commands;

/// <summary>
/// <c>check [TEMPLATE…]</c>: reads Handlebars and Scriban templates against the case model of their kind and prints
/// every error compiler-style. Exit 0 when every template is clean, 1 when any has errors (like a case
/// with errors), 2 when a file or folder cannot be read.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliEnvironment env)
    {
        var templates = new Argument<string[]>("TEMPLATE")
        {
            Description = "Handlebars (.hbs), Scriban (.sbn) or Word (.docx) templates, or folders of them. Default: every template in the templates folders.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kindOption = new Option<string?>("--kind") { Description = "For a Word template that does not name its kind (one typed from scratch): the kind of case it is for, for example device-allocation." };
        var command = new Command("check", "Check Handlebars, Scriban and Word templates against the case model of their kind: every name, function and block. Writes nothing.")
        {
            templates, kindOption,
        };

        command.SetAction(parse =>
        {
            var given = parse.GetValue(templates) ?? [];
            CaseKind? kind = null;
            if (parse.GetValue(kindOption) is { } kindName)
            {
                kind = CaseKinds.Find(kindName);
                if (kind is null)
                {
                    env.Error.WriteLine($"safeguard-docs: there is no kind '{kindName}'. Use one of: {string.Join(", ", CaseKinds.All.Where(k => !k.MakesManyDocuments).Select(k => k.Name))}.");
                    return ExitCodes.InputUnusable;
                }
            }

            var files = new List<string>();
            var unreadable = false;
            var defaults = new[] { TemplateLocations.HandlebarsFolder(env.CurrentDirectory), TemplateLocations.ScribanFolder(env.CurrentDirectory) }
                .Distinct(StringComparer.Ordinal).Where(Directory.Exists).DefaultIfEmpty(TemplateLocations.HandlebarsFolder(env.CurrentDirectory));
            foreach (var path in given.Length == 0 ? defaults : given.Select(env.Resolve))
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.EnumerateFiles(path, "*.hbs", SearchOption.AllDirectories)
                        .Concat(Directory.EnumerateFiles(path, "*.sbn", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('_')))
                        .Concat(Directory.EnumerateFiles(path, "*.docx", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)))
                        .Order(StringComparer.Ordinal));
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
                if (file.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                {
                    var wordErrors = WordDocumentTemplate.Load(file, env.Show(file), kind).Errors;
                    foreach (var error in wordErrors)
                    {
                        env.Out.WriteLine(error.ToString());
                    }

                    errorCount += wordErrors.Count;
                    broken += wordErrors.Count > 0 ? 1 : 0;
                    continue;
                }

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

                var errors = file.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase)
                    ? ScribanDocumentTemplate.Parse(text, Path.GetFileName(file), env.Show(file), Path.GetDirectoryName(Path.GetFullPath(file))).Errors
                    : HandlebarsDocumentTemplate.Parse(text, Path.GetFileName(file), env.Show(file)).Errors;
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
