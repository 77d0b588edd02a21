using System.CommandLine;
using SafeguardDocs.Generation;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Cli.Commands;

/// <summary>
/// <c>check [TEMPLATE…]</c>: reads Scriban templates with Scriban's own parser and resolves every name against
/// the view model of their kind, printing every error compiler-style. Exit 0 when every template is clean,
/// 1 when any has errors (like a case with errors), 2 when a file or folder cannot be read or is not a template.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliEnvironment env)
    {
        var templates = new Argument<string[]>("TEMPLATE")
        {
            Description = "Scriban (.sbn) or Word (.docx) templates, or folders of them. Default: every template in the templates folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kindOption = new Option<string?>("--kind") { Description = "For a Word template that does not name its kind (one typed from scratch): the kind of case it is for, for example device-allocation." };
        var command = new Command("check", "Check Scriban (.sbn) and Word (.docx) templates against the case model of their kind: every name, function and block. Writes nothing.")
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
            foreach (var path in given.Length == 0 ? [TemplateLocations.ScribanFolder(env.CurrentDirectory)] : given.Select(env.Resolve))
            {
                if (Directory.Exists(path))
                {
                    // Files whose names start with '_' are parts for include, checked where they are included.
                    files.AddRange(Directory.EnumerateFiles(path, "*.sbn", SearchOption.AllDirectories)
                        .Where(f => !Path.GetFileName(f).StartsWith('_'))
                        .Concat(Directory.EnumerateFiles(path, "*.docx", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)))
                        .Order(StringComparer.Ordinal));
                }
                else if (File.Exists(path) && !path.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                {
                    env.Error.WriteLine($"{env.Show(path)}: error: This is not a template. Templates are Scriban (.sbn) or Word (.docx) files (docs/templates.md); give one of those, or a folder of them.");
                    unreadable = true;
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
                    text = System.Text.Encoding.UTF8.GetString(Core.Io.SafeFile.ReadAllBytes(file, ScribanDocumentTemplate.MaxBytes, "The template")).TrimStart('\uFEFF');
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

                var errors = ScribanDocumentTemplate.Parse(text, Path.GetFileName(file), env.Show(file), Path.GetDirectoryName(Path.GetFullPath(file))).Errors;
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
