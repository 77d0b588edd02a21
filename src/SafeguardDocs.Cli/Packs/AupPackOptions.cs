using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Core.Rules;

namespace SafeguardDocs.Cli.Packs;

/// <summary>How to make a school's AUP packs. Immutable; start from <see cref="Default"/>.</summary>
public sealed record AupPackOptions
{
    public static AupPackOptions Default { get; } = new();

    /// <summary>Where the packs, print file, tracker and errors report go. Created when missing.</summary>
    public string OutputFolder { get; init; } = "output";

    /// <summary>Columns of the export named explicitly (<c>--map Year="NC Year"</c>), overriding the usual headers.</summary>
    public IReadOnlyDictionary<RosterColumn, string> ColumnMap { get; init; } = new Dictionary<RosterColumn, string>();

    /// <summary>Called after each family's pack is written, with (families done, families in all). From any thread.</summary>
    public Action<int, int>? FamilyWritten { get; init; }

    /// <summary>How many families are worked on at once; the machine's core count by default.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Families rendered per batch. The print file takes batches in order while the next ones are made, so
    /// memory holds a few batches' markup at most, whatever the size of the school.
    /// </summary>
    public int BatchSize { get; init; } = 32;

    public ValidationOptions Validation { get; init; } = ValidationOptions.Default;

    /// <summary>How long to wait for another run writing to the same folder; null for the default (a few seconds).</summary>
    public TimeSpan? LockWait { get; init; }
}
