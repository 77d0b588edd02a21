using SafeguardDocs.Core.Rules;

namespace SafeguardDocs.Core.Cases;

/// <summary>
/// Everything the pipeline needs to know about one kind of case: its name in the file, its record
/// type, its rules, and how its output file is named.
/// </summary>
/// <param name="Name">The <c>kind</c> value in the case file, for example <c>device-allocation</c>.</param>
/// <param name="ModelType">The record type the file is read into.</param>
/// <param name="Rules">The rules checked before anything is written.</param>
/// <param name="Description">A few words for <c>templates</c> and help text.</param>
/// <param name="InitialsOf">The name whose initials go into the file name, or null for none (incident forms hold no names).</param>
public sealed record CaseKind(
    string Name,
    Type ModelType,
    IRuleSet Rules,
    string Description,
    Func<CaseFile, string?>? InitialsOf)
{
    /// <summary>
    /// Properties that must never appear in this kind of file, with the reason to give when one does
    /// (for example a viewing record must never hold imagery). Keyed by property name, any case.
    /// </summary>
    public IReadOnlyDictionary<string, string> RefusedProperties { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True for a kind whose documents are made many at once from one case (the AUP pack), not one
    /// document per case; front ends say how they make them.
    /// </summary>
    public bool MakesManyDocuments { get; init; }
}
