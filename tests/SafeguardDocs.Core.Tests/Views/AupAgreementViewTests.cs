using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Tests.Views;

/// <summary>What the acceptable use agreement's templates see: the case under its own names and the version's facts.</summary>
public sealed class AupAgreementViewTests
{
    private static readonly AupAgreementCase Sample = CaseFiles.Sample<AupAgreementCase>("aup-agreement.json");
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static AupAgreementView View(AupAgreementCase c) => AupAgreementKind.Kind.View(c, OrganisationSettings.Default, Today);

    [Fact]
    public void The_registered_kind_makes_this_view_for_its_templates()
    {
        AupAgreementKind.Kind.ViewType.ShouldBe(typeof(AupAgreementView));
        CaseKinds.Find(AupAgreementKind.Name)!.CreateView(Sample, OrganisationSettings.Default, Today).ShouldBeOfType<AupAgreementView>();
    }

    [Fact]
    public void Every_top_level_property_of_the_case_is_on_the_view_under_the_same_name()
    {
        var viewProperties = typeof(AupAgreementView).GetProperties().Select(p => p.Name).ToHashSet();
        var caseProperties = typeof(AupAgreementCase).GetProperties()
            .Where(p => !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), true) && p.Name != "EqualityContract")
            .Select(p => p.Name);
        caseProperties.Where(name => !viewProperties.Contains(name)).ShouldBeEmpty();
        var view = View(Sample);
        view.School.ShouldBe(Sample.School);
        view.Signatory.ShouldBe(Sample.Signatory);
        view.ReturnBy.ShouldBe(Sample.ReturnBy);
    }

    [Fact]
    public void The_staff_sample_is_named_and_signed_as_staff()
    {
        var view = View(Sample);
        view.AudienceName.ShouldBe("Staff");
        view.AudienceLabel.ShouldBe("Staff, volunteers and governors");
        view.IsPupil.ShouldBeFalse();
        view.SignsOnArrival.ShouldBeFalse();
        view.SignatureLines.ShouldBe(AupAgreementFacts.SignatureLines(Sample));
        view.YearGroup.ShouldBeNull();
        view.DeviceTakenHomeName.ShouldBeNull();
    }

    [Theory]
    [InlineData(0, "Reception")]
    [InlineData(2, "Year 2")]
    public void A_pupils_year_is_given_in_words(int year, string words)
    {
        var view = View(Sample with { Audience = AupAudiences.PupilEarlyYears, Signatory = new AupSignatory { Name = "Mia Ansah", YearGroup = year } });
        view.IsPupil.ShouldBeTrue();
        view.YearGroup.ShouldBe(words);
        view.SignatureLines.Select(l => l.Label).ShouldBe(["Pupil", "Parent or carer"]);
    }

    [Fact]
    public void A_visitor_signs_on_arrival_and_a_year_is_never_given_to_an_adult()
    {
        var view = View(Sample with { Audience = AupAudiences.Visitor, Signatory = new AupSignatory { Name = "Tom Hale", YearGroup = 4 } });
        view.SignsOnArrival.ShouldBeTrue();
        view.YearGroup.ShouldBeNull();
    }

    [Fact]
    public void Blank_names_count_as_none_and_an_unnamed_device_is_the_school_device()
    {
        var view = View(Sample with
        {
            School = Sample.School! with { DslName = " ", Trust = "" },
            DeviceTakenHome = new AupDeviceTakenHome { Device = " ", PersonalUse = "  " },
        });
        view.DslName.ShouldBeNull();
        view.Trust.ShouldBeNull();
        view.DeviceTakenHomeName.ShouldBe("school device");
        view.PersonalUseAllowed.ShouldBeNull();
        View(Sample with { DeviceTakenHome = new AupDeviceTakenHome { Device = "school iPad", PersonalUse = "None." } })
            .PersonalUseAllowed.ShouldBe("None.");
    }
}
