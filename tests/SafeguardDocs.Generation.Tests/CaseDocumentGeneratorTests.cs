using System.Text;
using System.Text.Json.Nodes;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation.Packs;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests;

/// <summary>The library as a web front end would call it: content in memory, documents to streams.</summary>
public sealed class CaseDocumentGeneratorTests
{
    private static CaseDocumentGenerator Generator() => new(TemplateLocations.Catalog(Repo.Root), FixedClock.Default);

    private static byte[] Sample(string name, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.Sample(name)))!.AsObject();
        change?.Invoke(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    [Fact]
    public void A_case_in_memory_becomes_a_valid_document_in_a_stream_and_nothing_touches_the_disk()
    {
        using var output = new MemoryStream();
        var result = Generator().Generate(Sample("device-allocation.json"), "upload.json", output, GenerateOptions.Default);

        result.Outcome.ShouldBe(RunOutcome.Written);
        result.OutputPath.ShouldBeNull();
        result.FileName.ShouldBe("DA-2026-0042_JEP.docx");
        var path = Path.Combine(Repo.NewTempFolder(), result.FileName!);
        File.WriteAllBytes(path, output.ToArray());
        OpenXmlCheck.AssertValid(path);
        OpenXmlCheck.DocxText(path).ShouldContain("DA-2026-0042");
    }

    [Fact]
    public void A_case_with_errors_writes_nothing_to_the_stream_and_says_where_in_the_upload()
    {
        using var output = new MemoryStream();
        var result = Generator().Generate(Sample("device-allocation.json", c => c["preIssueChecks"]!["hardwareWiped"] = false), "upload.json", output, GenerateOptions.Default);

        result.Outcome.ShouldBe(RunOutcome.CaseHasErrors);
        output.Length.ShouldBe(0);
        var error = result.Findings.First(f => f.IsError);
        error.File.ShouldBe("upload.json");
        error.Line.ShouldNotBeNull();
        error.Path.ShouldBe("$.preIssueChecks.hardwareWiped");
    }

    [Fact]
    public void Settings_reach_the_templates()
    {
        using var output = new MemoryStream();
        var options = GenerateOptions.Default with { Settings = OrganisationSettings.Default with { DeliveryChaseDays = 14 } };
        var result = Generator().Generate(Sample("device-allocation.json"), "upload.json", output, options);
        var path = Path.Combine(Repo.NewTempFolder(), result.FileName!);
        File.WriteAllBytes(path, output.ToArray());
        OpenXmlCheck.DocxText(path).ShouldContain("14 days from the date of this letter");
    }

    [Fact]
    public void Problems_that_are_not_in_a_file_are_diagnostics_too_and_print_as_their_message()
    {
        var result = Generator().Generate(Repo.Sample("device-allocation.json"), GenerateOptions.Default with { Template = "no-such-template", OutputFolder = Repo.NewTempFolder() });

        result.Outcome.ShouldBe(RunOutcome.InputUnusable);
        var problem = result.Findings.ShouldHaveSingleItem();
        problem.Id.ShouldBe(GenerationDiagnostics.UnknownTemplateId);
        DiagnosticPrinter.Format(problem).ShouldStartWith("There is no template called 'no-such-template'.");
    }

    [Fact]
    public void A_pack_case_given_to_generate_points_to_the_front_ends_pack_command()
    {
        var options = GenerateOptions.Default with { OutputFolder = Repo.NewTempFolder(), MadeWith = new Dictionary<string, string> { ["aup-pack"] = "make-packs" } };
        var result = Generator().Generate(Repo.Sample("aup-pack.json"), options);
        result.Findings.ShouldContain(f => f.Id == GenerationDiagnostics.NoTemplateForKindId && f.Message.Contains("'make-packs CASE.json'"));
    }

    [Fact]
    public void Located_diagnostics_print_compiler_style_with_the_path_shown_as_asked()
    {
        var finding = new Finding("DA019", Severity.Error, "$.preIssueChecks.hardwareWiped", "Wipe it.") { File = "/cases/case.json", Line = 30, Column = 5 };
        DiagnosticPrinter.Format(finding, p => Path.GetFileName(p)).ShouldBe("case.json(30,5): error DA019: Wipe it. [$.preIssueChecks.hardwareWiped]");
    }

    [Fact]
    public void A_pack_is_made_from_a_case_and_roster_in_memory_with_progress_reported()
    {
        var folder = Repo.NewTempFolder();
        var reports = new List<PackProgress>();
        var progress = new Recorder(reports);
        using var roster = new StringReader(File.ReadAllText(Repo.Sample("aup-roster.csv")));
        var result = new AupPackWriter(TemplateLocations.Catalog(Repo.Root), FixedClock.Default)
            .Write(Sample("aup-pack.json"), "upload.json", roster, AupPackOptions.Default with { OutputFolder = folder, Progress = progress });

        result.Outcome.ShouldBe(RunOutcome.Written);
        result.Families.ShouldBeGreaterThan(0);
        reports.Count.ShouldBe(result.Families);
        reports.Max(r => r.FamiliesDone).ShouldBe(result.Families);
        OpenXmlCheck.AssertValid(result.PrintFile!);
        OpenXmlCheck.AssertValid(result.TrackerFile!);
    }

    [Fact]
    public void A_cancelled_pack_run_stops_with_a_diagnostic_and_leaves_no_print_file()
    {
        var folder = Repo.NewTempFolder();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = new AupPackWriter(TemplateLocations.Catalog(Repo.Root), FixedClock.Default)
            .Write(Repo.Sample("aup-pack.json"), AupPackOptions.Default with { OutputFolder = folder }, cancel.Token);

        result.Outcome.ShouldBe(RunOutcome.InputUnusable);
        result.Findings.ShouldContain(f => f.Id == GenerationDiagnostics.RunStoppedId && f.Message.Contains("cancelled"));
        Directory.GetFiles(folder, "*_print.docx").ShouldBeEmpty();
        Directory.GetFiles(folder, "*.sgtmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private sealed class Recorder(List<PackProgress> reports) : IProgress<PackProgress>
    {
        public void Report(PackProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}

/// <summary>The Word copy of the full loan letter the letters benchmark times (<c>bench/assets/loan-letter.docx</c>): the same letter as <c>loan-letter.sbn</c>.</summary>
public sealed class WordLoanLetterTests
{
    private static readonly string WordCopy = Path.Combine(Repo.Root, "bench", "assets", "loan-letter.docx");

    private static string Text(string template, byte[] json)
    {
        using var output = new MemoryStream();
        var result = new CaseDocumentGenerator(TemplateLocations.Catalog(Repo.Root), FixedClock.Default)
            .Generate(json, "case.json", output, GenerateOptions.Default with { Template = template });
        result.Outcome.ShouldBe(RunOutcome.Written, string.Join("\n", result.Findings));
        var path = Path.Combine(Repo.NewTempFolder(), result.FileName!);
        File.WriteAllBytes(path, output.ToArray());
        OpenXmlCheck.AssertValid(path);
        return OpenXmlCheck.DocxText(path);
    }

    [Theory]
    [InlineData("loan")]
    [InlineData("gift")]
    [InlineData("no-websites-no-role")]
    public void The_word_copy_gives_the_text_of_the_sbn_letter(string variation)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.Sample("device-allocation.json")))!.AsObject();
        switch (variation)
        {
            case "gift":
                node["ownership"] = "permanent";
                node.Remove("owner");
                node["onIssue"]!.AsObject().Remove("annualCheckDue");
                node["equipment"]![0]!.AsObject().Remove("serialNumber");
                break;
            case "no-websites-no-role":
                node["usefulWebsites"] = new JsonArray();
                node["recipient"]!.AsObject().Remove("role");
                node["provider"]!.AsObject().Remove("email");
                break;
        }

        var json = Encoding.UTF8.GetBytes(node.ToJsonString());
        Text(WordCopy, json).ShouldBe(Text("loan-letter.sbn", json));
    }
}
