using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Excel.Registers;
using SafeguardDocs.Generation.Registers;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Excel.Tests;

public sealed class DeviceRegisterTests
{
    private static readonly DeviceRegisterOptions AsOf22Nov2026 = new() { Clock = FixedClock.Default };

    private readonly string folder = Repo.NewTempFolder();

    /// <summary>The sample loan (two items, annual check due 19 November 2027), changed as the test needs.</summary>
    private string Case(string file, Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(Repo.Sample("device-allocation.json")))!.AsObject();
        change?.Invoke(json);
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private (DeviceRegisterResult Result, string Path) Register(DeviceRegisterOptions? options = null, params string[] inputs)
    {
        var output = Path.Combine(Repo.NewTempFolder(), "devices.xlsx");
        var result = RegisterRuns.PrepareDeviceRegister(inputs.Length == 0 ? [folder] : inputs, options ?? AsOf22Nov2026).Write(output);
        return (result, output);
    }

    private static string Text(Dictionary<string, XCell> cells, string reference) => cells.TryGetValue(reference, out var c) ? c.Text ?? string.Empty : string.Empty;

    [Fact]
    public void Register_lists_one_row_per_item_of_loaned_equipment()
    {
        Case("a.json");

        var (result, path) = Register();

        result.ItemsListed.ShouldBe(2);
        result.LoansIncluded.ShouldBe(1);
        result.HasErrors.ShouldBeFalse();
        var cells = Xlsx.Cells(path, DeviceRegister.SheetName);
        string[] headers = ["Reference", "Child (initials)", "Owner", "Letter date", "Item", "Serial number", "Asset tag", "Delivered to", "Annual check due", "Overdue", "Days overdue", "Returned", "Returned on"];
        headers.Select((_, i) => Text(cells, $"{(char)('A' + i)}1")).ShouldBe(headers);
        Text(cells, "A2").ShouldBe("DA-2026-0042");
        Text(cells, "C2").ShouldBe("Westbrook Children's Services");
        Text(cells, "F2").ShouldBe("DL3440-88231");
        Text(cells, "G3").ShouldBe("WCS-00918");
        Text(cells, "H3").ShouldBe("Hillside Academy, Student Services");
        cells.ShouldNotContainKey("A4");
    }

    [Fact]
    public void Register_workbook_is_valid()
    {
        Case("a.json");
        Case("b.json", j => j["reference"] = "DA-2026-0050");

        OpenXmlCheck.AssertValid(Register().Path);
    }

    [Fact]
    public void Register_shows_initials_not_names()
    {
        Case("a.json");

        var (_, path) = Register();

        Text(Xlsx.Cells(path, DeviceRegister.SheetName), "B2").ShouldBe("JEP");
        string[] personal = ["Jordan", "Ellis", "Price", "2012-03-14", "Priya", "Shah", "Okafor", "Daniel", "01202", "westbrook.example.org", "Station Road", "BH15"];
        foreach (var (part, text) in Xlsx.Parts(path))
        {
            foreach (var value in personal)
            {
                text.ShouldNotContain(value, Shouldly.Case.Insensitive, $"{part} holds personal data");
            }
        }
    }

    [Fact]
    public void Dates_in_the_register_are_real_dates()
    {
        Case("a.json");

        var cells = Xlsx.Cells(Register().Path, DeviceRegister.SheetName);

        cells["D2"].Value.ShouldBe("46346"); // 20 November 2026
        cells["D2"].NumberFormat.ShouldBe("d mmm yyyy");
        cells["I2"].Value.ShouldBe("46710"); // 19 November 2027
        cells["I2"].NumberFormat.ShouldBe("d mmm yyyy");
    }

    [Theory]
    [InlineData("2027-11-19", false, null)] // due today: not yet overdue
    [InlineData("2027-11-20", true, "1")]
    [InlineData("2028-01-01", true, "43")]
    [InlineData("2026-11-22", false, null)]
    public void Overdue_is_flagged_as_of_the_given_date(string asOf, bool overdue, string? days)
    {
        Case("a.json");

        var (result, path) = Register(AsOf22Nov2026 with { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) });

