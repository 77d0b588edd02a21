using System.Text;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests.Roster;

public sealed class RosterReaderTests
{
    private const string Header = "UPN,Legal Surname,Legal Forename,Preferred Forename,Year,Reg,DOB,Primary Contact Title,Primary Contact Forename,Primary Contact Surname,Primary Contact Email,Address Line 1,Town,Postcode";

    private static RosterReadResult Read(string csv, IReadOnlyDictionary<RosterColumn, string>? map = null) =>
        RosterReader.Read(new StringReader(csv), "roster.csv", map);

    private static string Row(string upn = "A123456789012", string surname = "Okafor", string forename = "Tobi", string preferred = "", string year = "Year 4", string dob = "01/05/2018", string email = "parent@example.net") =>
        $"{upn},{surname},{forename},{preferred},{year},4C,{dob},Mrs,Ada,Okafor,{email},20 Kings Close,Wimborne,BH11 6ZU";

    [Fact]
    public void The_sample_roster_is_read_whole_by_its_usual_headers()
    {
        var result = RosterReader.ReadFile(Repo.Sample("aup-roster.csv"));
        result.Errors.ShouldBeEmpty();
        result.Pupils.Count.ShouldBe(240);
        result.Problems.ShouldBeEmpty();
        result.Mapping!.HeaderOf(RosterColumns.Surname).ShouldBe("Legal Surname");
        result.Mapping.HeaderOf(RosterColumns.Forename).ShouldBe("Legal Forename");
        result.Mapping.HeaderOf(RosterColumns.PreferredForename).ShouldBe("Preferred Forename");
        result.Mapping.HeaderOf(RosterColumns.Year).ShouldBe("Year");
        result.Mapping.HeaderOf(RosterColumns.ContactEmail).ShouldBe("Primary Contact Email");
        result.Pupils[0].Line.ShouldBe(2);
        result.Pupils[^1].Line.ShouldBe(241);
    }

    [Fact]
    public void Another_mis_products_headers_are_recognised_by_their_synonyms()
    {
        var csv = "Unique Pupil Number;Surname;Forename;NC Year;Registration Group;Date of Birth;Contact Surname;Contact Forename;Contact Email;Post Code\n"
            + "A123456789012;Okafor;Tobi;Y7;7B;2015-05-04;Okafor;Ada;ada@example.net;BH11 6ZU\n";
        var result = Read(csv);
        result.Errors.ShouldBeEmpty();
        var pupil = result.Pupils.ShouldHaveSingleItem();
        pupil.YearGroup.ShouldBe(7);
        pupil.Reg.ShouldBe("7B");
        pupil.DateOfBirth.ShouldBe(new DateOnly(2015, 5, 4));
        pupil.Contact.Postcode.ShouldBe("BH11 6ZU");
    }

    [Fact]
    public void A_map_option_names_a_column_the_usual_headers_miss()
    {
        var csv = Header.Replace(",Year,", ",Curriculum Yr,", StringComparison.Ordinal) + "\n" + Row() + "\n";
        Read(csv).Errors.ShouldHaveSingleItem().Message.ShouldContain("--map \"Year=");
        var mapped = Read(csv, new Dictionary<RosterColumn, string> { [RosterColumns.Year] = "curriculum yr" });
        mapped.Errors.ShouldBeEmpty();
        mapped.Pupils.ShouldHaveSingleItem().YearGroup.ShouldBe(4);
    }

    [Fact]
    public void A_map_option_overrides_a_usual_header_that_is_present()
    {
        var csv = Header + ",Known As\n" + Row(preferred: "Toby") + ",Tee\n";
        Read(csv).Pupils.ShouldHaveSingleItem().Forename.ShouldBe("Toby");
        Read(csv, new Dictionary<RosterColumn, string> { [RosterColumns.PreferredForename] = "Known As" }).Pupils.ShouldHaveSingleItem().Forename.ShouldBe("Tee");
    }

