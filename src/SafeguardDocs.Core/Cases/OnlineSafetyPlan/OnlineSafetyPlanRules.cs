using SafeguardDocs.Core.Rules;
using static SafeguardDocs.Core.Diagnostics.Severity;
using V = SafeguardDocs.Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanValues;

namespace SafeguardDocs.Core.Cases.OnlineSafetyPlan;

/// <summary>
/// Seed 004 "Informing policies and procedures" (the plan, shared with parents), "SEND and Looked After
/// Children" (clear, literal messages), "Educating pupils about online safety" (where to get help, how to
/// report), and seed 003 §3 (the areas of online risk). Messages never quote the value.
/// </summary>
public sealed class OnlineSafetyPlanRules : RuleSet<OnlineSafetyPlanCase>
{
    private const string Plan = Seeds.SchoolPolicy + " \"Informing policies and procedures\" (Online Safety Plan shared with parents)";
    private const string Roles = Seeds.SchoolPolicy + " \"Roles and Responsibilities\" (Designated Safeguarding Leads)";
    private const string Risks = Seeds.IncidentGuidance + " §3 \"What are the risks?\" (three broad areas: content, contact and conduct; the section's table adds commercial risks, our fourth area, commerce)";
    private const string Help = Seeds.SchoolPolicy + " \"Educating pupils about online safety\" (where to go for help; ways to report concerns)";
    private const string Send = Seeds.SchoolPolicy + " \"SEND and Looked After Children\", \"Online safety messages\"";
    private const string LookedAfter = Seeds.SchoolPolicy + " \"SEND and Looked After Children\" (looked-after children are particularly vulnerable online; the adults who support a looked-after child at home are the carer and, for the local authority, the social worker)";
    private const string SendParents = Seeds.SchoolPolicy + " \"Engaging parents and carers of SEND children\"; \"Informing policies and procedures\"";

    public static readonly Rule ReferenceRequired = new("OSP001", Error, Plan, "The plan needs a reference. Add \"reference\", for example \"OSP-2026-0012\".");
    public static readonly Rule ReferenceUnsafe = new("OSP002", Error, Plan, "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.");
    public static readonly Rule SettingNameRequired = new("OSP003", Error, Plan, "Name the school or setting that owns the plan. Add \"setting.name\".");
    public static readonly Rule ChildNameRequired = new("OSP004", Error, Plan, "The plan is about one child: add the child's name.");
    public static readonly Rule ChildDateOfBirthRequired = new("OSP005", Error, Plan, "Add the child's date of birth as YYYY-MM-DD.");
    public static readonly Rule ChildDateOfBirthInFuture = new("OSP006", Error, Plan, "The child's date of birth is in the future. Check and correct it.");
    public static readonly Rule YearGroupRequired = new("OSP007", Error, Help, "Add the child's year group (-2 or -1 for nursery, 0 for Reception, 1 to 13): what the child is taught depends on it.");
    public static readonly Rule YearGroupOutOfRange = new("OSP008", Error, Help, "The year group must be a whole number from -2 (nursery, N1) and -1 (N2) through 0 (Reception) to 13. Correct it.");
    public static readonly Rule LeadPractitionerNameRequired = new("OSP009", Error, Roles, "Name the lead practitioner responsible for the plan. Add \"leadPractitioner.name\".");
    public static readonly Rule LeadPractitionerRoleMissing = new("OSP010", Warning, Roles, "Add the lead practitioner's role (for example Designated Safeguarding Lead), so that parents know who they are.");
    public static readonly Rule StartDateRequired = new("OSP011", Error, Plan, "Add the date the plan starts, \"startDate\", as YYYY-MM-DD.");
    public static readonly Rule ReviewDateRequired = new("OSP012", Error, Plan, "Add the date the plan will be reviewed, \"reviewDate\", as YYYY-MM-DD.");
    public static readonly Rule ReviewNotAfterStart = new("OSP013", Error, Plan, "The review date must be after the start date. Check both dates.");
    public static readonly Rule ReviewTooFar = new("OSP014", Warning, Plan, "The review is more than six months after the start. Review the plan sooner: online risks and the child's needs change quickly.");
    public static readonly Rule ConcernsRequired = new("OSP015", Error, Risks, "Record at least one concern under \"concerns\": the unsafe behaviour the plan responds to.");
    public static readonly Rule ConcernCategoryNotAllowed = new("OSP016", Error, Risks, $"Each concern needs its area of risk: set \"category\" to {V.Listed(V.ConcernCategories)}.");
    public static readonly Rule ConcernDescriptionRequired = new("OSP017", Error, Risks, "Each concern needs a description of what happened or what worries you. Add \"description\".");
    public static readonly Rule SchoolStrategyRequired = new("OSP018", Error, Plan, "Record at least one thing the school will do, under \"strategies.atSchool\"; an empty item is not a strategy.");
    public static readonly Rule TrustedAdultRequired = new("OSP019", Error, Help, "The child's page lists the people the child can tell: add at least one trusted adult; an empty item is not one.");
    public static readonly Rule ReportingRouteRequired = new("OSP020", Error, Help, "The child's page lists how the child can report a worry: add at least one reporting route; an empty item is not one.");
    public static readonly Rule NotSharedWithParents = new("OSP021", Warning, Plan, "The policy expects the plan to be shared with the parents so that they can support the child at home. Share it and set \"sharedWithParents\" to true, or give the reason it is not shared in \"notSharedReason\" (it is printed on the plan).");
    public static readonly Rule HomeStrategyRequiredWhenShared = new("OSP022", Warning, Plan, "A plan shared with parents says what the family will do at home, so that they can support the child: add at least one strategy under \"strategies.atHome\" once it is agreed (until then the plan says nothing is agreed yet).");
    public static readonly Rule ParentSignatoryRequiredWhenShared = new("OSP023", Warning, Plan, "The plan is shared with the parents but no parent or carer is among the signatories. Add one with role \"parent\" or \"carer\" so that they can sign; if they were given the plan and declined to sign, add them with \"declined\": true.");
    public static readonly Rule SignatoryRoleNotAllowed = new("OSP024", Error, Plan, $"Each signatory's role must be {V.Listed(V.SignatoryRoles)}. Correct it.");
    public static readonly Rule SignatoryNameRequired = new("OSP025", Error, Plan, "Each signatory needs a name, printed under the signature line. Add \"name\".");
    public static readonly Rule SendChildPageItemTooLong = new("OSP026", Warning, Send, "This child has SEND, and this item on the child's page is long. Keep each item to one short, literal sentence (twelve words at most) that says exactly what to do.");
    public static readonly Rule SendChildPageItemAbstract = new("OSP027", Warning, Send, "This child has SEND, and this item on the child's page uses an abstract word the policy warns about (such as \"predator\" or \"stranger\"). Say concretely who or what is meant and what to do.");

