using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>
/// <c>log incidents</c> and <c>log devices</c> through the command, as an administrator runs them over a
/// folder of case files: the workbook is valid, the numbers are right (cached values included, which is
/// what LibreOffice shows), no child's name or free text reaches the package, and the exit codes say
/// whether the workbook is complete.
/// </summary>
public sealed class LogCommandTests
{
    private readonly string folder = Repo.NewTempFolder();
    private readonly string output = Path.Combine(Repo.NewTempFolder(), "log.xlsx");

    // ---- incidents ----

    /// <summary>Three valid forms: the sample (17 Nov), an adult-on-child grooming incident with a 12-year-old (5 Oct), a bullying incident (20 Nov).</summary>
    private void ThreeIncidents()
    {
        Incident("a.json");
        Incident("b.json", j =>
        {
            j["reference"] = "INC-2026-0120";
            j["dateOfIncident"] = "2026-10-05";
            j["agesOfChildren"] = new JsonArray(12);
            j["involved"] = "adult-on-child";
            j["settingType"] = "junior school";
            j["incidentTypes"] = new JsonArray("grooming");
            j["media"] = new JsonArray("email");
            j["contentGeneratedAt"] = "setting";
            j["actionsTaken"] = new JsonArray("referral to LADO", "police investigation", "advice to parents");
            j["dateCompleted"] = "2026-10-07";
        });
        Incident("c.json", j =>
        {
            j["reference"] = "INC-2026-0131";
            j["dateOfIncident"] = "2026-11-20";
            j["agesOfChildren"] = new JsonArray(15);
            j["incidentTypes"] = new JsonArray("bullying");
            j["media"] = new JsonArray("social networking");
            j["contentGeneratedAt"] = "setting";
            j["actionsTaken"] = new JsonArray("advice to parents");
            j["dateCompleted"] = "2026-11-20";
        });
    }

