using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Generation.Packs;

/// <summary>What a pack run did. Counts and file names only: nothing here names a person.</summary>
public sealed record AupPackResult(RunOutcome Outcome, IReadOnlyList<Finding> Findings) : RunResult(Outcome, Findings)
{
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
}
