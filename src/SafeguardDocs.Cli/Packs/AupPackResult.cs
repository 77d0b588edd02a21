using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Cli.Packs;

public enum AupPackOutcome
{
    /// <summary>Every pack, the print file and the tracker were written (rows that could not be used are in the errors report).</summary>
    Written = 0,

    /// <summary>The pack case has errors against the guidance; nothing was written.</summary>
    CaseHasErrors = 1,

    /// <summary>The case, the roster or a template could not be read or used; nothing was written (except, when no row could be used, the errors report).</summary>
    InputUnusable = 2,
}

/// <summary>What a pack run did. Counts and file names only: nothing here names a person.</summary>
public sealed record AupPackResult(AupPackOutcome Outcome, IReadOnlyList<Finding> Findings)
{
    /// <summary>Why the run could not go ahead, beyond findings (a template problem, a stopped run).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public int Families { get; init; }

    /// <summary>Family packs written (all of them, unless the run stopped part way).</summary>
    public int PacksWritten { get; init; }

    public int Pupils { get; init; }

    /// <summary>Rows of the export that could not be used; each is in the errors report.</summary>
    public int RowsSkipped { get; init; }

    /// <summary>Every file written: the family packs, the print file, the tracker and the errors report.</summary>
    public int FilesWritten { get; init; }

    /// <summary>Family packs left by an earlier run of the same pack that this run did not make (the roster changed), removed.</summary>
    public int StalePacksRemoved { get; init; }

    public TimeSpan Elapsed { get; init; }

    public string? PrintFile { get; init; }

    public string? TrackerFile { get; init; }

    /// <summary>The errors report, when rows were skipped.</summary>
    public string? ErrorsReport { get; init; }

    public string? OutputFolder { get; init; }

    public int ErrorCount => Findings.Count(f => f.IsError);

    public int WarningCount => Findings.Count(f => !f.IsError);
}
