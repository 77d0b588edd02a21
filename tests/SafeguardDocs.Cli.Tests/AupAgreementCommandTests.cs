using System.Text.Json.Nodes;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

public sealed class AupAgreementCommandTests
{
    private const string FileName = "AUP-2026-STAFF-0004_OP.docx";

    [Fact]
    public void The_sample_agreement_is_written_with_reference_and_signatory_initials()
    {
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/aup-agreement.json", "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain(FileName);
        var file = Path.Combine(output, FileName);
        OpenXmlCheck.AssertValid(file);
        Directory.EnumerateFiles(output).Select(Path.GetFileName).ShouldBe([FileName]);
    }

    [Fact]
    public void The_sample_agreement_reads_as_the_staff_version()
    {
        var output = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/aup-agreement.json", "--out", output).ExitCode.ShouldBe(0);
        Snapshot.Match(OpenXmlCheck.DocxText(Path.Combine(output, FileName)));
    }

    [Fact]
    public void The_scriban_template_writes_the_same_agreement()
    {
        var razor = Repo.NewTempFolder();
        var scriban = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/aup-agreement.json", "--out", razor).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("generate", "samples/aup-agreement.json", "--out", scriban, "--template", "aup-agreement.sbn");
        run.ExitCode.ShouldBe(0, run.All);
        var file = Path.Combine(scriban, FileName);
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldBe(OpenXmlCheck.DocxText(Path.Combine(razor, FileName)));
    }

    [Theory]
    [InlineData("aup-agreement")]
    [InlineData("aup-agreement.sbn")]
    public void An_unknown_audience_exits_1_with_AUP003_and_writes_nothing(string template)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.Sample("aup-agreement.json")))!.AsObject();
        node["audience"] = "governor";
        var casePath = CliRunner.WriteCase(node.ToJsonString());
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output, "--template", template);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("error AUP003:");
        run.Error.ShouldContain("[$.audience]");
        run.Error.ShouldContain("Nothing written");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
        run.All.ShouldNotContain("Owen");
        run.All.ShouldNotContain("Pryce");
    }
}
