using System.CommandLine;
using SafeguardDocs.Generation;
using SafeguardDocs.Templating.Word;

namespace SafeguardDocs.Cli.Commands;

internal static class TemplatesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("templates", "List the templates: name, the kind of case each renders, its engine and where it comes from.");
        command.SetAction(_ =>
        {
            var catalog = TemplateLocations.Catalog(env.CurrentDirectory);
            var rows = catalog.Templates
                .OrderBy(t => t.Kind, StringComparer.Ordinal)
                .ThenBy(t => t.Engine)
                .Select(t => (t.Name + (catalog.DefaultFor(t.Kind) == t ? " (default)" : string.Empty), t.Kind, t.Engine.ToString().ToLowerInvariant(), t.Source == "built in" ? t.Source : env.Show(Path.GetFullPath(t.Source, env.CurrentDirectory)), t.Description))
                .Concat(catalog.WordTemplates
                    .OrderBy(t => t.Kind, StringComparer.Ordinal)
                    .Select(t => (t.Name, t.Kind, WordDocumentTemplate.EngineName, env.Show(Path.GetFullPath(t.Source, env.CurrentDirectory)), t.Description)))
                .ToList();
            var header = ("NAME", "KIND", "ENGINE", "SOURCE", "DESCRIPTION");
            var all = rows.Prepend(header).ToList();
            int w1 = all.Max(r => r.Item1.Length), w2 = all.Max(r => r.Item2.Length), w3 = all.Max(r => r.Item3.Length), w4 = all.Max(r => r.Item4.Length);
            foreach (var row in all)
            {
                env.Out.WriteLine($"{row.Item1.PadRight(w1)}  {row.Item2.PadRight(w2)}  {row.Item3.PadRight(w3)}  {row.Item4.PadRight(w4)}  {row.Item5}".TrimEnd());
            }

            foreach (var error in catalog.Errors)
            {
                env.Error.WriteLine(error.ToString());
            }

            return catalog.Errors.Count == 0 ? ExitCodes.Success : ExitCodes.InputUnusable;
        });
        return command;
    }
}
