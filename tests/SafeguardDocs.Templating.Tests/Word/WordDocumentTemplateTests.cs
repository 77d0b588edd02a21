using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.TestSupport;
using static SafeguardDocs.Templating.Tests.Word.WordDocx;

namespace SafeguardDocs.Templating.Tests.Word;

/// <summary>Word templates for the case kinds: the kind recorded in the document, the starter templates, and a template saved by LibreOffice Writer.</summary>
public sealed class WordDocumentTemplateTests
{
    private static readonly string LibreOfficeTemplate = Path.Combine(Repo.Root, "tests", "SafeguardDocs.Templating.Tests", "Word", "Files", "letter-saved-by-libreoffice.docx");

    private static CaseFile Sample(string kind)
    {
        var load = CaseLoader.LoadFile(Repo.Sample(kind + ".json"));
        load.Errors.ShouldBeEmpty();
        return load.Case!;
    }

    private static byte[] Render(WordDocumentTemplate template, CaseFile caseFile)
    {
        using var output = new MemoryStream();
        var errors = template.Render(caseFile, Samples.Context, output);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        AssertValid(output.ToArray());
        return output.ToArray();
    }

    [Fact]
    public void A_template_saved_by_libreoffice_writer_fills_in_with_its_split_tags_row_loop_condition_and_header()
    {
        // Made with: soffice --headless --convert-to docx letter-saved-by-libreoffice.fodt (the .fodt beside it):
        // LibreOffice writes a span change inside a tag as separate runs, and keeps the kind as a custom property.
        var (template, errors) = WordDocumentTemplate.Load(LibreOfficeTemplate, "letter.docx");
        errors.ShouldBeEmpty(string.Join("\n", errors));
        template!.Kind.ShouldBe("device-allocation");

        var output = Render(template, Sample("device-allocation"));

        OpenXmlCheck.DocxText(Save(output, "lo.docx")).ShouldBe(string.Join('\n',
            "[header] Hillside letterhead \u2014 ref DA-2026-0042",
            "Dear Mr Daniel Okafor,",
            "We are lending equipment to Jordan Ellis-Price, born 14 March 2012.",
            "The equipment remains the property of Westbrook Children's Services and must be returned.",
            "| Item | Serial number |",
            "| Laptop, Dell Latitude 3440 | DL3440-88231 |",
            "| Mobile broadband dongle | MB-4471-2290 |",
            "Yours sincerely,",
            "Priya Shah",
            string.Empty).ReplaceLineEndings());
    }

    [Theory]
    [InlineData("device-allocation")]
    [InlineData("viewing-decision")]
    [InlineData("strategy-meeting")]
    [InlineData("online-safety-plan")]
    [InlineData("incident-report")]
    [InlineData("aup-agreement")]
    public void The_starter_template_for_each_kind_checks_clean_and_fills_in_from_its_sample(string kind)
    {
        using var starter = new MemoryStream();
        WordStarterTemplate.Write(CaseKinds.Find(kind)!, starter);

        var (template, errors) = WordDocumentTemplate.Parse(starter.ToArray(), kind + ".docx", kind + ".docx");
        errors.ShouldBeEmpty(string.Join("\n", errors));
        template!.Kind.ShouldBe(kind);
        var sample = Sample(kind);
        var text = OpenXmlCheck.DocxText(Save(Render(template, sample), "starter.docx"));

        text.ShouldContain($"Our reference: {sample.Reference}");
        text.ShouldContain("Fields you can use");
        text.ShouldNotContain("{{");
        // The list of fields is kept in the template for copying, never printed.
        OpenXmlCheck.DocxText(Save(starter.ToArray(), "template.docx")).ShouldContain("{{ reference }} \u2014 text");
    }

    [Fact]
    public void A_template_without_a_kind_takes_the_one_given_and_says_how_to_name_it_otherwise()
    {
        var docx = Build(P("Dear {{ recipient.name }}"));

        var (none, errors) = WordDocumentTemplate.Parse(docx, "mine.docx", "mine.docx");
        none.ShouldBeNull();
        errors.ShouldHaveSingleItem().Message.ShouldContain("check --kind KIND mine.docx");

        var (given, _) = WordDocumentTemplate.Parse(docx, "mine.docx", "mine.docx", CaseKinds.Find("device-allocation"));
        given.ShouldNotBeNull().Kind.ShouldBe("device-allocation");
    }

