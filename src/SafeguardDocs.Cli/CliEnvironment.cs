using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Cli;

/// <summary>
/// Everything the command touches outside itself, so tests can run it in-process: output streams,
/// the clock, the current folder and whether output goes to a terminal. <see cref="Out"/> and
/// <see cref="Error"/> are the console: the analyzers keep personal data off them (SGD002).
/// </summary>
public sealed record CliEnvironment([property: LogOutput] TextWriter Out, [property: LogOutput] TextWriter Error, TimeProvider Clock, string CurrentDirectory, bool IsTerminal)
{
    public static CliEnvironment System => new(
        Console.Out,
        Console.Error,
        TimeProvider.System,
        Directory.GetCurrentDirectory(),
        !Console.IsOutputRedirected);

    /// <summary>Who is running the command, recorded in the register as who issued a document: the operating-system user.</summary>
    public string User { get; init; } = Environment.UserName;

    /// <summary>A path from the command line, relative to the current folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>A path as the user should see it: relative to the current folder when inside it.</summary>
    public string Show(string path)
    {
        var relative = Path.GetRelativePath(CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
