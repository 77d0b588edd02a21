using SafeguardDocs.Templates;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests.Scriban;

internal static class ScribanSamples
{
    public static string Folder => Path.Combine(Repo.Templates, "scriban");

    /// <summary>The built-in templates and the shipped Scriban files, as the command sees them from the repository root.</summary>
    public static TemplateCatalog Catalog { get; } = TemplateCatalog.Create(BuiltInTemplates.All, Folder, Repo.Root);

    public static string BrokenFolder => Path.Combine(Repo.Root, "tests", "SafeguardDocs.Templating.Tests", "Scriban", "BrokenTemplates");
}