    [Fact]
    public void A_word_template_sees_the_view_model_with_the_names_the_sbn_templates_use()
    {
        // Facts the view model works out (not fields of the case file): the salutation, the chase-by date,
        // the procedure's name and the websites from the settings, as loan-letter.sbn reads them.
        var docx = Build(
            P("Dear {{ salutation }},") +
            P("{{ if isLoan }}On loan under the {{ procedureName }}.{{ end }}") +
            P("If nothing has arrived by {{ chaseBy }}, call us.") +
            P("{{ for site in usefulWebsites }}") + P("{{ site.name }}") + P("{{ end }}"));

        var (template, errors) = WordDocumentTemplate.Parse(docx, "letter.docx", "letter.docx", CaseKinds.Find("device-allocation"));
        errors.ShouldBeEmpty(string.Join("\n", errors));
        var text = OpenXmlCheck.DocxText(Save(Render(template!, Sample("device-allocation")), "view.docx"));

        text.ShouldStartWith(string.Join('\n',
            "Dear Mr Okafor,",
            "On loan under the Pan-Dorset Online Safety Guidance.",
            "If nothing has arrived by 11 December 2026, call us.",
            "UK Safer Internet Centre").ReplaceLineEndings());
    }

    [Fact]
    public void A_name_only_the_case_file_has_is_checked_against_the_view_model_and_the_starter_lists_the_view_facts()
    {
        // salutation exists only in the view model (the case file has recipient.salutation): a misspelling is matched against the view.
        var (_, errors) = WordDocumentTemplate.Parse(Build(P("{{ salutaton }}")), "letter.docx", "letter.docx", CaseKinds.Find("device-allocation"));
        errors.ShouldHaveSingleItem().Message.ShouldContain("Did you mean `salutation`?");

        using var starter = new MemoryStream();
        WordStarterTemplate.Write(CaseKinds.Find("device-allocation")!, starter);
        var list = OpenXmlCheck.DocxText(Save(starter.ToArray(), "starter.docx"));
        list.ShouldContain("{{ salutation }} \u2014 text");
        list.ShouldContain("{{ chaseBy }} \u2014 a date");
        list.ShouldContain("{{ for item in usefulWebsites }}");
    }

    [Fact]
    public void A_template_beyond_the_size_limits_is_refused_with_what_to_do()
    {
        var kind = CaseKinds.Find("device-allocation");

        // Larger than the file limit.
        var (big, bigErrors) = WordDocumentTemplate.Parse(new byte[WordDocumentTemplate.MaxBytes + 1], "big.docx", "big.docx", kind);
        big.ShouldBeNull();
        bigErrors.ShouldHaveSingleItem().Message.ShouldContain("larger than 4 MB");

        // A small file that unpacks beyond the limit (a zip bomb): stopped while unpacking.
        var docx = Build(P("{{ reference }}"));
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        using (var padding = zip.CreateEntry("customXml/padding.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 33; i++)
            {
                padding.Write(zeros);
            }
        }

        stream.Length.ShouldBeLessThan(WordDocumentTemplate.MaxBytes);
        var (bomb, bombErrors) = WordDocumentTemplate.Parse(stream.ToArray(), "bomb.docx", "bomb.docx", kind);
        bomb.ShouldBeNull();
        bombErrors.ShouldHaveSingleItem().Message.ShouldContain("unpacks to more than 32 MB");
    }

    [Fact]
    public void A_template_checked_against_another_kind_is_refused()
    {
        var (template, errors) = WordDocumentTemplate.Load(LibreOfficeTemplate, "letter.docx", CaseKinds.Find("strategy-meeting"));

        template.ShouldBeNull();
        errors.ShouldContain(e => e.Message.Contains("is for device-allocation cases", StringComparison.Ordinal));
    }

    [Fact]
    public void The_kind_written_into_a_document_is_read_back()
    {
        var docx = Build(P("{{ reference }}"));
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            WordDocumentTemplate.WriteKind(document, CaseKinds.Find("incident-report")!);
        }

        WordDocumentTemplate.Parse(stream.ToArray(), "form.docx", "form.docx").Template.ShouldNotBeNull().Kind.ShouldBe("incident-report");
    }
}
