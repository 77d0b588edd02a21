namespace SafeguardDocs.Core.Cases.ViewingDecision;

/// <summary>
/// The values a <c>sex</c> field may take. The guidance asks that, wherever possible, the imagery is
/// viewed by a member of staff of the same sex as the child; that can be checked only between
/// <c>female</c> and <c>male</c>. The other values are accepted so that every child and member of
/// staff can be recorded truthfully; with them, <c>sameSexAsChild</c> and its reason carry the decision.
/// </summary>
public static class Sexes
{
    public const string Female = "female";
    public const string Male = "male";
    public const string NonBinary = "non-binary";
    public const string Other = "other";
    public const string NotKnown = "not-known";

    public static IReadOnlyList<string> Recognised { get; } = [Female, Male, NonBinary, Other, NotKnown];

    public static bool IsRecognised(string? sex) => sex is not null && Recognised.Contains(sex, StringComparer.Ordinal);

    /// <summary>True when both values are <c>female</c> or <c>male</c>, so "same sex" can be decided from them.</summary>
    public static bool AreComparable(string? a, string? b) => a is Female or Male && b is Female or Male;
}
