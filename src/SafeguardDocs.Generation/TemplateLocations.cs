using SafeguardDocs.Templates;
using SafeguardDocs.Templating.Catalog;

namespace SafeguardDocs.Generation;

/// <summary>
/// Where Scriban templates are read from, in order: the folder named by the <c>SAFEGUARD_DOCS_TEMPLATES</c>
/// environment variable; <c>templates/scriban</c> under the current folder (the repository, when run from it,
/// so an edit takes effect without a build); the copy installed beside the program
/// (<see cref="BuiltInTemplates.InstalledScribanFolder"/>), whatever the current folder.
/// </summary>
public static class TemplateLocations
{
    public const string EnvironmentVariable = "SAFEGUARD_DOCS_TEMPLATES";

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
        TemplateCatalog.Create(BuiltInTemplates.All, ScribanFolder(currentDirectory), currentDirectory);
}
