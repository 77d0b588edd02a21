using SafeguardDocs.Core.Cases.AupPack.Roster;

namespace SafeguardDocs.Generation.Packs.Roster;

/// <summary>
/// Reads column matches given as <c>Column=Header</c> (the command's <c>--map</c>, the web API's <c>map</c>
/// fields): one parser for every front end, each naming the option in its own words.
/// </summary>
public static class RosterColumnMap
{
    /// <param name="values">The <c>Column=Header</c> values, in order.</param>
    /// <param name="subject">How a message names one value ("--map", "A map field").</param>
    /// <param name="example">An example value as the user would type it.</param>
    /// <param name="label">How a message about an unknown column names the option ("--map", "map").</param>
    /// <returns>The matches read; a problem (a usage error) when one cannot be used.</returns>
    public static (IReadOnlyDictionary<RosterColumn, string> Map, string? Problem) Parse(IEnumerable<string> values, string subject, string example, string label)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new Dictionary<RosterColumn, string>();
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || string.IsNullOrWhiteSpace(value[(equals + 1)..]))
            {
                return (result, $"{subject} takes a column name and the roster's header for it, like {example}. Columns: {RosterColumns.Names}.");
            }

            var name = value[..equals].Trim();
            var column = RosterColumns.Find(name);
            if (column is null)
            {
                return (result, $"{label}: '{name}' is not a column the pack reads. Use one of: {RosterColumns.Names}.");
            }

            result[column] = value[(equals + 1)..].Trim();
        }

        return (result, null);
    }
}
