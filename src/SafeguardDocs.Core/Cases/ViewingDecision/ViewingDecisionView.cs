using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases.ViewingDecision;

/// <summary>
/// What a viewing-decision template sees (Razor as <c>View</c>, Scriban as the top level): every
/// property of the case under the case file's own name (<c>child.name</c>, <c>viewing.viewedBy</c>,
/// <c>imageryHandling.copied</c>), the facts the record depends on worked out once from
/// <see cref="ViewingDecisionFacts"/> (<c>isViewing</c>, <c>sameDayReferralReasons</c>,
/// <c>referredSameDay</c>, <c>actsUnderDelegation</c>, <c>viewerSignsSeparately</c>…), and
/// <c>settings</c> and <c>today</c>. No template works any of these out again.
/// </summary>
public sealed class ViewingDecisionView
{
    private readonly ViewingDecisionCase _case;

    public ViewingDecisionView(ViewingDecisionCase caseFile, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(settings);
        _case = caseFile;
        Settings = settings;
        Today = today;
        SameDayReferralReasons = [.. ViewingDecisionFacts.SameDayReferralReasons(caseFile).Select(r => r switch
        {
            SameDayReferralReason.AdultInvolved => "adultInvolved",
            SameDayReferralReason.Coercion => "coercion",
            _ => "childUnder13",
        })];
        SubsequentActions = [.. (caseFile.SubsequentActions ?? []).Where(a => !string.IsNullOrWhiteSpace(a))];
        ImageryHandled = Handled(caseFile.ImageryHandling, true);
        ImageryNotHandled = Handled(caseFile.ImageryHandling, false);
    }

    /// <summary>The view factory registered with <see cref="ViewingDecisionKind.Kind"/>.</summary>
    public static Func<ViewingDecisionCase, OrganisationSettings, DateOnly, ViewingDecisionView> Create { get; } = (c, s, t) => new(c, s, t);

    // ---- the case, under the case file's names ----------------------------------------------------

    public string? Kind => _case.Kind;

    public string? Reference => _case.Reference;

    public string? IncidentReference => _case.IncidentReference;

    public Setting? Setting => _case.Setting;

    public ViewingChild? Child => _case.Child;

    /// <summary><c>view</c> or <c>not-view</c>; see <see cref="IsViewing"/> and <see cref="IsNotViewing"/>.</summary>
    public string? Decision => _case.Decision;

    public DateTime? DecisionDateTime => _case.DecisionDateTime;

    public bool? AdultInvolved => _case.AdultInvolved;

    public bool? Coercion => _case.Coercion;

    public Referral? Referral => _case.Referral;

    [PersonalData]
    public string? ReasonForDecision => _case.ReasonForDecision;

    public StaffMember? DiscussedWith => _case.DiscussedWith;

    public Viewing? Viewing => _case.Viewing;

    public ImageryHandling? ImageryHandling => _case.ImageryHandling;

    public DeviceAction? DeviceAction => _case.DeviceAction;

    public ParentsInformed? ParentsInformed => _case.ParentsInformed;

    /// <summary>The subsequent actions recorded, blank entries left out; empty when there are none.</summary>
    [PersonalData]
    public IReadOnlyList<string> SubsequentActions { get; }

    public Signature? Signature => _case.Signature;

    // ---- derived facts ------------------------------------------------------------------------------

    /// <summary>The decision is to view the imagery.</summary>
    public bool IsViewing => _case.IsViewing;

    /// <summary>The decision is not to view the imagery (the record then has no viewing section).</summary>
    public bool IsNotViewing => _case.IsNotViewing;

    /// <summary>
    /// Why a same-day referral is required, in the guidance's order: <c>adultInvolved</c>, <c>coercion</c>,
    /// <c>childUnder13</c> (under 13 on the day of the decision). Empty when none applies.
    /// </summary>
    public IReadOnlyList<string> SameDayReferralReasons { get; }

    /// <summary>The record has a same-day referral section: a reason for one applies, or a referral is recorded.</summary>
    public bool HasReferralSection => SameDayReferralReasons.Count > 0 || _case.Referral is not null;

    /// <summary>The referral recorded was made on the day of the decision (or earlier).</summary>
    public bool ReferredSameDay => ViewingDecisionFacts.ReferredSameDay(_case);

    /// <summary>A delegation is recorded and the viewer is not stated to be the safeguarding lead: they viewed under delegated authority.</summary>
    public bool ActsUnderDelegation => ViewingDecisionFacts.ActsUnderDelegation(_case.Viewing);

    /// <summary>
    /// What staff did with the imagery, of <c>copied</c>, <c>printed</c>, <c>shared</c>, <c>stored</c>, <c>saved</c>
    /// (in that order): those recorded as true. Empty when none.
    /// </summary>
    public IReadOnlyList<string> ImageryHandled { get; }

    /// <summary>Of the same, in the same order, those recorded as false (not done).</summary>
    public IReadOnlyList<string> ImageryNotHandled { get; }

    /// <summary>Whether copying, printing, sharing and saving are each recorded (true or false).</summary>
    public bool ImageryHandlingRecorded => _case.ImageryHandling is { Copied: not null, Printed: not null, Shared: not null, Saved: not null };

    /// <summary>
    /// The person who viewed the imagery is not the person who signed the record (names compared ignoring
    /// case and extra spaces), so signs a line of their own.
    /// </summary>
    public bool ViewerSignsSeparately => !SamePerson(_case.Viewing?.ViewedBy?.Name, _case.Signature?.Name);

    // ---- context --------------------------------------------------------------------------------------

    /// <summary>The organisation's settings this record is written with.</summary>
    public OrganisationSettings Settings { get; }

    /// <summary>Today's date, from the injected clock.</summary>
    public DateOnly Today { get; }

    private static List<string> Handled(ImageryHandling? h, bool happened) =>
        h is null
            ? []
            :
            [
                .. new (bool? Value, string Name)[] { (h.Copied, "copied"), (h.Printed, "printed"), (h.Shared, "shared"), (h.Stored, "stored"), (h.Saved, "saved") }
                    .Where(x => happened ? x.Value == true : x.Value == false)
                    .Select(x => x.Name),
            ];

    private static bool SamePerson(string? a, string? b) =>
        string.Equals(
            string.Join(' ', (a ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', (b ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.OrdinalIgnoreCase);
}
