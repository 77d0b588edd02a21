using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SafeguardDocs.Excel.Writing;
using SafeguardDocs.TestSupport;
using Column = SafeguardDocs.Excel.Writing.Column;

namespace SafeguardDocs.Excel.Tests;

public sealed class WorkbookWriterTests
{
    private static readonly WorkbookOptions Fixed = WorkbookOptions.Default with { Clock = FixedClock.Default };

    private sealed record Pupil(string Form, string YearGroup, bool? Returned, DateOnly? ReturnedOn, int Siblings);

    private static readonly Pupil[] Pupils =
    [
        new("7A", "Year 7", true, new DateOnly(2026, 9, 14), 1),
        new("7B", "Year 7", false, null, 0),
        new("8A", "Year 8", null, null, 2),
    ];

    private static SheetSpec<Pupil> Tracker(IEnumerable<Pupil>? rows = null) => new()
    {
        Name = "Returns",
        Rows = rows ?? Pupils,
        Columns =
        [
            Column.Text<Pupil>("Form", p => p.Form),
            Column.Text<Pupil>("Year group", p => p.YearGroup),
            Column.YesNo<Pupil>("Returned", p => p.Returned),
            Column.Date<Pupil>("Returned on", p => p.ReturnedOn),
            Column.WholeNumber<Pupil>("Siblings", p => p.Siblings),
            Column.Formula<Pupil>("Chase", "IF({Returned}=\"Yes\",\"No\",\"Yes\")", p => FormulaResult.YesNo(p.Returned != true), DisplayFormat.Text),
        ],
    };

    private static SummarySheetSpec Summary() => new()
    {
        Name = "Summary",
        Lines =
        [
            SummaryLine.Title("Returns"),
            SummaryLine.Labelled("As of", SummaryCell.Date(new DateOnly(2026, 11, 22)) with { Name = "AsOf" }),
            SummaryLine.TableHeader("Year group", "Returned", "Pupils", "Rate"),
            SummaryLine.Of(
                SummaryCell.Text("Year 7"),
                SummaryCell.FormulaOf("COUNTIFS({Returns!Year group},A{row},{Returns!Returned},\"Yes\")", FormulaResult.Number(1), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf("COUNTIFS({Returns!Year group},A{row})", FormulaResult.Number(2), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf("IF(C{row}=0,\"\",B{row}/C{row})", FormulaResult.Number(0.5), DisplayFormat.Percent)),
        ],
    };

    private static string WriteSample(WorkbookSpec? spec = null)
    {
        var path = Path.Combine(Repo.NewTempFolder(), "tracker.xlsx");
        WorkbookWriter.Write(path, spec ?? new WorkbookSpec { Title = "AUP returns", Sheets = [Tracker(), Summary()] }, Fixed);
        return path;
    }

    [Fact]
    public void Workbook_with_every_kind_of_column_passes_OpenXml_validation()
    {
        OpenXmlCheck.AssertValid(WriteSample());
    }

    [Fact]
    public void Dates_are_stored_as_numbers_with_a_date_format()
    {
        var cell = Xlsx.Cells(WriteSample(), "Returns")["D2"];

        cell.Type.ShouldBeNull(); // a number, not text
        cell.Value.ShouldBe("46279"); // 14 September 2026 as an Excel serial number
        cell.NumberFormat.ShouldBe("d mmm yyyy");
    }

    [Fact]
    public void Yes_no_is_shown_as_Yes_or_No_and_blank_when_unknown()
    {
        var cells = Xlsx.Cells(WriteSample(), "Returns");

        cells["C2"].Text.ShouldBe("Yes");
        cells["C3"].Text.ShouldBe("No");
        cells["C4"].Type.ShouldBeNull();
        cells["C4"].Text.ShouldBeNull();
    }

    [Fact]
    public void Text_numbers_and_formulas_are_typed()
    {
        var cells = Xlsx.Cells(WriteSample(), "Returns");

        cells["A2"].Type.ShouldBe("inlineStr");
        cells["A2"].Text.ShouldBe("7A");
        cells["E4"].Value.ShouldBe("2");
        cells["E4"].NumberFormat.ShouldBe("0");
        cells["F3"].Formula.ShouldBe("IF(C3=\"Yes\",\"No\",\"Yes\")");
        cells["F3"].Type.ShouldBe("str");
        cells["F3"].Value.ShouldBe("Yes");
        cells["F3"].NumberFormat.ShouldBeNull(); // General: a Text format would turn an edited formula into text
    }

    [Fact]
    public void Header_row_is_bold_filled_and_frozen_with_a_filter_over_the_data()
    {
        var path = WriteSample();
        using var doc = SpreadsheetDocument.Open(path, false);
        var sheet = Xlsx.Sheet(doc, "Returns");

        var pane = sheet.Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(1);
        pane.TopLeftCell!.Value.ShouldBe("A2");
        sheet.Descendants<AutoFilter>().Single().Reference!.Value.ShouldBe("A1:F4");

        var header = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)Xlsx.Cells(path, "Returns")["A1"].Style);
        var stylesheet = doc.WorkbookPart.WorkbookStylesPart.Stylesheet;
        stylesheet.Fonts!.Elements<Font>().ElementAt((int)header.FontId!.Value).Bold.ShouldNotBeNull();
        stylesheet.Fills!.Elements<Fill>().ElementAt((int)header.FillId!.Value).PatternFill!.PatternType!.Value.ShouldBe(PatternValues.Solid);

        var filterName = doc.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm._FilterDatabase");
        filterName.Text.ShouldBe("'Returns'!$A$1:$F$4");
    }

