using SafeguardDocs.Core.Settings;
using V = SafeguardDocs.Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanValues;

namespace SafeguardDocs.Core.Cases.OnlineSafetyPlan;

/// <summary>
/// What an Online Safety Plan template sees (Razor as <c>View</c>, Scriban as the top level): every
/// property of the case under the case file's own name (<c>child.name</c>, <c>strategies</c>,
/// <c>signatories</c>), the facts the plan depends on worked out once (<c>isSend</c>, <c>hasEhcp</c>,
/// <c>isLookedAfter</c>, <c>firstName</c>, <c>carers</c> and <c>socialWorkers</c>, the concerns grouped
/// by area of risk in the guidance's order, and exactly what the child's page lists), and
/// <c>settings</c> and <c>today</c>. No template needs to work any of these out again.
/// </summary>
/// <remarks>
/// So that a template's <c>if</c> means "given": a list here never is null and holds no empty items
/// (an empty item is not a strategy, a target or a rule), and a top-level text left empty or only spaces
/// is null.
/// </remarks>
public sealed class OnlineSafetyPlanView
{
    private readonly OnlineSafetyPlanCase _case;
    private readonly IReadOnlyList<ChildPageItem> _childPage;

    public OnlineSafetyPlanView(OnlineSafetyPlanCase caseFile, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(settings);
        _case = caseFile;
        Settings = settings;
        Today = today;
        _childPage = OnlineSafetyPlanFacts.ChildPageItems(caseFile);
        Signatories = [.. (caseFile.Signatories ?? []).OfType<PlanSignatory>()];
        ConcernAreas = AreasOf(caseFile);
    }

    /// <summary>The view factory registered with <see cref="OnlineSafetyPlanKind.Kind"/>.</summary>
    public static Func<OnlineSafetyPlanCase, OrganisationSettings, DateOnly, OnlineSafetyPlanView> Create { get; } = (c, s, t) => new(c, s, t);

    // ---- the case, under the case file's names ----------------------------------------------------

    public string? Kind => _case.Kind;

    public string? Reference => _case.Reference;

    public PlanSetting? Setting => _case.Setting;

    public PlanChild? Child => _case.Child;

    public DateOnly? StartDate => _case.StartDate;

    public DateOnly? ReviewDate => _case.ReviewDate;

    public LeadPractitioner? LeadPractitioner => _case.LeadPractitioner;

    /// <summary>The concerns as listed (see <see cref="ConcernAreas"/> for them grouped).</summary>
    public IReadOnlyList<PlanConcern> Concerns => [.. (_case.Concerns ?? []).OfType<PlanConcern>()];

    /// <summary>What the child says; null when not recorded.</summary>
    [PersonalData]
    public string? ChildViews => Given(_case.ChildViews);

    /// <summary>The strategies as the case gives them (see <see cref="AtSchool"/> and <see cref="AtHome"/>).</summary>
    public PlanStrategies? Strategies => _case.Strategies;

    /// <summary>The people the child can tell, as the child's page lists them.</summary>
    [PersonalData]
    public IReadOnlyList<string> TrustedAdults => Section(OnlineSafetyPlanFacts.PeopleICanTell);

    /// <summary>The ways the child can report a worry, as the child's page lists them.</summary>
    public IReadOnlyList<string> ReportingRoutes => Section(OnlineSafetyPlanFacts.HowICanTell);

    /// <summary>The child's own rules as the case gives them (see <see cref="ChildPageRules"/> for what the page shows).</summary>
    public IReadOnlyList<string> MyRules => NonEmpty(_case.MyRules);

    public bool? SharedWithParents => _case.SharedWithParents;

    /// <summary>Why the plan is not shared with the parents; null when no reason is given.</summary>
    [PersonalData]
    public string? NotSharedReason => Given(_case.NotSharedReason);

    /// <summary>The online-safety targets in the child's EHCP.</summary>
    [PersonalData]
    public IReadOnlyList<string> EhcpTargets => NonEmpty(_case.EhcpTargets);

    /// <summary>The extra adult supervision the child has; null when none is recorded.</summary>
    [PersonalData]
    public string? AdditionalSupervision => Given(_case.AdditionalSupervision);

