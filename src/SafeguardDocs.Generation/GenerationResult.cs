using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Generation;

/// <summary>How a run ended, for every kind of run (one document, an AUP pack). Front ends map it to exit codes or pages.</summary>
public enum RunOutcome
{
    /// <summary>Everything the run makes was written.</summary>
    Written = 0,

    /// <summary>The case has errors against the guidance; nothing was written.</summary>
    CaseHasErrors = 1,

    /// <summary>An input (case, roster, template, house style, settings, folder) could not be read or used; nothing usable was written.</summary>
    InputUnusable = 2,
}

/// <summary>What every run reports: how it ended and every diagnostic, located. Nothing here names a person.</summary>
public abstract record RunResult(RunOutcome Outcome, IReadOnlyList<Finding> Findings)
{
    public int ErrorCount => Findings.Count(f => f.IsError);

    public int WarningCount => Findings.Count(f => !f.IsError);
}

/// <summary>What happened to one case: the outcome, the document written (if any) and every diagnostic.</summary>
public sealed record GenerationResult(RunOutcome Outcome, IReadOnlyList<Finding> Findings) : RunResult(Outcome, Findings)
{
    /// <summary>Where the document was written, when it was written to a folder.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The document's file name (<c>{reference}_{initials}</c> and the writer's extension), once it could be made.</summary>
    public string? FileName { get; init; }

    /// <summary>The reference of the case, for summaries (never a name).</summary>
    public string? Reference { get; init; }

    public string? TemplateName { get; init; }

    /// <summary>The register entry of the issue (its id is the one printed in a sealed footer), when the document was registered.</summary>
    public SafeguardDocs.Records.RegisterEntry? Entry { get; init; }

    /// <summary>The PDF written beside the document, when one was asked for.</summary>
    public string? PdfPath { get; init; }
}
