using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Tests.Views;

/// <summary>What the loan letter's templates see: the case under its own names and the facts worked out once.</summary>
public sealed class DeviceAllocationViewTests
{
    private static readonly DeviceAllocationCase Sample = CaseFiles.Sample<DeviceAllocationCase>("device-allocation.json");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static DeviceAllocationView View(DeviceAllocationCase c, OrganisationSettings? settings = null) =>
        DeviceAllocationKind.Kind.View(c, settings ?? OrganisationSettings.Default, Today);

    [Fact]
    public void The_registered_kind_makes_this_view_for_its_templates()
    {
        DeviceAllocationKind.Kind.ViewType.ShouldBe(typeof(DeviceAllocationView));
        CaseKinds.Find(DeviceAllocationKind.Name)!.CreateView(Sample, OrganisationSettings.Default, Today).ShouldBeOfType<DeviceAllocationView>();
        Should.Throw<ArgumentException>(() => DeviceAllocationKind.Kind.CreateView(CaseFiles.Sample<Cases.IncidentReport.IncidentReportCase>("incident-report.json"), OrganisationSettings.Default, Today));
    }

    [Fact]
    public void Every_top_level_property_of_the_case_is_on_the_view_under_the_same_name()
    {
        var viewProperties = typeof(DeviceAllocationView).GetProperties().Select(p => p.Name).ToHashSet();
        var caseProperties = typeof(DeviceAllocationCase).GetProperties()
            .Where(p => !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true) && p.Name != "EqualityContract")
            .Select(p => p.Name);
        caseProperties.Where(name => !viewProperties.Contains(name)).ShouldBeEmpty();
        var view = View(Sample);
        view.Child.ShouldBe(Sample.Child);
        view.Provider!.Organisation.ShouldBe(Sample.Provider!.Organisation);
        view.Equipment.ShouldBe(Sample.Equipment!);
        view.Reference.ShouldBe(Sample.Reference);
    }

    [Fact]
    public void The_derived_facts_are_worked_out_from_the_case_and_the_settings()
    {
        var view = View(Sample, OrganisationSettings.Default with { DeliveryChaseDays = 10 });
        view.IsLoan.ShouldBe(Sample.IsLoan);
        view.ChaseBy.ShouldBe(Sample.LetterDate!.Value.AddDays(10));
        view.Salutation.ShouldBe(Salutations.Of(Sample.Recipient!.Salutation, Sample.Recipient.Name));
        view.AnnualCheckDue.ShouldBe(Sample.OnIssue!.AnnualCheckDue);
        view.Today.ShouldBe(Today);
        var gift = View(Sample with { Ownership = DeviceAllocationKind.Permanent, Owner = null });
        gift.IsLoan.ShouldBeFalse();
        gift.AnnualCheckDue.ShouldBeNull();
        View(Sample with { LetterDate = null }).ChaseBy.ShouldBeNull();
    }

    [Fact]
    public void Without_contact_or_websites_in_the_case_the_letter_gives_those_in_the_settings()
    {
        View(Sample).SafeSchoolsTeam.ShouldBe(new TeamContact { Phone = "01202 222844", Email = "ssct@dorset.pnn.police.uk" });
        View(Sample).UsefulWebsites.Select(w => w.Address).ShouldBe(["www.saferinternet.org.uk", "www.ceop.police.uk", "www.thinkuknow.co.uk"]);

        var local = OrganisationSettings.Default with
        {
            SafeSchoolsTeam = new OrganisationContact("Schools Liaison Team", "01000 000000"),
            UsefulWebsites = [new UsefulWebsite("Childnet", "www.childnet.com")],
        };
        View(Sample, local).SafeSchoolsTeam.ShouldBe(new TeamContact { Phone = "01000 000000" });
        View(Sample, local).UsefulWebsites.ShouldBe([new Website { Name = "Childnet", Address = "www.childnet.com" }]);
    }

    [Fact]
    public void The_case_s_own_contact_and_websites_win_and_an_empty_list_means_none()
    {
        var own = Sample with
        {
            SafeSchoolsTeam = new TeamContact { Email = "online.safety@coastal.example.org" },
            UsefulWebsites = [new Website { Name = "Coastal", Address = "www.coastal.example.org" }],
        };
        View(own).SafeSchoolsTeam.ShouldBe(own.SafeSchoolsTeam);
        View(own).UsefulWebsites.ShouldBe(own.UsefulWebsites!);
        View(Sample with { UsefulWebsites = [] }).UsefulWebsites.ShouldBeEmpty();
        View(Sample with { UsefulWebsites = null }).UsefulWebsites.ShouldBeEmpty();
    }

    [Fact]
    public void A_letter_that_follows_another_procedure_gets_no_team_contact_from_the_settings()
    {
        View(Sample with { OnlineSafetyProcedure = "Coastal Council Online Safety Procedure" }).SafeSchoolsTeam.ShouldBeNull();
    }
}
