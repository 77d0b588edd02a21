using System.Text;
using System.Text.Json.Nodes;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests.Hostile;

/// <summary>Case files a user (or an attacker) could hand the loader that are not what they seem.</summary>
public sealed class HostileCaseFileTests
{
    private static JsonObject Sample(string name) => JsonNode.Parse(File.ReadAllText(Repo.Sample(name)))!.AsObject();

    private static CaseLoadResult LoadText(string json) => CaseLoader.Load(Encoding.UTF8.GetBytes(json), "case.json");

    private static CaseLoadResult LoadWith(string sample, Action<JsonObject> change)
    {
        var node = Sample(sample);
        change(node);
        return LoadText(node.ToJsonString());
    }

    private static CaseLoadResult Timed(Func<CaseLoadResult> load) => Bounded.Run(load);

    [Fact]
    public void A_device_such_as_dev_zero_is_refused_before_it_is_read()
    {
        var result = Timed(() => CaseLoader.LoadFile("/dev/zero"));
        var error = result.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.FileNotFoundId);
        error.Message.ShouldContain("not an ordinary file");
    }

    [Fact]
    public void A_link_to_a_device_is_refused_too()
    {
        var link = Path.Combine(Repo.NewTempFolder(), "case.json");
        File.CreateSymbolicLink(link, "/dev/zero");
        var result = Timed(() => CaseLoader.LoadFile(link));
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("not an ordinary file");
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(Repo.NewTempFolder(), "case.json");
        Fifo.Make(fifo);
        var result = Timed(() => CaseLoader.LoadFile(fifo));
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("pipe");
    }

    [Fact]
    public void A_folder_is_refused_as_a_folder()
    {
        var result = CaseLoader.LoadFile(Repo.NewTempFolder());
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("is a folder");
    }

    [Fact]
    public void A_file_over_the_limit_names_the_4_MB_limit()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "case.json");
        File.WriteAllText(path, "{\"kind\":\"device-allocation\",\"reference\":\"" + new string('A', CaseLoader.MaxBytes) + "\"}");
        var error = CaseLoader.LoadFile(path).Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.TooLargeId);
        error.Message.ShouldContain("4 MB");
    }

    [Fact]
    public void Deep_nesting_names_the_depth_limit_not_a_missing_comma()
    {
        var json = "{\"kind\":\"device-allocation\",\"child\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        var error = LoadText(json).Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.TooDeepId);
        error.Message.ShouldContain($"{CaseLoader.MaxDepth} levels");
        error.Line.ShouldBe(1);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Utf16_with_a_byte_order_mark_is_read(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(File.ReadAllText(Repo.Sample("device-allocation.json")))).ToArray();
        var result = CaseLoader.Load(bytes, "case.json");
        result.Errors.ShouldBeEmpty();
        ((DeviceAllocationCase)result.Case!).Child!.Name.ShouldBe(((DeviceAllocationCase)CaseLoader.LoadFile(Repo.Sample("device-allocation.json")).Case!).Child!.Name);
    }

    [Fact]
    public void Latin1_text_is_said_to_be_not_utf8()
    {
        var json = Sample("device-allocation.json");
        json["child"]!["name"] = "Siân Ó Súilleabháin";
        var bytes = Encoding.Latin1.GetBytes(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var error = CaseLoader.Load(bytes, "case.json").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.EncodingId);
        error.Message.ShouldContain("not UTF-8");
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_named()
    {
        var bytes = Encoding.Unicode.GetBytes(File.ReadAllText(Repo.Sample("device-allocation.json")));
        var error = CaseLoader.Load(bytes, "case.json").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.EncodingId);
        error.Message.ShouldContain("UTF-16 without a byte order mark");
    }

    [Fact]
    public void A_lone_surrogate_escape_is_an_encoding_error_at_its_path()
    {
        var json = File.ReadAllText(Repo.Sample("device-allocation.json")).Replace("\"Jordan Ellis-Price\"", "\"Jordan \\ud800\"", StringComparison.Ordinal);
        json.ShouldContain("\\ud800");
        var error = LoadText(json).Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.EncodingId);
        error.Path.ShouldBe("$.child.name");
        error.Line.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001B")]
    [InlineData("\u0085")]
    [InlineData("\uFFFF")]
    public void A_control_character_in_text_is_a_load_error_naming_the_path(string control)
    {
        var result = LoadWith("device-allocation.json", j => j["child"]!["name"] = "Jordan" + control + "Ellis");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.ControlCharacterId);
        error.Path.ShouldBe("$.child.name");
        error.File.ShouldBe("case.json");
        error.Message.ShouldNotContain("Jordan");
    }

    [Fact]
    public void Tabs_and_new_lines_in_text_are_still_accepted()
    {
        LoadWith("device-allocation.json", j => j["child"]!["name"] = "Jordan\tEllis\nPrice").Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-30")]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2101-01-01")]
    public void A_date_outside_the_plausible_range_is_a_load_error_naming_the_path(string date)
    {
        var error = LoadWith("device-allocation.json", j => j["letterDate"] = date).Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.DateOutOfRangeId);
        error.Path.ShouldBe("$.letterDate");
        error.Message.ShouldContain("1900-01-01 to 2100-12-31");
    }

    [Fact]
    public void A_date_and_time_outside_the_range_is_refused_too()
    {
        var error = LoadWith("strategy-meeting.json", j => j["referralReceived"] = "9999-12-31T23:59:59").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(LoadErrors.DateOutOfRangeId);
        error.Path.ShouldBe("$.referralReceived");
    }

    [Fact]
    public void Rules_do_not_overflow_at_the_end_of_the_calendar()
    {
        // A case built in code is not range-checked by the loader: the rules must still not crash.
        var letter = (DeviceAllocationCase)CaseLoader.LoadFile(Repo.Sample("device-allocation.json")).Case!;
        var endOfTime = letter with { LetterDate = DateOnly.MaxValue, OnIssue = letter.OnIssue! with { AnnualCheckDue = DateOnly.MaxValue } };
        Should.NotThrow(() => new DeviceAllocationRules().Check(endOfTime, ValidationContext.From(FixedClock.Default)));

        var plan = (OnlineSafetyPlanCase)CaseLoader.LoadFile(Repo.Sample("online-safety-plan.json")).Case!;
        var lastDays = plan with { StartDate = DateOnly.MaxValue.AddDays(-1), ReviewDate = DateOnly.MaxValue };
        Should.NotThrow(() => new OnlineSafetyPlanRules().Check(lastDays, ValidationContext.From(FixedClock.Default)));
    }

    [Fact]
    public void A_65_character_reference_is_refused_saying_the_limit_is_64()
    {
        var result = LoadWith("device-allocation.json", j => j["reference"] = new string('A', 65));
        var finding = result.Kind!.Rules.Check(result.Case!, ValidationContext.From(FixedClock.Default)).Single(f => f.Path == "$.reference");
        finding.Id.ShouldBe(DeviceAllocationRules.ReferenceUnsafe.Id);
        finding.Message.ShouldContain("64 characters");
    }

    [Theory]
    [InlineData("CON")]
    [InlineData("con")]
    [InlineData("Nul")]
    [InlineData("AUX")]
    [InlineData("prn")]
    [InlineData("COM1")]
    [InlineData("com9")]
    [InlineData("LPT1")]
    [InlineData("Lpt9")]
    public void A_reserved_windows_device_name_is_refused_as_a_reference(string reference)
    {
        OutputNaming.IsSafeReference(reference).ShouldBeFalse();
        var result = LoadWith("device-allocation.json", j => j["reference"] = reference);
        var finding = result.Kind!.Rules.Check(result.Case!, ValidationContext.From(FixedClock.Default)).Single(f => f.Path == "$.reference");
        finding.Message.ShouldContain("Windows keeps for a device");
    }

    [Theory]
    [InlineData("CON.txt", true)]
    [InlineData("nul.tar.gz", true)]
    [InlineData("COM1.docx", true)]
    [InlineData("report.", true)]
    [InlineData("report ", true)]
    [InlineData("CONSOLE", false)]
    [InlineData("COM10", false)]
    [InlineData("DA-2026-0042", false)]
    public void Reserved_names_are_recognised_with_any_extension_and_trailing_dots_or_spaces(string name, bool reserved) =>
        OutputNaming.IsReservedName(name).ShouldBe(reserved);
}