    [Fact]
    public void Log_incidents_writes_one_row_per_form_and_exits_0()
    {
        ThreeIncidents();
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "z-loan.json"));

        var run = CliRunner.Run("log", "incidents", folder, "--out", output);

        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("3 incidents, 5 October 2026 to 20 November 2026");
        run.Out.ShouldContain("Read 4 files: 3 incident forms, 1 of other kinds skipped, 0 left out.");
        OpenXmlCheck.AssertValid(output);
        var rows = Sheet.Read(output, "Incidents");
        rows["A2"].Text.ShouldBe("INC-2026-0120"); // in date order
        rows["A3"].Text.ShouldBe("INC-2026-0113");
        rows["A4"].Text.ShouldBe("INC-2026-0131");
        rows.ShouldNotContainKey("A5");
        rows["B3"].Value.ShouldBe(Serial(2026, 11, 17));
        rows["B3"].DateFormatted.ShouldBeTrue();
        Sheet.Column(rows, "Who was involved", 2).ShouldBe("Adult on Child");
        Sheet.Column(rows, "Type of setting", 2).ShouldBe("Junior School"); // the form's words, however the file wrote them
        Sheet.Column(rows, "Youngest", 3).ShouldBe("14");
        Sheet.Column(rows, "Oldest", 3).ShouldBe("15");
        Sheet.Column(rows, "Type: Sexual", 3).ShouldBe("Yes");
        Sheet.Column(rows, "Type: Grooming", 3).ShouldBe("No");
        Sheet.Column(rows, "Immediate referral", 2).ShouldBe("Yes");
        Sheet.Column(rows, "Days to complete", 2).ShouldBe("2");
    }

    [Fact]
    public void The_governors_summary_counts_by_type_who_setting_media_and_action()
    {
        ThreeIncidents();

        CliRunner.Run("log", "incidents", folder, "--out", output).ExitCode.ShouldBe(0);

        var summary = Sheet.Read(output, "Summary");
        summary["B3"].Value.ShouldBe(Serial(2026, 10, 5));
        summary["D3"].Value.ShouldBe(Serial(2026, 11, 20));
        Sheet.Labelled(summary, "Incidents").Value.ShouldBe("3");
        Sheet.Labelled(summary, "Incidents").Formula.ShouldBe("COUNTA('Incidents'!$A$2:$A$1048576)");
        Sheet.Labelled(summary, "Immediate referral indicated").Value.ShouldBe("1");
        Sheet.Labelled(summary, "A child under 13 involved").Value.ShouldBe("1");
        Sheet.Labelled(summary, "Average days to complete the form").Value.ShouldBe("1");
        var expected = new Dictionary<(string, string), string>
        {
            [("By type of incident", "Sexual")] = "1",
            [("By type of incident", "Grooming")] = "1",
            [("By type of incident", "Bullying")] = "2",
            [("By type of incident", "Financial")] = "0",
            [("By who was involved", "Child on Child")] = "2",
            [("By who was involved", "Adult on Child")] = "1",
            [("By who was involved", "Adult on Adult")] = "0",
            [("By type of setting", "High School")] = "2",
            [("By type of setting", "Junior School")] = "1",
            [("By type of setting", "Library")] = "0",
            [("By media used", "Social networking")] = "2",
            [("By media used", "Mobile Phone")] = "1",
            [("By media used", "Email")] = "1",
            [("By action taken", "Advice to parents")] = "3",
            [("By action taken", "Police investigation")] = "2",
            [("By action taken", "Referral to LADO")] = "1",
            [("By action taken", "Referral to Children's Social Care")] = "1",
            [("By action taken", "Other")] = "0",
        };
        foreach (var ((section, label), count) in expected)
        {
            Sheet.InSection(summary, section, label).Value.ShouldBe(count, $"{section}: {label}");
        }

        Sheet.InSection(summary, "By type of incident", "Bullying").Formula!.ShouldMatch(@"^COUNTIFS\('Incidents'!\$[A-Z]+\$2:\$[A-Z]+\$1048576,""Yes""\)$");
        Sheet.InSection(summary, "By who was involved", "Child on Child").Formula!.ShouldMatch(@"^COUNTIFS\('Incidents'!\$F\$2:\$F\$1048576,""\*""&A\d+&""\*""\)$");
    }

    [Fact]
    public void The_governors_summary_shows_expected_actions_not_taken_by_incident_reference()
    {
        ThreeIncidents();
        Incident("d.json", j =>
        {
            j["reference"] = "INC-2026-0150";
            j["agesOfChildren"] = new JsonArray(11);
            j["involved"] = "adult-on-child";
            j["incidentTypes"] = new JsonArray("grooming");
            j["actionsTaken"] = new JsonArray("advice to parents");
        });

        CliRunner.Run("log", "incidents", folder, "--out", output).ExitCode.ShouldBe(0);

        var summary = Sheet.Read(output, "Summary");
        var notRecorded = Sheet.InSection(summary, "Expected actions not recorded", "INC-2026-0150").Text;
        notRecorded.ShouldNotBeNull().ShouldStartWith("Immediate referral (police or children's social care)");
        notRecorded.ShouldContain("Police investigation");
        notRecorded.ShouldContain("Referral to LADO");
        Sheet.Labelled(summary, "With expected actions not recorded").Value.ShouldNotBe("0");
        var rows = Sheet.Read(output, "Incidents");
        var row = rows.Values.Single(c => c.Reference.StartsWith('A') && c.Text == "INC-2026-0150").Reference[1..];
        Sheet.Column(rows, "Expected actions not recorded", int.Parse(row, CultureInfo.InvariantCulture)).ShouldBe(notRecorded);
    }

    [Fact]
    public void Several_boxes_ticked_for_who_was_involved_count_under_each()
    {
        Incident("a.json", j => j["involved"] = new JsonArray("child-on-child", "adult-on-child"));

        CliRunner.Run("log", "incidents", folder, "--out", output).ExitCode.ShouldBe(0);

        Sheet.Column(Sheet.Read(output, "Incidents"), "Who was involved", 2).ShouldBe("Child on Child; Adult on Child");
        var summary = Sheet.Read(output, "Summary");
        Sheet.InSection(summary, "By who was involved", "Child on Child").Value.ShouldBe("1");
        Sheet.InSection(summary, "By who was involved", "Adult on Child").Value.ShouldBe("1");
        Sheet.InSection(summary, "By who was involved", "Child on Adult").Value.ShouldBe("0");
    }

    [Fact]
    public void The_incident_log_holds_no_names_contacts_or_descriptions()
    {
        ThreeIncidents();
        Incident("d.json", j =>
        {
            j["reference"] = "INC-2026-0140";
            j["incidentTypes"] = new JsonArray("bullying", "other");
            j["incidentTypesOther"] = "Impersonation of Morgan Fairweather";
        });

        CliRunner.Run("log", "incidents", folder, "--out", output).ExitCode.ShouldBe(0);

        string[] personal = ["Claire", "Dunmore", "01202", "hillside.example.org", "Designated Safeguarding Lead", "group chat", "abusive", "Morgan", "Fairweather", "Impersonation"];
        foreach (var (part, text) in Parts(output))
        {
            foreach (var value in personal)
            {
                text.ShouldNotContain(value, Case.Insensitive, $"{part} holds personal data");
            }
        }
    }

    [Fact]
    public void From_and_to_keep_the_incidents_of_the_period()
    {
        ThreeIncidents();

        var run = CliRunner.Run("log", "incidents", folder, "--out", output, "--from", "2026-11-01", "--to", "2026-11-30");

        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("2 incidents, 1 November 2026 to 30 November 2026");
        run.Out.ShouldContain("3 incident forms (1 outside the period)");
        var summary = Sheet.Read(output, "Summary");
        summary["B3"].Value.ShouldBe(Serial(2026, 11, 1));
        summary["D3"].Value.ShouldBe(Serial(2026, 11, 30));
        Sheet.Labelled(summary, "Incidents").Value.ShouldBe("2");
        Sheet.InSection(summary, "By type of incident", "Grooming").Value.ShouldBe("0");
        OpenXmlCheck.AssertValid(output);
    }

    [Fact]
    public void A_form_with_errors_is_left_out_and_reported_and_the_log_is_written_with_exit_1()
    {
        ThreeIncidents();
        Incident("d-invalid.json", j =>
        {
            j["reference"] = "INC-2026-0150";
            j["media"] = new JsonArray("carrier pigeon");
        });
        File.WriteAllText(Path.Combine(folder, "e-broken.json"), "{ \"kind\": \"incident-report\", ");

        var run = CliRunner.Run("log", "incidents", folder, "--out", output);

        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldMatch(@"d-invalid\.json\(\d+,\d+\): error INC015: ");
        run.Error.ShouldContain("e-broken.json(1,");
        run.Error.ShouldContain("The log is incomplete: 2 files left out with errors");
        run.Error.ShouldNotContain("carrier pigeon");
        run.Out.ShouldContain("3 incidents");
        Sheet.Read(output, "Summary").Values.ShouldContain(c => c.Text == "Case files left out (errors)");
        Sheet.Labelled(Sheet.Read(output, "Summary"), "Case files left out (errors)").Value.ShouldBe("2");
        OpenXmlCheck.AssertValid(output);
    }

    [Fact]
    public void No_incident_forms_exits_2_and_leaves_an_earlier_log_alone()
    {
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "loan.json"));
        File.WriteAllText(output, "an earlier log");

        var run = CliRunner.Run("log", "incidents", folder, "--out", output);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Nothing written: no incident form could be read from 1 file.");
        File.ReadAllText(output).ShouldBe("an earlier log");
    }

    [Theory]
    [InlineData("--from", "17/11/2026")]
    [InlineData("--to", "2026-13-01")]
    public void A_date_not_written_yyyy_mm_dd_exits_2(string option, string value)
    {
        ThreeIncidents();

        var run = CliRunner.Run("log", "incidents", folder, "--out", output, option, value);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{option} must be a date written YYYY-MM-DD");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void From_after_to_exits_2() =>
        CliRunner.Run("log", "incidents", folder, "--from", "2026-12-01", "--to", "2026-11-01").ExitCode.ShouldBe(2);

    [Fact]
    public void Out_must_be_an_xlsx_file() =>
        CliRunner.Run("log", "incidents", Repo.Samples, "--out", Path.Combine(folder, "log.docx")).ExitCode.ShouldBe(2);

    // ---- devices ----

    [Fact]
    public void Log_devices_writes_the_register_and_prints_a_summary()
    {
        Loan("a.json");
        Loan("b.json", j =>
        {
            j["reference"] = "DA-2026-0051";
            j["ownership"] = "permanent";
            j.Remove("owner");
        });
        Incident("c.json");

        var run = CliRunner.Run("log", "devices", folder, "--out", output);

        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("2 items from 1 loan, 0 overdue for the annual check as of 22 November 2026.");
        run.Out.ShouldContain("Read 3 files: 2 device allocations (1 permanent, not listed), 1 of other kinds skipped, 0 left out.");
        OpenXmlCheck.AssertValid(output);
        var rows = Sheet.Read(output, "Devices");
        rows["B2"].Text.ShouldBe("JEP");
        rows["D2"].Value.ShouldBe(Serial(2026, 11, 20));
        rows["I2"].Value.ShouldBe(Serial(2027, 11, 19));
        rows["J2"].Value.ShouldBe("No");
        Sheet.Read(output, "Summary")["B3"].Value.ShouldBe(Serial(2026, 11, 22)); // today, from the injected clock
    }

    [Fact]
    public void As_of_decides_what_is_overdue()
    {
        Loan("a.json");

        var run = CliRunner.Run("log", "devices", folder, "--out", output, "--as-of", "2028-01-01");

        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("2 overdue for the annual check as of 1 January 2028.");
        var rows = Sheet.Read(output, "Devices");
        rows["J2"].Value.ShouldBe("Yes");
        rows["K2"].Value.ShouldBe("43");
        var summary = Sheet.Read(output, "Summary");
        summary["B3"].Value.ShouldBe(Serial(2028, 1, 1));
        Sheet.Labelled(summary, "Overdue for the annual check").Value.ShouldBe("2");
    }

    [Fact]
    public void The_device_register_holds_initials_not_names()
    {
        Loan("a.json");

        CliRunner.Run("log", "devices", folder, "--out", output).ExitCode.ShouldBe(0);

        string[] personal = ["Jordan", "Ellis", "Price", "2012-03-14", "Priya", "Shah", "Okafor", "Daniel", "01202", "westbrook.example.org", "Station Road", "BH15"];
        foreach (var (part, text) in Parts(output))
        {
            foreach (var value in personal)
            {
                text.ShouldNotContain(value, Case.Insensitive, $"{part} holds personal data");
            }
        }
    }

    [Fact]
    public void A_loan_with_errors_is_left_out_and_reported_with_exit_1()
    {
        Loan("a.json");
        Loan("b.json", j =>
        {
            j["reference"] = "DA-2026-0060";
            j["equipment"]![0]!.AsObject().Remove("description");
        });

        var run = CliRunner.Run("log", "devices", folder, "--out", output);

        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldMatch(@"b\.json\(\d+,\d+\): error DA016: ");
        run.Error.ShouldContain("The register is incomplete: 1 file left out with errors");
        run.Out.ShouldContain("2 items from 1 loan");
        OpenXmlCheck.AssertValid(output);
    }

    [Fact]
    public void An_empty_folder_exits_2_and_writes_nothing()
    {
        var run = CliRunner.Run("log", "devices", folder, "--out", output);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Nothing written: no case files were found.");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void A_bad_as_of_exits_2() =>
        CliRunner.Run("log", "devices", Repo.Samples, "--out", output, "--as-of", "tomorrow").ExitCode.ShouldBe(2);

    [Fact]
    public void The_default_output_is_under_output_in_the_current_folder()
    {
        Loan("a.json");

        var run = CliRunner.RunIn(folder, "log", "devices", ".");

        run.ExitCode.ShouldBe(0, run.All);
        File.Exists(Path.Combine(folder, "output", "devices.xlsx")).ShouldBeTrue();
        run.Out.ShouldContain($"Wrote {Path.Combine("output", "devices.xlsx")}:");
    }

    // ---- help and usage ----

    [Theory]
    [InlineData("log", "--help")]
    [InlineData("log", "incidents", "--help")]
    [InlineData("log", "devices", "--help")]
    public void Help_is_available_for_the_log_commands(params string[] args)
    {
        var run = CliRunner.Run(args);
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
    }

    [Fact]
    public void Log_without_a_kind_or_inputs_exits_2()
    {
        CliRunner.Run("log").ExitCode.ShouldBe(2);
        CliRunner.Run("log", "incidents").ExitCode.ShouldBe(2);
        CliRunner.Run("log", "pupils", Repo.Samples).ExitCode.ShouldBe(2);
    }

    // ---- helpers ----

    private string Incident(string file, Action<JsonObject>? change = null) => Write(file, "incident-report.json", change);

    private string Loan(string file, Action<JsonObject>? change = null) => Write(file, "device-allocation.json", change);

    private string Write(string file, string sample, Action<JsonObject>? change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Repo.Sample(sample)))!.AsObject();
        change?.Invoke(json);
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static string Serial(int year, int month, int day) =>
        (new DateOnly(year, month, day).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Parts(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }
}

/// <summary>One cell of a produced workbook: its shown text, stored value, formula, and whether it is formatted as a date.</summary>
internal sealed record SheetCell(string Reference, string? Text, string? Value, string? Formula, bool DateFormatted);

/// <summary>Reads a sheet of a produced workbook back for assertions.</summary>
internal static class Sheet
{
    public static Dictionary<string, SheetCell> Read(string path, string sheetName)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var dateFormats = stylesheet.NumberingFormats?.Elements<NumberingFormat>().Where(n => n.FormatCode!.Value!.Contains("yyyy", StringComparison.Ordinal)).Select(n => n.NumberFormatId!.Value).ToHashSet() ?? [];
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().Select(xf => xf.NumberFormatId?.Value ?? 0).ToList();
        return worksheet.Descendants<Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => new SheetCell(
                c.CellReference!.Value!,
                c.InlineString?.InnerText ?? c.CellValue?.Text,
                c.CellValue?.Text,
                c.CellFormula?.Text,
                dateFormats.Contains(formats[(int)(c.StyleIndex?.Value ?? 0)])));
    }

    /// <summary>The value in a data row under the given header.</summary>
    public static string? Column(Dictionary<string, SheetCell> cells, string header, int row)
    {
        var column = cells.Values.Single(c => c.Reference.EndsWith('1') && RowOf(c.Reference) == 1 && c.Text == header).Reference[..^1];
        return cells.TryGetValue(column + row.ToString(CultureInfo.InvariantCulture), out var cell) ? cell.Text : null;
    }

    /// <summary>Column B of the first row whose column A reads <paramref name="label"/>.</summary>
    public static SheetCell Labelled(Dictionary<string, SheetCell> cells, string label)
    {
        var row = cells.Values.Where(c => c.Reference.StartsWith('A') && RowOf(c.Reference) > 0 && c.Text == label).Min(c => RowOf(c.Reference));
        return cells["B" + row.ToString(CultureInfo.InvariantCulture)];
    }

    /// <summary>Column B of the row labelled <paramref name="label"/> under the heading <paramref name="section"/>.</summary>
    public static SheetCell InSection(Dictionary<string, SheetCell> cells, string section, string label)
    {
        var heading = cells.Values.Single(c => c.Reference.StartsWith('A') && c.Text == section);
        var row = cells.Values.Where(c => c.Reference.StartsWith('A') && RowOf(c.Reference) > RowOf(heading.Reference) && c.Text == label).Min(c => RowOf(c.Reference));
        return cells["B" + row.ToString(CultureInfo.InvariantCulture)];
    }

    private static int RowOf(string reference) => int.Parse(reference.AsSpan(reference.AsSpan().IndexOfAnyInRange('0', '9')), CultureInfo.InvariantCulture);
}
