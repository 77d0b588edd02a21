using SafeguardDocs.Core.Cases.AupPack.Roster;

namespace SafeguardDocs.Generation.Packs.Roster;

/// <summary>Which column of the export each <see cref="RosterColumn"/> was found in.</summary>
public sealed class RosterMapping
{
    private readonly Dictionary<RosterColumn, (int Index, string Header)> found;

    internal RosterMapping(Dictionary<RosterColumn, (int Index, string Header)> found) => this.found = found;

    /// <summary>The 0-based index of the column, or null when the export has none (optional columns only).</summary>
    public int? IndexOf(RosterColumn column) => found.TryGetValue(column, out var f) ? f.Index : null;

    /// <summary>The header the column was found under, or null.</summary>
    public string? HeaderOf(RosterColumn column) => found.TryGetValue(column, out var f) ? f.Header : null;

    /// <summary>
    /// Maps the header row. Each column is the one <paramref name="overrides"/> names, else the first of its
    /// <see cref="RosterColumn.Headers"/> present. Returns the mapping, or every problem with the header
    /// (a required column missing, an override naming a header the export does not have).
    /// </summary>
    /// <param name="header">The export's header row.</param>
    /// <param name="overrides">Column name to header, from <c>--map</c>; names must be known (<see cref="RosterColumns.Find"/>).</param>
    public static (RosterMapping? Mapping, IReadOnlyList<string> Problems) Map(IReadOnlyList<string> header, IReadOnlyDictionary<RosterColumn, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(overrides);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            byName.TryAdd(RosterColumns.Normalise(header[i]), i);
        }

        var found = new Dictionary<RosterColumn, (int, string)>();
        var problems = new List<string>();
        foreach (var column in RosterColumns.All)
        {
            if (overrides.TryGetValue(column, out var wanted))
            {
                if (byName.TryGetValue(RosterColumns.Normalise(wanted), out var index))
                {
                    found[column] = (index, header[index]);
                }
                else
                {
                    problems.Add($"--map {column.Name}=\"{wanted}\": the roster has no column headed \"{wanted}\". Check the spelling against the roster's first line.");
                }

                continue;
            }

            var match = column.Headers.Select(h => byName.TryGetValue(RosterColumns.Normalise(h), out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (match >= 0)
            {
                found[column] = (match, header[match]);
            }
            else if (column.Required)
            {
                problems.Add($"The roster has no column for {column.Meaning} (looked for a header {column.HeadersListed}). "
                    + $"If it has another name in your export, say which with --map \"{column.Name}=Your header\".");
            }
        }

        return problems.Count == 0 ? (new RosterMapping(found), []) : (null, problems);
    }
}
