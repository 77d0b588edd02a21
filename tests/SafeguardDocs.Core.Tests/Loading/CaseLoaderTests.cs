using System.Text;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests.Loading;

public sealed class CaseLoaderTests
{
    private static CaseLoadResult Load(string json) => CaseLoader.Load(Encoding.UTF8.GetBytes(json), "case.json");

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Samples, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_published_sample_case_loads_exactly_as_it_is(string file)
    {
        var shared = Repo.SharedCases is { } folder ? Path.Combine(folder, file) : null;
        foreach (var path in new[] { Repo.Sample(file), shared }.OfType<string>().Where(File.Exists))
        {
            var result = CaseLoader.LoadFile(path);
            result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
            result.Case.ShouldNotBeNull();
        }
    }

    [Fact]
    public void The_sample_loads_into_the_device_allocation_record()
    {
        var c = CaseLoader.LoadFile(Repo.Sample("device-allocation.json")).Case.ShouldBeOfType<DeviceAllocationCase>();
        c.Reference.ShouldBe("DA-2026-0042");
        c.Child!.DateOfBirth.ShouldBe(new DateOnly(2012, 3, 14));
        c.Equipment!.Count.ShouldBe(2);
        c.OnIssue!.AnnualCheckDue.ShouldBe(new DateOnly(2027, 11, 19));
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column()
    {
        var result = Load("{\n  \"kind\": \"device-allocation\",\n  \"reference\": \"A\"\n  \"letterDate\": \"2026-11-20\"\n}");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.MalformedJsonId);
        error.Line.ShouldBe(4);
        error.Column.ShouldBe(3);
        error.ToString().ShouldStartWith("case.json(4,3): error LD002:");
    }

    [Fact]
    public void A_file_that_does_not_exist_is_named()
    {
        var result = CaseLoader.LoadFile(Path.Combine(Repo.NewTempFolder(), "missing.json"));
        var error = result.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.FileNotFoundId);
        error.File!.ShouldEndWith("missing.json");
    }

    [Fact]
    public void An_unknown_kind_lists_the_kinds_there_are()
    {
        var error = Load("{\"kind\": \"device-alocation\"}").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.UnknownKindId);
        error.Path.ShouldBe("$.kind");
        error.Message.ShouldContain("device-allocation");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void A_missing_kind_says_what_to_add() =>
        Load("{\"reference\": \"A\"}").Errors.ShouldHaveSingleItem().Id.ShouldBe(LoadErrors.NoKindId);

    [Fact]
    public void Unknown_properties_are_all_reported_with_paths_and_suggestions()
    {
        var result = Load("{\"kind\": \"device-allocation\",\n \"child\": {\"name\": \"A\", \"dateOfBrith\": \"2012-01-01\"},\n \"colour\": \"red\"}");
        result.Case.ShouldBeNull();
        result.Errors.Count.ShouldBe(2);
        var typo = result.Errors.Single(e => e.Path == "$.child.dateOfBrith");
        typo.Id.ShouldBe(LoadErrors.UnknownPropertyId);
        typo.Message.ShouldContain("\"dateOfBirth\"");
        typo.Line.ShouldBe(2);
        result.Errors.ShouldContain(e => e.Path == "$.colour");
    }

    [Theory]
    [InlineData("\"letterDate\": \"20/11/2026\"", "$.letterDate", "YYYY-MM-DD")]
    [InlineData("\"letterDate\": 20261120", "$.letterDate", "YYYY-MM-DD")]
    [InlineData("\"equipment\": \"laptop\"", "$.equipment", "list")]
    [InlineData("\"equipment\": [{\"serialNumber\": 42}]", "$.equipment[0].serialNumber", "text")]
    [InlineData("\"preIssueChecks\": {\"hardwareWiped\": \"yes\"}", "$.preIssueChecks.hardwareWiped", "true or false")]
    public void A_wrong_type_is_reported_with_its_path_and_the_expected_form(string property, string path, string expected)
    {
        var error = Load($"{{\"kind\": \"device-allocation\", {property}}}").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.WrongTypeId);
        error.Path.ShouldBe(path);
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_wrong_value_is_never_quoted_back()
    {
        var error = Load("{\"kind\": \"device-allocation\", \"child\": {\"name\": 7, \"dateOfBirth\": \"Jordan's birthday\"}}").Errors;
        string.Join('\n', error).ShouldNotContain("Jordan");
    }

    [Fact]
    public void Missing_required_fields_are_not_a_load_failure()
    {
        var result = Load("{\"kind\": \"device-allocation\"}");
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_duplicated_property_is_an_error() =>
        Load("{\"kind\": \"device-allocation\", \"owner\": \"A\", \"owner\": \"B\"}").Errors.ShouldHaveSingleItem().Id.ShouldBe(LoadErrors.DuplicatePropertyId);

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"kind\": \"device-allocation\"}")).ToArray();
        CaseLoader.Load(bytes, "bom.json").Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Json_that_is_not_an_object_is_refused() =>
        Load("[1, 2]").Errors.ShouldHaveSingleItem().Id.ShouldBe(LoadErrors.NotAnObjectId);

    [Fact]
    public void Validation_findings_are_placed_at_their_line()
    {
        var result = CaseLoader.LoadFile(Repo.Sample("device-allocation.json"));
        var located = result.Locate([DeviceAllocationRules.HardwareNotWiped.At("$.preIssueChecks.hardwareWiped")]).Single();
        located.Line.ShouldBe(30);
        located.Column.ShouldBe(5);
        located.File!.ShouldEndWith("device-allocation.json");
    }
}
