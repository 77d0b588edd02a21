using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Generation;

/// <summary>
/// Load-and-check of one case, the one way every run reads a case: strict loading (from a file or from
/// memory), then the kind's rules with today's date from the injected clock and the organisation's
/// settings, findings placed at their line and column and put in reading order.
/// </summary>
public sealed class CaseChecker(TimeProvider clock)
{
    /// <summary>Reads a case file and checks it. Writes nothing.</summary>
    public CheckedCase Check(string casePath, OrganisationSettings? settings = null) => Check(CaseLoader.LoadFile(casePath), settings);

    /// <summary>Reads a case from UTF-8 JSON in memory (<paramref name="name"/> names it in findings) and checks it.</summary>
    public CheckedCase Check(ReadOnlySpan<byte> utf8Json, string name, OrganisationSettings? settings = null) => Check(CaseLoader.Load(utf8Json, name), settings);

    /// <summary>Checks a case already read.</summary>
    public CheckedCase Check(CaseLoadResult load, OrganisationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!load.Succeeded)
        {
            return new CheckedCase(load, load.Errors);
        }

        var context = ValidationContext.From(clock, settings);
        return new CheckedCase(load, load.Locate(load.Kind!.Rules.Check(load.Case!, context)).InReadingOrder());
    }
}

/// <summary>A case that has been read and checked: the load (with positions for locating findings) and every finding, in reading order.</summary>
public sealed record CheckedCase(CaseLoadResult Load, IReadOnlyList<Finding> Findings)
{
    public bool Loaded => Load.Succeeded;

    public bool HasErrors => Findings.HasErrors();
}
