using System.Text;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests.Loading;

/// <summary>The plan, incident and AUP samples load exactly as they are, and the loader stays strict about them.</summary>
public sealed class PlanIncidentAupLoadingTests
{
    private static CaseLoadResult Load(string json) => CaseLoader.Load(Encoding.UTF8.GetBytes(json), "case.json");

    [Theory]
    [InlineData("online-safety-plan.json", typeof(OnlineSafetyPlanCase))]
    [InlineData("incident-report.json", typeof(IncidentReportCase))]
    [InlineData("aup-agreement.json", typeof(AupAgreementCase))]
    public void The_samples_load_into_their_records(string file, Type type)
    {
        var result = CaseLoader.LoadFile(Repo.Sample(file));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Case.ShouldBeOfType(type);
    }

    [Fact]
    public void The_incident_sample_reads_every_field()
    {
        var c = CaseLoader.LoadFile(Repo.Sample("incident-report.json")).Case.ShouldBeOfType<IncidentReportCase>();
        c.AgesOfChildren.ShouldBe([14, 15]);
        c.Involved.ShouldBe([IncidentFormValues.ChildOnChild]);
        c.ActionsTaken!.Count.ShouldBe(3);
        c.CompletedBy!.Email.ShouldNotBeNull();
        c.DateCompleted.ShouldBe(new DateOnly(2026, 11, 18));
    }

    [Fact]
    public void The_plan_sample_reads_every_field()
    {
        var c = CaseLoader.LoadFile(Repo.Sample("online-safety-plan.json")).Case.ShouldBeOfType<OnlineSafetyPlanCase>();
        c.Child!.YearGroup.ShouldBe(5);
        c.Child.Ehcp.ShouldBe(true);
        c.Strategies!.AtHome!.Count.ShouldBe(3);
        c.Signatories!.Count.ShouldBe(3);
        c.ChildViews.ShouldNotBeNull();
    }

    [Fact]
    public void A_name_in_an_incident_form_is_refused_with_the_reason()
    {
        var error = Load("{\"kind\": \"incident-report\", \"childName\": \"Amy\"}").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.RefusedPropertyId);
        error.Path.ShouldBe("$.childName");
        error.Message.ShouldContain("agesOfChildren");
        error.ToString().ShouldNotContain("Amy");
    }

    [Fact]
    public void An_age_written_as_text_is_a_load_error_with_its_path()
    {
        var error = Load("{\"kind\": \"incident-report\", \"agesOfChildren\": [14, \"fifteen\"]}").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.WrongTypeId);
        error.Path.ShouldBe("$.agesOfChildren[1]");
    }

    [Fact]
    public void A_null_age_loads_and_is_left_to_the_rules() =>
        Load("{\"kind\": \"incident-report\", \"agesOfChildren\": [14, null]}").Succeeded.ShouldBeTrue();

    [Fact]
    public void A_misspelt_plan_property_gets_a_suggestion()
    {
        var error = Load("{\"kind\": \"online-safety-plan\", \"reportingRoute\": []}").Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("\"reportingRoutes\"");
    }
    [Theory]
    [InlineData("\"child-on-child\"", new[] { "child-on-child" })]
    [InlineData("[\"child-on-child\", \"adult-on-child\"]", new[] { "child-on-child", "adult-on-child" })]
    public void Who_was_involved_is_one_value_or_a_list(string json, string[] expected)
    {
        var result = Load($$"""{ "kind": "incident-report", "reference": "INC-1", "involved": {{json}} }""");
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Case.ShouldBeOfType<IncidentReportCase>().Involved.ShouldBe(expected);
    }

    [Fact]
    public void Who_was_involved_as_a_number_is_a_type_error()
    {
        var result = Load("""{ "kind": "incident-report", "reference": "INC-1", "involved": 3 }""");
        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("$.involved");
    }

    [Fact]
    public void The_shared_incident_case_file_still_loads() =>
        CaseLoader.LoadFile(Path.Combine(Repo.Root, "..", "shared", "cases", "incident-report.json")).Errors.ShouldBeEmpty();
}
