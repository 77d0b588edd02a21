using SafeguardDocs.Templates;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Templating.Scriban;

namespace SafeguardDocs.Templating.Tests.Scriban;

/// <summary>
/// Each broken template in <c>Scriban/BrokenTemplates/</c> sits beside the exact errors it must give
/// (<c>.errors.txt</c>), checked against the device-allocation case model.
/// </summary>
public sealed class ScribanBrokenTemplateTests
{
    public static TheoryData<string> BrokenFixtures() =>
        [.. Directory.EnumerateFiles(ScribanSamples.BrokenFolder, "*.sbn").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BrokenFixtures))]
    public void Each_broken_fixture_gives_exactly_its_expected_errors(string fixture)
    {
        var (loaded, errors) = ScribanDocumentTemplate.Load(Path.Combine(ScribanSamples.BrokenFolder, fixture), fixture);
        loaded.ShouldBeNull();
        var expected = File.ReadAllLines(Path.Combine(ScribanSamples.BrokenFolder, Path.ChangeExtension(fixture, ".errors.txt")));
        errors.Select(e => e.ToString()).ShouldBe(expected);
    }

    [Fact]
    public void Every_fixture_has_its_expected_errors_beside_it() =>
        Directory.EnumerateFiles(ScribanSamples.BrokenFolder, "*.sbn")
            .ShouldAllBe(f => File.Exists(Path.ChangeExtension(f, ".errors.txt")));

    [Fact]
    public void The_catalogue_leaves_out_every_broken_template_and_lists_its_errors()
    {
        var catalog = TemplateCatalog.Create(BuiltInTemplates.All, ScribanSamples.BrokenFolder, ScribanSamples.BrokenFolder);
        catalog.Templates.ShouldAllBe(t => t.Engine == TemplateEngine.Razor);
        catalog.Errors.Select(e => e.File).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(Directory.EnumerateFiles(ScribanSamples.BrokenFolder, "*.sbn").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        catalog.Errors.ShouldContain(e => e.File == "misspelt-member.sbn" && e.Id == "SGT001" && e.Line == 6 && e.Column == 41);
    }
}
