using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Word;

namespace SafeguardDocs.Templating.Catalog;

/// <summary>
/// The templates there are: the built-in Razor components and the Scriban files in a templates folder.
/// The first built-in template of a kind is that kind's default.
/// </summary>
public sealed class TemplateCatalog
{
    private readonly List<IDocumentTemplate> _templates;

    private TemplateCatalog(List<IDocumentTemplate> templates, IReadOnlyList<TemplateLoadError> errors, IReadOnlyList<WordDocumentTemplate> wordTemplates)
    {
        _templates = templates;
        Errors = errors;
        WordTemplates = wordTemplates;
    }

    public IReadOnlyList<IDocumentTemplate> Templates => _templates;

    /// <summary>
    /// The Word templates (<c>*.docx</c>) in the Scriban templates folder, each naming its kind in a document
    /// property. They make a .docx directly, not markup, so they are kept apart from <see cref="Templates"/>.
    /// </summary>
    public IReadOnlyList<WordDocumentTemplate> WordTemplates { get; }

    /// <summary>Scriban and Word template files that could not be used, with why. They are left out of <see cref="Templates"/>.</summary>
    public IReadOnlyList<TemplateLoadError> Errors { get; }

    /// <summary>
    /// Builds the catalogue from the built-in templates and every <c>*.sbn</c> file under
    /// <paramref name="scribanFolder"/> when it exists (a file whose name starts with <c>_</c> is a part for
    /// <c>include</c>, not a document), and every Word template (<c>*.docx</c>, not Word's <c>~$</c> lock files)
    /// in the same folder. Files are shown relative to <paramref name="displayRoot"/> when given.
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

        var wordTemplates = new List<WordDocumentTemplate>();
        if (scribanFolder is not null && Directory.Exists(scribanFolder))
        {
            foreach (var file in Directory.EnumerateFiles(scribanFolder, "*.docx", SearchOption.AllDirectories)
                         .Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                var shown = displayRoot is null ? file : Path.GetRelativePath(displayRoot, file);
                var (template, fileErrors) = WordDocumentTemplate.Load(file, shown);
                errors.AddRange(fileErrors);
                if (template is not null)
                {
                    wordTemplates.Add(template);
                }
            }
        }

        return new TemplateCatalog(templates, errors, wordTemplates);
    }

    public IDocumentTemplate? Find(string name) =>
        _templates.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public IDocumentTemplate? DefaultFor(string kind) =>
        _templates.FirstOrDefault(t => t.Kind == kind && t.Engine == TemplateEngine.Razor)
        ?? _templates.FirstOrDefault(t => t.Kind == kind);

    public IEnumerable<IDocumentTemplate> ForKind(string kind) => _templates.Where(t => t.Kind == kind);

    /// <summary>The Word template with this file name, if the templates folder has one.</summary>
    public WordDocumentTemplate? FindWord(string name) =>
        WordTemplates.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of every template of a kind, Word templates included, for messages.</summary>
    public IEnumerable<string> NamesForKind(string kind) =>
        ForKind(kind).Select(t => t.Name).Concat(WordTemplates.Where(t => t.Kind == kind).Select(t => t.Name));
}
