using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Excel.Registers;

/// <summary>What went into an incident log and what did not, for the command to print. Holds no case data.</summary>
public sealed record IncidentLogResult
{
    /// <summary>Case files looked at (every .json in a folder, and every file listed).</summary>
    public required int FilesRead { get; init; }

    /// <summary>Files read as incident forms, whether or not they passed validation. None means there was nothing to log.</summary>
    public required int FormsRead { get; init; }

    /// <summary>Rows in the log: one per incident form in the period.</summary>
    public required int IncidentsListed { get; init; }

    /// <summary>Valid forms whose incident date is outside <c>--from</c>/<c>--to</c>.</summary>
    public required int OutsidePeriod { get; init; }

    /// <summary>Forms read without errors (in the period or not): with <see cref="OtherKindsSkipped"/> and <see cref="FilesLeftOut"/> they add up to <see cref="FilesRead"/>.</summary>
    public int FormsIncluded { get; init; }

    /// <summary>Files of other kinds, skipped; a kind SafeguardDocs does not know at all is also skipped, with a warning.</summary>
    public required int OtherKindsSkipped { get; init; }

    /// <summary>Files that could not be read or failed validation: left out, with their findings.</summary>
    public required int FilesLeftOut { get; init; }

    /// <summary>The start of the period the summary covers: <c>--from</c>, else the earliest incident listed.</summary>
    public DateOnly? PeriodFrom { get; init; }

    /// <summary>The end of the period the summary covers: <c>--to</c>, else the latest incident listed.</summary>
    public DateOnly? PeriodTo { get; init; }

    /// <summary>Errors (why a file was left out) and warnings, each naming file, path and rule; never a value.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    public bool HasErrors => Findings.HasErrors();
}
