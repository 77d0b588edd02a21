using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Records;
using SafeguardDocs.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Generation.Tests;

/// <summary>Issuing a registered document: the order of its steps, the seal, the retention date, and a run stopped part-way.</summary>
public sealed class IssueTests
{
    private sealed class Crash : Exception;

    private static CaseDocumentGenerator Generator() => new(TemplateLocations.Catalog(Repo.Root), FixedClock.Default);

    private static (GenerateOptions Options, DocumentRegister Register) Registered()
    {
        var register = DocumentRegister.Open(Repo.NewTempFolder(), FixedClock.Default);
        return (GenerateOptions.Default with { OutputFolder = Repo.NewTempFolder(), Register = register, IssuedBy = "dsl" }, register);
    }

    [Fact]
    public void An_evidence_document_is_sealed_registered_and_verifies()
    {
        var (options, register) = Registered();
        var result = Generator().Generate(Repo.Sample("viewing-decision.json"), options);

        result.Outcome.ShouldBe(RunOutcome.Written);
        result.Entry.ShouldNotBeNull();
        var caseSha = Sha256.OfFile(Repo.Sample("viewing-decision.json"));
        result.Entry.CaseSha256.ShouldBe(caseSha);
        result.Entry.Template.ShouldBe("viewing-record");
        result.Entry.TemplateSha256!.Length.ShouldBe(64);
        OpenXmlCheck.AssertValid(result.OutputPath!);
        OpenXmlCheck.DocxText(result.OutputPath!).ShouldContain($"Reference VR-2026-0007 · Register entry 1 · case data {caseSha[..12]}");

        var verified = DocumentVerifier.Verify(result.OutputPath!, register);
        verified.Outcome.ShouldBe(VerifyOutcome.Issued);
        verified.Issue!.Id.ShouldBe(1);
        verified.Document!.DocumentSha256.ShouldBe(Sha256.OfFile(result.OutputPath!));
    }

