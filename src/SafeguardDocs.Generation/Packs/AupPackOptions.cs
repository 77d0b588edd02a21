using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Generation.Packs;

/// <summary>How far a pack run has got: counts only, never a name.</summary>
/// <param name="FamiliesDone">Family packs written so far.</param>
/// <param name="Families">Family packs the run will write.</param>
public readonly record struct PackProgress(int FamiliesDone, int Families);

/// <summary>How to make a school's AUP packs. Immutable; start from <see cref="Default"/>.</summary>
public sealed record AupPackOptions
{
    public static AupPackOptions Default { get; } = new();

    /// <summary>Where the packs, print file, tracker and errors report go. Created when missing.</summary>
    public string OutputFolder { get; init; } = "output";

    /// <summary>
    /// The covering letter's template: a name from the template catalogue (<c>aup-pack-letter.sbn</c>) or the
    /// path to a Scriban (<c>.sbn</c>) file; null for the built-in letter. It must be an <c>aup-pack-letter</c>
    /// template; the agreements are made with the <c>aup-agreement</c> kind's default.
    /// </summary>
    public string? LetterTemplate { get; init; }

    /// <summary>Columns of the export named explicitly (<c>--map Year="NC Year"</c>), overriding the usual headers.</summary>
    public IReadOnlyDictionary<RosterColumn, string> ColumnMap { get; init; } = new Dictionary<RosterColumn, string>();

    /// <summary>Told after each family's pack is written. Called from any thread, so it must be thread-safe.</summary>
    public IProgress<PackProgress>? Progress { get; init; }

    /// <summary>How many families are worked on at once; the machine's core count by default.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Families rendered per batch. The print file takes batches in order while the next ones are made, so
    /// memory holds a few batches' markup at most, whatever the size of the school.
    /// </summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The organisation's settings, seen by the rules and the templates.</summary>
    public OrganisationSettings Settings { get; init; } = OrganisationSettings.Default;

    /// <summary>How long to wait for another run writing to the same folder; null for the default (a few seconds).</summary>
    public TimeSpan? LockWait { get; init; }
}
