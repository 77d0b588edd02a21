using System.Text.RegularExpressions;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Templates;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests;

/// <summary>
/// Keeps docs/adding-a-kind.md true: every kind registered in <see cref="CaseKinds.All"/> has what that
/// page lists — a sample that loads as the kind, an entry in docs/case-files.md, a built-in template for
/// each of its documents rendering the kind's view model, and rules that cite a seed and section.
/// </summary>
public sealed partial class KindRegistryTests
{
    public static TheoryData<string> Kinds() => [.. CaseKinds.All.Select(k => k.Name)];

    private static CaseKind Kind(string name) => CaseKinds.Find(name).ShouldNotBeNull();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_sample_that_loads_as_that_kind(string name)
    {
        var path = Repo.Sample(name + ".json");
        File.Exists(path).ShouldBeTrue($"samples/{name}.json is missing");
        var loaded = CaseLoader.LoadFile(path);
        loaded.Errors.ShouldBeEmpty();
        loaded.Case.ShouldNotBeNull().GetType().ShouldBe(Kind(name).ModelType);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_section_in_the_case_file_reference(string name) =>
        File.ReadAllText(Path.Combine(Repo.Root, "docs", "case-files.md")).ShouldContain($"\n## `{name}`\n");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_document_of_every_kind_has_a_built_in_template(string name)
    {
        var kind = Kind(name);
        foreach (var document in kind.Documents)
        {
            BuiltInTemplates.All.ShouldContain(t => t.Kind == document.Name && t.Engine == TemplateEngine.Razor, $"no built-in template for {document.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_document_of_every_kind_has_a_shipped_scriban_twin_for_its_view_model(string name)
    {
        foreach (var document in Kind(name).Documents)
        {
            var twin = Scriban.ScribanSamples.Catalog.ForKind(document.Name).OfType<Templating.Scriban.ScribanDocumentTemplate>().FirstOrDefault();
            twin.ShouldNotBeNull($"no .sbn in templates/scriban for {document.Name}");
            twin.ModelType.ShouldBe(document.ViewType);
        }
    }

    [Fact]
    public void The_pack_s_covering_letter_is_a_document_of_the_pack_not_a_kind_of_case()
    {
        var pack = Kind(Core.Cases.AupPack.AupPackKind.Name);
        pack.Documents.Select(d => d.Name).ShouldBe(["aup-pack-letter", "aup-agreement"]);
        var letter = CaseKinds.FindDocument("aup-pack-letter").ShouldNotBeNull();
        letter.ShouldBeSameAs(Core.Cases.AupPack.AupPackKind.Letter);
        (letter.SourceType, letter.ViewType).ShouldBe((typeof(Core.Cases.AupPack.AupPackLetter), typeof(Core.Cases.AupPack.AupPackLetterView)));
        typeof(CaseFile).IsAssignableFrom(letter.SourceType).ShouldBeFalse();
        CaseKinds.Find("aup-pack-letter").ShouldBeNull();
        CaseLoader.Load("{\"kind\": \"aup-pack-letter\", \"reference\": \"X-1\"}"u8, "letter.json").Succeeded.ShouldBeFalse();

        // Every kind's own document is found under the kind's name, with the kind's view model.
        foreach (var kind in CaseKinds.All)
        {
            CaseKinds.FindDocument(kind.Name)?.ViewType.ShouldBe(kind.ViewType);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_kind_s_own_template_renders_its_sample_through_the_kind_s_view_model(string name)
    {
        var kind = Kind(name);
        if (kind.MakesManyDocuments)
        {
            return; // its documents are made from the roster by the pack, not from the case (PackCommandTests)
        }

        var sample = CaseLoader.LoadFile(Repo.Sample(name + ".json")).Case!;
        var view = kind.CreateView(sample, Samples.Context.Options, Samples.Context.Today);
        view.GetType().ShouldBe(kind.ViewType);
        var template = BuiltInTemplates.All.First(t => t.Kind == name);
        template.Render(sample, Samples.Context).Error.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_rules_and_each_cites_a_seed_file_and_section(string name)
    {
        var rules = Kind(name).Rules.Rules;
        rules.ShouldNotBeEmpty();
        foreach (var rule in rules)
        {
            SeedCitation().IsMatch(rule.Source).ShouldBeTrue($"{rule.Id} cites '{rule.Source}': a seed file and a section (§, \"title\", Appendix or ¶)");
        }
    }

    [Fact]
    public void Adding_a_kind_lists_the_files_a_kind_touches_and_they_exist_for_device_allocation()
    {
        var page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "adding-a-kind.md"));
        string[] files =
        [
            "src/SafeguardDocs.Core/Cases/DeviceAllocation/DeviceAllocationCase.cs",
            "src/SafeguardDocs.Core/Cases/DeviceAllocation/DeviceAllocationRules.cs",
            "src/SafeguardDocs.Core/Cases/DeviceAllocation/DeviceAllocationView.cs",
            "src/SafeguardDocs.Core/Cases/DeviceAllocation/DeviceAllocationKind.cs",
            "src/SafeguardDocs.Core/Cases/CaseKinds.cs",
            "templates/Razor/DeviceAllocation/LoanLetter.razor",
            "templates/BuiltInTemplates.cs",
            "templates/scriban/loan-letter.sbn",
            "samples/device-allocation.json",
            "docs/case-files.md",
        ];
        foreach (var file in files)
        {
            File.Exists(Path.Combine(Repo.Root, file)).ShouldBeTrue(file);
            page.ShouldContain(file);
        }
    }

    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}\.txt .*(§|""|Appendix|¶)")]
    private static partial Regex SeedCitation();
}
