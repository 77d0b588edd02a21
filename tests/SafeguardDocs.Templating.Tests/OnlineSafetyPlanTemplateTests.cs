using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests;

public sealed class OnlineSafetyPlanTemplateTests
{
    private static readonly OnlineSafetyPlanCase Sample = Samples.Load<OnlineSafetyPlanCase>("online-safety-plan.json");

    private static MarkupDocument Render(OnlineSafetyPlanCase c)
    {
        var found = Samples.Catalog.Find("online-safety-plan").ShouldNotBeNull($"catalogue errors: {string.Join("; ", Samples.Catalog.Errors)}");
        found.Kind.ShouldBe(OnlineSafetyPlanKind.Name);
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static string Text(OnlineSafetyPlanCase c) => MarkupText.Of(Render(c));

    /// <summary>The child's page: everything after the one page break.</summary>
    private static IReadOnlyList<Block> ChildPage(MarkupDocument document)
    {
        document.Blocks.OfType<PageBreak>().Count().ShouldBe(1, "the adults' plan, one page break, then the child's page");
        return [.. document.Blocks.SkipWhile(b => b is not PageBreak).Skip(1)];
    }

    private static List<string> ItemsUnder(IReadOnlyList<Block> page, string heading)
    {
        var start = page.ToList().FindIndex(b => b is Heading h && Plain(h.Content) == heading);
        start.ShouldBeGreaterThanOrEqualTo(0, $"heading \"{heading}\" on the child's page");
        var list = page.Skip(start + 1).TakeWhile(b => b is not Heading).OfType<ListBlock>().ShouldHaveSingleItem();
        return [.. list.Items.Select(i => Plain(i.Content))];
    }

    private static string Plain(IEnumerable<Inline> inlines) => string.Concat(inlines.OfType<TextRun>().Select(r => r.Text));

    private static OnlineSafetyPlanCase NotSend => Sample with { Child = Sample.Child! with { Send = false, Ehcp = false } };

    [Fact]
    public void The_sample_plan_reads_as_the_policy_asks() => Snapshot.Match(Text(Sample));

    [Fact]
    public void The_plan_has_the_adults_part_then_one_page_for_the_child()
    {
        var document = Render(Sample);
        document.Letterhead[0].ShouldBe("Brookfield Primary School");
        document.Blocks[0].ShouldBe(new Heading(1, [new TextRun("Online Safety Plan")]));
        var page = ChildPage(document);
        page[0].ShouldBe(new Heading(1, [new TextRun("My online safety plan")]));
        page.OfType<Heading>().Where(h => h.Level == 2).Select(h => Plain(h.Content))
            .ShouldBe([OnlineSafetyPlanFacts.MyRules, OnlineSafetyPlanFacts.PeopleICanTell, OnlineSafetyPlanFacts.HowICanTell]);
        page.OfType<SignatureBlock>().ShouldHaveSingleItem().Content.OfType<SignHere>().ShouldHaveSingleItem().Label.ShouldBe("My name");
    }

    [Fact]
    public void The_details_give_dates_in_words_and_the_childs_needs()
    {
        var text = Text(Sample);
        text.ShouldContain("| Date of birth | 9 February 2016 |");
        text.ShouldContain("| Year group | Year 5 |");
        text.ShouldContain("| Special educational needs | SEND, with an Education, Health and Care Plan (EHCP) |");
        text.ShouldContain("| Lead practitioner | Grace Oyelaran, Deputy Designated Safeguarding Lead |");
        text.ShouldContain("| Plan starts | 10 November 2026 |");
        text.ShouldContain("| Plan review by | 10 February 2027 |");
        text.ShouldNotContain("Looked after");
    }

    [Fact]
    public void The_SEND_childs_page_keeps_every_line_short_and_literal()
    {
        OnlineSafetyPlanFacts.IsSend(Sample).ShouldBeTrue();
        var page = ChildPage(Render(Sample));
        var items = new[] { OnlineSafetyPlanFacts.MyRules, OnlineSafetyPlanFacts.PeopleICanTell, OnlineSafetyPlanFacts.HowICanTell }
            .SelectMany(section => ItemsUnder(page, section))
            .ToList();
        items.ShouldNotBeEmpty();
        foreach (var item in items)
        {
            OnlineSafetyPlanFacts.WordCount(item).ShouldBeLessThanOrEqualTo(OnlineSafetyPlanFacts.SendMaxWords, item);
            OnlineSafetyPlanFacts.UsesAbstractWord(item).ShouldBeFalse(item);
        }
    }

    [Fact]
    public void Without_my_rules_the_childs_rules_are_the_plans_own_short_first_person_rules_for_its_concerns()
    {
        Sample.MyRules.ShouldBeNull();
        ItemsUnder(ChildPage(Render(Sample)), OnlineSafetyPlanFacts.MyRules).ShouldBe(
        [
            "I ask my trusted adult before I share my address or photos.",
            "I only chat online with people I know from home or school.",
            "I stop playing online when my trusted adult tells me to stop.",
        ]);

        var everyConcern = Sample with
        {
            Concerns = [.. OnlineSafetyPlanValues.ConcernCategories.Select(c => new PlanConcern { Category = c, Description = "x" })],
        };
        ItemsUnder(ChildPage(Render(everyConcern)), OnlineSafetyPlanFacts.MyRules).ShouldBe(
            OnlineSafetyPlanFacts.DefaultRules(everyConcern).Select(r => r.Text));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_childs_page_shows_exactly_what_the_rules_check(bool ownRules)
    {
        var c = ownRules ? Sample with { MyRules = ["I give my tablet to Mum at 8 o'clock.", "", "I only play with friends from my class."] } : Sample;
        var page = ChildPage(Render(c));
        var facts = OnlineSafetyPlanFacts.ChildPageItems(c);
        foreach (var section in new[] { OnlineSafetyPlanFacts.MyRules, OnlineSafetyPlanFacts.PeopleICanTell, OnlineSafetyPlanFacts.HowICanTell })
        {
            ItemsUnder(page, section).ShouldBe(facts.Where(f => f.Section == section).Select(f => f.Text));
        }
    }

    [Fact]
    public void A_plan_for_a_child_without_SEND_leaves_out_the_SEND_parts()
    {
        var text = Text(NotSend);
        text.ShouldNotContain("Special educational needs");
        text.ShouldNotContain("EHCP");
        text.ShouldNotContain("one small step at a time");
        text.ShouldContain("# My online safety plan");
        text.ShouldContain("- I ask my trusted adult before I share my address or photos.");
    }

    [Fact]
    public void A_looked_after_child_is_shown_as_looked_after()
    {
        var text = Text(NotSend with { Child = NotSend.Child! with { LookedAfter = true } });
        text.ShouldContain("| Looked after | Yes |");
        text.ShouldContain("Leo is looked after. This plan is shared with Leo's carer and social worker");
    }

    [Fact]
    public void A_looked_after_childs_plan_names_the_carer_and_the_social_worker_who_signs()
    {
        var c = NotSend with
        {
            Child = NotSend.Child! with { LookedAfter = true },
            Signatories =
            [
                new PlanSignatory { Role = OnlineSafetyPlanValues.Child, Name = "Leo Hartley" },
                new PlanSignatory { Role = OnlineSafetyPlanValues.Carer, Name = "Joan Price" },
                new PlanSignatory { Role = OnlineSafetyPlanValues.SocialWorker, Name = "Dev Patel" },
            ],
        };
        var text = Text(c);
        text.ShouldContain("| Carer | Joan Price |");
        text.ShouldContain("| Social worker | Dev Patel |");
        text.ShouldContain("We share it with Joan Price (Leo's carer) and Dev Patel (Leo's social worker)");
        text.ShouldContain("review this plan with Leo and Joan Price (Leo's carer) and Dev Patel (Leo's social worker)");
        text.ShouldNotContain("parents or carers so that");
        var signature = Render(c).Blocks.TakeWhile(b => b is not PageBreak).OfType<SignatureBlock>().ShouldHaveSingleItem();
        signature.Content.ShouldContain(new SignHere("Social worker", WithDate: true));
    }

    [Fact]
    public void Extra_adult_supervision_has_a_place_so_that_all_staff_are_aware()
    {
        var text = Text(Sample with { AdditionalSupervision = "An adult sits beside Leo whenever he uses a device in class." });
        text.ShouldContain("## Extra adult supervision\nAn adult sits beside Leo whenever he uses a device in class.");
        text.ShouldContain("so that every member of staff who works with Leo knows about it");
        Text(Sample).ShouldNotContain("Extra adult supervision");
    }

    [Fact]
    public void The_ehcp_targets_are_printed()
    {
        var text = Text(Sample);
        text.ShouldContain("Online safety is part of Leo's EHCP. The targets are:");
        text.ShouldContain(Sample.EhcpTargets![0]!);
    }

    [Fact]
    public void A_parent_who_declines_to_sign_is_printed_as_such()
    {
        var c = Sample with
        {
            Signatories = [new PlanSignatory { Role = OnlineSafetyPlanValues.Parent, Name = "Natalie Hartley", Declined = true }],
        };
        var text = Text(c);
        text.ShouldContain("Parent: Natalie Hartley was given this plan and declined to sign it.");
        text.ShouldNotContain("> Parent: ________");
        text.ShouldContain("This plan is shared with Leo's parents or carers");
    }

    [Fact]
    public void A_plan_not_shared_gives_the_recorded_reason() =>
        Text(Sample with { SharedWithParents = false, NotSharedReason = "Children's social care advised against it for now." })
            .ShouldContain("although the school's policy expects it to be. The reason: Children's social care advised against it for now.");

    [Fact]
    public void A_nursery_child_is_shown_in_nursery() =>
        Text(Sample with { Child = Sample.Child! with { YearGroup = -1 } }).ShouldContain("| Year group | Nursery (N2) |");

    [Fact]
    public void The_review_and_the_signatures_are_one_block_so_the_signatures_never_stand_alone()
    {
        var signature = Render(Sample).Blocks.TakeWhile(b => b is not PageBreak).OfType<SignatureBlock>().ShouldHaveSingleItem();
        Plain(((Paragraph)signature.Content[0]).Content).ShouldStartWith("Grace Oyelaran will review this plan");
    }

    [Fact]
    public void Concerns_are_grouped_under_their_kind_of_risk_in_order_with_a_plain_explanation()
    {
        var c = Sample with
        {
            Concerns =
            [
                new PlanConcern { Category = OnlineSafetyPlanValues.Commerce, Description = "Spent money on in-game items." },
                new PlanConcern { Category = OnlineSafetyPlanValues.Content, Description = "Watched violent videos." },
                new PlanConcern { Category = OnlineSafetyPlanValues.Commerce, Description = "Clicked a prize advert." },
            ],
        };
        var text = Text(c);
        var content = text.IndexOf("### Content: what they see", StringComparison.Ordinal);
        var commerce = text.IndexOf("### Commerce: money, adverts and scams", StringComparison.Ordinal);
        content.ShouldBeGreaterThan(0);
        commerce.ShouldBeGreaterThan(content);
        text.ShouldContain("### Commerce: money, adverts and scams\n[Small] Money: in-game spending, gambling, adverts and scams.\n- Spent money on in-game items.\n- Clicked a prize advert.\n");
        text.ShouldNotContain("### Contact");
    }

    [Fact]
    public void Each_signatory_has_a_line_with_their_role_and_their_name_under_it()
    {
        var signature = Render(Sample).Blocks.TakeWhile(b => b is not PageBreak).OfType<SignatureBlock>().ShouldHaveSingleItem();
        var lines = signature.Content.Skip(2).ToList();
        lines.Count.ShouldBe(6);
        string[] roles = ["Child", "Parent", "Practitioner"];
        string[] names = ["Leo Hartley", "Natalie Hartley", "Grace Oyelaran"];
        for (var i = 0; i < 3; i++)
        {
            lines[2 * i].ShouldBe(new SignHere(roles[i], WithDate: true));
            Plain(((Paragraph)lines[(2 * i) + 1]).Content).ShouldBe(names[i]);
        }
    }

    [Fact]
    public void A_plan_not_yet_shared_says_so_instead_of_advice_for_parents()
    {
        var text = Text(Sample with { SharedWithParents = false });
        text.ShouldContain("This plan has not been shared with Leo's parents or carers.");
        text.ShouldNotContain("You can help by:");
    }
}