    [Fact]
    public void Yes_no_column_has_a_dropdown_and_date_column_accepts_only_dates()
    {
        using var doc = SpreadsheetDocument.Open(WriteSample(), false);
        var validations = Xlsx.Sheet(doc, "Returns").Descendants<DataValidation>().ToList();

        var list = validations.Single(v => v.SequenceOfReferences!.InnerText == "C2:C4");
        list.Type!.Value.ShouldBe(DataValidationValues.List);
        list.Formula1!.Text.ShouldBe("\"Yes,No\"");

        var date = validations.Single(v => v.SequenceOfReferences!.InnerText == "D2:D4");
        date.Type!.Value.ShouldBe(DataValidationValues.Date);
        date.AllowBlank!.Value.ShouldBeTrue();
    }

    [Fact]
    public void Columns_are_sized_from_header_and_content_within_a_cap()
    {
        var rows = new[] { new Pupil(new string('x', 500), "Year 7", null, null, 0) };
        var path = WriteSample(new WorkbookSpec { Sheets = [Tracker(rows)] });
        using var doc = SpreadsheetDocument.Open(path, false);
        var widths = Xlsx.Sheet(doc, "Returns").Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Select(c => c.Width!.Value).ToList();

        widths[0].ShouldBe(Fixed.MaxColumnWidth);
        widths[1].ShouldBeInRange(12, 20); // "Year group" + filter button
        widths[3].ShouldBeGreaterThanOrEqualTo(13); // "20 Nov 2026" fits
    }

    [Fact]
    public void Summary_formulas_carry_cached_values_and_the_workbook_recalculates_on_open()
    {
        var path = WriteSample();
        var cells = Xlsx.Cells(path, "Summary");

        cells["B4"].Formula.ShouldBe("COUNTIFS('Returns'!$B$2:$B$1048576,A4,'Returns'!$C$2:$C$1048576,\"Yes\")");
        cells["B4"].Value.ShouldBe("1");
        cells["D4"].Value.ShouldBe("0.5");
        cells["D4"].NumberFormat.ShouldBe("0%");
        cells["B2"].NumberFormat.ShouldBe("d mmm yyyy");

        using var doc = SpreadsheetDocument.Open(path, false);
        doc.WorkbookPart!.Workbook.CalculationProperties!.FullCalculationOnLoad!.Value.ShouldBeTrue();
        doc.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "AsOf").Text.ShouldBe("'Summary'!$B$2");
    }

    [Fact]
    public void Unknown_formula_token_is_refused_and_no_file_is_left()
    {
        var folder = Repo.NewTempFolder();
        var path = Path.Combine(folder, "bad.xlsx");
        var sheet = Tracker() with { Columns = [.. Tracker().Columns, Column.Formula<Pupil>("Broken", "{Retruned}=\"Yes\"")] };

        var error = Should.Throw<ArgumentException>(() => WorkbookWriter.Write(path, new WorkbookSpec { Sheets = [sheet] }, Fixed));

        error.Message.ShouldContain("{Retruned}");
        Directory.EnumerateFileSystemEntries(folder).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("This sheet name is far too long for Excel")]
    [InlineData("History")]
    public void Sheet_names_Excel_cannot_open_are_refused(string name)
    {
        Should.Throw<ArgumentException>(() => WorkbookWriter.Write(new MemoryStream(), new WorkbookSpec { Sheets = [Tracker() with { Name = name }] }, Fixed));
    }

    [Fact]
    public void Same_input_and_clock_give_the_same_bytes()
    {
        var first = File.ReadAllBytes(WriteSample());
        Thread.Sleep(1100); // past a zip timestamp tick, in case entries were stamped with the time
        var second = File.ReadAllBytes(WriteSample());

        second.ShouldBe(first);
    }

    [Fact]
    public void Document_properties_come_from_the_clock_and_name_SafeguardDocs()
    {
        var core = Xlsx.Parts(WriteSample())["docProps/core.xml"];

        core.ShouldContain("<dc:creator>SafeguardDocs</dc:creator>");
        core.ShouldContain("2026-11-22T09:00:00Z");
        core.ShouldContain("<dc:title>AUP returns</dc:title>");
    }

    [Fact]
    public void Ten_thousand_rows_write_a_valid_sheet()
    {
        var many = Enumerable.Range(0, 10_000).Select(i => new Pupil($"F{i}", $"Year {7 + (i % 5)}", i % 3 == 0, new DateOnly(2026, 9, 1).AddDays(i % 60), i % 4));
        var path = WriteSample(new WorkbookSpec { Sheets = [Tracker(many), Summary()] });

        OpenXmlCheck.AssertValid(path);
        var cells = Xlsx.Cells(path, "Returns");
        cells["A10001"].Text.ShouldBe("F9999");
        cells["F10001"].Formula.ShouldBe("IF(C10001=\"Yes\",\"No\",\"Yes\")");
    }

    [Fact]
    public void Awkward_text_is_stored_as_written()
    {
        var rows = new[] { new Pupil("  leading and trailing  ", "_x0041_ stays literal\u0001", null, null, 0) };
        var path = WriteSample(new WorkbookSpec { Sheets = [Tracker(rows)] });
        OpenXmlCheck.AssertValid(path);
        var cells = Xlsx.Cells(path, "Returns");

        cells["A2"].Text.ShouldBe("  leading and trailing  ");
        Xlsx.Parts(path)["xl/worksheets/sheet1.xml"].ShouldContain("_x005F_x0041_ stays literal<");
    }

    [Fact]
    public void A_date_Excel_cannot_hold_is_kept_as_text()
    {
        var rows = new[] { new Pupil("7A", "Year 7", true, new DateOnly(1899, 1, 1), 0) };
        var cells = Xlsx.Cells(WriteSample(new WorkbookSpec { Sheets = [Tracker(rows)] }), "Returns");

        cells["D2"].Text.ShouldBe("1899-01-01");
    }

    [Fact]
    public void List_validation_refuses_choices_Excel_would_split()
    {
        Should.Throw<ArgumentException>(() => CellValidation.List("Yes, please", "No"));
    }
}

