using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// The only way a template can read another file: <c>{{ include "part.sbn" }}</c> with a name inside
/// the templates folder. A rooted path, a <c>..</c> step, a name that is not a <c>.sbn</c> file, or a
/// path that leads outside the folder is refused. Each file is read and parsed once and then shared
/// by every render.
/// </summary>
public sealed class TemplateFolderLoader : ITemplateLoader
{
    private readonly ConcurrentDictionary<string, Template> _parsed = new(StringComparer.Ordinal);

    /// <param name="folder">The templates folder; null when the template has none (then include is refused).</param>
    public TemplateFolderLoader(string? folder)
    {
        Folder = folder is null ? null : Path.GetFullPath(folder);
    }

    public string? Folder { get; }

    /// <summary>The full path of an included template, or why it cannot be included (never both).</summary>
    public (string? Path, string? Problem) Resolve(string? name)
    {
        if (Folder is null)
        {
            return (null, "include can only read templates from the templates folder, and this template is not in one. Put the text in this template.");
        }

        if (string.IsNullOrWhiteSpace(name) || Path.IsPathRooted(name) || name.Contains(':', StringComparison.Ordinal)
            || name.Split('/', '\\').Any(segment => segment is ".." or "."))
        {
            return (null, "include takes the name of a template in the templates folder, such as \"parts/signature.sbn\": no drive, no leading '/', no '..'.");
        }

        if (!name.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "include can only read .sbn templates. Add .sbn to the name.");
        }

        var full = Path.GetFullPath(Path.Combine(Folder, name));
        var root = Folder.EndsWith(Path.DirectorySeparatorChar) ? Folder : Folder + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            return (null, "include can only read templates inside the templates folder.");
        }

        if (!File.Exists(full))
        {
            return (null, "There is no template of that name in the templates folder. Check the name (it is case-sensitive on some systems).");
        }

        // A link inside the folder must not lead outside it.
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is null || target.StartsWith(root, StringComparison.Ordinal)
            ? (full, null)
            : (null, "include can only read templates inside the templates folder.");
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var (path, problem) = Resolve(templateName);
        return path ?? throw new TemplateFunctionException(problem!);
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        try
        {
            return File.ReadAllText(templatePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateFunctionException("An included template could not be read. Check that it is a file and that you may read it.", e);
        }
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    /// <summary>The parsed template at <paramref name="path"/>, read and parsed on first use.</summary>
    internal Template GetOrParse(string path, TemplateContext context, SourceSpan callerSpan)
    {
        var template = _parsed.GetOrAdd(path, p => Template.Parse(Load(context, callerSpan, p), Path.GetRelativePath(Folder!, p)));
        return template.HasErrors
            ? throw new TemplateFunctionException($"The included template {Path.GetRelativePath(Folder!, path)} cannot be read: {template.Messages.First(m => m.Type == ParserMessageType.Error).Message} Run 'safeguard-docs check' on it.")
            : template;
    }
}
