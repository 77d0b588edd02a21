using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>Runs the command in-process, as a user would from the repository root, and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}

internal static class CliRunner
{
    public static CliRun Run(params string[] args) => RunIn(Repo.Root, args);

    public static CliRun RunIn(string currentDirectory, params string[] args)
    {
        // 'generate' enters documents in the register of the data folder: unless a test names one, each run
        // has a fresh register of its own (so a sealed footer says entry 1), never the repository's data/.
        if (args.Length > 0 && args[0] == "generate" && !args.Contains("--data") && !args.Contains("--help"))
        {
            args = [.. args, "--data", Repo.NewTempFolder()];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, new CliEnvironment(output, error, FixedClock.Default, currentDirectory, IsTerminal: false));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A sample case as JSON text, changed by <paramref name="change"/>: for tests that break one thing.</summary>
    public static string MutateSample(string sample, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.Sample(sample)))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    /// <summary>Writes a case file into a fresh folder and returns its path.</summary>
    public static string WriteCase(string json, string name = "case.json")
    {
        var folder = Repo.NewTempFolder();
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
