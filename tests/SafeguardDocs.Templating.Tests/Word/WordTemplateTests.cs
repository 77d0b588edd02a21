using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Tests.Scriban;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.TestSupport;
using static SafeguardDocs.Templating.Tests.Word.WordDocx;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Templating.Tests.Word;

/// <summary>
/// Scriban tags typed into Word: split by Word, in loops and conditions, in every part of the document;
/// each output read back as its reader would and checked with the Open XML validator.
/// </summary>
public sealed class WordTemplateTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static WordTemplate Compile<T>(byte[] docx)
    {
        var (template, errors) = WordTemplate.Compile(docx, "letter.docx", typeof(T), typeof(OrganisationSettings));
        errors.ShouldBeEmpty(string.Join("\n", errors));
        return template!;
    }

    private static IReadOnlyList<TemplateLoadError> Problems<T>(byte[] docx)
    {
        var (template, errors) = WordTemplate.Compile(docx, "letter.docx", typeof(T), typeof(OrganisationSettings));
        template.ShouldBeNull();
        return errors;
    }

    private static byte[] Render(WordTemplate template, object model)
    {
        using var output = new MemoryStream();
        var errors = template.Render(model, OrganisationSettings.Default, Today, output);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var bytes = output.ToArray();
        AssertValid(bytes);
        return bytes;
    }

    [Fact]
    public void A_tag_split_across_runs_with_proofing_marks_and_formatting_works_and_takes_its_first_characters_formatting()
    {
        var body = "<w:p>" + R("School: ") + Bold("{") + "<w:proofErr w:type=\"spellStart\"/>" + R("{ na") + Italic("me }") + "<w:proofErr w:type=\"spellEnd\"/>" + R("} opened in ") +
            Italic("{{ opened }}") + R(".") + "</w:p>" +
            P("Quoted: {{ \u201cSmart quotes\u201d }} and {{\u00a0\u2018single\u2019 }}.");
        var output = Render(Compile<School>(Build(body)), ScribanModels.School());

        BodyParagraphs(output).ShouldBe(["School: Westbrook Primary opened in 7 September 1998.", "Quoted: Smart quotes and single."]);
        Read(output, d =>
        {
            var runs = d.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().First().Elements<W.Run>().ToList();
            var name = runs.Single(r => r.InnerText == "Westbrook Primary");
            var after = runs.Single(r => r.InnerText == " opened in ");
            return (name.RunProperties?.Bold is not null, name.RunProperties?.Italic is not null, after.RunProperties?.Bold is not null);
        }).ShouldBe((true, false, false));
    }

    [Fact]
    public void A_loop_whose_for_and_end_sit_in_one_table_row_repeats_the_row()
    {
        var body = Table(2,
            Row(P("Class"), P("Note")),
            Row(P("{{ for c in classes }}", "{{ c.name }}"), P("present{{ end }}")),
            Row(P("Total"), P("end of list")));
        var output = Render(Compile<School>(Build(body)), ScribanModels.School(classes: 3));

        OpenXmlCheck.DocxText(Save(output, "rows.docx")).ShouldBe(
            "| Class | Note |\n| Class 1 | present |\n| Class 2 | present |\n| Class 3 | present |\n| Total | end of list |\n".ReplaceLineEndings());
    }

    [Fact]
    public void Loops_nest_paragraph_loops_around_row_loops_and_inline_loops()
    {
        var body = P("Before") +
            P("{{ for c in classes }}") +
            P("{{ c.name }}: ", "{{ for p in c.pupils }}{{ p.name }}; {{ end }}") +
            Table(2, Row(P("{{ for p in c.pupils }}{{ p.name }}"), P("{{ date p.dateOfBirth }}{{ end }}"))) +
            P("{{ end }}") +
            P("After");
        var output = Render(Compile<School>(Build(body)), ScribanModels.School(classes: 2, pupils: 2));

        OpenXmlCheck.DocxText(Save(output, "nested.docx")).ShouldBe(string.Join('\n',
            "Before",
            "Class 1: Pupil 1.1; Pupil 1.2; ",
            "| Pupil 1.1 | 11 February 2015 |",
            "| Pupil 1.2 | 12 February 2015 |",
            "Class 2: Pupil 2.1; Pupil 2.2; ",
            "| Pupil 2.1 | 23 March 2015 |",
            "| Pupil 2.2 | 24 March 2015 |",
            "After",
            string.Empty).ReplaceLineEndings());
    }

    [Fact]
    public void A_loop_over_an_empty_list_leaves_nothing_behind()
    {
        var body = P("Before") + P("{{ for c in classes }}") + P("Class {{ c.name }}") + P("{{ end }}") +
            Table(2, Row(P("Heading"), P("Note")), Row(P("{{ for c in classes }}{{ c.name }}"), P("{{ end }}"))) + P("After");
        var output = Render(Compile<School>(Build(body)), ScribanModels.School(classes: 0));

        OpenXmlCheck.DocxText(Save(output, "empty.docx")).ShouldBe("Before\n| Heading | Note |\nAfter\n".ReplaceLineEndings());
    }

    [Fact]
    public void A_table_whose_only_row_repeats_over_an_empty_list_is_left_out()
    {
        var body = P("Before") + Table(2, Row(P("{{ for c in classes }}{{ c.name }}"), P("{{ end }}"))) + P("After");
        var output = Render(Compile<School>(Build(body)), ScribanModels.School(classes: 0));

        OpenXmlCheck.DocxText(Save(output, "no-rows.docx")).ShouldBe("Before\nAfter\n".ReplaceLineEndings());
        Read(output, d => d.MainDocumentPart!.Document!.Body!.Elements<W.Table>().Count()).ShouldBe(0);
    }

    [Fact]
    public void A_false_condition_alone_in_its_paragraphs_leaves_no_empty_paragraph_and_an_inline_one_keeps_the_text_around_it()
    {
        var body = P("Dear parent,") +
            P("{{ if reception }}") + P("Your child joins reception class {{ reception.name }}.") + P("{{ else }}") + P("There is no reception class this year.") + P("{{ end }}") +
            P("{{ if reception }}") + P("Reception starts in September.") + P("{{ end }}") +
            P("Opened ", "{{ if opened }}on {{ opened }}{{ else }}at a date not recorded{{ end }}", ", still open.") +
            P("Yours sincerely");
        var template = Compile<School>(Build(body));

        BodyParagraphs(Render(template, ScribanModels.School())).ShouldBe(
            ["Dear parent,", "There is no reception class this year.", "Opened on 7 September 1998, still open.", "Yours sincerely"]);
        BodyParagraphs(Render(template, ScribanModels.School() with { Opened = null, Reception = new SchoolClass("Robins", []) })).ShouldBe(
            ["Dear parent,", "Your child joins reception class Robins.", "Reception starts in September.", "Opened at a date not recorded, still open.", "Yours sincerely"]);
    }

    [Fact]
    public void A_condition_emptying_a_table_cell_leaves_the_cell_valid()
    {
        var body = Table(2, Row(P("Reception"), P("{{ if reception }}") + P("{{ reception.name }}") + P("{{ end }}")));
        var output = Render(Compile<School>(Build(body)), ScribanModels.School());

        OpenXmlCheck.DocxText(Save(output, "cell.docx")).ShouldBe("| Reception |  |\n".ReplaceLineEndings());
    }

    [Fact]
    public void Tags_work_in_the_header_footer_text_boxes_and_footnotes()
    {
        var body = "<w:p>" + R("Body of the letter") + TextBox(P("In a box: {{ name }}")) + "</w:p>" +
            "<w:p>" + R("See the note") + "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
        var docx = Build(body,
            header: P("{{ name }}", " \u2014 letter"),
            footer: P("Ref ", "{{ classes[0].name }}"),
            footnotes: [P("Opened {{ opened }}.")]);
        var output = Render(Compile<School>(docx), ScribanModels.School());

        var text = OpenXmlCheck.DocxText(Save(output, "parts.docx"));
        text.ShouldContain("[header] Westbrook Primary \u2014 letter");
        text.ShouldContain("[footer] Ref Class 1");
        Read(output, d => d.MainDocumentPart!.Document!.Descendants<W.TextBoxContent>().Single().InnerText).ShouldBe("In a box: Westbrook Primary");
        Read(output, d => d.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<W.Footnote>().Last().InnerText).ShouldBe("Opened 7 September 1998.");
    }

    [Fact]
    public void Parts_without_tags_are_the_templates_own_bytes_so_styles_and_pictures_survive()
    {
        var docx = Build("<w:p><w:pPr><w:pStyle w:val=\"SchoolHeading\"/></w:pPr>" + R("{{ name }}") + "</w:p>", styles: true);
        var output = Render(Compile<School>(docx), ScribanModels.School());

        string Styles(byte[] file) => Read(file, d =>
        {
            using var reader = new StreamReader(d.MainDocumentPart!.StyleDefinitionsPart!.GetStream());
            return reader.ReadToEnd();
        });
        Styles(output).ShouldBe(Styles(docx));
        Read(output, d => d.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Single().ParagraphProperties!.ParagraphStyleId!.Val!.Value).ShouldBe("SchoolHeading");
    }

    [Fact]
    public void A_value_is_escaped_and_its_line_breaks_become_word_line_breaks()
    {
        var output = Render(Compile<School>(Build(P("{{ name }}"))), ScribanModels.School() with { Name = "Tom & <Jerry>\nSecond line" });

        Read(output, d => d.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Single().Descendants<W.Break>().Count()).ShouldBe(1);
        BodyParagraphs(output).ShouldBe(["Tom & <Jerry>Second line"]);
    }

    [Fact]
    public void A_misspelt_member_is_reported_with_its_paragraph_table_text_and_the_nearest_name()
    {
        var body = P("Dear parent,") + P("Second") + Table(1, Row(P("first table"))) +
            Table(2, Row(P("Name"), P("Born")), Row(P("{{ for c in classes }}{{ c.nmae }}"), P("{{ end }}")));
        var error = Problems<School>(Build(body)).ShouldHaveSingleItem();

        error.Id.ShouldBe(ScribanDiagnostics.UnknownMemberId);
        error.ToString().ShouldStartWith("letter.docx: error SGT001: In paragraph 6 of the body, in the second table, row 2 (\u201c{{ for c in classes }}{{ c.nmae }}\u201d): ");
        error.Message.ShouldContain("Did you mean `c.name`?");
        error.Message.ShouldNotContain("undefined");
    }

    [Fact]
    public void An_unclosed_block_and_an_unclosed_tag_are_reported_where_they_are()
    {
        var errors = Problems<School>(Build(P("Intro") + P("{{ for c in classes }}") + P("{{ c.name }}"), header: P("Head {{ name")));

        errors.Select(e => e.Message).ShouldContain(m => m.StartsWith("In paragraph 1 of the header (\u201cHead {{ name\u201d): a tag opened with {{ is not closed", StringComparison.Ordinal));
        errors.Select(e => e.Message).ShouldContain(m => m.StartsWith("In paragraph 2 of the body (\u201c{{ for c in classes }}\u201d):", StringComparison.Ordinal) && m.Contains("`for`", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_whose_tags_cannot_be_placed_says_how_to_place_them()
    {
        var error = Problems<School>(Build(P("{{ for c in classes }}") + P("Class {{ c.name }} and {{ end }}"))).ShouldHaveSingleItem();

        error.Message.ShouldStartWith("In paragraph 1 of the body (\u201c{{ for c in classes }}\u201d): `{{ for c in classes }}` and its `{{ end }}` cannot be placed.");
    }

    [Fact]
    public void A_runaway_template_is_stopped_by_the_scriban_limits_and_nothing_is_written()
    {
        var body = P("{{ for a in classes }}{{ for b in classes }}{{ for c in classes }}{{ a.name }}{{ end }}{{ end }}{{ end }}");
        var template = Compile<School>(Build(body));
        using var output = new MemoryStream();

        var error = template.Render(ScribanModels.School(classes: 300, pupils: 0), null, Today, output).ShouldHaveSingleItem();

        error.Id.ShouldBe(ScribanDiagnostics.RenderId);
        error.Message.ShouldStartWith("In paragraph 1 of the body");
        output.Length.ShouldBe(0);
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_refused_with_what_to_do()
    {
        var (template, errors) = WordTemplate.Compile([1, 2, 3], "letter.docx", typeof(School));

        template.ShouldBeNull();
        errors.ShouldHaveSingleItem().Message.ShouldContain("Save it from Word");
    }
}
