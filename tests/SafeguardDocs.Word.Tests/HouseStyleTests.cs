using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SafeguardDocs.TestSupport;
using static SafeguardDocs.Word.Tests.Samples;

namespace SafeguardDocs.Word.Tests;

public sealed class HouseStyleTests
{
    /// <summary>A 1×1 PNG, standing in for a council's logo.</summary>
    private static readonly byte[] Logo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public void Reference_document_supplies_styles_header_footer_and_page_size()
    {
        var reference = CoastalCouncilReference();

        var style = HouseStyle.FromReferenceDocument(reference);
        var path = Docx.Write(EveryElement(), style);

        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        var main = doc.MainPart();
        var styles = main.StyleDefinitionsPart!.Styles!;
        var normal = styles.Elements<Style>().Single(s => s.StyleId == "Normal");
        normal.StyleRunProperties!.RunFonts!.Ascii!.Value.ShouldBe("Georgia");
        styles.Elements<Style>().Single(s => s.StyleId == "Heading1").StyleRunProperties!.Color!.Val!.Value.ShouldBe("C00000", "their heading, not ours");
        styles.Elements<Style>().Select(s => s.StyleId!.Value).ShouldContain("Notice", "a style our markup needs is added when the reference lacks it");

        main.HeaderParts.Single().Header!.InnerText.ShouldBe("Coastal Council");
        main.HeaderParts.Single().ImageParts.Count().ShouldBe(1, "the logo travels with the header");
        main.FooterParts.Single().Footer!.InnerText.ShouldBe("Coastal Council · LN-2026-0042");
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();
        section.GetFirstChild<PageSize>()!.Width!.Value.ShouldBe(12240u);
        section.GetFirstChild<PageMargin>()!.Left!.Value.ShouldBe(1440u);

        var text = OpenXmlCheck.DocxText(path);
        text.ShouldNotContain("Northshire County Council", Case.Sensitive, "the reference's own header replaces the letterhead lines");
    }

    [Fact]
    public void Reference_document_without_header_or_styles_still_gives_every_style_and_our_letterhead()
    {
        var folder = Repo.NewTempFolder();
        var reference = Path.Combine(folder, "bare.docx");
        using (var doc = WordprocessingDocument.Create(reference, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(new Paragraph()));
        }

        var style = HouseStyle.FromReferenceDocument(reference);
        var path = Docx.Write(EveryElement(), style);

        OpenXmlCheck.AssertValid(path);
        style.HasOwnHeader.ShouldBeFalse();
        OpenXmlCheck.DocxText(path).ShouldStartWith("[header] Northshire County Council");
    }

    [Fact]
    public void Missing_reference_document_gives_a_clear_error()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "letterhead.docx");

        var error = Should.Throw<HouseStyleException>(() => HouseStyle.FromReferenceDocument(path));

        error.Message.ShouldBe($"The house-style reference document '{path}' was not found. Check the path and try again.");
        error.FilePath.ShouldBe(path);
    }

    [Theory]
    [InlineData("plain text, not a document")]
    [InlineData("%PDF-1.7 a pdf renamed")]
    public void A_file_that_is_not_a_docx_gives_a_clear_error(string content)
    {
        var path = Path.Combine(Repo.NewTempFolder(), "letterhead.docx");
        File.WriteAllText(path, content);

        var error = Should.Throw<HouseStyleException>(() => HouseStyle.FromReferenceDocument(path));

        error.Message.ShouldContain($"'{path}' is not a Word .docx file");
        error.Message.ShouldContain("save it as a Word document (.docx) and try again");
        HouseStyle.TryFromReferenceDocument(path, out var style, out var message).ShouldBeFalse();
        style.ShouldBeNull();
        message.ShouldBe(error.Message);
    }

    [Fact]
    public void A_damaged_docx_gives_a_clear_error_naming_the_part()
    {
        var path = CoastalCouncilReference();
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("word/styles.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/styles.xml").Open());
            writer.Write("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:style>");
        }

        var error = Should.Throw<HouseStyleException>(() => HouseStyle.FromReferenceDocument(path));

        error.Message.ShouldBe($"The house-style reference document '{path}' is damaged: its part 'word/styles.xml' cannot be read. Open it in Word (or LibreOffice), save it as a Word document (.docx) and try again.");
    }

    [Fact]
    public void A_truncated_docx_gives_a_clear_error()
    {
        var good = File.ReadAllBytes(CoastalCouncilReference());
        var path = Path.Combine(Repo.NewTempFolder(), "cut.docx");
        File.WriteAllBytes(path, good[..(good.Length / 2)]);

        var error = Should.Throw<HouseStyleException>(() => HouseStyle.FromReferenceDocument(path));

        error.Message.ShouldContain("try again");
        error.Message.ShouldContain(path);
    }

    [Fact]
    public void A_spreadsheet_is_not_taken_for_a_letterhead()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "register.docx");
        using (var xlsx = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            xlsx.AddWorkbookPart().Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        }

        var error = Should.Throw<HouseStyleException>(() => HouseStyle.FromReferenceDocument(path));

        error.Message.ShouldContain("not a Word document");
    }

    [Fact]
    public void Combined_file_with_a_reference_footer_prints_each_document_s_reference()
    {
        var writer = new DocxWriter(HouseStyle.FromReferenceDocument(CoastalCouncilReference()), Docx.Options);
        var path = Path.Combine(Repo.NewTempFolder(), "print.docx");

        writer.WriteCombinedFile([Letter(1), Letter(2)], path, "Packs");

        OpenXmlCheck.AssertValid(path);
        using var doc = Docx.Open(path);
        doc.MainPart().HeaderParts.Count().ShouldBe(1, "a header without {Reference} is shared");
        doc.MainPart().FooterParts.Select(f => f.Footer!.InnerText).Order().ShouldBe(["Coastal Council · AUP-2026-0001", "Coastal Council · AUP-2026-0002"]);
    }

    /// <summary>
    /// A reference document as an organisation would make it in Word: Georgia body text, red headings,
    /// US Letter with 1" margins, a header with its name and logo and a footer that prints the reference.
    /// </summary>
    private static string CoastalCouncilReference()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "coastal.docx");
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new StyleRunProperties(new RunFonts { Ascii = "Georgia", HighAnsi = "Georgia" }, new FontSize { Val = "24" }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            },
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new StyleRunProperties(new Bold(), new Color { Val = "C00000" }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "Heading1",
            });

        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new Run(new Text("Coastal Council"))));
        var logo = header.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(Logo))
        {
            logo.FeedData(png);
        }

        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(new Run(new Text("Coastal Council · {Reference}"))));

        main.Document = new Document(new Body(
            new Paragraph(new Run(new Text("Sample"))),
            new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 12240, Height = 15840 },
                new PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 720, Footer = 720, Gutter = 0 })));
        return path;
    }
}
