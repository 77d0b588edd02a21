using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.TestSupport;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardDocs.Cli.Tests;

/// <summary>The sample school's packs, made once for the tests that only read them.</summary>
public sealed class SamplePackFixture
{
    public SamplePackFixture()
    {
        Output = Repo.NewTempFolder();
        Run = CliRunner.Run("pack", "samples/aup-pack.json", "--out", Output);
    }

    public string Output { get; }

    internal CliRun Run { get; }

    public string File(string name) => Path.Combine(Output, name);
}

public sealed partial class PackCommandTests(SamplePackFixture sample) : IClassFixture<SamplePackFixture>
{
    private const string Reference = "AUP-2026-HILLSIDE";

    private static readonly string[] RosterLines = File.ReadAllLines(Repo.Sample("aup-roster.csv"));

    /// <summary>A copy of the sample pack case in a fresh folder, with its roster changed as given.</summary>
    private static string PackCase(Func<string[], IEnumerable<string>>? changeRoster = null, string? caseJson = null)
    {
        var folder = Repo.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "aup-pack.json"), caseJson ?? File.ReadAllText(Repo.Sample("aup-pack.json")));
        File.WriteAllLines(Path.Combine(folder, "aup-roster.csv"), changeRoster is null ? RosterLines : changeRoster(RosterLines));
        return Path.Combine(folder, "aup-pack.json");
    }

    private static string[] Replace(string[] lines, int line, string from, string to)
    {
        var copy = lines.ToArray();
        copy[line - 1] = copy[line - 1].Replace(from, to, StringComparison.Ordinal);
        return copy;
    }

    [Fact]
    public void The_sample_school_gets_a_pack_per_family_a_print_file_and_a_tracker()
    {
        sample.Run.ExitCode.ShouldBe(0, sample.Run.All);
        sample.Run.Out.ShouldContain("Packs made: 175 families (240 pupils), 0 rows skipped, 177 files written in ");
        var files = Directory.EnumerateFiles(sample.Output).Select(Path.GetFileName).ToList();
        files.Count.ShouldBe(177);
        files.ShouldContain($"{Reference}_print.docx");
        files.ShouldContain($"{Reference}_tracker.xlsx");
        files.Count(f => PackName().IsMatch(f!)).ShouldBe(175);
        files.ShouldNotContain($"{Reference}_roster-errors.csv");
    }

    [Fact]
    public void Packs_print_file_and_tracker_are_valid_office_files()
    {
        var packs = Directory.EnumerateFiles(sample.Output, $"{Reference}_F*.docx").Order(StringComparer.Ordinal).ToList();
        foreach (var pack in packs.Where((_, i) => i % 35 == 0).Append(sample.File($"{Reference}_F0011_CA.docx")))
        {
            OpenXmlCheck.AssertValid(pack);
        }

        OpenXmlCheck.AssertValid(sample.File($"{Reference}_print.docx"));
        OpenXmlCheck.AssertValid(sample.File($"{Reference}_tracker.xlsx"));
    }

    [Fact]
    public void A_family_pack_is_the_letter_the_parent_agreement_and_each_childs_agreement_at_their_key_stage()
    {
        var text = OpenXmlCheck.DocxText(sample.File($"{Reference}_F0011_CA.docx"));
        var titles = Regex.Matches(text, "^(Dear .*|Acceptable use agreement 2026/27 — .*)$", RegexOptions.Multiline).Select(m => m.Value).ToList();
        titles.ShouldBe(
        [
            "Dear Mrs Ali,",
            "Acceptable use agreement 2026/27 — Parents and carers",
            "Acceptable use agreement 2026/27 — Secondary",
            "Acceptable use agreement 2026/27 — Early Years and Key Stage 1",
            "Acceptable use agreement 2026/27 — Early Years and Key Stage 1",
        ]);
        Snapshot.Match(text);
    }

    [Fact]
    public void The_print_file_holds_every_pack_in_family_order_each_document_on_a_right_hand_page_for_double_sided_printing()
    {
        using var doc = WordprocessingDocument.Open(sample.File($"{Reference}_print.docx"), false);
        var sections = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().ToList();
        sections.Count.ShouldBe((175 * 2) + 240);
        // Every document (letter, parent form, each child's form) starts on a right-hand page, so no family's
        // papers are printed on the back of another's and no form to return is on the back of the letter.
        sections.ShouldAllBe(s => s.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.SectionType>()!.Val!.Value == DocumentFormat.OpenXml.Wordprocessing.SectionMarkValues.OddPage);
        var main = doc.MainDocumentPart;
        var families = sections
            .Select(s => s.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.FooterReference>()!.Id!.Value!)
            .Select(id => Regex.Match(((FooterPart)main.GetPartById(id)).Footer!.InnerText, @"Reference AUP-2026-HILLSIDE-(F[0-9]{4})").Groups[1].Value)
            .Distinct()
            .ToList();
        families.ShouldBe(Enumerable.Range(1, 175).Select(n => $"F{n:D4}"));
    }

    [Fact]
    public void The_tracker_has_a_returned_drop_down_a_frozen_header_filters_and_a_summary_by_year_and_of_parent_forms_and_photograph_consent()
    {
        using var book = SpreadsheetDocument.Open(sample.File($"{Reference}_tracker.xlsx"), false);
        var workbook = book.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<S.Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["Returns", "Parent forms", "Summary"]);
        var returns = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet!;
        var rows = returns.Descendants<S.Row>().ToList();
        rows.Count.ShouldBe(241);
        var headers = rows[0].Elements<S.Cell>().Select(c => c.InnerText).ToList();
        headers.ShouldBe(["UPN", "Surname", "Forename", "Year", "Reg group", "Form reference", "Parent form reference", "Family pack", "Contact", "Email on file", "Returned", "Returned on", "Photographs (parent's answer)"]);
        returns.Descendants<S.Pane>().Single().State!.Value.ShouldBe(S.PaneStateValues.Frozen);
        returns.Descendants<S.AutoFilter>().ShouldHaveSingleItem();
        var lists = returns.Descendants<S.DataValidation>().Where(v => v.Type?.Value == S.DataValidationValues.List).ToList();
        var dropDown = lists.ShouldHaveSingleItem();
        dropDown.SequenceOfReferences!.InnerText.ShouldStartWith("K2:K");
        dropDown.Formula1!.Text.ShouldBe("\"Yes,No\"");
        returns.Descendants<S.DataValidation>().Any(v => v.Type != null && v.Type.Value == S.DataValidationValues.Date && (v.SequenceOfReferences?.InnerText ?? string.Empty).StartsWith("L2:L", StringComparison.Ordinal)).ShouldBeTrue();
        // Each pupil's row shows the photograph answer given on the family's parent form.
        rows[1].Elements<S.Cell>().Last().CellFormula!.Text.ShouldBe("IFERROR(INDEX('Parent forms'!$H$2:$H$1048576,MATCH(G2,'Parent forms'!$A$2:$A$1048576,0))&\"\",\"\")");

        // One row for each family's parent and carer agreement, with its own Returned and photograph consent.
        var parents = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet!;
        var parentRows = parents.Descendants<S.Row>().ToList();
        parentRows.Count.ShouldBe(176);
        parentRows[0].Elements<S.Cell>().Select(c => c.InnerText).ShouldBe(["Form reference", "Family pack", "Contact", "Children", "Email on file", "Returned", "Returned on", "Photograph consent"]);
        parentRows[1].Elements<S.Cell>().First().InnerText.ShouldBe("AUP-2026-HILLSIDE-F0001");
        var parentLists = parents.Descendants<S.DataValidation>().Where(v => v.Type?.Value == S.DataValidationValues.List).ToList();
        parentLists.Single(v => (v.SequenceOfReferences?.InnerText ?? string.Empty).StartsWith("F2:F", StringComparison.Ordinal)).Formula1!.Text!.ShouldBe("\"Yes,No\"");
        parentLists.Single(v => (v.SequenceOfReferences?.InnerText ?? string.Empty).StartsWith("H2:H", StringComparison.Ordinal)).Formula1!.Text!.ShouldBe("\"Given,Refused\"");

        var summary = ((WorksheetPart)workbook.GetPartById(sheets[2].Id!)).Worksheet!;
        var formulas = summary.Descendants<S.CellFormula>().Select(f => f.Text).ToList();
        formulas.ShouldContain(f => f.StartsWith("COUNTIFS('Returns'!$D$2:$D$1048576,A", StringComparison.Ordinal) && f.Contains("'Returns'!$K$2:$K$1048576,\"Yes\")", StringComparison.Ordinal));
        formulas.Count(f => f.StartsWith("COUNTIFS('Returns'!$D$2:$D$1048576,A", StringComparison.Ordinal) && !f.Contains("Yes", StringComparison.Ordinal)).ShouldBe(14);
        formulas.ShouldContain("COUNTIFS('Parent forms'!$F$2:$F$1048576,\"Yes\")");
        formulas.Count(f => f.StartsWith("COUNTIFS('Parent forms'!$H$2:$H$1048576,A", StringComparison.Ordinal)).ShouldBe(2);
        formulas.Count(f => f.StartsWith("COUNTIFS('Returns'!$M$2:$M$1048576,A", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void No_name_of_a_child_or_parent_reaches_the_console()
    {
        var header = RosterLines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        foreach (var fields in RosterLines.Skip(1).Select(l => l.Split(',')))
        {
            foreach (var value in new[]
            {
                fields[Col("Legal Forename")] + " " + fields[Col("Legal Surname")],
                fields[Col("Primary Contact Forename")] + " " + fields[Col("Primary Contact Surname")],
                fields[Col("UPN")],
                fields[Col("Primary Contact Email")],
                fields[Col("Postcode")],
            }.Where(v => v.Trim().Length > 0))
            {
                sample.Run.All.ShouldNotContain(value);
            }
        }
    }

    [Fact]
    public void Progress_is_shown_as_plain_lines_when_output_is_not_a_terminal()
    {
        var progress = sample.Run.Out.Split('\n').Where(l => l.StartsWith("Writing packs: ", StringComparison.Ordinal)).ToList();
        progress.Count.ShouldBeInRange(10, 12);
        progress[^1].ShouldBe("Writing packs: 175/175 families (100%)");
        sample.Run.Out.ShouldNotContain("\r");
    }

    [Fact]
    public void On_a_terminal_progress_is_one_line_redrawn_with_a_bar_and_counts()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(["pack", "samples/aup-pack.json", "--out", Repo.NewTempFolder()], new CliEnvironment(output, error, FixedClock.Default, Repo.Root, IsTerminal: true));
        exit.ShouldBe(0, error.ToString());
        var text = output.ToString();
        text.ShouldStartWith("\rWriting packs [");
        text.ShouldContain("] 175/175 families 100%\n");
        text.Split('\n')[0].Split('\r').Length.ShouldBeGreaterThan(10);
        text.ShouldContain("\nPacks made: 175 families (240 pupils)");
    }

    [Fact]
    public void Running_again_after_a_kill_gives_the_complete_set_and_no_temporary_files()
    {
        var output = Repo.NewTempFolder();
        var packCase = PackCase();
        CliRunner.Run("pack", packCase, "--out", output).ExitCode.ShouldBe(0);
        var first = Directory.EnumerateFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        // What a killed run leaves: some files missing, a temporary file, and (from an older roster) a pack no longer made.
        File.Delete(Path.Combine(output, $"{Reference}_print.docx"));
        File.Delete(Path.Combine(output, $"{Reference}_F0002_CA.docx"));
        File.Delete(Path.Combine(output, $"{Reference}_tracker.xlsx"));
        File.WriteAllText(Path.Combine(output, $".{Reference}_F0003_EA.docx.0123456789abcdef.sgtmp"), "half");
        File.WriteAllText(Path.Combine(output, $"{Reference}_F0999_ZZ.docx"), "old");
        File.WriteAllText(Path.Combine(output, "notes.docx"), "the office's own file");

        var again = CliRunner.Run("pack", packCase, "--out", output);
        again.ExitCode.ShouldBe(0, again.All);
        again.Out.ShouldContain("Removed 1 family pack from an earlier run");
        Directory.EnumerateFiles(output, "*.sgtmp").ShouldBeEmpty();
        File.Exists(Path.Combine(output, "notes.docx")).ShouldBeTrue();
        var second = Directory.EnumerateFiles(output).Where(f => Path.GetFileName(f) != "notes.docx").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        second.Keys.Order(StringComparer.Ordinal).ShouldBe(first.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in first)
        {
            second[name].ShouldBe(bytes, name);
        }
    }

    [Fact]
    public void Bad_rows_go_to_the_errors_report_by_line_and_column_and_every_good_row_is_produced()
    {
        var packCase = PackCase(lines =>
        {
            var changed = Replace(lines, 5, ",Evans,Isla,", ",,Isla,");                 // no surname
            changed = Replace(changed, 6, ",Year 4,", ",Year 14,");                        // not a year
            return Replace(changed, 7, ",13/05/2009,", ",31/13/2009,");                    // not a date
        });
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("pack", packCase, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("(237 pupils), 3 rows skipped, ");
        run.Out.ShouldContain($"Errors report: {Path.Combine(output, $"{Reference}_roster-errors.csv")} (3 rows of the roster could not be used");
        var report = File.ReadAllLines(Path.Combine(output, $"{Reference}_roster-errors.csv"));
        report.Length.ShouldBe(4);
        report[1].ShouldStartWith("5,B,Legal Surname,There is no surname.,");
        report[2].ShouldStartWith("6,E,Year,");
        report[3].ShouldStartWith("7,G,DOB,");
        var all = string.Join('\n', report);
        foreach (var value in new[] { "Year 14", "31/13/2009", "Isla", "Williams", "Noah", "Jackson", "Isabella", "Q666956614152" })
        {
            all.ShouldNotContain(value);
        }

        using var book = SpreadsheetDocument.Open(Path.Combine(output, $"{Reference}_tracker.xlsx"), false);
        book.WorkbookPart!.WorksheetParts.Max(p => p.Worksheet!.Descendants<S.Row>().Count()).ShouldBe(238);

        // Corrected and run again: the old report goes, since it no longer describes the roster.
        File.Copy(Repo.Sample("aup-roster.csv"), Path.Combine(Path.GetDirectoryName(packCase)!, "aup-roster.csv"), overwrite: true);
        CliRunner.Run("pack", packCase, "--out", output).ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(output, $"{Reference}_roster-errors.csv")).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_required_column_is_one_error_before_anything_is_written()
    {
        var packCase = PackCase(lines => [lines[0].Replace(",Year,", ",NC Yr,", StringComparison.Ordinal), .. lines.Skip(1)]);
        var output = Path.Combine(Repo.NewTempFolder(), "out");
        var run = CliRunner.Run("pack", packCase, "--out", output);
        run.ExitCode.ShouldBe(2);
        run.Error.Split('\n').Count(l => l.Contains("error ROS003", StringComparison.Ordinal)).ShouldBe(1);
        run.Error.ShouldContain("aup-roster.csv(1): error ROS003: The roster has no column for the pupil's year group (looked for a header \"Year\", \"NC Year\"");
        run.Error.ShouldContain("--map \"Year=Your header\"");
        Directory.Exists(output).ShouldBeFalse();

        var mapped = CliRunner.Run("pack", packCase, "--out", output, "--map", "Year=NC Yr");
        mapped.ExitCode.ShouldBe(0, mapped.All);
        mapped.Out.ShouldContain("Packs made: 175 families (240 pupils)");
    }

    [Theory]
    [InlineData("Yeer=NC Year")]
    [InlineData("Year")]
    [InlineData("Year=")]
    public void A_map_option_the_pack_cannot_use_is_a_usage_error(string map)
    {
        var output = Path.Combine(Repo.NewTempFolder(), "out");
        var run = CliRunner.Run("pack", "samples/aup-pack.json", "--out", output, "--map", map);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--map");
        run.Error.ShouldContain("UPN, Surname, Forename");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void A_pack_case_with_errors_writes_nothing_and_exits_1()
    {
        var json = File.ReadAllText(Repo.Sample("aup-pack.json")).Replace("\"returnBy\": \"2026-09-18\"", "\"returnBy\": \"2026-09-01\"", StringComparison.Ordinal)
            .Replace("\"aup-roster.csv\"", "\"../aup-roster.csv\"", StringComparison.Ordinal);
        var output = Path.Combine(Repo.NewTempFolder(), "out");
        var run = CliRunner.Run("pack", PackCase(caseJson: json), "--out", output);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("error APK013");
        run.Error.ShouldContain("error APK017");
        run.Error.ShouldContain("Nothing written: the pack case has 2 errors.");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void A_missing_roster_or_another_kind_of_case_exits_2()
    {
        var packCase = PackCase();
        File.Delete(Path.Combine(Path.GetDirectoryName(packCase)!, "aup-roster.csv"));
        var run = CliRunner.Run("pack", packCase, "--out", Repo.NewTempFolder());
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("error ROS001: The roster file does not exist.");

        var other = CliRunner.Run("pack", "samples/device-allocation.json", "--out", Repo.NewTempFolder());
        other.ExitCode.ShouldBe(2);
        other.Error.ShouldContain("this is a device-allocation case");
    }

    [Fact]
    public void The_scriban_covering_letter_makes_the_same_packs_byte_for_byte()
    {
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("pack", "samples/aup-pack.json", "--template", "aup-pack-letter.sbn", "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("Packs made: 175 families (240 pupils), 0 rows skipped, 177 files written in ");
        var made = Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        made.ShouldBe(Directory.EnumerateFiles(sample.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in made)
        {
            File.ReadAllBytes(Path.Combine(output, name!)).ShouldBe(File.ReadAllBytes(sample.File(name!)), name);
        }
    }

    [Fact]
    public void A_school_s_own_covering_letter_is_listed_checked_and_used_by_name_or_path()
    {
        var folder = Repo.NewTempFolder();
        var templates = Path.Combine(folder, "templates", "scriban");
        Directory.CreateDirectory(templates);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Templates, "scriban"), "*.sbn"))
        {
            File.Copy(file, Path.Combine(templates, Path.GetFileName(file)));
        }

        var letter = Path.Combine(templates, "aup-pack-letter.sbn");
        File.WriteAllText(letter, File.ReadAllText(letter).Replace(
            "<p>Thank you for your help in keeping our children safe online.</p>",
            "<p>Thank you for your help in keeping our children safe online.</p>\n  {{ if trust }}<p>Our trust, {{ trust }}, asks every school to do this.</p>{{ end }}",
            StringComparison.Ordinal));

        var listed = CliRunner.RunIn(folder, "templates");
        listed.ExitCode.ShouldBe(0, listed.All);
        listed.Out.ShouldMatch(@"(?m)^aup-pack-letter\.sbn +aup-pack-letter +scriban +templates/scriban/aup-pack-letter\.sbn +Covering letter of a family's AUP pack");
        listed.Out.ShouldMatch(@"(?m)^aup-pack-letter \(default\) +aup-pack-letter +razor +built in");
        var check = CliRunner.RunIn(folder, "check", Path.Combine("templates", "scriban", "aup-pack-letter.sbn"));
        check.ExitCode.ShouldBe(0, check.All);
        check.Out.ShouldContain("1 template checked, 0 errors.");

        foreach (var given in new[] { "aup-pack-letter.sbn", letter })
        {
            var output = Repo.NewTempFolder();
            var run = CliRunner.RunIn(folder, "pack", PackCase(), "--template", given, "--out", output);
            run.ExitCode.ShouldBe(0, run.All);
            var text = OpenXmlCheck.DocxText(Path.Combine(output, $"{Reference}_F0011_CA.docx"));
            text.ShouldContain("Our trust, Timberline Academy Trust, asks every school to do this.");
            text.ShouldContain("Dear Mrs Ali,");
        }

        // Without --template the built-in letter is used, whatever the templates folder holds.
        var builtIn = Repo.NewTempFolder();
        CliRunner.RunIn(folder, "pack", PackCase(), "--out", builtIn).ExitCode.ShouldBe(0);
        OpenXmlCheck.DocxText(Path.Combine(builtIn, $"{Reference}_F0011_CA.docx")).ShouldNotContain("Our trust,");
    }

    [Fact]
    public void A_covering_letter_template_the_pack_cannot_use_exits_2_and_writes_nothing()
    {
        var output = Path.Combine(Repo.NewTempFolder(), "out");
        var other = CliRunner.Run("pack", "samples/aup-pack.json", "--template", "loan-letter.sbn", "--out", output);
        other.ExitCode.ShouldBe(2, other.All);
        other.Error.ShouldContain("Template 'loan-letter.sbn' is for device-allocation documents, but the pack's --template is for its covering letter (aup-pack-letter). Choose one of: aup-pack-letter, aup-pack-letter.sbn.");

        var unknown = CliRunner.Run("pack", "samples/aup-pack.json", "--template", "no-such-letter.sbn", "--out", output);
        unknown.ExitCode.ShouldBe(2, unknown.All);
        unknown.Error.ShouldContain("There is no template called 'no-such-letter.sbn'.");

        var folder = Repo.NewTempFolder();
        var broken = Path.Combine(folder, "letter.sbn");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(Repo.Templates, "scriban", "aup-pack-letter.sbn")).Replace("{{ contact.salutation }}", "{{ contact.salutaton }}", StringComparison.Ordinal));
        var misspelt = CliRunner.Run("pack", "samples/aup-pack.json", "--template", broken, "--out", output);
        misspelt.ExitCode.ShouldBe(2, misspelt.All);
        misspelt.Error.ShouldMatch(@"letter\.sbn\([0-9]+,[0-9]+\): error SGT001: `contact\.salutaton` is not in the model: `contact` has no member `salutaton`\. Did you mean `contact\.salutation`\?");
        Directory.Exists(output).ShouldBeFalse();
    }

    [GeneratedRegex(@"^AUP-2026-HILLSIDE_F[0-9]{4}_[A-Z]{1,4}\.docx$")]
    private static partial Regex PackName();
}
