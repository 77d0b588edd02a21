using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Core.Loading;

/// <summary>
/// The outcome of reading a case file: the typed case, or the reasons it could not be read.
/// <see cref="Positions"/> lets later findings (validation) point at a line and column.
/// </summary>
public sealed record CaseLoadResult(string File, CaseFile? Case, CaseKind? Kind, IReadOnlyList<Finding> Errors, JsonPositions? Positions)
{
    public bool Succeeded => Case is not null && Errors.Count == 0;

    /// <summary>Places findings (which carry only a JSON path) at their file, line and column.</summary>
    public IReadOnlyList<Finding> Locate(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return [.. findings.Select(f =>
        {
            var position = f.Path.StartsWith('$') ? Positions?.Find(f.Path) : null;
            return f with
            {
                File = f.File ?? File,
                Line = f.Line ?? position?.Line,
                Column = f.Column ?? position?.Column,
            };
        })];
    }
}
