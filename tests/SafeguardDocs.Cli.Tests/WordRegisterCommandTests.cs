using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Records;
using SafeguardDocs.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Cli.Tests;

/// <summary>A document filled in from a Word template is issued like any other: entered in the register, sealed when it is evidence, verified.</summary>
public sealed class WordRegisterCommandTests
{
    /// <summary>A Word template typed from scratch: one paragraph per line, and a footer of its own when one is given.</summary>
    private static string WordTemplate(string folder, string name, string? footer, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new W.Body(lines.Select(l => new W.Paragraph(new W.Run(new W.Text(l) { Space = SpaceProcessingModeValues.Preserve }))));
        if (footer is not null)
        {
            var part = main.AddNewPart<FooterPart>("rIdFooter");
            part.Footer = new W.Footer(new W.Paragraph(new W.Run(new W.Text(footer))));
            body.AppendChild(new W.SectionProperties(new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = "rIdFooter" }));
        }

        main.Document = new W.Document(body);
        return path;
    }

    /// <summary>The text of each footer of a .docx.</summary>
    private static List<string> Footers(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return [.. document.MainDocumentPart!.FooterParts.Select(f => f.Footer!.InnerText)];
    }

    private static string ViewingTemplate(string folder, string? footer = null) =>
        WordTemplate(folder, "viewing.docx", footer, "Viewing record {{ reference }}", "Child: {{ child.name }}");

    [Fact]
    public void A_letter_from_a_word_template_is_entered_in_the_register_and_verify_names_the_template()
    {
        var (folder, data) = (Repo.NewTempFolder(), Repo.NewTempFolder());
        CliRunner.RunIn(folder, "template", "new", "device-allocation", "--word", "my-letter.docx").ExitCode.ShouldBe(0);
        var templateSha = Sha256.OfFile(Path.Combine(folder, "my-letter.docx"));

        var run = CliRunner.RunIn(folder, "generate", Repo.Sample("device-allocation.json"), "--template", "my-letter.docx", "--out", "out", "--data", data);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("Entered in the register as entry 1");
        var file = Path.Combine(folder, "out", "DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);

        var verify = CliRunner.Run("verify", file, "--data", data);
        verify.ExitCode.ShouldBe(0, verify.All);
        verify.Out.ShouldContain("byte for byte the document of register entry 1: device-allocation DA-2026-0042");
        verify.Out.ShouldContain($"Made with template my-letter.docx (its content's SHA-256 {templateSha}).");

        // A letter is not evidence: it carries no seal, and the register records where it was written.
        string.Concat(Footers(file)).ShouldNotContain("Register entry");
        var issued = DocumentRegister.Open(data, FixedClock.Default).All().Single(e => e.Type == EntryType.Issued);
        issued.FilePath.ShouldBe(Path.GetFullPath(file));
    }

    [Fact]
    public void A_viewing_record_from_a_word_template_is_sealed_in_its_footer_and_verifies()
    {
        var (folder, data) = (Repo.NewTempFolder(), Repo.NewTempFolder());
        ViewingTemplate(folder, footer: "Oakfield School, confidential");

        var run = CliRunner.RunIn(folder, "generate", Repo.Sample("viewing-decision.json"), "--template", "viewing.docx", "--out", "out", "--data", data);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("Entered in the register as entry 1");
        var file = Path.Combine(folder, "out", "VR-2026-0007_AB.docx");
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldContain("Viewing record VR-2026-0007");

        // The template's own footer is kept and the seal follows it: entry and short hash of the case data.
        var entry = DocumentRegister.Open(data, FixedClock.Default).Get(1)!;
        var footer = Footers(file).ShouldHaveSingleItem();
        footer.ShouldBe("Oakfield School, confidential" + $"VR-2026-0007 · Register entry 1 · case data {RegisterEntry.ShortHash(entry.CaseSha256!)}");
        entry.Template.ShouldBe("viewing.docx");
        entry.TemplateSha256.ShouldBe(Sha256.OfFile(Path.Combine(folder, "viewing.docx")));

        var verify = CliRunner.Run("verify", file, "--data", data);
        verify.ExitCode.ShouldBe(0, verify.All);
        verify.Out.ShouldContain("byte for byte the document of register entry 1: viewing-decision VR-2026-0007");
        verify.Out.ShouldContain("Made with template viewing.docx");
    }

    [Fact]
    public void A_word_template_without_a_footer_gets_one_for_the_seal_and_the_same_entry_gives_the_same_bytes()
    {
        var folder = Repo.NewTempFolder();
        ViewingTemplate(folder);
        var files = new List<byte[]>();
        foreach (var out_ in new[] { "first", "second" })
        {
            var run = CliRunner.RunIn(folder, "generate", Repo.Sample("viewing-decision.json"), "--template", "viewing.docx", "--out", out_, "--data", Repo.NewTempFolder());
            run.ExitCode.ShouldBe(0, run.All);
            var file = Path.Combine(folder, out_, "VR-2026-0007_AB.docx");
            OpenXmlCheck.AssertValid(file);
            Footers(file).ShouldHaveSingleItem().ShouldStartWith("VR-2026-0007 · Register entry 1 · case data ");
            files.Add(File.ReadAllBytes(file));
        }

        files[1].ShouldBe(files[0]);
    }

    [Fact]
    public void No_register_with_a_word_template_is_refused_for_evidence_and_nothing_is_written()
    {
        var (folder, data) = (Repo.NewTempFolder(), Repo.NewTempFolder());
        ViewingTemplate(folder);
        var run = CliRunner.RunIn(folder, "generate", Repo.Sample("viewing-decision.json"), "--template", "viewing.docx", "--out", "out", "--data", data, "--no-register");
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("is evidence: it is always entered in the register");
        run.Error.ShouldContain("Nothing written.");
        var output = Path.Combine(folder, "out");
        (Directory.Exists(output) ? Directory.EnumerateFileSystemEntries(output) : []).ShouldBeEmpty();
        DocumentRegister.ExistsIn(data).ShouldBeFalse();
    }

    [Fact]
    public void A_word_document_that_cannot_be_saved_leaves_no_file_and_its_entry_abandoned()
    {
        var (folder, data) = (Repo.NewTempFolder(), Repo.NewTempFolder());
        ViewingTemplate(folder);
        CliRun run;
        using (Core.Io.WriteFaults.Inject(new FaultyDisk(bytesFree: 1000)))
        {
            run = CliRunner.RunIn(folder, "generate", Repo.Sample("viewing-decision.json"), "--template", "viewing.docx", "--out", "out", "--data", data);
        }

        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("because the disk is full");
        Directory.EnumerateFileSystemEntries(Path.Combine(folder, "out")).ShouldBeEmpty();
        var register = DocumentRegister.Open(data, FixedClock.Default);
        register.All().Select(e => e.Type).ShouldBe([EntryType.Reserved, EntryType.Abandoned]);
        var check = register.Check();
        check.Intact.ShouldBeTrue();
        check.Unfinished.ShouldBeEmpty();
    }
}