    [Fact]
    public void A_map_option_naming_a_header_the_roster_lacks_is_an_error()
    {
        var result = Read(Header + "\n" + Row() + "\n", new Dictionary<RosterColumn, string> { [RosterColumns.Year] = "NC Yr" });
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("no column headed \"NC Yr\"");
        result.Pupils.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_required_column_is_one_clear_error_naming_what_was_looked_for()
    {
        var csv = Header.Replace(",Year,", ",Gender,", StringComparison.Ordinal) + "\n" + Row() + "\n";
        var result = Read(csv);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(RosterReader.ColumnMissingId);
        error.Message.ShouldContain("year group");
        error.Message.ShouldContain("\"Year\", \"NC Year\"");
        error.Message.ShouldContain("--map \"Year=Your header\"");
        error.Line.ShouldBe(1);
        result.Pupils.ShouldBeEmpty();
    }

    [Fact]
    public void Bad_rows_are_reported_by_line_and_column_and_good_rows_are_still_read()
    {
        var csv = string.Join('\n', Header,
            Row(upn: "A000000000001"),
            Row(upn: "A000000000002", surname: ""),
            Row(upn: "A000000000003", year: "Year 14"),
            Row(upn: "A000000000004", dob: "31/02/2019"),
            Row(upn: "A000000000005", year: "N1", dob: "yesterday"),
            Row(upn: "A000000000006")) + "\n";
        var result = Read(csv);
        result.Errors.ShouldBeEmpty();
        result.Pupils.Select(p => p.Upn).ShouldBe(["A000000000001", "A000000000006"]);
        result.RowsSkipped.ShouldBe(4);
        result.Problems.ShouldAllBe(p => p.Id == RosterReader.RowFieldId && p.Severity == Core.Diagnostics.Severity.Warning && p.File == "roster.csv");
        result.Problems.Select(p => (p.Line, p.Cell!.ColumnLetter, p.Cell.Heading)).ShouldBe(
        [
            (3, "B", "Legal Surname"),
            (4, "E", "Year"),
            (5, "G", "DOB"),
            (6, "E", "Year"),
            (6, "G", "DOB"),
        ]);
        foreach (var problem in result.Problems)
        {
            foreach (var value in new[] { "Year 14", "31/02/2019", "N1", "yesterday", "Okafor", "Tobi" })
            {
                Generation.DiagnosticPrinter.Format(problem).ShouldNotContain(value);
            }
        }
    }

    [Fact]
    public void A_repeated_upn_keeps_the_first_row_and_reports_the_second()
    {
        var result = Read(string.Join('\n', Header, Row(), Row(surname: "Other")) + "\n");
        result.Pupils.ShouldHaveSingleItem().Line.ShouldBe(2);
        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Id, problem.Line, problem.Cell!.Heading).ShouldBe((RosterReader.DuplicateUpnId, 3, "UPN"));
        problem.Message.ShouldContain("already on line 2");
    }

    [Fact]
    public void A_line_with_the_wrong_number_of_fields_is_reported_for_the_whole_line()
    {
        var result = Read(string.Join('\n', Header, Row() + ",extra", Row(upn: "B123456789012")) + "\n");
        result.Pupils.ShouldHaveSingleItem().Upn.ShouldBe("B123456789012");
        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Id, problem.Line, problem.Column).ShouldBe((RosterReader.RowMalformedId, 2, null));
        problem.Cell!.ColumnLetter.ShouldBeNull();
    }

    [Fact]
    public void Line_numbers_count_blank_lines_and_quoted_fields_as_a_spreadsheet_does()
    {
        var csv = Header + "\n\n" + Row(surname: "\"Okafor, Jr\"") + "\n" + Row(upn: "B123456789012", surname: "") + "\n\n";
        var result = Read(csv);
        result.Pupils.ShouldHaveSingleItem().Surname.ShouldBe("Okafor, Jr");
        result.Problems.ShouldHaveSingleItem().Line.ShouldBe(4);
    }

    [Fact]
    public void The_preferred_forename_is_used_when_there_is_one()
    {
        Read(Header + "\n" + Row(preferred: "Toby") + "\n").Pupils.ShouldHaveSingleItem().Forename.ShouldBe("Toby");
        Read(Header + "\n" + Row(preferred: "") + "\n").Pupils.ShouldHaveSingleItem().Forename.ShouldBe("Tobi");
    }

    [Fact]
    public void A_windows_1252_export_is_read_with_its_accents()
    {
        var folder = Repo.NewTempFolder();
        var path = Path.Combine(folder, "roster.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding(1252).GetBytes(Header + "\n" + Row(forename: "Zoë") + "\n"));
        RosterReader.ReadFile(path).Pupils.ShouldHaveSingleItem().Forename.ShouldBe("Zoë");
    }

    [Fact]
    public void A_missing_roster_file_is_an_error_not_an_exception()
    {
        var result = RosterReader.ReadFile(Path.Combine(Repo.NewTempFolder(), "none.csv"));
        result.Errors.ShouldHaveSingleItem().Id.ShouldBe(RosterReader.UnreadableId);
    }

    [Theory]
    [InlineData("Reception", 0)]
    [InlineData("R", 0)]
    [InlineData("YR", 0)]
    [InlineData("Year R", 0)]
    [InlineData("Year 1", 1)]
    [InlineData("year 13", 13)]
    [InlineData("Y7", 7)]
    [InlineData("Yr 10", 10)]
    [InlineData("7", 7)]
    [InlineData("07", 7)]
    [InlineData("NC 9", 9)]
    [InlineData("Year 14", null)]
    [InlineData("Nursery", null)]
    [InlineData("N2", null)]
    [InlineData("", null)]
    [InlineData("Year Seven", null)]
    public void Year_groups_are_read_as_exports_write_them(string text, int? expected) =>
        YearGroups.Parse(text).ShouldBe(expected);

    [Fact]
    public void A_row_problem_prints_as_one_diagnostic_at_its_cell_with_what_to_do_and_never_the_value()
    {
        var result = Read(string.Join('\n', Header, Row(year: "Year 14")) + "\n");
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Cell.ShouldBe(new Core.Diagnostics.CellLocation(2, 5, "Year"));
        problem.WhatToDo.ShouldNotBeNull().ShouldStartWith("Give a year from Reception to Year 13");
        Generation.DiagnosticPrinter.Format(problem).ShouldBe(
            "roster.csv(2,5): warning ROS004: The year group is not one the agreements cover. " + problem.WhatToDo + " [line 2, column E (Year)]");
        Generation.DiagnosticPrinter.Format(problem).ShouldNotContain("Year 14");
    }
}
