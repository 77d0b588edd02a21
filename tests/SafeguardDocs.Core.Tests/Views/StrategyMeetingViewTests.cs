using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.StrategyMeeting;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Tests.Views;

/// <summary>What the strategy-meeting agenda's templates see: the case under its own names and the facts worked out once.</summary>
public sealed class StrategyMeetingViewTests
{
    private static readonly StrategyMeetingCase Sample = CaseFiles.Sample<StrategyMeetingCase>("strategy-meeting.json");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static StrategyMeetingView View(StrategyMeetingCase c, OrganisationSettings? settings = null) =>
        StrategyMeetingKind.Kind.View(c, settings ?? OrganisationSettings.Default, Today);

    [Fact]
    public void The_registered_kind_makes_this_view_for_its_templates()
    {
        StrategyMeetingKind.Kind.ViewType.ShouldBe(typeof(StrategyMeetingView));
        CaseKinds.Find(StrategyMeetingKind.Name)!.CreateView(Sample, OrganisationSettings.Default, Today).ShouldBeOfType<StrategyMeetingView>();
    }

    [Fact]
    public void Every_top_level_property_of_the_case_is_on_the_view_under_the_same_name()
    {
        var viewProperties = typeof(StrategyMeetingView).GetProperties().Select(p => p.Name).ToHashSet();
        var caseProperties = typeof(StrategyMeetingCase).GetProperties()
            .Where(p => !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true) && p.Name != "EqualityContract")
            .Select(p => p.Name);
        caseProperties.Where(name => !viewProperties.Contains(name)).ShouldBeEmpty();
        var view = View(Sample);
        view.Subject.ShouldBe(Sample.Subject);
        view.Children.ShouldBe(Sample.Children!);
        view.Format.ShouldBe(Sample.Format);
        View(Sample with { Children = null, Invitees = null }).Children.ShouldBeEmpty();
    }

    [Fact]
    public void The_lado_date_and_leave_home_item_are_worked_out_from_the_case_and_the_settings()
    {
        var view = View(Sample, OrganisationSettings.Default with { LadoMeetingWorkingDays = 3 });
        view.LadoMeetingRequired.ShouldBeTrue();
        view.LadoCountFrom.ShouldBe(new DateOnly(2026, 11, 16));
        view.LadoMeetingDueBy.ShouldBe(new DateOnly(2026, 11, 19));
        view.RiskFactorsPresent.ShouldBe(["partnerCapacityToProtect"]);
        view.LeaveHomeRequired.ShouldBeTrue();
        view.SameDayRequired.ShouldBeFalse();
        view.HeldOnReferralDay.ShouldBeTrue();

        var none = View(Sample with
        {
            Subject = Sample.Subject! with { PositionOfTrust = false, FosterCarer = false },
            RiskFactors = new RiskFactors(),
            Concerns = Sample.Concerns! with { ImagesOfKnownChildren = true, ImagesOfOwnChildren = null },
        });
        none.LadoMeetingRequired.ShouldBeFalse();
        none.LadoMeetingDueBy.ShouldBeNull();
        none.LeaveHomeRequired.ShouldBeFalse();
        none.SameDayRequired.ShouldBeTrue();
        none.ImagesNotYetKnown.ShouldBeFalse();
    }

    [Fact]
    public void Missing_agencies_and_the_invitees_beside_the_chair_are_listed_for_the_attendance_table()
    {
        View(Sample).MissingRequiredAgencies.ShouldBeEmpty();
        View(Sample).InviteesBesideChair.Select(p => p!.Name).ShouldNotContain(Sample.Chair!.Name);
        var noPolice = Sample with { Invitees = [.. Sample.Invitees!.Where(i => i.Agency != "Police")] };
        View(noPolice).MissingRequiredAgencies.ShouldBe(["police"]);
    }
}
