using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;
using static SafeguardDocs.Word.Tests.Samples;
using ListItem = SafeguardDocs.Markup.ListItem;
using MarkupParagraph = SafeguardDocs.Markup.Paragraph;
using MarkupTable = SafeguardDocs.Markup.Table;
using MarkupTableCell = SafeguardDocs.Markup.TableCell;
using MarkupTableRow = SafeguardDocs.Markup.TableRow;

namespace SafeguardDocs.Word.Tests;

public sealed class DocxWriterTests
{
    [Fact]
    public void Every_markup_element_produces_a_valid_document()
    {
        var path = Docx.Write(EveryElement());

        OpenXmlCheck.AssertValid(path);
        Snapshot.Match(OpenXmlCheck.DocxText(path));
    }

    [Fact]
    public void Special_characters_round_trip_exactly()
    {
        var document = new MarkupDocument(Special, "REF-1", [Special],
        [
            new Heading(1, T(Special)),
            new MarkupParagraph([new TextRun(Special), new TextRun(" bold", Bold: true)]),
            new MarkupTable(TableKind.Grid, [], [new MarkupTableRow(false, [new MarkupTableCell(false, [new MarkupParagraph(T(Special))])])]),
            new ListBlock(false, [new ListItem(T(Special))]),
        ]);

        var path = Docx.Write(document);

        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        var body = doc.MainPart().Document!.Body!;
        var paragraphs = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs[0].ShouldBe(Special);
        paragraphs[1].ShouldBe(Special + " bold");
        paragraphs[2].ShouldBe(Special);
        paragraphs[3].ShouldBe(Special);
        doc.MainPart().HeaderParts.Single().Header!.InnerText.ShouldBe(Special);
        doc.PackageProperties.Title.ShouldBe(Special);
    }

    [Fact]
    public void Right_to_left_text_is_marked_so_Word_sets_it_right_to_left()
    {
        var path = Docx.Write(new MarkupDocument("t", "R", [], [new MarkupParagraph(T("Siân مريم")), new MarkupParagraph(T("مريم Siân"))]));

        using var doc = Docx.Open(path);
        var paragraphs = doc.MainPart().Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        var runs = paragraphs[0].Elements<Run>().ToList();
        runs.Select(r => r.InnerText).ShouldBe(["Siân ", "مريم"]);
        runs[1].RunProperties!.RightToLeftText.ShouldNotBeNull();
        paragraphs[0].ParagraphProperties?.BiDi.ShouldBeNull();
        paragraphs[1].ParagraphProperties!.BiDi.ShouldNotBeNull();
    }

    [Fact]
    public void Characters_XML_cannot_hold_are_left_out()
    {
        var path = Docx.Write(new MarkupDocument("t\u0001", "R", [], [new MarkupParagraph(T("a\u0000b\u0007c\uFFFEd\uD800e\uDC00f 😀"))]));

        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        doc.MainPart().Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First().InnerText.ShouldBe("abcdef 😀");
    }

    [Fact]
    public void The_same_markup_gives_identical_bytes()
    {
        var first = Docx.Bytes(EveryElement());
        var second = Docx.Bytes(EveryElement(), new DocxWriter(HouseStyle.Default, Docx.Options));

        second.ShouldBe(first);
    }

    [Fact]
    public void One_writer_serves_many_threads_with_identical_results()
    {
        var writer = new DocxWriter(null, Docx.Options);
        var expected = Docx.Bytes(Letter(7), writer);

        var results = new byte[32][];
        Parallel.For(0, results.Length, i => results[i] = Docx.Bytes(Letter(7), writer));

        foreach (var bytes in results)
        {
            bytes.ShouldBe(expected);
        }
    }

    [Fact]
    public void Zip_entries_carry_a_fixed_timestamp()
    {
        using var zip = new ZipArchive(new MemoryStream(Docx.Bytes(Letter(1))), ZipArchiveMode.Read);

        zip.Entries.ShouldAllBe(e => e.LastWriteTime.Year == 1980);
        zip.Entries[0].FullName.ShouldBe("[Content_Types].xml");
    }

