using System.CommandLine;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Templating.Word;

namespace SafeguardDocs.Cli.Commands;

/// <summary>
/// <c>template new KIND --word FILE.docx</c>: writes a starter Word template for a kind (a sample letter
/// using its main fields, then every field there is), with the kind recorded in the document.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var kindArgument = new Argument<string>("KIND") { Description = "The kind of case the template is for, for example device-allocation." };
        var word = new Option<string>("--word") { Description = "The Word file to write (.docx). An existing file is not replaced.", Required = true };
        var create = new Command("new", "Write a starter Word template for a kind: a sample letter using its main fields, then a list of every field you can use.")
        {
            kindArgument, word,
        };
        create.SetAction(parse =>
        {
            var kind = CaseKinds.Find(parse.GetValue(kindArgument));
            if (kind is null || kind.MakesManyDocuments)
            {
                env.Error.WriteLine($"safeguard-docs: there is no kind '{parse.GetValue(kindArgument)}' with a document of its own. Use one of: {string.Join(", ", CaseKinds.All.Where(k => !k.MakesManyDocuments).Select(k => k.Name))}.");
                return ExitCodes.InputUnusable;
            }

            var path = env.Resolve(parse.GetValue(word)!);
            if (!path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            {
                env.Error.WriteLine($"{env.Show(path)}: error: A Word template's name must end in .docx.");
                return ExitCodes.InputUnusable;
            }

            if (File.Exists(path))
            {
                env.Error.WriteLine($"{env.Show(path)}: error: The file is already there and was left as it is. Give another name, or move it first.");
                return ExitCodes.InputUnusable;
            }

            using (var buffer = new MemoryStream())
            {
                WordStarterTemplate.Write(kind, buffer);
                AtomicFile.WriteAllBytes(path, buffer.ToArray());
            }

            env.Out.WriteLine($"Wrote {env.Show(path)}: a starter Word template for {kind.Name} cases. Edit it in Word, then run 'safeguard-docs check {env.Show(path)}'.");
            return ExitCodes.Success;
        });
        return new Command("template", "Make templates.") { create };
    }
}
