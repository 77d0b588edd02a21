namespace SafeguardDocs.Core.Diagnostics;

public static class FindingExtensions
{
    public static bool HasErrors(this IEnumerable<Finding> findings) => findings.Any(f => f.IsError);

    /// <summary>Errors first, then by position in the file, then by id, so output reads top to bottom.</summary>
    public static IReadOnlyList<Finding> InReadingOrder(this IEnumerable<Finding> findings) =>
        [.. findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Line ?? int.MaxValue)
            .ThenBy(f => f.Column ?? int.MaxValue)
            .ThenBy(f => f.Id, StringComparer.Ordinal)];
}
