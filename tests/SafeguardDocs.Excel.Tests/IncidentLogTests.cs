using System.Text.Json.Nodes;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Excel.Registers;
using SafeguardDocs.Generation.Registers;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Excel.Tests;

public sealed class IncidentLogTests
{
    private static readonly IncidentLogOptions Today22Nov2026 = new() { Clock = FixedClock.Default };

    private readonly string folder = Repo.NewTempFolder();

    /// <summary>The sample incident form (17 November 2026), changed as the test needs.</summary>
    private string Form(string file, Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(Repo.Sample("incident-report.json")))!.AsObject();
        change?.Invoke(json);
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static string Text(Dictionary<string, XCell> cells, string reference) => cells.TryGetValue(reference, out var c) ? c.Text ?? string.Empty : string.Empty;

    [Fact]
    public void Log_of_the_sample_is_valid_with_typed_columns()
    {
        Form("a.json");
        var path = Path.Combine(Repo.NewTempFolder(), "incidents.xlsx");

        var result = RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026).Write(path);

        result.IncidentsListed.ShouldBe(1);
        result.HasErrors.ShouldBeFalse();
        OpenXmlCheck.AssertValid(path);
        var cells = Xlsx.Cells(path, IncidentLog.SheetName);
        Text(cells, "A1").ShouldBe("Reference");
        cells["B2"].Value.ShouldBe("46343"); // 17 November 2026
        cells["B2"].NumberFormat.ShouldBe("d mmm yyyy");
        cells["C2"].Value.ShouldBe("2"); // two children
        cells["C2"].NumberFormat.ShouldBe("0");
        cells.Values.Where(c => c.Reference.EndsWith('2') && c.Formula is not null).ShouldHaveSingleItem().Value.ShouldBe("1"); // days to complete
    }

    [Fact]
    public void Prepare_counts_without_writing()
    {
        Form("a.json");
        Form("b.json", j => j["reference"] = "INC-2026-0114");

        var prepared = RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026);

        prepared.Result.FormsRead.ShouldBe(2);
        prepared.Result.IncidentsListed.ShouldBe(2);
        Directory.GetFiles(folder).Length.ShouldBe(2);
    }

    [Fact]
    public void Other_kinds_are_skipped_and_a_form_with_errors_is_left_out()
    {
        Form("a.json");
        Form("b.json", j =>
        {
            j["reference"] = "INC-2026-0115";
            j.Remove("involved");
        });
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "c.json"));

        var result = RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026).Result;

        result.FormsRead.ShouldBe(2);
        result.FilesLeftOut.ShouldBe(1);
        result.OtherKindsSkipped.ShouldBe(1);
        result.IncidentsListed.ShouldBe(1);
        result.Findings.ShouldContain(f => f.Id == "INC007" && f.Severity == Severity.Error && f.File!.EndsWith("b.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused() =>
        Should.Throw<ArgumentException>(() => RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026 with { From = new DateOnly(2026, 12, 1), To = new DateOnly(2026, 11, 1) }));

    [Fact]
    public void An_empty_period_still_gives_a_valid_log_with_zero_counts()
    {
        Form("a.json");
        var path = Path.Combine(Repo.NewTempFolder(), "incidents.xlsx");

        var result = RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026 with { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30) }).Write(path);

        result.IncidentsListed.ShouldBe(0);
        result.OutsidePeriod.ShouldBe(1);
        OpenXmlCheck.AssertValid(path);
        var summary = Xlsx.Cells(path, IncidentLog.SummaryName);
        summary["B4"].Value.ShouldBe("0");
        summary["B7"].Value.ShouldBe(string.Empty); // no average of nothing
    }

    [Fact]
    public void Same_forms_and_clock_give_the_same_file()
    {
        Form("a.json");
        var first = Path.Combine(Repo.NewTempFolder(), "incidents.xlsx");
        var second = Path.Combine(Repo.NewTempFolder(), "incidents.xlsx");

        RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026).Write(first);
        RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026).Write(second);

        File.ReadAllBytes(first).ShouldBe(File.ReadAllBytes(second));
    }

    [Fact]
    public void The_wide_detail_sheet_prints_readably_two_landscape_pages_wide_with_the_reference_and_headers_on_every_page()
    {
        Form("a.json");
        var path = Path.Combine(Repo.NewTempFolder(), "incidents.xlsx");
        RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026).Write(path);
        OpenXmlCheck.AssertValid(path);

        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var sheet = Xlsx.Sheet(doc, IncidentLog.SheetName);
        var setup = sheet.Elements<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().Single();
        setup.Orientation!.Value.ShouldBe(DocumentFormat.OpenXml.Spreadsheet.OrientationValues.Landscape);
        setup.FitToWidth!.Value.ShouldBe(2u);
        setup.FitToHeight!.Value.ShouldBe(0u);
        var titles = doc.WorkbookPart!.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Single(n => n.Name == "_xlnm.Print_Titles" && n.LocalSheetId!.Value == 0u);
        titles.Text.ShouldBe("'Incidents'!$A:$A,'Incidents'!$1:$1");

        // Headers wrap, so a Yes/No column is narrow whatever its heading.
        var cells = Xlsx.Cells(path, IncidentLog.SheetName);
        var header = cells.Values.Single(c => c.Text == IncidentLog.MediaPrefix + "BBM or other free system");
        var widths = sheet.Elements<DocumentFormat.OpenXml.Spreadsheet.Columns>().Single().Elements<DocumentFormat.OpenXml.Spreadsheet.Column>();
        var column = widths.Single(w => w.Min!.Value == ColumnNumber(header.Reference));
        column!.Width!.Value.ShouldBeLessThan(15);

        static uint ColumnNumber(string reference)
        {
            uint n = 0;
            foreach (var ch in reference.TakeWhile(char.IsLetter))
            {
                n = (n * 26) + (uint)(ch - 'A' + 1);
            }

            return n;
        }
    }

    [Fact]
    public void An_empty_folder_has_the_incident_logs_own_warning_not_the_device_registers()
    {
        var result = RegisterRuns.PrepareIncidentLog([folder], Today22Nov2026).Result;
        var warning = result.Findings.ShouldHaveSingleItem();
        warning.Id.ShouldBe(RegisterRuns.IncidentLogEmptyFolderId);
        warning.Id.ShouldNotBe(DeviceRegister.NoCaseFilesId);
        warning.Message.ShouldBe("This folder has no .json case files. Check the folder, or list the case files instead.");
    }
}
