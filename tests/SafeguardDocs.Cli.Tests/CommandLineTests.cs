using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("generate", "--help")]
    [InlineData("validate", "--help")]
    [InlineData("templates", "--help")]
    public void Help_is_available_everywhere(params string[] args)
    {
        var run = CliRunner.Run(args);
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
    }

    [Fact]
    public void No_arguments_shows_help_and_exits_2()
    {
        var run = CliRunner.Run();
        run.ExitCode.ShouldBe(2);
        run.Out.ShouldContain("generate");
    }

    [Fact]
    public void An_unknown_command_exits_2_with_a_pointer_to_help()
    {
        var run = CliRunner.Run("genrate", "samples/device-allocation.json");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--help");
    }

    [Fact]
    public void A_missing_argument_exits_2() => CliRunner.Run("generate").ExitCode.ShouldBe(2);

    [Fact]
    public void Validate_prints_nothing_but_a_summary_for_the_sample()
    {
        var run = CliRunner.Run("validate", "samples/device-allocation.json");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.Trim().ShouldBe(Path.Combine("samples", "device-allocation.json") + ": device-allocation, 0 errors, 0 warnings.");
    }

    [Fact]
    public void Validate_prints_every_finding_compiler_style_and_exits_1()
    {
        var json = File.ReadAllText(Repo.Sample("device-allocation.json"))
            .Replace("\"hardwareWiped\": true", "\"hardwareWiped\": false", StringComparison.Ordinal)
            .Replace("\"weeklyUpdateAdvised\": true", "\"weeklyUpdateAdvised\": false", StringComparison.Ordinal);
        var path = CliRunner.WriteCase(json);
        var run = CliRunner.Run("validate", path);
        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain("case.json(30,5): error DA019:");
        run.Out.ShouldContain("case.json(38,5): warning DA027:");
        run.Out.ShouldContain("1 error, 1 warning");
        Directory.EnumerateFiles(Path.GetDirectoryName(path)!).Count().ShouldBe(1);
    }

    [Fact]
    public void Templates_lists_each_template_with_kind_and_engine()
    {
        var run = CliRunner.Run("templates");
        run.ExitCode.ShouldBe(0, run.All);
        var lines = run.Out.Split('\n');
        lines[0].ShouldStartWith("NAME");
        lines.ShouldContain(l => l.StartsWith("loan-letter (default)", StringComparison.Ordinal) && l.Contains("device-allocation", StringComparison.Ordinal) && l.Contains("razor", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("loan-letter.sbn", StringComparison.Ordinal) && l.Contains("scriban", StringComparison.Ordinal) && l.Contains(Path.Combine("templates", "scriban", "loan-letter.sbn"), StringComparison.Ordinal));
    }
}

public sealed class PackCaseWithGenerateTests
{
    [Fact]
    public void Generate_on_a_pack_case_points_to_the_pack_command()
    {
        var run = CliRunner.Run("generate", "samples/aup-pack.json", "--out", Repo.NewTempFolder());
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("use 'safeguard-docs pack CASE.json' instead of 'generate'");
    }
}

public sealed class OutputFolderProblemTests
{
    [Fact]
    public void An_output_folder_that_cannot_be_made_exits_2_with_advice_and_no_stack_trace()
    {
        // A file where a folder on the way to the output folder should be: the folder cannot be created.
        var blocker = Path.Combine(Repo.NewTempFolder(), "not-a-folder");
        File.WriteAllText(blocker, "x");
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--out", Path.Combine(blocker, "letters"));
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("Nothing half-written was left.");
        run.All.ShouldNotContain("   at ");
        run.All.ShouldNotContain("Jordan");
    }

    [Theory]
    [InlineData("generate", "samples/device-allocation.json")]
    [InlineData("pack", "samples/aup-pack.json")]
    public void Out_naming_an_existing_file_says_it_must_be_a_folder(string command, string input)
    {
        var file = Path.Combine(Repo.NewTempFolder(), "letters.docx");
        File.WriteAllText(file, "x");
        var run = CliRunner.Run(command, input, "--out", file);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("--out names a file");
        run.Error.ShouldContain("Give a folder");
        File.ReadAllText(file).ShouldBe("x");
    }

    [Fact]
    public void Log_out_naming_a_folder_says_it_must_be_an_xlsx_file()
    {
        var folder = Path.Combine(Repo.NewTempFolder(), "register.xlsx");
        Directory.CreateDirectory(folder);
        var run = CliRunner.Run("log", "devices", "samples", "--out", folder);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("--out names a folder");
    }
}
