using SafeguardDocs.Markup;

namespace SafeguardDocs.Templating.Tests;

public sealed class MarkupParserTests
{
    private static MarkupDocument Parse(string body)
    {
        var result = MarkupParser.Parse($"<document title=\"T\" reference=\"R-1\">{body}</document>", "test");
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static MarkupError Fails(string body) =>
        MarkupParser.Parse($"<document title=\"T\" reference=\"R-1\">\n{body}</document>", "test.sbn").Error.ShouldNotBeNull();

    [Fact]
    public void White_space_collapses_as_in_html()
    {
        var doc = Parse("<p>\n   Dear   <strong>Ms  Bello</strong> ,\n  thank you </p>");
        doc.Blocks.ShouldHaveSingleItem().ShouldBe(new Paragraph([new TextRun("Dear "), new TextRun("Ms Bello", Bold: true), new TextRun(" , thank you")]));
    }

    [Fact]
    public void Line_breaks_trim_the_space_around_them()
    {
        var doc = Parse("<p class=\"address\">\n 12 Station Road <br />\n Poole <br/> BH15 1AA\n</p>");
        doc.Blocks[0].ShouldBe(new Paragraph([new TextRun("12 Station Road"), new LineBreak(), new TextRun("Poole"), new LineBreak(), new TextRun("BH15 1AA")], ParagraphKind.Address));
    }

    [Fact]
    public void Character_references_are_decoded()
    {
        var doc = Parse("<p>&lt;&amp;&gt; &quot;&#39;&#x1F600;&nbsp;&#x645;</p>");
        doc.Blocks[0].ShouldBe(new Paragraph([new TextRun("<&> \"'😀\u00A0\u0645")]));
    }

    [Fact]
    public void Every_element_of_the_vocabulary_is_read()
    {
        var doc = Parse("""
            <letterhead><p>Org</p><p>Line 2</p></letterhead>
            <h1>One</h1><h2>Two</h2><h3>Three</h3>
            <p class="notice"><em>Note</em> <u>this</u></p>
            <ol><li>First<ul><li>Nested</li></ul></li><li>Second</li></ol>
            <ul class="checklist"><li class="checked">Done</li><li class="unchecked">Not done</li></ul>
            <table class="form"><tr><th width="30%">Label</th><td>Value</td></tr><tr><td colspan="2"><p>A</p><p>B</p></td></tr></table>
            <signature><p>Yours</p><sign-here label="Signed" date="yes" /></signature>
            <page-break />
            """);
        doc.Letterhead.ShouldBe(["Org", "Line 2"]);
        doc.Blocks.Select(b => b.GetType().Name).ShouldBe(["Heading", "Heading", "Heading", "Paragraph", "ListBlock", "CheckList", "Table", "SignatureBlock", "PageBreak"]);
        var list = (ListBlock)doc.Blocks[4];
        list.Ordered.ShouldBeTrue();
        list.Items[0].Nested.ShouldNotBeNull().Items.ShouldHaveSingleItem();
        var table = (Table)doc.Blocks[6];
        table.Kind.ShouldBe(TableKind.Form);
        table.ColumnWidths.ShouldBe([30, 0]);
        table.Rows[1].Cells[0].ColumnSpan.ShouldBe(2);
        table.Rows[1].Cells[0].Content.Count.ShouldBe(2);
        ((SignatureBlock)doc.Blocks[7]).Content[1].ShouldBe(new SignHere("Signed", true));
    }

    [Fact]
    public void An_element_outside_the_vocabulary_names_the_template_and_the_element()
    {
        var error = Fails("<div>hello</div>");
        error.ToString().ShouldStartWith("test.sbn(2,1): error SGM001: <div> is not allowed here");
    }

    [Fact]
    public void An_image_is_not_part_of_the_vocabulary() =>
        Fails("<p><img src=\"x.png\" /></p>").Message.ShouldContain("<img>");

    [Fact]
    public void An_unclosed_element_is_reported() =>
        Fails("<p>text").Message.ShouldContain("</document> found where </p>");

    [Fact]
    public void A_mismatched_end_tag_is_reported() =>
        Fails("<p><strong>x</p>").Message.ShouldContain("</p> found where </strong>");

    [Fact]
    public void An_unknown_class_lists_the_known_ones() =>
        Fails("<p class=\"shout\">x</p>").Message.ShouldContain("address, right, small, notice");

    [Fact]
    public void Text_outside_a_paragraph_is_refused() =>
        Fails("loose text").Message.ShouldContain("put it in a <p>");

    [Fact]
    public void A_checklist_item_must_say_whether_it_is_ticked() =>
        Fails("<ul class=\"checklist\"><li>x</li></ul>").Message.ShouldContain("class=\"checked\"");

    [Fact]
    public void A_bare_ampersand_is_refused() =>
        Fails("<p>R & D</p>").Message.ShouldContain("&amp;");

    [Fact]
    public void The_document_needs_a_title_and_reference() =>
        MarkupParser.Parse("<document><p>x</p></document>", "t").Error.ShouldNotBeNull().Message.ShouldContain("'title'");
}