    public static readonly Rule EhcpTargetsMissing = new("OSP028", Warning, Send, "This child has an EHCP and a plan for unsafe behaviour online: the policy includes online safety in the EHCP targets of a child who is particularly vulnerable online. Add the targets under \"ehcpTargets\" (they are printed on the plan), or agree them at the next EHCP review.");
    public static readonly Rule LookedAfterWithoutSocialWorker = new("OSP029", Warning, LookedAfter, "This child is looked after: the plan is shared with their carer and social worker, and the social worker signs it. Add signatories with role \"carer\" and \"social-worker\".");
    public static readonly Rule NotSharedReasonButShared = new("OSP030", Warning, Plan, "\"notSharedReason\" is given but the plan is marked shared with the parents. Remove the reason, or check \"sharedWithParents\".");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, SettingNameRequired, ChildNameRequired, ChildDateOfBirthRequired, ChildDateOfBirthInFuture,
        YearGroupRequired, YearGroupOutOfRange, LeadPractitionerNameRequired, LeadPractitionerRoleMissing, StartDateRequired,
        ReviewDateRequired, ReviewNotAfterStart, ReviewTooFar, ConcernsRequired, ConcernCategoryNotAllowed, ConcernDescriptionRequired,
        SchoolStrategyRequired, TrustedAdultRequired, ReportingRouteRequired, NotSharedWithParents, HomeStrategyRequiredWhenShared,
        ParentSignatoryRequiredWhenShared, SignatoryRoleNotAllowed, SignatoryNameRequired, SendChildPageItemTooLong, SendChildPageItemAbstract,
        EhcpTargetsMissing, LookedAfterWithoutSocialWorker, NotSharedReasonButShared,
    ];

    /// <summary>How far after the start the review may fall before it is a warning.</summary>
    public const int ReviewWithinMonths = 6;

    protected override void Check(OnlineSafetyPlanCase c, ValidationContext context, FindingList findings)
    {
        findings.RequireSafeReference(c.Reference, ReferenceRequired, ReferenceUnsafe);

        findings.RequireText(c.Setting?.Name, SettingNameRequired, "$.setting.name");

        findings.RequireText(c.Child?.Name, ChildNameRequired, "$.child.name");
        if (findings.Require(c.Child?.DateOfBirth, ChildDateOfBirthRequired, "$.child.dateOfBirth") && c.Child!.DateOfBirth > context.Today)
        {
            findings.Add(ChildDateOfBirthInFuture, "$.child.dateOfBirth");
        }

        if (findings.Require(c.Child?.YearGroup, YearGroupRequired, "$.child.yearGroup") && c.Child!.YearGroup is not (>= V.FirstYearGroup and <= V.LastYearGroup))
        {
            findings.Add(YearGroupOutOfRange, "$.child.yearGroup");
        }

        findings.RequireText(c.LeadPractitioner?.Name, LeadPractitionerNameRequired, "$.leadPractitioner.name");
        if (c.LeadPractitioner is not null)
        {
            findings.RequireText(c.LeadPractitioner.Role, LeadPractitionerRoleMissing, "$.leadPractitioner.role");
        }

        var hasStart = findings.Require(c.StartDate, StartDateRequired, "$.startDate");
        if (findings.Require(c.ReviewDate, ReviewDateRequired, "$.reviewDate") && hasStart)
        {
            var start = c.StartDate!.Value;
            var review = c.ReviewDate!.Value;
            if (review <= start)
            {
                findings.Add(ReviewNotAfterStart, "$.reviewDate");
            }
            else if (review > Calendar.PlausibleDates.AddMonthsSaturating(start, ReviewWithinMonths))
            {
                findings.Add(ReviewTooFar, "$.reviewDate");
            }
        }

        CheckConcerns(c, findings);

        RequireItems(c.Strategies?.AtSchool, SchoolStrategyRequired, "$.strategies.atSchool", findings);
        RequireItems(c.TrustedAdults, TrustedAdultRequired, "$.trustedAdults", findings);
        RequireItems(c.ReportingRoutes, ReportingRouteRequired, "$.reportingRoutes", findings);

        CheckSharing(c, findings);

        if (c.Child?.Ehcp == true && !(c.EhcpTargets ?? []).Any(t => !string.IsNullOrWhiteSpace(t)))
        {
            findings.Add(EhcpTargetsMissing, "$.ehcpTargets");
        }

        if (c.Child?.LookedAfter == true
            && !(HasSignatory(c, V.SocialWorker) && HasSignatory(c, V.Carer)))
        {
            findings.Add(LookedAfterWithoutSocialWorker, "$.signatories");
        }

        if (OnlineSafetyPlanFacts.IsSend(c))
        {
            foreach (var item in OnlineSafetyPlanFacts.ChildPageItems(c))
            {
                if (OnlineSafetyPlanFacts.WordCount(item.Text) > OnlineSafetyPlanFacts.SendMaxWords)
                {
                    findings.Add(SendChildPageItemTooLong, item.Path);
                }

                if (OnlineSafetyPlanFacts.UsesAbstractWord(item.Text))
                {
                    findings.Add(SendChildPageItemAbstract, item.Path);
                }
            }
        }
    }

    private static void CheckConcerns(OnlineSafetyPlanCase c, FindingList findings)
    {
        if (c.Concerns is null || c.Concerns.Count == 0)
        {
            findings.Add(ConcernsRequired, "$.concerns");
            return;
        }

        for (var i = 0; i < c.Concerns.Count; i++)
        {
            var concern = c.Concerns[i];
            if (!V.ConcernCategories.Contains(concern?.Category ?? string.Empty, StringComparer.Ordinal))
            {
                findings.Add(ConcernCategoryNotAllowed, $"$.concerns[{i}].category");
            }

            findings.RequireText(concern?.Description, ConcernDescriptionRequired, $"$.concerns[{i}].description");
        }
    }

    private static void CheckSharing(OnlineSafetyPlanCase c, FindingList findings)
    {
        var signatories = c.Signatories ?? [];
        for (var i = 0; i < signatories.Count; i++)
        {
            if (!V.SignatoryRoles.Contains(signatories[i]?.Role ?? string.Empty, StringComparer.Ordinal))
            {
                findings.Add(SignatoryRoleNotAllowed, $"$.signatories[{i}].role");
            }

            findings.RequireText(signatories[i]?.Name, SignatoryNameRequired, $"$.signatories[{i}].name");
        }

        if (c.SharedWithParents != true)
        {
            if (string.IsNullOrWhiteSpace(c.NotSharedReason))
            {
                findings.Add(NotSharedWithParents, "$.sharedWithParents");
            }

            return;
        }

        if (!string.IsNullOrWhiteSpace(c.NotSharedReason))
        {
            findings.Add(NotSharedReasonButShared, "$.notSharedReason");
        }

        RequireItems(c.Strategies?.AtHome, HomeStrategyRequiredWhenShared, "$.strategies.atHome", findings);
        if (!HasSignatory(c, V.Parent) && !HasSignatory(c, V.Carer))
        {
            findings.Add(ParentSignatoryRequiredWhenShared, "$.signatories");
        }
    }

    private static bool HasSignatory(OnlineSafetyPlanCase c, string role) =>
        (c.Signatories ?? []).Any(s => s?.Role == role && !string.IsNullOrWhiteSpace(s.Name));

    /// <summary>At least one item, and no empty ones: the rule at the list when it is empty, at each empty item otherwise.</summary>
    private static void RequireItems(IReadOnlyList<string?>? items, Rule rule, string path, FindingList findings)
    {
        if (items is null || items.Count == 0)
        {
            findings.Add(rule, path);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            findings.RequireText(items[i], rule, $"{path}[{i}]");
        }
    }
}
