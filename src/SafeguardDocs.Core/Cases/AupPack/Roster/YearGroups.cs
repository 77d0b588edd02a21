using System.Globalization;
using System.Text.RegularExpressions;

namespace SafeguardDocs.Core.Cases.AupPack.Roster;

/// <summary>
/// Year groups as MIS exports write them. Reception is 0. Understood (any case, spaces ignored):
/// <c>Reception</c>, <c>Rec</c>, <c>R</c>, <c>YR</c>, <c>Year R</c>; <c>Year 1</c> to <c>Year 13</c>,
/// <c>Y7</c>, <c>Yr 7</c>, <c>NC 7</c>, <c>7</c>, <c>07</c>; <c>Year 0</c> and <c>0</c> for Reception.
/// Nursery and anything else is not a year the agreements cover.
/// </summary>
public static partial class YearGroups
{
    public const int Reception = 0;
    public const int Last = 13;

    /// <summary>The year group 0 (Reception) to 13, or null when the text is not one.</summary>
    public static int? Parse(string? text)
    {
        var compact = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        var match = YearPattern().Match(compact);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["reception"].Success)
        {
            return Reception;
        }

        var year = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return year is >= Reception and <= Last ? year : null;
    }

    /// <summary>"Reception" or "Year 7".</summary>
    public static string Label(int yearGroup) =>
        yearGroup == Reception ? "Reception" : string.Create(CultureInfo.InvariantCulture, $"Year {yearGroup}");

    /// <summary>Every year group's label, Reception first.</summary>
    public static IReadOnlyList<string> Labels { get; } = [.. Enumerable.Range(Reception, Last + 1).Select(Label)];

    [GeneratedRegex(@"^(?:year|yr|y|nc|ncy)?(?:(?<reception>r|rec|reception)|(?<number>[0-9]{1,2}))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
