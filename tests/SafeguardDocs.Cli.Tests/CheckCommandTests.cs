using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary><c>check</c> reads Scriban templates against the view model of their kind; <c>generate</c> refuses a template that fails it.</summary>
public sealed class CheckCommandTests
{
    private static readonly string Fixtures = Path.Combine("tests", "SafeguardDocs.Templating.Tests", "Scriban", "BrokenTemplates");

    /// <summary>A folder laid out like the repository: <c>templates/scriban/NAME</c> holding <paramref name="text"/>, and the sample case.</summary>
    private static string FolderWithTemplate(string name, string text)
    {
        var folder = Repo.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "templates", "scriban"));
        File.WriteAllText(Path.Combine(folder, "templates", "scriban", name), text);
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "case.json"));
        return folder;
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(Repo.Root, Fixtures, name));

    [Fact]
    public void Check_without_arguments_passes_every_shipped_template()
    {
        var run = CliRunner.Run("check");
        run.ExitCode.ShouldBe(0, run.All);
        var shipped = Directory.EnumerateFiles(Path.Combine(Repo.Templates, "scriban"), "*.sbn", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).StartsWith('_'));
        run.Out.ShouldBe($"{shipped} template{(shipped == 1 ? string.Empty : "s")} checked, 0 errors.{Environment.NewLine}");
        run.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Check_prints_each_error_compiler_style_relative_to_the_current_folder_and_exits_1()
    {
        var run = CliRunner.Run("check", Path.Combine(Fixtures, "misspelt-member.sbn"));
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain($"{Path.Combine(Fixtures, "misspelt-member.sbn")}(6,41): error SGT001: `child.dateOfBrith` is not in the model");
        run.Out.ShouldContain("Did you mean `child.dateOfBirth`?");
        run.Out.ShouldEndWith("1 template checked, 1 error in 1 template." + Environment.NewLine);
    }

    [Fact]
    public void Check_of_a_folder_checks_every_template_in_it_and_reports_all_their_errors()
    {
        var run = CliRunner.Run("check", Fixtures);
        run.ExitCode.ShouldBe(1, run.All);
        var count = Directory.EnumerateFiles(Path.Combine(Repo.Root, Fixtures), "*.sbn").Count();
        run.Out.ShouldContain($"{count} templates checked, ");
        run.Out.ShouldEndWith($" in {count} templates." + Environment.NewLine);
        foreach (var id in new[] { "SGT001", "SGT002", "SGT003", "SGT005", "SGT007" })
        {
            run.Out.ShouldContain($"error {id}: ");
        }
    }

    [Fact]
    public void Check_without_arguments_finds_a_broken_template_in_the_templates_folder()
    {
        var folder = FolderWithTemplate("broken.sbn", Fixture("unknown-function.sbn"));
        var run = CliRunner.RunIn(folder, "check");
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain($"{Path.Combine("templates", "scriban", "broken.sbn")}(6,23): error SGT005: `dat` is not a template function. Did you mean `date`?");
    }

    [Fact]
    public void Check_of_a_template_that_is_not_there_exits_2_and_names_it()
    {
        var run = CliRunner.Run("check", "no-such-template.sbn");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no-such-template.sbn");
    }

    [Fact]
    public void Check_of_a_file_that_is_not_a_scriban_or_word_template_exits_2_and_says_what_a_template_is()
    {
        var file = Path.Combine(Repo.NewTempFolder(), "letter.hbs");
        File.WriteAllText(file, "{{child.name}}");
        var run = CliRunner.Run("check", file);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("letter.hbs: error: This is not a template. Templates are Scriban (.sbn) or Word (.docx) files");
    }

    [Fact]
    public void Check_has_help()
    {
        var run = CliRunner.Run("check", "--help");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
        run.Out.ShouldContain("TEMPLATE");
        run.Out.ShouldContain(".sbn");
    }

    [Fact]
    public void Generate_refuses_a_broken_template_file_exits_2_and_writes_nothing()
    {
        var folder = FolderWithTemplate("ignored.sbn", "{{## kind: device-allocation ##}}");
        var template = Path.Combine(folder, "broken.sbn");
        File.WriteAllText(template, Fixture("misspelt-member-in-for.sbn"));
        var output = Path.Combine(folder, "out");
        var run = CliRunner.RunIn(folder, "generate", "case.json", "--template", "broken.sbn", "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("(8,75): error SGT001: `item.serialNo` is not in the model");
        run.Error.ShouldContain("Did you mean `item.serialNumber`?");
        run.Error.ShouldContain("Nothing written.");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Generate_refuses_a_broken_template_from_the_templates_folder_by_name()
    {
        var folder = FolderWithTemplate("letter.sbn", Fixture("unclosed-for.sbn"));
        var output = Path.Combine(folder, "out");
        var run = CliRunner.RunIn(folder, "generate", "case.json", "--template", "letter.sbn", "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain($"{Path.Combine("templates", "scriban", "letter.sbn")}(6,6): error SGT002: `for` is never closed: its `end` is missing.");
        Directory.Exists(output).ShouldBeFalse();
    }
}
