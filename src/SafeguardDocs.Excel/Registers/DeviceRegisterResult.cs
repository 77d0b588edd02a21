using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Excel.Registers;

/// <summary>What went into a device register and what did not, for the command to print. Holds no case data.</summary>
public sealed record DeviceRegisterResult
{
    /// <summary>The day overdue was judged on.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Case files looked at (every .json in a folder, and every file listed).</summary>
    public required int FilesRead { get; init; }

    /// <summary>Files read as device allocations, whether or not they passed validation. None means there was nothing to register.</summary>
    public required int AllocationsRead { get; init; }

    /// <summary>Device allocations read without errors (loans and permanent): with <see cref="OtherKindsSkipped"/> and <see cref="FilesLeftOut"/> they add up to <see cref="FilesRead"/>.</summary>
    public int AllocationsIncluded { get; init; }

    /// <summary>Loan cases whose equipment is in the register.</summary>
    public required int LoansIncluded { get; init; }

    /// <summary>Rows in the register: one per item of equipment.</summary>
    public required int ItemsListed { get; init; }

    public required int ItemsOverdue { get; init; }

    /// <summary>Files of other kinds (an incident report, a viewing record …), skipped without a finding; a kind SafeguardDocs does not know at all is also skipped, with a warning.</summary>
    public required int OtherKindsSkipped { get; init; }

    /// <summary>Device allocations that give the equipment to the child outright: nothing to return or check, so not listed.</summary>
    public required int PermanentSkipped { get; init; }

    /// <summary>Files that could not be read or failed validation: left out, with their findings.</summary>
    public required int FilesLeftOut { get; init; }

    /// <summary>Errors (why a file was left out) and warnings, each naming file, path and rule; never a value.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    public bool HasErrors => Findings.HasErrors();
}
