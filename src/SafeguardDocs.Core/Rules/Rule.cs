using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Core.Rules;

/// <summary>
/// One requirement of the guidance, with an id, a severity, where it comes from and a fixed message
/// that says what to do. The message is a constant: it cannot quote case data.
/// </summary>
/// <param name="Id">Stable id, for example <c>DA006</c>.</param>
/// <param name="Severity">Error stops generation; warning is printed and recorded.</param>
/// <param name="Source">Seed file and section, for example <c>000_f620ea6f56574647.txt §7 "Prior to issuing digital equipment"</c>.</param>
/// <param name="Message">What is wrong and what to do next.</param>
public sealed record Rule(string Id, Severity Severity, string Source, string Message)
{
    /// <summary>A finding of this rule at a JSON path.</summary>
    public Finding At(string path) => new(Id, Severity, path, Message, Source);
}
