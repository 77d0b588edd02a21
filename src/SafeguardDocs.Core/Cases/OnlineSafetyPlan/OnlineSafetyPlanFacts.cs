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

    /// <summary>Everything the child's page shows, in order: my rules, people I can tell, how I can tell.</summary>
    public static IReadOnlyList<ChildPageItem> ChildPageItems(OnlineSafetyPlanCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var items = new List<ChildPageItem>();
        Add(MyRules, "$.myRules", c.MyRules);
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

    /// <summary>Words in a piece of text: runs of letters, digits and apostrophes.</summary>
    public static int WordCount(string text) => WordPattern().Count(text ?? string.Empty);

    /// <summary>True when the text uses one of <see cref="AbstractWords"/>.</summary>
    public static bool UsesAbstractWord(string text) =>
        WordPattern().Matches(text ?? string.Empty).Any(m => AbstractWords.Contains(m.Value, StringComparer.OrdinalIgnoreCase));

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
