using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Markup;
using V = SafeguardDocs.Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanValues;

namespace SafeguardDocs.Templating.Tests.Scriban;

/// <summary>
/// The Scriban Online Safety Plan (<c>templates/scriban/online-safety-plan.sbn</c>) makes the same document
/// as the Razor one: the same markup, block for block, for the sample and for every variation the Razor
/// plan's own tests use (<see cref="OnlineSafetyPlanTemplateTests"/>), and a few edge cases besides.
/// </summary>
public sealed class ScribanOnlineSafetyPlanTests
{
    private static readonly OnlineSafetyPlanCase Sample = Samples.Load<OnlineSafetyPlanCase>("online-safety-plan.json");

    private static OnlineSafetyPlanCase NotSend => Sample with { Child = Sample.Child! with { Send = false, Ehcp = false } };

    private static readonly Dictionary<string, Func<OnlineSafetyPlanCase>> Variations = new()
    {
        ["sample"] = () => Sample,
        ["not SEND"] = () => NotSend,
        ["SEND without an EHCP"] = () => Sample with { Child = Sample.Child! with { Ehcp = false } },
        ["EHCP without targets"] = () => Sample with { EhcpTargets = null },
        ["a concern in every area"] = () => Sample with
        {
            Concerns = [.. V.ConcernCategories.Select(c => new PlanConcern { Category = c, Description = "x" })],
        },
        ["the child's own rules, one empty"] = () => Sample with { MyRules = ["I give my tablet to Mum at 8 o'clock.", "", "I only play with friends from my class."] },
        ["looked after, no carer or social worker signing"] = () => NotSend with { Child = NotSend.Child! with { LookedAfter = true } },
        ["looked after, carer and social worker signing"] = () => NotSend with
        {
            Child = NotSend.Child! with { LookedAfter = true },
            Signatories =
            [
                new PlanSignatory { Role = V.Child, Name = "Leo Hartley" },
                new PlanSignatory { Role = V.Carer, Name = "Joan Price" },
                new PlanSignatory { Role = V.SocialWorker, Name = "Dev Patel" },
            ],
        },
        ["two carers"] = () => NotSend with
        {
            Child = NotSend.Child! with { LookedAfter = true },
            Signatories = [new PlanSignatory { Role = V.Carer, Name = "Joan Price" }, new PlanSignatory { Role = V.Carer, Name = "Sam Price" }, null],
        },
        ["extra adult supervision"] = () => Sample with { AdditionalSupervision = "An adult sits beside Leo whenever he uses a device in class." },
        ["a parent who declined to sign"] = () => Sample with
        {
            Signatories = [new PlanSignatory { Role = V.Parent, Name = "Natalie Hartley", Declined = true }],
        },
        ["not shared, with the reason"] = () => Sample with { SharedWithParents = false, NotSharedReason = "Children's social care advised against it for now." },
        ["not shared, no reason"] = () => Sample with { SharedWithParents = false },
        ["nursery"] = () => Sample with { Child = Sample.Child! with { YearGroup = -1 } },
        ["reception"] = () => Sample with { Child = Sample.Child! with { YearGroup = 0 } },
        ["concerns out of order, one area twice"] = () => Sample with
        {
            Concerns =
            [
                new PlanConcern { Category = V.Commerce, Description = "Spent money on in-game items." },
                new PlanConcern { Category = V.Content, Description = "Watched violent videos." },
                new PlanConcern { Category = V.Commerce, Description = "Clicked a prize advert." },
            ],
        },
        ["a concern of no known area"] = () => Sample with { Concerns = [new PlanConcern { Category = "gaming", Description = "x" }, null, .. Sample.Concerns!] },
        ["nothing at home, no child's views, blank lead role"] = () => Sample with
        {
            Strategies = Sample.Strategies! with { AtHome = [] },
            ChildViews = "  ",
            LeadPractitioner = Sample.LeadPractitioner! with { Role = " " },
        },
        ["no lead practitioner, child or strategies"] = () => Sample with { LeadPractitioner = null, Child = null, Strategies = null, Setting = null },
        ["a signatory of no known role and no name"] = () => Sample with { Signatories = [new PlanSignatory { Role = "governor" }] },
        ["markup and template syntax in the data"] = () => Sample with
        {
            Child = Sample.Child! with { Name = "Siân <b>&amp; {{ firstName }} @View.FirstName" },
            ChildViews = "He said \"<i>{% raw %}</i>\" & left.",
            TrustedAdults = ["Mrs O'Neil & Mr <Singh>"],
        },
    };

    public static TheoryData<string> VariationNames() => [.. Variations.Keys];

    private static MarkupDocument Render(string template, OnlineSafetyPlanCase c)
    {
        var found = ScribanSamples.Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", ScribanSamples.Catalog.Errors)}");
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    [Fact]
    public void The_shipped_template_is_listed_for_online_safety_plans_and_loads_without_errors()
    {
        ScribanSamples.Catalog.Errors.ShouldBeEmpty(string.Join("\n", ScribanSamples.Catalog.Errors));
        var template = ScribanSamples.Catalog.Find("online-safety-plan.sbn").ShouldNotBeNull();
        template.Engine.ShouldBe(TemplateEngine.Scriban);
        template.Kind.ShouldBe(OnlineSafetyPlanKind.Name);
        template.Source.ShouldBe(Path.Combine("templates", "scriban", "online-safety-plan.sbn"));
        ScribanSamples.Catalog.DefaultFor(OnlineSafetyPlanKind.Name)!.Engine.ShouldBe(TemplateEngine.Razor);
    }

    [Theory]
    [MemberData(nameof(VariationNames))]
    public void The_plan_is_the_same_as_the_razor_plan(string variation)
    {
        var c = Variations[variation]();
        var razor = Render("online-safety-plan", c);
        var scriban = Render("online-safety-plan.sbn", c);
        MarkupText.Of(scriban).ShouldBe(MarkupText.Of(razor));
        scriban.ShouldBe(razor);
    }

    [Fact]
    public void The_scriban_plan_words_a_looked_after_childs_carer_and_social_worker_from_the_view()
    {
        var text = MarkupText.Of(Render("online-safety-plan.sbn", Variations["looked after, carer and social worker signing"]()));
        text.ShouldContain("We share it with Joan Price (Leo's carer) and Dev Patel (Leo's social worker)");
        text.ShouldContain("| Social worker | Dev Patel |");
        var twoCarers = MarkupText.Of(Render("online-safety-plan.sbn", Variations["two carers"]()));
        twoCarers.ShouldContain("| Carer | Joan Price and Sam Price |");
        twoCarers.ShouldContain("| Social worker | Not recorded |");
        twoCarers.ShouldContain("Joan Price and Sam Price (Leo's carer) and Leo's social worker");
    }

    [Fact]
    public void Data_that_looks_like_markup_or_template_syntax_comes_out_exactly()
    {
        var text = MarkupText.Of(Render("online-safety-plan.sbn", Variations["markup and template syntax in the data"]()));
        text.ShouldContain("This plan is for Siân <b>&amp; {{ firstName }} @View.FirstName.");
        text.ShouldContain("He said \"<i>{% raw %}</i>\" & left.");
        text.ShouldContain("- Mrs O'Neil & Mr <Singh>");
    }
}
