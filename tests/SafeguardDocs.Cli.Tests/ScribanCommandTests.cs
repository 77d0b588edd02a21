using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>Scriban templates (<c>.sbn</c>) end to end: listed, checked, used by name or path, and stopped when they run away.</summary>
public sealed class ScribanCommandTests
{
    private const string Header = "{{##\nkind: device-allocation\ndescription: test\n##}}\n";

    /// <summary>A folder laid out like the repository: <c>templates/scriban/NAME</c> holding <paramref name="text"/>, and the sample case.</summary>
    private static string FolderWithTemplate(string name, string text)
    {
        var folder = Repo.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "templates", "scriban"));
        File.WriteAllText(Path.Combine(folder, "templates", "scriban", name), text);
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "case.json"));
        return folder;
    }

    [Fact]
    public void Templates_lists_the_scriban_loan_letter()
    {
        var run = CliRunner.Run("templates");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldMatch(@"(?m)^loan-letter\.sbn +device-allocation +scriban +templates/scriban/loan-letter\.sbn +Letter for digital equipment");
    }

    [Fact]
    public void The_scriban_template_writes_the_same_letter_as_the_razor_template()
    {
        var razor = Repo.NewTempFolder();
        var scriban = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/device-allocation.json", "--out", razor).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--out", scriban, "--template", "loan-letter.sbn");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("(template loan-letter.sbn;");
        var file = Path.Combine(scriban, "DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldBe(OpenXmlCheck.DocxText(Path.Combine(razor, "DA-2026-0042_JEP.docx")));
    }

    [Fact]
    public void Generate_takes_a_path_to_an_sbn_file()
    {
        var folder = Repo.NewTempFolder();
        File.Copy(Path.Combine(Repo.Templates, "scriban", "loan-letter.sbn"), Path.Combine(folder, "my-letter.sbn"));
        var output = Path.Combine(folder, "out");
        var run = CliRunner.RunIn(folder, "generate", Repo.Sample("device-allocation.json"), "--template", "my-letter.sbn", "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        OpenXmlCheck.AssertValid(Path.Combine(output, "DA-2026-0042_JEP.docx"));
    }

    [Fact]
    public void Check_finds_a_misspelt_member_in_a_scriban_template_with_its_position_and_the_real_name()
    {
        var folder = FolderWithTemplate("broken.sbn", Header + "<document title=\"x\" reference=\"{{ reference }}\">\n<p>{{ date child.dateOfBrith }}</p>\n</document>\n");
        var run = CliRunner.RunIn(folder, "check");
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain($"{Path.Combine("templates", "scriban", "broken.sbn")}(6,12): error SGT001: `child.dateOfBrith` is not in the model: `child` has no member `dateOfBrith`. Did you mean `child.dateOfBirth`?");
    }

    [Fact]
    public void Check_of_a_broken_block_gives_its_position()
    {
        var folder = FolderWithTemplate("broken.sbn", Header + "<document title=\"x\" reference=\"{{ reference }}\">\n{{ for item in equipment }}<p>{{ item.description }}</p>\n</document>\n");
        var run = CliRunner.RunIn(folder, "check", Path.Combine("templates", "scriban", "broken.sbn"));
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain("broken.sbn(6,4): error SGT002: `for` is never closed: its `end` is missing.");
        run.Out.ShouldEndWith("1 template checked, 1 error in 1 template." + Environment.NewLine);
    }

    [Fact]
    public void A_runaway_template_is_stopped_by_a_limit_exits_2_and_writes_nothing()
    {
        var body = "<document title=\"x\" reference=\"{{ reference }}\">\n"
            + "{{ for a in 1..300 }}{{ for b in 1..300 }}{{ for c in 1..300 }}<p>{{ child.name }}</p>{{ end }}{{ end }}{{ end }}\n</document>\n";
        var folder = FolderWithTemplate("runaway.sbn", Header + body);
        var output = Path.Combine(folder, "out");
        var run = CliRunner.RunIn(folder, "generate", "case.json", "--template", "runaway.sbn", "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain($"{Path.Combine("templates", "scriban", "runaway.sbn")}(6,");
        run.Error.ShouldContain("error SGT006: ");
        run.Error.ShouldContain("a loop inside a loop multiplies");
        run.Error.ShouldNotContain("Jordan");
        run.Error.ShouldContain("Nothing written.");
        Directory.Exists(output).ShouldBeFalse();
    }
}