    [Fact]
    public void Numbered_lists_each_restart_at_1()
    {
        var path = Docx.Write(EveryElement());

        using var doc = Docx.Open(path);
        var numbered = doc.MainPart().Document!.Body!.Descendants<NumberingProperties>()
            .Where(n => n.NumberingId!.Val!.Value != 1)
            .Select(n => (Level: n.NumberingLevelReference!.Val!.Value, Id: n.NumberingId!.Val!.Value))
            .ToList();
        var firstList = numbered.Where(n => n.Level == 0).Select(n => n.Id).Distinct().ToList();
        firstList.Count.ShouldBe(2, "two numbered lists, each with its own numbering instance");

        var numbering = doc.MainPart().NumberingDefinitionsPart!.Numbering!;
        foreach (var id in firstList)
        {
            var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == id);
            instance.Elements<LevelOverride>().Single(o => o.LevelIndex!.Value == 0).StartOverrideNumberingValue!.Val!.Value.ShouldBe(1);
        }
    }

    [Fact]
    public void Nested_lists_are_set_one_level_in()
    {
        var path = Docx.Write(EveryElement());

        using var doc = Docx.Open(path);
        var levels = doc.MainPart().Document!.Body!.Descendants<NumberingProperties>().Select(n => n.NumberingLevelReference!.Val!.Value).ToList();
        levels.ShouldBe([0, 0, 1, 1, 0, 0, 0, 0]);
    }

    [Fact]
    public void Footer_shows_reference_and_page_x_of_y()
    {
        var path = Docx.Write(EveryElement());

        using var doc = Docx.Open(path);
        var footer = doc.MainPart().FooterParts.Single().Footer!;
        footer.InnerText.ShouldBe("Reference LN-2026-0042Page 1 of 1");
        footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ShouldBe(["PAGE", "NUMPAGES"]);
    }

    [Fact]
    public void Letterhead_is_the_page_header_with_the_organisation_first_and_a_rule_under_it()
    {
        var path = Docx.Write(EveryElement());

        using var doc = Docx.Open(path);
        var paragraphs = doc.MainPart().HeaderParts.Single().Header!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        paragraphs.Select(p => p.InnerText).ShouldBe(Letterhead);
        paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("LetterheadOrganisation");
        paragraphs[^1].ParagraphProperties!.ParagraphBorders!.BottomBorder.ShouldNotBeNull();
    }

    [Fact]
    public void Page_is_A4_portrait_with_2cm_margins()
    {
        var path = Docx.Write(Letter(1));

        using var doc = Docx.Open(path);
        var section = doc.MainPart().Document!.Body!.Elements<SectionProperties>().Single();
        section.GetFirstChild<PageSize>()!.Width!.Value.ShouldBe(11906u);
        section.GetFirstChild<PageSize>()!.Height!.Value.ShouldBe(16838u);
        section.GetFirstChild<PageMargin>()!.Left!.Value.ShouldBe(1134u);
        section.Elements<HeaderReference>().Count().ShouldBe(1);
        section.Elements<FooterReference>().Count().ShouldBe(1);
    }

    [Fact]
    public void Document_properties_carry_the_title_and_no_one_else_s_name()
    {
        var path = Docx.Write(EveryElement());

        using var doc = Docx.Open(path);
        doc.PackageProperties.Title.ShouldBe("Digital equipment loan agreement");
        doc.PackageProperties.Creator.ShouldBe("SafeguardDocs");
        doc.PackageProperties.LastModifiedBy.ShouldBe("SafeguardDocs");
        doc.PackageProperties.Created.ShouldBe(FixedClock.Default.GetUtcNow().UtcDateTime);
        doc.ExtendedFilePropertiesPart!.Properties!.Application!.Text.ShouldBe("SafeguardDocs");
    }

    [Fact]
    public void Tables_fill_the_width_in_the_given_proportions_with_repeating_header_rows_that_do_not_split()
    {
        var path = Docx.Write(EveryElement());

        using var doc = Docx.Open(path);
        var table = doc.MainPart().Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        grid.Sum().ShouldBe(9638);
        grid[0].ShouldBe(2891);
        Math.Abs(grid[1] - grid[2]).ShouldBeLessThanOrEqualTo(1);

        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        rows[1].TableRowProperties!.GetFirstChild<TableHeader>().ShouldBeNull();
        rows.ShouldAllBe(r => r.TableRowProperties!.GetFirstChild<CantSplit>() != null);
        rows[2].Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().First().TableCellProperties!.GridSpan!.Val!.Value.ShouldBe(2);
        rows[1].Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Last().Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Count().ShouldBe(1, "an empty cell still holds a paragraph");
        table.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value.ShouldBe("GridTable");
        table.GetFirstChild<TableProperties>()!.TableLook!.Val!.Value.ShouldBe("0620", "header-row formatting on, in the form LibreOffice reads too");
    }

    [Fact]
    public void Check_list_shows_ticked_and_unticked_boxes()
    {
        var path = Docx.Write(EveryElement());

        var text = OpenXmlCheck.DocxText(path);
        text.ShouldContain("\u2612\tDevice asset tag recorded");
        text.ShouldContain("\u2610\tCharger issued");
    }

    [Fact]
    public void Signature_block_is_kept_together_on_one_page()
    {
        var path = Docx.Write(EveryElement());

        using var doc = Docx.Open(path);
        var paragraphs = doc.MainPart().Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().TakeLast(3).ToList();
        paragraphs.ShouldAllBe(p => p.ParagraphProperties!.KeepLines != null);
        paragraphs.Take(2).ShouldAllBe(p => p.ParagraphProperties!.KeepNext != null);
        paragraphs[1].InnerText.ShouldBe("Signed:     Date: ");
        paragraphs[1].Descendants<TabChar>().Count().ShouldBe(2, "a ruled tab after each label");
        paragraphs[1].ParagraphProperties!.Tabs!.Elements<TabStop>().ShouldAllBe(t => t.Leader!.Value == TabStopLeaderCharValues.Underscore);
    }

    [Fact]
    public void Combined_file_puts_each_document_on_new_pages_with_its_own_reference()
    {
        var folder = Repo.NewTempFolder();
        var path = Path.Combine(folder, "print.docx");
        var enumerated = 0;

        new DocxWriter(null, Docx.Options).WriteCombinedFile(Parts(), path, "Acceptable use packs");

        enumerated.ShouldBe(3);
        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        var body = doc.MainPart().Document!.Body!;
        var sectionBreaks = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Where(p => p.ParagraphProperties?.SectionProperties != null).ToList();
        sectionBreaks.Count.ShouldBe(2);
        var sections = sectionBreaks.Select(p => p.ParagraphProperties!.SectionProperties!).Append(body.Elements<SectionProperties>().Single()).ToList();
        sections.ShouldAllBe(s => s.GetFirstChild<PageNumberType>()!.Start!.Value == 1);
        doc.MainPart().HeaderParts.Count().ShouldBe(1, "the same letterhead is one header part");
        var footers = sections.Select(s => ((FooterPart)doc.MainPart().GetPartById(s.Elements<FooterReference>().Single().Id!.Value!)).Footer!.InnerText).ToList();
        footers.ShouldBe(["Reference AUP-2026-0001Page 1", "Reference AUP-2026-0002Page 1", "Reference AUP-2026-0003Page 1"]);
        doc.PackageProperties.Title.ShouldBe("Acceptable use packs");
        Directory.GetFiles(folder).ShouldBe([path]);

        IEnumerable<MarkupDocument> Parts()
        {
            for (var i = 1; i <= 3; i++)
            {
                enumerated++;
                yield return Letter(i);
            }
        }
    }

    [Fact]
    public void Combined_file_is_deterministic_and_valid_for_many_documents()
    {
        var writer = new DocxWriter(null, Docx.Options);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        writer.WriteCombined(Enumerable.Range(1, 40).Select(Letter), first, "Packs");
        writer.WriteCombined(Enumerable.Range(1, 40).Select(Letter), second, "Packs");

        second.ToArray().ShouldBe(first.ToArray());
        var path = Path.Combine(Repo.NewTempFolder(), "many.docx");
        File.WriteAllBytes(path, first.ToArray());
        OpenXmlCheck.AssertValid(path);
    }

    [Fact]
    public void Combined_file_of_no_documents_is_still_a_valid_document()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "empty.docx");

        new DocxWriter().WriteCombinedFile([], path, "Nothing");

        OpenXmlCheck.AssertValid(path);
    }

    [Fact]
    public void Writing_a_file_leaves_no_temporary_files()
    {
        var folder = Repo.NewTempFolder();
        var path = Path.Combine(folder, "LN-1_AE.docx");

        new DocxWriter().WriteFile(Letter(1), path);

        Directory.GetFiles(folder).ShouldBe([path]);
    }

    [Fact]
    public void A_failed_write_leaves_neither_a_document_nor_a_temporary_file()
    {
        var folder = Repo.NewTempFolder();
        var path = Path.Combine(folder, "LN-1_AE.docx");
        var broken = new MarkupDocument("t", "R", [], [new MarkupParagraph(T("fine")), new UnknownBlock()]);

        Should.Throw<NotSupportedException>(() => new DocxWriter().WriteFile(broken, path));

        Directory.GetFiles(folder).ShouldBeEmpty();
        AtomicFile.CleanLeftovers(folder).ShouldBe(0);
    }

    [Fact]
    public void Adjacent_tables_are_kept_apart()
    {
        var table = new MarkupTable(TableKind.Grid, [], [new MarkupTableRow(false, [new MarkupTableCell(false, [])])]);
        var path = Docx.Write(new MarkupDocument("t", "R", [], [table, table]));

        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        var body = doc.MainPart().Document!.Body!.ChildElements.Select(e => e.LocalName).ToList();
        body.ShouldBe(["tbl", "p", "tbl", "p", "sectPr"]);
    }

    private sealed record UnknownBlock : Block;
    [Fact]
    public void A_print_file_for_double_sided_printing_starts_every_document_on_a_right_hand_page()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "print.docx");
        new DocxWriter(null, Docx.Options with { RightHandStarts = true }).WriteCombinedFile(Enumerable.Range(1, 3).Select(Letter), path, "Packs");

        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        var body = doc.MainPart().Document!.Body!;
        var sections = body.Descendants<SectionProperties>().ToList();
        sections.Count.ShouldBe(3);
        sections.ShouldAllBe(s => s.GetFirstChild<SectionType>()!.Val!.Value == SectionMarkValues.OddPage);
        // Numbered through the file: a document restarting at page 1 would count as a right-hand page in LibreOffice wherever it fell.
        body.Descendants<PageNumberType>().ShouldBeEmpty();

        var plain = Path.Combine(Repo.NewTempFolder(), "plain.docx");
        new DocxWriter(null, Docx.Options).WriteCombinedFile(Enumerable.Range(1, 3).Select(Letter), plain, "Packs");
        using var plainDoc = Docx.Open(plain);
        plainDoc.MainPart().Document!.Body!.Descendants<SectionType>().ShouldBeEmpty();
    }

    [Fact]
    public void Headings_keep_with_what_follows_and_tick_box_groups_keep_together_in_the_document_itself()
    {
        var document = new MarkupDocument("t", "R", [],
        [
            new Heading(2, T("Type of incident")),
            new CheckList([new CheckItem(true, T("Sexual")), new CheckItem(false, T("Grooming")), new CheckItem(false, T("Other"))]),
            new MarkupParagraph(T("After the group.")),
        ]);
        var path = Docx.Write(document);
        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        var paragraphs = doc.MainPart().Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        bool KeepNext(int i) => paragraphs[i].ParagraphProperties?.KeepNext is not null;
        KeepNext(0).ShouldBeTrue("the heading, written on the paragraph so it holds with any reference document");
        KeepNext(1).ShouldBeTrue();
        KeepNext(2).ShouldBeTrue();
        KeepNext(3).ShouldBeFalse("the last tick box ends the group");
        KeepNext(4).ShouldBeFalse();
        paragraphs.Take(4).ShouldAllBe(p => p.ParagraphProperties!.KeepLines != null);
    }
}
