namespace SafeguardDocs.Core.Cases.DeviceAllocation;

/// <summary>
/// The words after "Dear" in a letter: the case's own salutation, else title and surname ("Mr Daniel
/// Okafor" → "Mr Okafor"), else the name as written.
/// </summary>
public static class Salutations
{
    private static readonly string[] Titles =
        ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Rev", "Revd", "Reverend", "Sir", "Dame", "Lady", "Lord"];

    public static string Of(string? salutation, string? name)
    {
        if (!string.IsNullOrWhiteSpace(salutation))
        {
            return salutation.Trim();
        }

        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && HasTitle(name) ? $"{words[0]} {words[^1]}" : string.Join(' ', words);
    }

    /// <summary>True when the name starts with a title such as "Mr" or "Dr." and so a formal salutation can be made from it.</summary>
    public static bool HasTitle(string? name)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && Titles.Contains(words[0].TrimEnd('.'), StringComparer.OrdinalIgnoreCase);
    }
}
