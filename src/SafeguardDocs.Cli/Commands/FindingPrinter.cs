using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Cli.Commands;

/// <summary>Prints findings compiler-style, one per line, paths shown relative to the current folder.</summary>
internal static class FindingPrinter
{
    public static void Print([LogOutput] TextWriter writer, IEnumerable<Finding> findings, CliEnvironment env)
    {
        foreach (var finding in findings)
        {
            writer.WriteLine((finding with { File = finding.File is null ? null : env.Show(finding.File) }).ToString());
        }
    }

    public static string Count(int n, string singular) => n == 1 ? $"1 {singular}" : $"{n} {singular}s";
}
