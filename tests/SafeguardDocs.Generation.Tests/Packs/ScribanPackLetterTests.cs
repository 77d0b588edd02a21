using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests.Packs;

/// <summary>
/// The Scriban covering letter (<c>templates/scriban/aup-pack-letter.sbn</c>) makes the same letter as the
/// Razor one, block for block: for every family of the sample pack and for every variation of the pack and
/// the family that the letter's wording depends on.
/// </summary>
public sealed class ScribanPackLetterTests
{
    private static readonly RenderContext Context = RenderContext.From(FixedClock.Default);

    private static readonly TemplateCatalog Catalog = TemplateLocations.Catalog(Repo.Root);

    private static readonly AupPackCase Pack = CaseLoader.LoadFile(Repo.Sample("aup-pack.json")).Case.ShouldBeOfType<AupPackCase>();

    private static readonly Lazy<IReadOnlyList<AupFamily>> SampleFamilies = new(() => AupFamilies.Group(RosterReader.ReadFile(Repo.Sample("aup-roster.csv")).Pupils));

    private static AupFamily OneChild => SampleFamilies.Value.First(f => f.Pupils.Count == 1);

    private static AupFamily Siblings => SampleFamilies.Value.First(f => f.Pupils.Count > 2);

    private static MarkupDocument Render(string template, AupPackCase pack, AupFamily family)
    {
        var found = Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", Catalog.Errors)}");
        var result = found.Render(AupPackLetter.For(pack, family), Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static void SameAsRazor(AupPackCase pack, AupFamily family) =>
        Render("aup-pack-letter.sbn", pack, family).ShouldBe(Render("aup-pack-letter", pack, family), $"family {family.Code}");

    [Fact]
    public void The_shipped_template_is_listed_for_the_covering_letter_and_checks_against_its_view_model()
    {
        Catalog.Errors.ShouldBeEmpty(string.Join("\n", Catalog.Errors));
        var template = Catalog.Find("aup-pack-letter.sbn").ShouldBeOfType<ScribanDocumentTemplate>();
        template.Kind.ShouldBe(AupPackKind.LetterName);
        template.ModelType.ShouldBe(typeof(AupPackLetterView));
        template.Source.ShouldBe(Path.Combine("templates", "scriban", "aup-pack-letter.sbn"));
        Catalog.DefaultFor(AupPackKind.LetterName)!.Engine.ShouldBe(TemplateEngine.Razor);
        File.ReadAllText(Path.Combine(Repo.Templates, "scriban", "aup-pack-letter.sbn")).ShouldStartWith("{{##\nkind: aup-pack-letter\ndescription: Covering letter of a family's AUP pack");
    }

    [Fact]
    public void Every_family_of_the_sample_pack_gets_the_same_letter_from_both_templates()
    {
        var families = SampleFamilies.Value;
        families.Count.ShouldBe(175);
        families.ShouldContain(f => f.Pupils.Count == 1);
        families.ShouldContain(f => f.Pupils.Count == 2);
        families.ShouldContain(f => f.Pupils.Count > 2);
        foreach (var family in families)
        {
            SameAsRazor(Pack, family);
        }
    }

    public static TheoryData<string> Variations() => [.. PackVariations.Keys];

    private static readonly Dictionary<string, Func<AupPackCase, AupPackCase>> PackVariations = new()
    {
        ["the sample"] = p => p,
        ["no head of school"] = p => p with { School = p.School! with { HeadName = null } },
        ["no DSL named"] = p => p with { School = p.School! with { DslName = "  " } },
        ["no trust"] = p => p with { School = p.School! with { Trust = null } },
        ["a blank trust"] = p => p with { School = p.School! with { Trust = " " } },
        ["telephone only"] = p => p with { School = p.School! with { Email = null } },
        ["email only"] = p => p with { School = p.School! with { Phone = "" } },
        ["neither telephone nor email"] = p => p with { School = p.School! with { Phone = null, Email = null } },
        ["no school address"] = p => p with { School = p.School! with { Address = null } },
        ["blank address lines"] = p => p with { School = p.School! with { Address = ["", "12 Station Road", "  ", "Poole"] } },
        ["no head, DSL, trust, address, telephone or email"] = p => p with { School = new AupPackSchool { Name = p.School!.Name } },
        ["text that looks like markup or template syntax"] = p => p with
        {
            AcademicYear = "2026/27 <b>&amp;</b>",
            School = p.School! with { Name = "St Mary & St John's <School> {{ reference }}", HeadName = "Ms \"Jo\" O'Neill @View.Reference" },
        },
    };

    [Theory]
    [MemberData(nameof(Variations))]
    public void A_variation_of_the_pack_gives_the_same_letter_for_one_child_and_for_siblings(string variation)
    {
        var pack = PackVariations[variation](Pack);
        SameAsRazor(pack, OneChild);
        SameAsRazor(pack, Siblings);
    }

    [Fact]
    public void A_contact_without_title_forename_or_address_gets_the_same_letter()
    {
        var contact = new RosterContact { Surname = "Okafor", Address = [] };
        var family = OneChild with { Contact = contact };
        SameAsRazor(Pack, family);
        SameAsRazor(Pack, Siblings with { Contact = contact with { Title = "Dr", Address = ["1 Long Lane", "BH1 1AA"] } });
        Catalog.Find("aup-pack-letter.sbn")!.RenderHtml(AupPackLetter.For(Pack, family), Context).ShouldContain("<p>Dear Okafor,</p>");
    }
}
