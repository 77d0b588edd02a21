using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary><c>check</c> reads Handlebars templates against the case model; <c>generate</c> refuses a template that fails it.</summary>
public sealed class CheckCommandTests
{
    private static readonly string Fixtures = Path.Combine("tests", "SafeguardDocs.Templating.Tests", "BrokenTemplates");

    /// <summary>A folder laid out like the repository: <c>templates/handlebars/NAME</c> holding <paramref name="text"/>, and the sample case.</summary>
    private static string FolderWithTemplate(string name, string text)
    {
        var folder = Repo.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "templates", "handlebars"));
        File.WriteAllText(Path.Combine(folder, "templates", "handlebars", name), text);
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "case.json"));
        return folder;
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(Repo.Root, Fixtures, name));

    [Fact]
    public void Check_without_arguments_passes_every_shipped_template()
    {
        var run = CliRunner.Run("check");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldMatch(@"\A[1-9][0-9]* templates? checked, 0 errors\.\r?\n\z");
        run.Error.ShouldBeEmpty();
    }

    [Fact]
    public void Check_prints_each_error_compiler_style_relative_to_the_current_folder_and_exits_1()
    {
        var run = CliRunner.Run("check", Path.Combine(Fixtures, "misspelt-root-member.hbs"));
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain($"{Path.Combine(Fixtures, "misspelt-root-member.hbs")}(6,47): error SGT001: `child.dateOfBrith` is not in the case model");
        run.Out.ShouldContain("Did you mean `child.dateOfBirth`?");
        run.Out.ShouldEndWith("1 template checked, 1 error in 1 template." + Environment.NewLine);
    }

    [Fact]
    public void Check_of_a_folder_checks_every_template_in_it_and_reports_all_their_errors()
    {
        var run = CliRunner.Run("check", Fixtures);
        run.ExitCode.ShouldBe(1, run.All);
        var count = Directory.EnumerateFiles(Path.Combine(Repo.Root, Fixtures), "*.hbs").Count();
        run.Out.ShouldContain($"{count} templates checked, ");
        foreach (var id in new[] { "SGT001", "SGT002", "SGT004", "SGT005" })
        {
            run.Out.ShouldContain($"error {id}: ");
        }
    }

    [Fact]
    public void Check_without_arguments_finds_a_broken_template_in_the_templates_folder()
    {
        var folder = FolderWithTemplate("broken.hbs", Fixture("unknown-helper.hbs"));
        var run = CliRunner.RunIn(folder, "check");
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain($"{Path.Combine("templates", "handlebars", "broken.hbs")}(6,22): error SGT005: `dat` is not a helper. Did you mean `date`?");
    }

    [Fact]
    public void Check_of_a_template_that_is_not_there_exits_2_and_names_it()
    {
        var run = CliRunner.Run("check", "no-such-template.hbs");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no-such-template.hbs");
    }

    [Fact]
    public void Check_has_help()
    {
        var run = CliRunner.Run("check", "--help");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
        run.Out.ShouldContain("TEMPLATE");
    }

    [Fact]
    public void Generate_refuses_a_broken_template_file_exits_2_and_writes_nothing()
    {
        var folder = FolderWithTemplate("ignored.hbs", "{{!-- kind: device-allocation --}}");
        var template = Path.Combine(folder, "broken.hbs");
        File.WriteAllText(template, Fixture("misspelt-member-in-each.hbs"));
        var output = Path.Combine(folder, "out");
        var run = CliRunner.RunIn(folder, "generate", "case.json", "--template", "broken.hbs", "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("(8,62): error SGT001: `serialNo` is not in the case model");
        run.Error.ShouldContain("Did you mean `serialNumber`?");
        run.Error.ShouldContain("Nothing written.");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Generate_refuses_a_broken_template_from_the_templates_folder_by_name()
    {
        var folder = FolderWithTemplate("letter.hbs", Fixture("mismatched-close.hbs"));
        var output = Path.Combine(folder, "out");
        var run = CliRunner.RunIn(folder, "generate", "case.json", "--template", "letter.hbs", "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain($"{Path.Combine("templates", "handlebars", "letter.hbs")}(8,3): error SGT002: {{{{/if}}}} does not match the {{{{#each}}}}");
        Directory.Exists(output).ShouldBeFalse();
    }
}