public sealed class WorkbookWriterStreamingTests
{
    private sealed record Row(string YearGroup, bool Returned);

    /// <summary>Counts how often the rows are enumerated and how many are read.</summary>
    private sealed class CountingRows(int count) : IEnumerable<Row>
    {
        public int Enumerations { get; private set; }

        public int Read { get; private set; }

        public Dictionary<string, int> ReturnedByYear { get; } = new(StringComparer.Ordinal);

        public IEnumerator<Row> GetEnumerator()
        {
            Enumerations++;
            for (var i = 0; i < count; i++)
            {
                Read++;
                var row = new Row($"Year {7 + (i % 5)}", i % 2 == 0);
                if (row.Returned)
                {
                    ReturnedByYear[row.YearGroup] = ReturnedByYear.GetValueOrDefault(row.YearGroup) + 1;
                }

                yield return row;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void Rows_are_read_once_and_a_later_summary_may_use_totals_gathered_while_they_streamed()
    {
        var rows = new CountingRows(1_000);
        IEnumerable<SummaryLine> Lines()
        {
            // Runs after the Returns sheet is written, so the totals are complete.
            yield return SummaryLine.TableHeader("Year group", "Returned");
            foreach (var (year, returned) in rows.ReturnedByYear.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                yield return SummaryLine.Of(
                    SummaryCell.Text(year),
                    SummaryCell.FormulaOf("COUNTIFS({Returns!Year group},A{row},{Returns!Returned},\"Yes\")", FormulaResult.Number(returned), DisplayFormat.WholeNumber));
            }
        }

        var path = Path.Combine(Repo.NewTempFolder(), "returns.xlsx");
        WorkbookWriter.Write(path, new WorkbookSpec
        {
            Sheets =
            [
                new SheetSpec<Row>
                {
                    Name = "Returns",
                    Rows = rows,
                    Columns = [Column.Text<Row>("Year group", r => r.YearGroup), Column.YesNo<Row>("Returned", r => r.Returned)],
                },
                new SummarySheetSpec { Name = "Summary", Lines = Lines() },
            ],
        });

        rows.Enumerations.ShouldBe(1);
        rows.Read.ShouldBe(1_000);
        OpenXmlCheck.AssertValid(path);
        var summary = Xlsx.Cells(path, "Summary");
        summary["A2"].Text.ShouldBe("Year 10");
        summary["B2"].Value.ShouldBe("100");
    }

    [Theory]
    [InlineData("AB12")]
    [InlineData("R1C1")]
    [InlineData("As of")]
    [InlineData("1st")]
    public void A_cell_name_Excel_would_misread_is_refused(string name)
    {
        var spec = new WorkbookSpec { Sheets = [new SummarySheetSpec { Name = "Summary", Lines = [SummaryLine.Of(SummaryCell.Number(1) with { Name = name })] }] };

        Should.Throw<ArgumentException>(() => WorkbookWriter.Write(new MemoryStream(), spec));
    }

    [Fact]
    public void The_same_name_on_two_cells_is_refused()
    {
        var spec = new WorkbookSpec
        {
            Sheets = [new SummarySheetSpec { Name = "Summary", Lines = [SummaryLine.Of(SummaryCell.Number(1) with { Name = "AsOf" }, SummaryCell.Number(2) with { Name = "asof" })] }],
        };

        Should.Throw<ArgumentException>(() => WorkbookWriter.Write(new MemoryStream(), spec)).Message.ShouldContain("more than one cell");
    }
}
