using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Generation;

namespace SafeguardDocs.Cli.Commands;

/// <summary>Prints diagnostics with the library's one printer, one a line, paths shown relative to the current folder.</summary>
internal static class FindingPrinter
{
    public static void Print([LogOutput] TextWriter writer, IEnumerable<Finding> findings, CliEnvironment env)
    {
        foreach (var line in DiagnosticPrinter.Lines(findings, env.Show))
        {
            writer.WriteLine(line);
        }
    }

    public static string Count(int n, string singular) => n == 1 ? $"1 {singular}" : $"{n} {singular}s";
}
