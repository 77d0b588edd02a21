using System.Text.Json;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases.StrategyMeeting;

/// <summary>
/// What a strategy-meeting template sees (Razor as <c>View</c>, Scriban as the top level): every
/// property of the case under the case file's own name (<c>format</c>, <c>subject.name</c>,
/// <c>concerns.imagesOfOwnChildren</c>), the facts the agenda depends on worked out once from
/// <see cref="StrategyMeetingFacts"/> (<c>sameDayRequired</c>, <c>ladoMeetingRequired</c>,
/// <c>ladoMeetingDueBy</c>, <c>leaveHomeRequired</c>, <c>riskFactorsPresent</c>…), and <c>settings</c>
/// and <c>today</c>. No template works any of these out again.
/// </summary>
public sealed class StrategyMeetingView
{
    private readonly StrategyMeetingCase _case;

    public StrategyMeetingView(StrategyMeetingCase caseFile, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(settings);
        _case = caseFile;
        Settings = settings;
        Today = today;
        RiskFactorsPresent = [.. StrategyMeetingFacts.RiskFactorsPresent(caseFile).Select(NameOf)];
        MissingRequiredAgencies = [.. StrategyMeetingFacts.MissingRequiredAgencies(caseFile).Select(NameOf)];
        LadoMeetingDueBy = StrategyMeetingFacts.LadoMeetingDueBy(caseFile, settings);
    }

    /// <summary>The view factory registered with <see cref="StrategyMeetingKind.Kind"/>.</summary>
    public static Func<StrategyMeetingCase, OrganisationSettings, DateOnly, StrategyMeetingView> Create { get; } = (c, s, t) => new(c, s, t);

    // ---- the case, under the case file's names ----------------------------------------------------

    public string? Kind => _case.Kind;

    public string? Reference => _case.Reference;

    /// <summary><c>meeting</c> or <c>discussion</c>, as the agenda names it.</summary>
    public string? Format => _case.Format;

    public DateTime? ReferralReceived => _case.ReferralReceived;

    public MeetingDetails? Meeting => _case.Meeting;

    public DateTime? SameDayDiscussion => _case.SameDayDiscussion;

    public MeetingPerson? Chair => _case.Chair;

    public Subject? Subject => _case.Subject;

    /// <summary>The children known to the adult; empty when none is yet identified.</summary>
    public IReadOnlyList<ChildConcerned?> Children => _case.Children ?? [];

    public Concerns? Concerns => _case.Concerns;

    public RiskFactors? RiskFactors => _case.RiskFactors;

    /// <summary>Everyone invited, as the case lists them; empty when it lists none.</summary>
    public IReadOnlyList<MeetingPerson?> Invitees => _case.Invitees ?? [];

    public DateOnly? LadoMeetingDate => _case.LadoMeetingDate;

    // ---- derived facts ------------------------------------------------------------------------------

    /// <summary>The invitees other than the chair (who is listed first, as chair): those whose name is not the chair's.</summary>
    public IReadOnlyList<MeetingPerson?> InviteesBesideChair =>
        [.. Invitees.Where(p => !string.Equals(p?.Name ?? string.Empty, _case.Chair?.Name ?? string.Empty, StringComparison.Ordinal))];

    /// <summary>
    /// Which of the agencies that must take part (police, children's social care, health) are not among the
    /// chair and invitees, in that order, as <c>police</c>, <c>socialCare</c> or <c>health</c>.
    /// </summary>
    public IReadOnlyList<string> MissingRequiredAgencies { get; }

    /// <summary>The images include children known to the adult or the adult's own children: a same-day strategy discussion is required.</summary>
    public bool SameDayRequired => StrategyMeetingFacts.SameDayRequired(_case);

    /// <summary>It is not yet known whether the images include children known to the adult or their own: the agenda carries a review item.</summary>
    public bool ImagesNotYetKnown => StrategyMeetingFacts.ImagesNotYetKnown(_case);

    /// <summary>This discussion or meeting is on the day the referral was received (both dates, or neither, known and equal).</summary>
    public bool HeldOnReferralDay => DayOf(_case.Meeting?.DateTime) == DayOf(_case.ReferralReceived);

    /// <summary>The adult is in a position of trust or a foster carer: LADO items and a separate LADO-chaired meeting.</summary>
    public bool LadoMeetingRequired => StrategyMeetingFacts.LadoMeetingRequired(_case);

    /// <summary>The day the LADO meeting's working days count from: the earlier same-day discussion, else this discussion or meeting.</summary>
    public DateOnly? LadoCountFrom => StrategyMeetingFacts.LadoCountFrom(_case);

    /// <summary>
    /// The date by which the LADO-chaired meeting must be convened (the settings' working days after
    /// <see cref="LadoCountFrom"/>); null when none is required or it cannot be worked out (a year outside the calendar).
    /// </summary>
    public DateOnly? LadoMeetingDueBy { get; }

    /// <summary>
    /// The key factors for the likelihood of significant harm recorded as present, in the guidance's order:
    /// <c>previousHistory</c>, <c>previousContactAbuse</c>, <c>imagesOfOwnChildren</c>, <c>partnerCapacityToProtect</c>,
    /// <c>absenceOfCooperation</c>, <c>riskUnderstanding</c>, <c>knownCriminalLifestyle</c>.
    /// </summary>
    public IReadOnlyList<string> RiskFactorsPresent { get; }

    /// <summary>A risk factor is present: the agenda has the item on whether the adult should leave the home.</summary>
    public bool LeaveHomeRequired => RiskFactorsPresent.Count > 0;

    // ---- context --------------------------------------------------------------------------------------

    /// <summary>The organisation's settings this agenda is written with (<c>settings.ladoMeetingWorkingDays</c>).</summary>
    public OrganisationSettings Settings { get; }

    /// <summary>Today's date, from the injected clock.</summary>
    public DateOnly Today { get; }

    private static DateOnly? DayOf(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