    /// <summary>Who signs the plan, in the case's order.</summary>
    public IReadOnlyList<PlanSignatory> Signatories { get; }

    // ---- derived facts ------------------------------------------------------------------------------

    /// <summary>True when the child has SEND: <c>child.send</c>, or an EHCP (seed 004 "SEND and Looked After Children").</summary>
    public bool IsSend => OnlineSafetyPlanFacts.IsSend(_case);

    /// <summary>True when the child has an Education, Health and Care Plan.</summary>
    public bool HasEhcp => _case.Child?.Ehcp == true;

    /// <summary>True when the child is looked after: the plan is then shared with the carer and the social worker, who signs.</summary>
    public bool IsLookedAfter => _case.Child?.LookedAfter == true;

    /// <summary>The child's first name, as the plan speaks of them; "the child" when the case gives no name.</summary>
    [PersonalData]
    public string FirstName => _case.Child?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "the child";

    /// <summary>How the child's year group is printed: "Nursery (N1)", "Reception", "Year 5"; empty when not given.</summary>
    public string YearGroupName => V.YearGroupLabel(_case.Child?.YearGroup);

    /// <summary>The names of the signatories who are the child's carers.</summary>
    [PersonalData]
    public IReadOnlyList<string> Carers => NamesIn(V.Carer);

    /// <summary>The names of the signatories who are the child's social workers.</summary>
    [PersonalData]
    public IReadOnlyList<string> SocialWorkers => NamesIn(V.SocialWorker);

    /// <summary>
    /// The concerns grouped by area of risk, the areas in the guidance's order (content, contact, conduct,
    /// commerce; a concern without a known area last), the concerns in the case's order within each.
    /// </summary>
    public IReadOnlyList<ConcernArea> ConcernAreas { get; }

    /// <summary>What the school will do: the case's <c>strategies.atSchool</c>.</summary>
    public IReadOnlyList<string> AtSchool => NonEmpty(_case.Strategies?.AtSchool);

    /// <summary>What the family will do at home: the case's <c>strategies.atHome</c>.</summary>
    public IReadOnlyList<string> AtHome => NonEmpty(_case.Strategies?.AtHome);

    /// <summary>
    /// The rules on the child's page: the case's own <c>myRules</c> when it gives any, else the plan's own
    /// short rules for its areas of risk (<see cref="OnlineSafetyPlanFacts.DefaultRules"/>). Exactly what the
    /// SEND rules check.
    /// </summary>
    public IReadOnlyList<string> ChildPageRules => Section(OnlineSafetyPlanFacts.MyRules);

    // ---- context --------------------------------------------------------------------------------------

    /// <summary>The organisation's settings this plan is written with.</summary>
    public OrganisationSettings Settings { get; }

    /// <summary>Today's date, from the injected clock.</summary>
    public DateOnly Today { get; }

    private IReadOnlyList<string> Section(string section) => [.. _childPage.Where(i => i.Section == section).Select(i => i.Text)];

    private IReadOnlyList<string> NamesIn(string role) =>
        [.. Signatories.Where(s => s.Role == role && !string.IsNullOrWhiteSpace(s.Name)).Select(s => s.Name!)];

    private static IReadOnlyList<ConcernArea> AreasOf(OnlineSafetyPlanCase c) =>
    [
        .. (c.Concerns ?? []).OfType<PlanConcern>()
            .GroupBy(concern => concern.Category ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(group => V.ConcernCategories.Contains(group.Key, StringComparer.Ordinal) ? V.ConcernCategories.ToList().IndexOf(group.Key) : int.MaxValue)
            .Select(group => new ConcernArea(group.Key, V.CategoryLabel(group.Key), [.. group])),
    ];

    private static IReadOnlyList<string> NonEmpty(IReadOnlyList<string?>? items) => [.. (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!)];

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>The concerns of one area of online risk.</summary>
/// <param name="Category">The area as the case file names it: <c>content</c>, <c>contact</c>, <c>conduct</c> or <c>commerce</c>.</param>
/// <param name="Label">The area's heading, for example "Contact: who they talk to".</param>
/// <param name="Concerns">The concerns in this area, in the case's order.</param>
public sealed record ConcernArea(string Category, string Label, IReadOnlyList<PlanConcern> Concerns);
