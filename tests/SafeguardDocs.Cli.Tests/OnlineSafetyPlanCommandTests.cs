using System.Text.Json.Nodes;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

public sealed class OnlineSafetyPlanCommandTests
{
    private const string DocxName = "OSP-2026-0012_LH.docx";

    [Fact]
    public void The_sample_plan_is_written_with_reference_and_the_childs_initials()
    {
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/online-safety-plan.json", "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain(DocxName);
        run.Out.ShouldContain("template online-safety-plan");
        var file = Path.Combine(output, DocxName);
        OpenXmlCheck.AssertValid(file);
        Directory.EnumerateFiles(output).Select(Path.GetFileName).ShouldBe([DocxName]);
    }

    [Fact]
    public void The_sample_plan_reads_as_the_adults_plan_then_the_childs_page()
    {
        var output = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/online-safety-plan.json", "--out", output).ExitCode.ShouldBe(0);
        Snapshot.Match(OpenXmlCheck.DocxText(Path.Combine(output, DocxName)));
    }

    [Fact]
    public void The_scriban_template_is_listed_and_writes_the_same_document_as_the_razor_template()
    {
        var listed = CliRunner.Run("templates");
        listed.ExitCode.ShouldBe(0, listed.All);
        listed.Out.ShouldMatch(@"(?m)^online-safety-plan\.sbn +online-safety-plan +scriban +templates/scriban/online-safety-plan\.sbn ");

        var razor = Repo.NewTempFolder();
        var scriban = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/online-safety-plan.json", "--out", razor).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("generate", "samples/online-safety-plan.json", "--out", scriban, "--template", "online-safety-plan.sbn");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("(template online-safety-plan.sbn;");
        var file = Path.Combine(scriban, DocxName);
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldBe(OpenXmlCheck.DocxText(Path.Combine(razor, DocxName)));
    }

    [Fact]
    public void Validate_finds_nothing_in_the_sample()
    {
        var run = CliRunner.Run("validate", "samples/online-safety-plan.json");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.Trim().ShouldBe(Path.Combine("samples", "online-safety-plan.json") + ": online-safety-plan, 0 errors, 0 warnings.");
    }

    [Fact]
    public void A_shared_plan_with_no_parent_signatory_is_written_with_a_warning_naming_the_rule()
    {
        // Seed 004 asks for the plan to be shared with the parents, not signed by them.
        var root = JsonNode.Parse(File.ReadAllText(Repo.Sample("online-safety-plan.json")))!.AsObject();
        root["signatories"]!.AsArray().RemoveAt(1);
        var casePath = CliRunner.WriteCase(root.ToJsonString());
        var output = Repo.NewTempFolder();

        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Error.ShouldContain("warning OSP023:");
        run.Error.ShouldContain("[$.signatories]");
        File.Exists(Path.Combine(output, "OSP-2026-0012_LH.docx")).ShouldBeTrue();
        run.All.ShouldNotContain("Hartley");

        var validate = CliRunner.Run("validate", casePath);
        validate.ExitCode.ShouldBe(0);
        validate.Out.ShouldContain("warning OSP023:");
    }
}
