using SafeguardDocs.Templating.Handlebars;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Word;

namespace SafeguardDocs.Templating.Catalog;

/// <summary>
/// The templates there are: the built-in Razor components, the Handlebars files in a templates
/// folder and the Scriban files in theirs. The first built-in template of a kind is that kind's default.
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

    /// <summary>Handlebars and Scriban files that could not be used, with why. They are left out of <see cref="Templates"/>.</summary>
    public IReadOnlyList<TemplateLoadError> Errors { get; }

    /// <summary>
    /// Builds the catalogue from the built-in templates and every <c>*.hbs</c> file under
    /// <paramref name="handlebarsFolder"/> and every <c>*.sbn</c> file under <paramref name="scribanFolder"/>
    /// (when they exist; a Scriban file whose name starts with <c>_</c> is a part for <c>include</c>, not a document),
    /// and every Word template (<c>*.docx</c>, not Word's <c>~$</c> lock files) in the Scriban folder.
    /// </summary>
    public static TemplateCatalog Create(IEnumerable<IDocumentTemplate> builtIn, string? handlebarsFolder, string? displayRoot = null, string? scribanFolder = null)
    {
        var templates = builtIn.ToList();
        var errors = new List<TemplateLoadError>();
        if (handlebarsFolder is not null && Directory.Exists(handlebarsFolder))
        {
            foreach (var file in Directory.EnumerateFiles(handlebarsFolder, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var shown = displayRoot is null ? file : Path.GetRelativePath(displayRoot, file);
                var (template, fileErrors) = HandlebarsDocumentTemplate.Load(file, shown);
                errors.AddRange(fileErrors);
                if (template is not null)
                {
                    templates.Add(template);
                }
            }
        }

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
