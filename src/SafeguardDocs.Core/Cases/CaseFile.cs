namespace SafeguardDocs.Core.Cases;

/// <summary>
/// What every case file has: its <c>kind</c> and a <c>reference</c>. One record type per kind derives
/// from this. Properties are nullable because a missing required field is a validation finding
/// (named by its rule), not a load failure.
/// </summary>
public abstract record CaseFile
{
    /// <summary>The kind of case, for example <c>device-allocation</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>The case reference: letters, digits, <c>-</c> and <c>_</c>. Used in the output file name.</summary>
    public string? Reference { get; init; }
}
