using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Generation;

/// <summary>
/// The one way diagnostics are printed, compiler-style, one a line:
/// <c>file(line,col): error ID: message [path] (source: …)</c>, which editors and CI logs recognise.
/// A diagnostic that nothing locates (no file, no path) is printed as its message alone.
/// </summary>
public static class DiagnosticPrinter
{
    /// <param name="finding">The diagnostic.</param>
    /// <param name="showPath">How to show its file (for example relative to the current folder); as it is when null.</param>
    public static string Format(Finding finding, Func<string, string>? showPath = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!finding.IsLocated)
        {
            return finding.FullMessage;
        }

        return (finding.File is { } file && showPath is not null ? finding with { File = showPath(file) } : finding).ToString();
    }

    /// <summary>Every diagnostic, one a line.</summary>
    public static IEnumerable<string> Lines(IEnumerable<Finding> findings, Func<string, string>? showPath = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings.Select(f => Format(f, showPath));
    }
}
