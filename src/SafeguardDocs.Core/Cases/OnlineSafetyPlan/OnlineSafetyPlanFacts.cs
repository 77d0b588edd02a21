using System.Text.RegularExpressions;

namespace SafeguardDocs.Core.Cases.OnlineSafetyPlan;

/// <summary>What a child's page shows: which list, and where in the case file.</summary>
/// <param name="Section">The child's-page heading it goes under, for example "My rules".</param>
/// <param name="Path">JSON path, for example <c>$.reportingRoutes[1]</c>.</param>
/// <param name="Text">The words as written.</param>
public sealed record ChildPageItem(string Section, string Path, string Text);

/// <summary>
/// Facts about a plan that the rules and the templates both need, so that they agree: whether the child
/// has SEND, and what goes on the child's page.
/// </summary>
public static partial class OnlineSafetyPlanFacts
{
    /// <summary>
    /// The most words an item on a SEND child's page should have. Seed 004 asks for rules that are clear,
    /// consistent and literal; its own example ("Always ask your trusted adult, before sharing personal
    /// information online") has ten.
    /// </summary>
    public const int SendMaxWords = 12;

    public const string MyRules = "My rules";
    public const string PeopleICanTell = "People I can tell";
    public const string HowICanTell = "How I can tell";

    /// <summary>
    /// Abstract words seed 004 warns can confuse a child with SEND ("What does the term 'online predator'
    /// mean…?", "Is an online contact still a stranger if you know their name…?").
    /// </summary>
    public static IReadOnlyList<string> AbstractWords { get; } = ["predator", "predators", "stranger", "strangers"];

    /// <summary>True when the child has SEND: <c>send</c> is true or the child has an EHCP.</summary>
    public static bool IsSend(OnlineSafetyPlanCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Child?.Send == true || c.Child?.Ehcp == true;
    }

    /// <summary>
    /// The plan's own rule that always applies when the case gives no <c>myRules</c>: seed 004's own example
    /// ("Always ask your trusted adult, before sharing personal information online"), made concrete.
    /// </summary>
    public const string AlwaysRule = "I ask my trusted adult before I share my address or photos.";

    /// <summary>
    /// The plan's own rule for each area of risk, used when the case gives no <c>myRules</c> and a concern is
    /// in that area; in the order of <see cref="OnlineSafetyPlanValues.ConcernCategories"/>.
    /// </summary>
    public static string? CategoryRule(string? category) => category switch
    {
        OnlineSafetyPlanValues.Content => "If something online upsets me, I tell my trusted adult.",
        OnlineSafetyPlanValues.Contact => "I only chat online with people I know from home or school.",
        OnlineSafetyPlanValues.Conduct => "I stop playing online when my trusted adult tells me to stop.",
        OnlineSafetyPlanValues.Commerce => "I ask my trusted adult before I buy or download anything.",
        _ => null,
    };

    /// <summary>
    /// Everything the child's page shows, in order: my rules, people I can tell, how I can tell. "My rules" are
    /// the case's own <c>myRules</c> when it gives any; otherwise the plan's own rules (<see cref="DefaultRules"/>).
    /// The templates print exactly these, and the SEND rules check exactly these.
    /// </summary>
    public static IReadOnlyList<ChildPageItem> ChildPageItems(OnlineSafetyPlanCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var items = new List<ChildPageItem>();
        Add(MyRules, "$.myRules", c.MyRules);
        if (items.Count == 0)
        {
            items.AddRange(DefaultRules(c));
        }

        Add(PeopleICanTell, "$.trustedAdults", c.TrustedAdults);
        Add(HowICanTell, "$.reportingRoutes", c.ReportingRoutes);
        return items;

        void Add(string section, string path, IReadOnlyList<string?>? list)
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (!string.IsNullOrWhiteSpace(list![i]))
                {
                    items.Add(new ChildPageItem(section, $"{path}[{i}]", list[i]!));
                }
            }
        }
    }

    /// <summary>
    /// The plan's own "my rules", for a case that gives none: <see cref="AlwaysRule"/> (path <c>$.myRules</c>,
    /// where the case's own rules would go), then one <see cref="CategoryRule"/> for each area of risk among the
    /// concerns, in the order of the areas (path: the first concern in that area). Each is short and literal,
    /// so it suits a child with SEND as well.
    /// </summary>
    public static IReadOnlyList<ChildPageItem> DefaultRules(OnlineSafetyPlanCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var rules = new List<ChildPageItem> { new(MyRules, "$.myRules", AlwaysRule) };
        var concerns = (c.Concerns ?? []).ToList();
        foreach (var category in OnlineSafetyPlanValues.ConcernCategories)
        {
            var first = concerns.FindIndex(x => string.Equals(x?.Category, category, StringComparison.Ordinal));
            if (first >= 0 && CategoryRule(category) is { } rule)
            {
                rules.Add(new ChildPageItem(MyRules, $"$.concerns[{first}]", rule));
            }
        }

        return rules;
    }

    /// <summary>Words in a piece of text: runs of letters, digits and apostrophes.</summary>
    public static int WordCount(string text) => WordPattern().Count(text ?? string.Empty);

    /// <summary>True when the text uses one of <see cref="AbstractWords"/>.</summary>
    public static bool UsesAbstractWord(string text) =>
        WordPattern().Matches(text ?? string.Empty).Any(m => AbstractWords.Contains(m.Value, StringComparer.OrdinalIgnoreCase));

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