    /// <summary>
    /// A Word template for viewing records in two sections: the first has only a first-page footer, the second
    /// (the body's last) its own footer; the seal must reach every page of both.
    /// </summary>
    private static string TwoSectionViewingTemplate()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "two-sections.docx");
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var first = main.AddNewPart<DocumentFormat.OpenXml.Packaging.FooterPart>("rIdFirst");
        first.Footer = new W.Footer(new W.Paragraph(new W.Run(new W.Text("First page footer"))));
        var last = main.AddNewPart<DocumentFormat.OpenXml.Packaging.FooterPart>("rIdLast");
        last.Footer = new W.Footer(new W.Paragraph(new W.Run(new W.Text("Section two footer"))));
        main.Document = new W.Document(new W.Body(
            new W.Paragraph(new W.Run(new W.Text("Viewing record {{ reference }}"))),
            new W.Paragraph(
                new W.ParagraphProperties(new W.SectionProperties(
                    new W.FooterReference { Type = W.HeaderFooterValues.First, Id = "rIdFirst" },
                    new W.TitlePage())),
                new W.Run(new W.Text("End of section one"))),
            new W.Paragraph(new W.Run(new W.Text("Child: {{ child.name }}"))),
            new W.SectionProperties(new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = "rIdLast" })));
        return path;
    }

    [Fact]
    public void A_word_template_made_in_memory_is_registered_without_a_file_and_every_section_carries_the_seal()
    {
        var (options, register) = Registered();
        var json = File.ReadAllBytes(Repo.Sample("viewing-decision.json"));
        var template = TwoSectionViewingTemplate();
        using var output = new MemoryStream();
        var result = Generator().Generate(json, "upload.json", output, options with { Template = template, IssuedBy = "dsl@school" });

        result.Outcome.ShouldBe(RunOutcome.Written, string.Join("; ", result.Findings));
        result.Entry!.Template.ShouldBe("two-sections.docx");
        result.Entry.TemplateSha256.ShouldBe(Sha256.OfFile(template));
        register.Following(result.Entry.Id).ShouldHaveSingleItem().FilePath.ShouldBeNull();
        var path = Path.Combine(Repo.NewTempFolder(), result.FileName!);
        File.WriteAllBytes(path, output.ToArray());
        OpenXmlCheck.AssertValid(path);

        var seal = CaseDocumentGenerator.Seal("VR-2026-0007", result.Entry);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false))
        {
            var main = document.MainDocumentPart!;
            var sections = main.Document!.Body!.Descendants<W.SectionProperties>().ToList();
            sections.Count.ShouldBe(2);
            foreach (var section in sections)
            {
                section.Elements<W.FooterReference>().ShouldContain(r => r.Type! == W.HeaderFooterValues.Default);
                foreach (var reference in section.Elements<W.FooterReference>())
                {
                    var footer = ((DocumentFormat.OpenXml.Packaging.FooterPart)main.GetPartById(reference.Id!)).Footer!;
                    footer.Elements<W.Paragraph>().Last().InnerText.ShouldBe(seal);
                }
            }

            main.FooterParts.Select(f => f.Footer!.InnerText).OrderBy(t => t, StringComparer.Ordinal)
                .ShouldBe(["First page footer" + seal, "Section two footer" + seal, seal]);
        }

        DocumentVerifier.Verify(path, register).Outcome.ShouldBe(VerifyOutcome.Issued);
    }

    [Fact]
    public void A_case_uploaded_to_a_stream_is_registered_and_sealed_as_from_a_file()
    {
        var (options, register) = Registered();
        var json = File.ReadAllBytes(Repo.Sample("viewing-decision.json"));
        using var output = new MemoryStream();
        var result = Generator().Generate(json, "upload.json", output, options with { IssuedBy = "dsl@school" });

        result.Outcome.ShouldBe(RunOutcome.Written);
        result.Entry!.By.ShouldBe("dsl@school");
        result.Entry.CaseSha256.ShouldBe(Sha256.Of(json));
        var path = Path.Combine(Repo.NewTempFolder(), result.FileName!);
        File.WriteAllBytes(path, output.ToArray());
        OpenXmlCheck.AssertValid(path);
        OpenXmlCheck.DocxText(path).ShouldContain("Register entry 1");
        DocumentVerifier.Verify(path, register).Outcome.ShouldBe(VerifyOutcome.Issued);
    }

    [Fact]
    public void A_letter_is_registered_without_a_seal()
    {
        var (options, register) = Registered();
        var result = Generator().Generate(Repo.Sample("device-allocation.json"), options);
        result.Entry.ShouldNotBeNull();
        OpenXmlCheck.DocxText(result.OutputPath!).ShouldNotContain("Register entry");
        DocumentVerifier.Verify(result.OutputPath!, register).Outcome.ShouldBe(VerifyOutcome.Issued);
    }

    [Fact]
    public void The_same_case_and_the_same_entry_give_the_same_bytes()
    {
        var (first, _) = Registered();
        var (second, _) = Registered();
        var a = Generator().Generate(Repo.Sample("strategy-meeting.json"), first);
        var b = Generator().Generate(Repo.Sample("strategy-meeting.json"), second);
        a.Entry!.Id.ShouldBe(b.Entry!.Id);
        File.ReadAllBytes(a.OutputPath!).ShouldBe(File.ReadAllBytes(b.OutputPath!));
    }

    [Theory]
    [InlineData("viewing-decision.json", "2036-06-02")] // the child's date of birth, 2 June 2011, plus 25 years
    [InlineData("strategy-meeting.json", "2043-07-11")] // the youngest child known to the subject, born 11 July 2018
    [InlineData("online-safety-plan.json", "2041-02-09")]
    [InlineData("incident-report.json", "2037-11-17")] // ages 14 and 15 on 17 November 2026: born no later than 17 November 2012
    [InlineData("device-allocation.json", "2032-11-22")] // a letter: six years from the day of issue (the test clock's 22 November 2026)
    public void The_retention_date_is_stored_at_issue(string sample, string expected)
    {
        var (options, _) = Registered();
        var result = Generator().Generate(Repo.Sample(sample), options);
        result.Entry!.RetainUntil.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_retention_setting_changes_the_date()
    {
        var (options, _) = Registered();
        var result = Generator().Generate(Repo.Sample("viewing-decision.json"), options with { Settings = OrganisationSettings.Default with { RetentionYearsAfterBirth = 30 } });
        result.Entry!.RetainUntil.ShouldBe(new DateOnly(2041, 6, 2));
    }

    [Fact]
    public void An_evidence_kind_without_the_register_is_refused_when_asked_and_nothing_is_written()
    {
        var options = GenerateOptions.Default with { OutputFolder = Repo.NewTempFolder(), RefuseUnregisteredEvidence = true };
        var result = Generator().Generate(Repo.Sample("online-safety-plan.json"), options);
        result.Outcome.ShouldBe(RunOutcome.InputUnusable);
        result.Findings.ShouldContain(f => f.Id == GenerationDiagnostics.EvidenceMustBeRegisteredId);
        Directory.EnumerateFiles(options.OutputFolder).ShouldBeEmpty();
    }

    [Fact]
    public void A_run_killed_after_reserving_leaves_no_file_and_the_register_says_the_entry_was_never_completed()
    {
        var (options, register) = Registered();
        var generator = Generator();
        generator.StepReached = step => throw (step == IssueStep.Reserved ? new Crash() : new InvalidOperationException("not reached"));
        Should.Throw<Crash>(() => generator.Generate(Repo.Sample("viewing-decision.json"), options));

        Directory.EnumerateFiles(options.OutputFolder).ShouldBeEmpty();
        var report = register.Check();
        report.Intact.ShouldBeTrue();
        report.Unfinished.ShouldHaveSingleItem().Id.ShouldBe(1);
    }

    [Fact]
    public void A_run_killed_after_writing_leaves_a_file_that_verify_says_was_not_issued_and_which_entry()
    {
        var (options, register) = Registered();
        var generator = Generator();
        generator.StepReached = step =>
        {
            if (step == IssueStep.Written)
            {
                throw new Crash();
            }
        };
        Should.Throw<Crash>(() => generator.Generate(Repo.Sample("incident-report.json"), options));

        var file = Directory.EnumerateFiles(options.OutputFolder).ShouldHaveSingleItem();
        var verified = DocumentVerifier.Verify(file, register);
        verified.Outcome.ShouldBe(VerifyOutcome.NotCompleted);
        verified.SealedEntryId.ShouldBe(1);
        register.Check().Unfinished.ShouldHaveSingleItem().Id.ShouldBe(1);

        // Run again: a new entry, completed, and the file now verifies as issued under it.
        var again = Generator().Generate(Repo.Sample("incident-report.json"), options);
        again.Entry!.Id.ShouldBe(2);
        var second = DocumentVerifier.Verify(again.OutputPath!, register);
        second.Outcome.ShouldBe(VerifyOutcome.Issued);
        second.Issue!.Id.ShouldBe(2);
    }

    [Fact]
    public void A_correction_is_a_new_entry_pointing_at_the_one_it_replaces()
    {
        var (options, register) = Registered();
        var first = Generator().Generate(Repo.Sample("viewing-decision.json"), options);
        var corrected = Generator().Generate(Repo.Sample("viewing-decision.json"), options with { Corrects = first.Entry!.Id, CorrectionReason = "time of the decision corrected" });
        corrected.Entry!.RefersTo.ShouldBe(first.Entry.Id);
        corrected.Entry.Reason.ShouldBe("time of the decision corrected");
        register.Check().Intact.ShouldBeTrue();

        var wrong = Generator().Generate(Repo.Sample("viewing-decision.json"), options with { Corrects = 2, CorrectionReason = "entry 2 is a completion" });
        wrong.Outcome.ShouldBe(RunOutcome.InputUnusable);
        wrong.Findings.ShouldContain(f => f.Id == GenerationDiagnostics.CorrectionUnknownId);
    }
}
