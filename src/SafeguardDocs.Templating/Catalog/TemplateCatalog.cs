using SafeguardDocs.Templating.Scriban;

namespace SafeguardDocs.Templating.Catalog;

/// <summary>
/// The templates there are: the built-in Razor components and the Scriban files in a templates folder.
/// The first built-in template of a kind is that kind's default.
/// </summary>
public sealed class TemplateCatalog
{
    private readonly List<IDocumentTemplate> _templates;

    private TemplateCatalog(List<IDocumentTemplate> templates, IReadOnlyList<TemplateLoadError> errors)
    {
        _templates = templates;
        Errors = errors;
    }

    public IReadOnlyList<IDocumentTemplate> Templates => _templates;

    /// <summary>Scriban files that could not be used, with why. They are left out of <see cref="Templates"/>.</summary>
    public IReadOnlyList<TemplateLoadError> Errors { get; }

    /// <summary>
    /// Builds the catalogue from the built-in templates and every <c>*.sbn</c> file under
    /// <paramref name="scribanFolder"/> when it exists (a file whose name starts with <c>_</c> is a part for
    /// <c>include</c>, not a document). Files are shown relative to <paramref name="displayRoot"/> when given.
    /// </summary>
    public static TemplateCatalog Create(IEnumerable<IDocumentTemplate> builtIn, string? scribanFolder, string? displayRoot = null)
    {
        var templates = builtIn.ToList();
        var errors = new List<TemplateLoadError>();
        if (scribanFolder is not null && Directory.Exists(scribanFolder))
        {
            foreach (var file in Directory.EnumerateFiles(scribanFolder, "*.sbn", SearchOption.AllDirectories)
                         .Where(f => !Path.GetFileName(f).StartsWith('_'))
                         .Order(StringComparer.Ordinal))
            {
                var shown = displayRoot is null ? file : Path.GetRelativePath(displayRoot, file);
                var (template, fileErrors) = ScribanDocumentTemplate.Load(file, shown, scribanFolder);
                errors.AddRange(fileErrors);
                if (template is not null)
                {
                    templates.Add(template);
                }
            }
        }

        return new TemplateCatalog(templates, errors);
    }

    public IDocumentTemplate? Find(string name) =>
        _templates.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public IDocumentTemplate? DefaultFor(string kind) =>
        _templates.FirstOrDefault(t => t.Kind == kind && t.Engine == TemplateEngine.Razor)
        ?? _templates.FirstOrDefault(t => t.Kind == kind);

    public IEnumerable<IDocumentTemplate> ForKind(string kind) => _templates.Where(t => t.Kind == kind);
}
