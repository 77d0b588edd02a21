using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.ViewingDecision;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Tests.Views;

/// <summary>What the viewing record's templates see: the case under its own names and the facts worked out once.</summary>
public sealed class ViewingDecisionViewTests
{
    private static readonly ViewingDecisionCase Sample = CaseFiles.Sample<ViewingDecisionCase>("viewing-decision.json");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static ViewingDecisionView View(ViewingDecisionCase c) =>
        ViewingDecisionKind.Kind.View(c, OrganisationSettings.Default, Today);

    [Fact]
    public void The_registered_kind_makes_this_view_for_its_templates()
    {
        ViewingDecisionKind.Kind.ViewType.ShouldBe(typeof(ViewingDecisionView));
        CaseKinds.Find(ViewingDecisionKind.Name)!.CreateView(Sample, OrganisationSettings.Default, Today).ShouldBeOfType<ViewingDecisionView>();
    }

    [Fact]
    public void Every_top_level_property_of_the_case_is_on_the_view_under_the_same_name()
    {
        var viewProperties = typeof(ViewingDecisionView).GetProperties().Select(p => p.Name).ToHashSet();
        var caseProperties = typeof(ViewingDecisionCase).GetProperties()
            .Where(p => !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true) && p.Name != "EqualityContract")
            .Select(p => p.Name);
        caseProperties.Where(name => !viewProperties.Contains(name)).ShouldBeEmpty();
        var view = View(Sample);
        view.Child.ShouldBe(Sample.Child);
        view.Viewing.ShouldBe(Sample.Viewing);
        view.IsViewing.ShouldBeTrue();
    }

    [Fact]
    public void The_referral_facts_follow_the_guidance_order()
    {
        View(Sample).SameDayReferralReasons.ShouldBeEmpty();
        View(Sample).HasReferralSection.ShouldBeFalse();
        var urgent = View(Sample with
        {
            AdultInvolved = true,
            Coercion = true,
            Child = Sample.Child! with { DateOfBirth = new DateOnly(2015, 1, 1) },
            Referral = new Referral { DateTime = new DateTime(2026, 11, 18, 12, 0, 0) },
        });
        urgent.SameDayReferralReasons.ShouldBe(["adultInvolved", "coercion", "childUnder13"]);
        urgent.HasReferralSection.ShouldBeTrue();
        urgent.ReferredSameDay.ShouldBeTrue();
    }

    [Fact]
    public void Handling_signatures_and_actions_are_worked_out_once()
    {
        var view = View(Sample with
        {
            ImageryHandling = new ImageryHandling { Copied = true, Printed = false, Shared = null, Saved = true },
            SubsequentActions = ["Told parents", " ", ""],
            Signature = Sample.Signature! with { Name = Sample.Viewing!.ViewedBy!.Name!.ToUpperInvariant() + "  " },
        });
        view.ImageryHandled.ShouldBe(["copied", "saved"]);
        view.ImageryNotHandled.ShouldBe(["printed"]);
        view.ImageryHandlingRecorded.ShouldBeFalse();
        view.SubsequentActions.ShouldBe(["Told parents"]);
        view.ViewerSignsSeparately.ShouldBeFalse();
        View(Sample with { Signature = Sample.Signature! with { Name = "Someone Else" } }).ViewerSignsSeparately.ShouldBeTrue();
    }
}
