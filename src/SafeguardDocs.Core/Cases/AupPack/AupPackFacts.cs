using SafeguardDocs.Core.Naming;

namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>Facts about a pack that the rules, the roster reader and the pack writer share.</summary>
public static class AupPackFacts
{
    /// <summary>
    /// The longest pack reference: it is followed by <c>_F0001_</c>, the contact's initials and <c>.docx</c>,
    /// and the agreements' own references (<c>{reference}-F0001-1</c>) must stay within
    /// <see cref="OutputNaming.MaxReferenceLength"/>.
    /// </summary>
    public const int MaxReferenceLength = OutputNaming.MaxReferenceLength - 12;

    /// <summary>True when the roster path names a <c>.csv</c> file.</summary>
    public static bool IsCsvName(string? roster) =>
        !string.IsNullOrWhiteSpace(roster) && roster.Trim().EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the roster path is relative and stays in the case file's folder or below it: not rooted,
    /// no drive, no <c>..</c> part. The case file and its roster travel together, so a pack can never be
    /// made to read a file elsewhere on the machine.
    /// </summary>
    public static bool IsInsideCaseFolder(string? roster)
    {
        if (string.IsNullOrWhiteSpace(roster))
        {
            return false;
        }

        var path = roster.Trim();
        if (Path.IsPathRooted(path) || path.Contains(':', StringComparison.Ordinal) || path.StartsWith('~'))
        {
            return false;
        }

        return !path.Split('/', '\\').Any(part => part.Trim() == "..");
    }

    /// <summary>The roster's full path, beside the case file.</summary>
    public static string RosterPath(string caseFilePath, string roster)
    {
        ArgumentNullException.ThrowIfNull(caseFilePath);
        ArgumentNullException.ThrowIfNull(roster);
        var folder = Path.GetDirectoryName(Path.GetFullPath(caseFilePath)) ?? ".";
        return Path.GetFullPath(Path.Combine(folder, roster.Trim().Replace('\\', Path.DirectorySeparatorChar)));
    }
}
