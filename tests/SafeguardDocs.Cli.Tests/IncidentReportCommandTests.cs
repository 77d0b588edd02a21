using System.Text.Json.Nodes;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

public sealed class IncidentReportCommandTests
{
    private const string DocxName = "INC-2026-0113.docx";

    [Fact]
    public void The_sample_form_is_written_under_its_reference_alone()
    {
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/incident-report.json", "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain(DocxName);
        run.Out.ShouldContain("template incident-monitoring-form");
        var file = Path.Combine(output, DocxName);
        OpenXmlCheck.AssertValid(file);
        Directory.EnumerateFiles(output).Select(Path.GetFileName).ShouldBe([DocxName]);
    }

    [Fact]
    public void The_sample_form_reads_as_the_paper_form_then_the_framework()
    {
        var output = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/incident-report.json", "--out", output).ExitCode.ShouldBe(0);
        Snapshot.Match(OpenXmlCheck.DocxText(Path.Combine(output, DocxName)));
    }

    [Fact]
    public void The_scriban_template_is_listed_and_writes_the_same_document_as_the_razor_template()
    {
        var listed = CliRunner.Run("templates");
        listed.ExitCode.ShouldBe(0, listed.All);
        listed.Out.ShouldMatch(@"(?m)^incident-monitoring-form\.sbn +incident-report +scriban +templates/scriban/incident-monitoring-form\.sbn ");

        var razor = Repo.NewTempFolder();
        var scriban = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/incident-report.json", "--out", razor).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("generate", "samples/incident-report.json", "--out", scriban, "--template", "incident-monitoring-form.sbn");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("(template incident-monitoring-form.sbn;");
        var file = Path.Combine(scriban, DocxName);
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldBe(OpenXmlCheck.DocxText(Path.Combine(razor, DocxName)));
    }

    [Fact]
    public void Validate_finds_nothing_in_the_sample()
    {
        var run = CliRunner.Run("validate", "samples/incident-report.json");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.Trim().ShouldBe(Path.Combine("samples", "incident-report.json") + ": incident-report, 0 errors, 0 warnings.");
    }

    [Fact]
    public void An_age_of_18_exits_1_names_the_rule_and_writes_nothing()
    {
        var root = JsonNode.Parse(File.ReadAllText(Repo.Sample("incident-report.json")))!.AsObject();
        root["agesOfChildren"]![1] = 18;
        var casePath = CliRunner.WriteCase(root.ToJsonString());
        var output = Repo.NewTempFolder();

        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("error INC006:");
        run.Error.ShouldContain("[$.agesOfChildren[1]]");
        run.Error.ShouldContain("Nothing written");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
        run.All.ShouldNotContain("Dunmore");

        var validate = CliRunner.Run("validate", casePath);
        validate.ExitCode.ShouldBe(1);
        validate.Out.ShouldContain("error INC006:");
    }
}
