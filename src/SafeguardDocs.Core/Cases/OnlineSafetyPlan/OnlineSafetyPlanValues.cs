namespace SafeguardDocs.Core.Cases.OnlineSafetyPlan;

/// <summary>The allowed values of an Online Safety Plan, in one place for the rules and the templates.</summary>
public static class OnlineSafetyPlanValues
{
    public const string Content = "content";
    public const string Contact = "contact";
    public const string Conduct = "conduct";
    public const string Commerce = "commerce";

    public const string Child = "child";
    public const string Parent = "parent";
    public const string Carer = "carer";
    public const string Practitioner = "practitioner";
    public const string SocialWorker = "social-worker";

    /// <summary>Nursery is years -2 (N1) and -1 (N2), Reception is year 0; the last school year is 13.</summary>
    public const int FirstYearGroup = -2;
    public const int LastYearGroup = 13;

    /// <summary>The four areas of online risk: what the child sees, who contacts them, what they do, and money.</summary>
    public static IReadOnlyList<string> ConcernCategories { get; } = [Content, Contact, Conduct, Commerce];

    /// <summary>Who may sign the plan. A carer (for example a foster carer) counts as a parent.</summary>
    public static IReadOnlyList<string> SignatoryRoles { get; } = [Child, Parent, Carer, Practitioner, SocialWorker];

    /// <summary>"Nursery (N1)", "Reception", "Year 5": how a year group is printed.</summary>
    public static string YearGroupLabel(int? yearGroup) => yearGroup switch
    {
        null => string.Empty,
        -2 => "Nursery (N1)",
        -1 => "Nursery (N2)",
        0 => "Reception",
        var year => "Year " + year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The words a heading uses for each area of risk.</summary>
    public static string CategoryLabel(string category) => category switch
    {
        Content => "Content: what they see",
        Contact => "Contact: who they talk to",
        Conduct => "Conduct: what they do",
        Commerce => "Commerce: money, adverts and scams",
        _ => category,
    };

    /// <summary>The allowed values quoted and joined, for messages.</summary>
    internal static string Listed(IReadOnlyList<string> values) =>
        $"{string.Join(", ", values.Take(values.Count - 1).Select(v => $"\"{v}\""))} or \"{values[^1]}\"";
}
