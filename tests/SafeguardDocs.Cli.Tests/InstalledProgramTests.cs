using System.Diagnostics;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>
/// The built program, copied away from the source tree and run from a folder that has no templates of its
/// own, still finds the templates shipped with it (the README's "else the copy installed beside the
/// program"). Run as a separate process, as a school would run it, not in-process.
/// </summary>
public sealed class InstalledProgramTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Installed = new(() =>
    {
        // The command's own build output (bin/<configuration>/<framework>, the same as this test's), copied.
        var testProject = Path.Combine(Repo.Root, "tests", "SafeguardDocs.Cli.Tests");
        var built = Path.Combine(Repo.Root, "src", "SafeguardDocs.Cli", Path.GetRelativePath(testProject, AppContext.BaseDirectory));
        File.Exists(Path.Combine(built, "safeguard-docs.dll")).ShouldBeTrue($"The command is not built at {built}.");
        var install = Path.Combine(Repo.NewTempFolder(), "safeguard-docs");
        foreach (var file in Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(install, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return install;
    });

    private static CliRun RunInstalled(string currentDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = currentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Installed.Value, "safeguard-docs.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("SAFEGUARD_DOCS_TEMPLATES");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("safeguard-docs did not finish.");
        }

        return new CliRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A folder outside the repository holding only the sample case: no <c>templates/</c> folder.</summary>
    private static string ElsewhereWithCase()
    {
        var folder = Repo.NewTempFolder();
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "case.json"));
        return folder;
    }

    private static IEnumerable<string> ShippedScribanTemplates() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Templates, "scriban"), "*.sbn", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Select(Path.GetFileName)!;

    [Fact]
    public void Templates_lists_every_shipped_scriban_template_from_the_copy_beside_the_program()
    {
        var run = RunInstalled(ElsewhereWithCase(), "templates");
        run.ExitCode.ShouldBe(0, run.All);
        var installedFolder = Path.Combine(Installed.Value, "templates", "scriban");
        foreach (var name in ShippedScribanTemplates())
        {
            run.Out.ShouldContain(Path.Combine(installedFolder, name), Case.Sensitive, run.All);
        }
    }

    [Fact]
    public void Generate_with_a_shipped_scriban_template_works_from_another_folder()
    {
        var folder = ElsewhereWithCase();
        var run = RunInstalled(folder, "generate", "case.json", "--template", "loan-letter.sbn", "--out", "out");
        run.ExitCode.ShouldBe(0, run.All);
        var file = Path.Combine(folder, "out", "DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);

        var razor = RunInstalled(folder, "generate", "case.json", "--out", "razor");
        razor.ExitCode.ShouldBe(0, razor.All);
        OpenXmlCheck.DocxText(file).ShouldBe(OpenXmlCheck.DocxText(Path.Combine(folder, "razor", "DA-2026-0042_JEP.docx")));
    }

    [Fact]
    public void Check_from_another_folder_checks_the_shipped_templates()
    {
        var run = RunInstalled(ElsewhereWithCase(), "check");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldStartWith($"{ShippedScribanTemplates().Count()} template");
        run.Out.ShouldContain("checked, 0 errors.");
    }
}