        var cells = Xlsx.Cells(path, DeviceRegister.SheetName);
        cells["J2"].Value.ShouldBe(overdue ? "Yes" : "No");
        cells["J2"].Formula.ShouldBe("IF(L2=\"Yes\",\"No\",IF(OR(I2=\"\",I2<AsOf),\"Yes\",\"No\"))");
        (cells["K2"].Value is { Length: > 0 } v ? v : null).ShouldBe(days);
        result.ItemsOverdue.ShouldBe(overdue ? 2 : 0);
        Xlsx.Cells(path, DeviceRegister.SummaryName)["B3"].Value.ShouldBe(
            (DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Loan_with_no_annual_check_date_is_overdue_with_no_days_and_a_warning()
    {
        Case("a.json", j => j["onIssue"]!.AsObject().Remove("annualCheckDue"));

        var (result, path) = Register();

        var cells = Xlsx.Cells(path, DeviceRegister.SheetName);
        cells["J2"].Value.ShouldBe("Yes");
        cells["K2"].Value.ShouldBe(string.Empty);
        result.ItemsOverdue.ShouldBe(2);
        result.Findings.ShouldContain(f => f.Id == "DA023" && f.Severity == Severity.Warning);
    }

    [Fact]
    public void Permanent_allocations_are_counted_but_not_listed()
    {
        Case("a.json");
        Case("b.json", j =>
        {
            j["reference"] = "DA-2026-0051";
            j["ownership"] = "permanent";
            j.Remove("owner");
        });

        var (result, path) = Register();

        result.PermanentSkipped.ShouldBe(1);
        result.ItemsListed.ShouldBe(2);
        Xlsx.Parts(path)["xl/worksheets/sheet1.xml"].ShouldNotContain("DA-2026-0051");
    }

    [Fact]
    public void A_bad_case_file_is_reported_and_the_others_still_produce_rows()
    {
        Case("a-good.json");
        File.WriteAllText(Path.Combine(folder, "b-broken.json"), "{ \"kind\": \"device-allocation\", \"reference\": \"DA-1\" \"child\": {} }");
        Case("c-invalid.json", j =>
        {
            j["reference"] = "DA-2026-0060";
            j["equipment"]![0]!.AsObject().Remove("description");
        });

        var (result, path) = Register();

        result.FilesRead.ShouldBe(3);
        result.FilesLeftOut.ShouldBe(2);
        result.ItemsListed.ShouldBe(2);
        var broken = result.Findings.Single(f => f.File!.EndsWith("b-broken.json", StringComparison.Ordinal));
        broken.Id.ShouldBe(LoadErrors.MalformedJsonId);
        broken.Line.ShouldBe(1);
        var invalid = result.Findings.Single(f => f.IsError && f.File!.EndsWith("c-invalid.json", StringComparison.Ordinal));
        invalid.Id.ShouldBe("DA016");
        invalid.Path.ShouldBe("$.equipment[0].description");
        invalid.Line.ShouldNotBeNull();
        Xlsx.Parts(path)["xl/worksheets/sheet1.xml"].ShouldNotContain("DA-2026-0060");
    }

    /// <summary>Issue 12: a loan whose serial number is not yet known is listed, "To be confirmed", like its letter's schedule.</summary>
    [Fact]
    public void A_loan_whose_serial_number_is_not_yet_known_is_listed_as_to_be_confirmed()
    {
        Case("a.json", j => j["equipment"]![0]!.AsObject().Remove("serialNumber"));

        var (result, path) = Register();

        result.FilesLeftOut.ShouldBe(0);
        result.ItemsListed.ShouldBe(2);
        Xlsx.Parts(path)["xl/worksheets/sheet1.xml"].ShouldContain("To be confirmed");
    }

    [Fact]
    public void Findings_never_quote_the_case()
    {
        Case("a.json", j =>
        {
            j["child"]!.AsObject().Remove("dateOfBirth");
            j["unexpected"] = "Jordan Ellis-Price";
        });
        Case("b.json", j =>
        {
            j["reference"] = "DA-2026-0070";
            j["child"]!["dateOfBirth"] = "2031-01-01";
        });

        var (result, _) = Register();

        result.Findings.Count(f => f.IsError).ShouldBeGreaterThanOrEqualTo(2);
        foreach (var finding in result.Findings)
        {
            var text = finding.ToString();
            foreach (var value in (string[])["Jordan", "Ellis", "2031", "Priya", "Okafor", "DL3440", "Westbrook"])
            {
                text.ShouldNotContain(value);
            }
        }
    }

    [Fact]
    public void Other_kinds_are_skipped_and_counted()
    {
        Case("a.json");
        File.WriteAllText(Path.Combine(folder, "incident.json"), "{ \"kind\": \"not-a-kind-yet\", \"reference\": \"IR-1\" }");
        File.WriteAllText(Path.Combine(folder, "roster.csv"), "name\nsomeone\n");

        var (result, _) = Register();

        result.FilesRead.ShouldBe(2); // only .json files in a folder are case files
        result.OtherKindsSkipped.ShouldBe(1);
        result.HasErrors.ShouldBeFalse();
        result.ItemsListed.ShouldBe(2);
        result.Findings.Single(f => f.Id == LoadErrors.UnknownKindId).Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Listed_files_and_folders_are_both_read_once()
    {
        var a = Case("a.json");

        var (result, _) = Register(null, folder, a);

        result.FilesRead.ShouldBe(1);
        result.ItemsListed.ShouldBe(2);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var (result, _) = Register(null, Path.Combine(folder, "nope.json"));

        result.Findings.Single().Id.ShouldBe(LoadErrors.FileNotFoundId);
        result.ItemsListed.ShouldBe(0);
    }

    [Fact]
    public void An_empty_folder_is_reported_and_still_gives_a_valid_register()
    {
        var (result, path) = Register();

        result.Findings.Single().Id.ShouldBe(DeviceRegister.NoCaseFilesId);
        OpenXmlCheck.AssertValid(path);
    }

    [Fact]
    public void Register_has_frozen_header_filter_and_dropdowns()
    {
        Case("a.json");

        using var doc = SpreadsheetDocument.Open(Register().Path, false);
        var sheet = Xlsx.Sheet(doc, DeviceRegister.SheetName);

        sheet.Descendants<Pane>().Single().State!.Value.ShouldBe(PaneStateValues.Frozen);
        sheet.Descendants<AutoFilter>().Single().Reference!.Value.ShouldBe("A1:M3");
        var validations = sheet.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText!);
        validations["L2:L3"].Formula1!.Text.ShouldBe("\"Yes,No\"");
        validations["M2:M3"].Type!.Value.ShouldBe(DataValidationValues.Date);
    }

    [Fact]
    public void Summary_counts_items_and_overdue_by_owner()
    {
        Case("a.json");
        Case("b.json", j =>
        {
            j["reference"] = "DA-2026-0080";
            j["owner"] = "Hillside Academy";
            j["letterDate"] = "2025-10-01";
            j["onIssue"]!["annualCheckDue"] = "2026-09-30";
            j["equipment"] = new JsonArray(new JsonObject { ["description"] = "Tablet", ["serialNumber"] = "TB-1" });
        });

        var (result, path) = Register();

        result.ItemsOverdue.ShouldBe(1);
        var cells = Xlsx.Cells(path, DeviceRegister.SummaryName);
        Text(cells, "A4").ShouldBe("Items on loan");
        cells["B4"].Value.ShouldBe("3");
        cells["B4"].Formula.ShouldBe("COUNTA('Devices'!$A$2:$A$1048576)");
        cells["B5"].Value.ShouldBe("1");
        cells["B5"].Formula.ShouldBe("COUNTIFS('Devices'!$J$2:$J$1048576,\"Yes\")");
        Text(cells, "A11").ShouldBe("Hillside Academy");
        cells["B11"].Value.ShouldBe("1");
        cells["C11"].Value.ShouldBe("1");
        cells["C11"].Formula.ShouldBe("COUNTIFS('Devices'!$C$2:$C$1048576,\"=\"&A11,'Devices'!$J$2:$J$1048576,\"Yes\")");
        Text(cells, "A12").ShouldBe("Westbrook Children's Services");
        cells["B12"].Value.ShouldBe("2");
        cells["C12"].Value.ShouldBe("0");
    }

    [Fact]
    public void Same_cases_and_clock_give_the_same_file()
    {
        Case("a.json");

        File.ReadAllBytes(Register().Path).ShouldBe(File.ReadAllBytes(Register().Path));
    }

    [Fact]
    public void The_samples_folder_gives_a_valid_register_of_its_one_loan()
    {
        // The folder mixes kinds: every other kind is skipped (quietly once the catalogue knows it, with a warning until then).
        var (result, path) = Register(null, Repo.Samples);

        result.HasErrors.ShouldBeFalse();
        result.ItemsListed.ShouldBe(2);
        result.OtherKindsSkipped.ShouldBe(result.FilesRead - 1);
        OpenXmlCheck.AssertValid(path);
    }
}
