using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Cli.Generation;

public enum GenerationOutcome
{
    /// <summary>The document was written.</summary>
    Written = 0,

    /// <summary>The case has errors against the guidance; nothing was written.</summary>
    CaseHasErrors = 1,

    /// <summary>The case, template or house style could not be read or used; nothing was written.</summary>
    InputUnusable = 2,
}

/// <summary>What happened to one case: the outcome, the file written (if any) and every finding, located.</summary>
public sealed record GenerationResult(GenerationOutcome Outcome, string? OutputPath, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Problems)
{
    /// <summary>The reference of the case, for summaries (never a name).</summary>
    public string? Reference { get; init; }

    public string? TemplateName { get; init; }

    public int ErrorCount => Findings.Count(f => f.IsError);

    public int WarningCount => Findings.Count(f => !f.IsError);
}
