using SafeguardDocs.Templates;
using SafeguardDocs.Templating.Catalog;

namespace SafeguardDocs.Generation;

/// <summary>
/// Where Handlebars templates are read from, in order: the <c>SAFEGUARD_DOCS_TEMPLATES</c> environment
/// variable; <c>templates/handlebars</c> under the current folder (the repository, when run from it, so
/// an edit takes effect without a build); the copy installed beside the program.
/// </summary>
public static class TemplateLocations
{
    public const string EnvironmentVariable = "SAFEGUARD_DOCS_TEMPLATES";

    public static string HandlebarsFolder(string currentDirectory)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment, currentDirectory);
        }

        var local = Path.Combine(currentDirectory, "templates", "handlebars");
        return Directory.Exists(local) ? local : BuiltInTemplates.InstalledHandlebarsFolder;
    }

    /// <summary>
    /// Where Scriban templates are read from, in the same order: the <c>SAFEGUARD_DOCS_TEMPLATES</c> folder
    /// (which may hold both kinds of file), <c>templates/scriban</c> under the current folder, the installed copy.
    /// </summary>
    public static string ScribanFolder(string currentDirectory)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment, currentDirectory);
        }

        var local = Path.Combine(currentDirectory, "templates", "scriban");
        return Directory.Exists(local) ? local : BuiltInTemplates.InstalledScribanFolder;
    }

    public static TemplateCatalog Catalog(string currentDirectory) =>
        TemplateCatalog.Create(BuiltInTemplates.All, HandlebarsFolder(currentDirectory), currentDirectory, ScribanFolder(currentDirectory));
}
