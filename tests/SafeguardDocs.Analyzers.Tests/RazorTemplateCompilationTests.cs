using System.Diagnostics;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Analyzers.Tests;

/// <summary>
/// Issue 6, part 1: Razor templates are compiled with their project, so a template that names a field
/// its case model does not have fails the build, naming the field. Proved by building
/// <c>Fixtures/BrokenTemplate</c>, a one-component Razor project that writes <c>Case.Child?.Nmae</c>.
/// </summary>
public sealed class RazorTemplateCompilationTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    [Trait("Category", "Build")]
    public async Task Template_naming_a_missing_field_does_not_build()
    {
        // Built in a temporary copy so that the repository's Directory.Build.props, central package
        // versions and analyzers do not apply, and nothing is written under the source tree.
        var work = Repo.NewTempFolder();
        try
        {
            var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "BrokenTemplate");
            foreach (var file in Directory.EnumerateFiles(fixture))
            {
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            }

            var core = typeof(DeviceAllocationCase).Assembly.Location;
            var (exitCode, output) = await DotnetBuild(work, Path.Combine(work, "BrokenTemplate.csproj"), $"-p:SafeguardDocsCoreAssembly={core}");

            var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
            exitCode.ShouldNotBe(0, output);
            errors.ShouldNotBeEmpty(output);
            errors.ShouldAllBe(e => e.Contains("error CS1061", StringComparison.Ordinal) && e.Contains("'Nmae'", StringComparison.Ordinal), output);
            errors.ShouldContain(e => e.Contains("ChildSummary.razor(", StringComparison.Ordinal), output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> DotnetBuild(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("build");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No build server left running after the test, and no console logger colours in the output.
        foreach (var extra in new[] { "--disable-build-servers", "-nologo", "-clp:NoSummary;ForceNoAlign", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(extra);
        }

        // Under `dotnet test` the test host inherits MSBuild settings of the outer build; start clean.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build did not finish within {BuildTimeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
