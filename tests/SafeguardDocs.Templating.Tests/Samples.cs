using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Templates;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests;

internal static class Samples
{
    public static RenderContext Context { get; } = RenderContext.From(FixedClock.Default);

    public static TemplateCatalog Catalog { get; } = TemplateCatalog.Create(BuiltInTemplates.All, Path.Combine(Repo.Templates, "scriban"), Repo.Root);

    public static T Load<T>(string file) where T : CaseFile
    {
        var result = CaseLoader.LoadFile(Repo.Sample(file));
        result.Errors.ShouldBeEmpty();
        return result.Case.ShouldBeOfType<T>();
    }

    public static CaseFile LoadJson(string json)
    {
        var result = CaseLoader.Load(System.Text.Encoding.UTF8.GetBytes(json), "test.json");
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        return result.Case!;
    }
}
