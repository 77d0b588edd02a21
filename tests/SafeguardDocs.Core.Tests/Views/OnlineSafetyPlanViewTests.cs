using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Settings;
using V = SafeguardDocs.Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanValues;

namespace SafeguardDocs.Core.Tests.Views;

/// <summary>What the Online Safety Plan's templates see: the case under its own names and the facts worked out once.</summary>
public sealed class OnlineSafetyPlanViewTests
{
    private static readonly OnlineSafetyPlanCase Sample = CaseFiles.Sample<OnlineSafetyPlanCase>("online-safety-plan.json");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static OnlineSafetyPlanView View(OnlineSafetyPlanCase c) => OnlineSafetyPlanKind.Kind.View(c, OrganisationSettings.Default, Today);

    [Fact]
    public void The_registered_kind_makes_this_view_for_its_templates()
    {
        OnlineSafetyPlanKind.Kind.ViewType.ShouldBe(typeof(OnlineSafetyPlanView));
        CaseKinds.Find(OnlineSafetyPlanKind.Name)!.CreateView(Sample, OrganisationSettings.Default, Today).ShouldBeOfType<OnlineSafetyPlanView>();
        View(Sample).Today.ShouldBe(Today);
        View(Sample).Settings.ShouldBe(OrganisationSettings.Default);
    }

    [Fact]
    public void Every_top_level_property_of_the_case_is_on_the_view_under_the_same_name()
    {
        var viewProperties = typeof(OnlineSafetyPlanView).GetProperties().Select(p => p.Name).ToHashSet();
        var caseProperties = typeof(OnlineSafetyPlanCase).GetProperties()
            .Where(p => !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true) && p.Name != "EqualityContract")
            .Select(p => p.Name);
        caseProperties.Where(name => !viewProperties.Contains(name)).ShouldBeEmpty();
        var view = View(Sample);
        view.Reference.ShouldBe(Sample.Reference);
        view.Child.ShouldBe(Sample.Child);
        view.LeadPractitioner.ShouldBe(Sample.LeadPractitioner);
        view.Concerns.ShouldBe(Sample.Concerns!.Select(c => c!));
        view.EhcpTargets.ShouldBe(Sample.EhcpTargets!.Select(t => t!));
        view.ChildViews.ShouldBe(Sample.ChildViews);
        view.Signatories.ShouldBe(Sample.Signatories!.Select(s => s!));
    }

    [Fact]
    public void Lists_are_never_null_and_hold_no_empty_items_and_blank_text_is_not_given()
    {
        var view = View(Sample with
        {
            EhcpTargets = null,
            MyRules = ["", "I stop at 8 o'clock.", " "],
            Concerns = [null, new PlanConcern { Category = V.Content, Description = "x" }],
            Signatories = [null],
            ChildViews = " ",
            NotSharedReason = "",
            AdditionalSupervision = "\t",
            Strategies = null,
        });
        view.EhcpTargets.ShouldBeEmpty();
        view.MyRules.ShouldBe(["I stop at 8 o'clock."]);
        view.Concerns.Count.ShouldBe(1);
        view.Signatories.ShouldBeEmpty();
        view.ChildViews.ShouldBeNull();
        view.NotSharedReason.ShouldBeNull();
        view.AdditionalSupervision.ShouldBeNull();
        view.AtSchool.ShouldBeEmpty();
        view.AtHome.ShouldBeEmpty();
    }

    [Fact]
    public void The_childs_needs_and_name_are_worked_out_once()
    {
        var view = View(Sample);
        view.IsSend.ShouldBeTrue();
        view.HasEhcp.ShouldBeTrue();
        view.IsLookedAfter.ShouldBeFalse();
        view.FirstName.ShouldBe("Leo");
        view.YearGroupName.ShouldBe("Year 5");

        var ehcpOnly = View(Sample with { Child = Sample.Child! with { Send = false, Ehcp = true } });
        ehcpOnly.IsSend.ShouldBeTrue("an EHCP implies SEND");
        var neither = View(Sample with { Child = Sample.Child! with { Send = false, Ehcp = null, LookedAfter = true, YearGroup = -2 } });
        neither.IsSend.ShouldBeFalse();
        neither.HasEhcp.ShouldBeFalse();
        neither.IsLookedAfter.ShouldBeTrue();
        neither.YearGroupName.ShouldBe("Nursery (N1)");
        View(Sample with { Child = null }).FirstName.ShouldBe("the child");
        View(Sample with { Child = Sample.Child! with { Name = "  Siân   Ó Súilleabháin" } }).FirstName.ShouldBe("Siân");
    }

    [Fact]
    public void Carers_and_social_workers_are_the_named_signatories_in_those_roles()
    {
        var view = View(Sample with
        {
            Signatories =
            [
                new PlanSignatory { Role = V.Carer, Name = "Joan Price" },
                new PlanSignatory { Role = V.SocialWorker, Name = "Dev Patel" },
                new PlanSignatory { Role = V.Carer, Name = " " },
                new PlanSignatory { Role = V.Carer, Name = "Sam Price", Declined = true },
                new PlanSignatory { Role = V.Parent, Name = "Natalie Hartley" },
            ],
        });
        view.Carers.ShouldBe(["Joan Price", "Sam Price"]);
        view.SocialWorkers.ShouldBe(["Dev Patel"]);
        View(Sample).Carers.ShouldBeEmpty();
    }

    [Fact]
    public void Concerns_are_grouped_by_area_in_the_guidances_order_with_unknown_areas_last()
    {
        var view = View(Sample with
        {
            Concerns =
            [
                new PlanConcern { Category = "gaming", Description = "a" },
                new PlanConcern { Category = V.Commerce, Description = "b" },
                new PlanConcern { Category = V.Content, Description = "c" },
                new PlanConcern { Category = V.Commerce, Description = "d" },
            ],
        });
        view.ConcernAreas.Select(a => a.Category).ShouldBe([V.Content, V.Commerce, "gaming"]);
        view.ConcernAreas.Select(a => a.Label).ShouldBe(["Content: what they see", "Commerce: money, adverts and scams", "gaming"]);
        view.ConcernAreas[1].Concerns.Select(c => c.Description).ShouldBe(["b", "d"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_childs_page_lists_are_exactly_what_the_SEND_rules_check(bool ownRules)
    {
        var c = ownRules ? Sample with { MyRules = ["I give my tablet to Mum at 8 o'clock.", "", "I only play with friends from my class."] } : Sample;
        var view = View(c);
        var items = OnlineSafetyPlanFacts.ChildPageItems(c);
        view.ChildPageRules.ShouldBe(items.Where(i => i.Section == OnlineSafetyPlanFacts.MyRules).Select(i => i.Text));
        view.TrustedAdults.ShouldBe(items.Where(i => i.Section == OnlineSafetyPlanFacts.PeopleICanTell).Select(i => i.Text));
        view.ReportingRoutes.ShouldBe(items.Where(i => i.Section == OnlineSafetyPlanFacts.HowICanTell).Select(i => i.Text));
        if (!ownRules)
        {
            view.ChildPageRules.ShouldBe(OnlineSafetyPlanFacts.DefaultRules(c).Select(r => r.Text));
            view.MyRules.ShouldBeEmpty();
        }
    }
}
