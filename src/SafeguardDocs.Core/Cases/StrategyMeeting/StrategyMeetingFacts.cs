using SafeguardDocs.Core.Calendar;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases.StrategyMeeting;

/// <summary>A key factor for the likelihood of significant harm (seed 001), in the guidance's order.</summary>
public enum RiskFactor
{
    PreviousHistory,
    PreviousContactAbuse,
    ImagesOfOwnChildren,
    PartnerCapacityToProtect,
    AbsenceOfCooperation,
    RiskUnderstanding,
    KnownCriminalLifestyle,
}

/// <summary>
/// What follows from a strategy-meeting case under the guidance, computed once here so that the rules
/// and the agenda template agree. Nothing here is personal data.
/// </summary>
public static class StrategyMeetingFacts
{
    /// <summary>
    /// The images include children known to the subject, or the subject's own children: an urgent
    /// strategy discussion must be held on the same day as the referral, with a view to a Section 47 enquiry.
    /// </summary>
    public static bool SameDayRequired(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Concerns?.ImagesOfKnownChildren == true || c.Concerns?.ImagesOfOwnChildren == true;
    }

    /// <summary>The subject is in a position of trust (works or volunteers with children, or is a foster carer): LADO items on the agenda and a separate LADO-chaired meeting.</summary>
    public static bool LadoMeetingRequired(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Subject?.PositionOfTrust == true || c.Subject?.FosterCarer == true;
    }

    /// <summary>
    /// Not yet known whether the images include children known to the subject or their own children (one
    /// or both left out, and neither recorded as yes): the agenda carries an item to review it when known.
    /// </summary>
    public static bool ImagesNotYetKnown(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return !SameDayRequired(c) && (c.Concerns?.ImagesOfKnownChildren is null || c.Concerns?.ImagesOfOwnChildren is null);
    }

    /// <summary>
    /// Where the LADO meeting's working days count from: the earlier same-day discussion when one is
    /// recorded, else this discussion or meeting (the guidance names no start point; a strategy
    /// discussion or meeting is what convenes it).
    /// </summary>
    public static DateOnly? LadoCountFrom(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (c.SameDayDiscussion ?? c.Meeting?.DateTime) is { } from ? DateOnly.FromDateTime(from) : null;
    }

    /// <summary>A strategy discussion (the same-day one, or this one) was held on the day the referral was received.</summary>
    public static bool DiscussedOnReferralDay(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.ReferralReceived is not { } referral)
        {
            return false;
        }

        var day = DateOnly.FromDateTime(referral);
        return new[] { c.SameDayDiscussion, c.Meeting?.DateTime }.Any(d => d is { } held && DateOnly.FromDateTime(held) == day && held >= referral);
    }

    /// <summary>
    /// The referral came late in the evening (from <see cref="LateReferralHour"/>) and the first discussion
    /// was held the next morning (before <see cref="NextMorningEndsHour"/>): short of "the same day", but not the neglect an error is for.
    /// </summary>
    public static bool NextMorningAfterLateReferral(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.ReferralReceived is not { } referral || referral.Hour < LateReferralHour)
        {
            return false;
        }

        var first = new[] { c.SameDayDiscussion, c.Meeting?.DateTime }.Where(d => d is not null && d >= referral).Min();
        return first is { } held && DateOnly.FromDateTime(held) == DateOnly.FromDateTime(referral).AddDays(1) && held.Hour < NextMorningEndsHour;
    }

    /// <summary>From this hour a referral counts as late in the evening.</summary>
    public const int LateReferralHour = 18;

    /// <summary>A discussion before this hour the next day counts as the next morning.</summary>
    public const int NextMorningEndsHour = 12;

    /// <summary>
    /// The date by which the separate LADO-chaired meeting must be convened: the day of the strategy
    /// discussion or meeting (<see cref="LadoCountFrom"/>) is day 0 and this is the <see cref="OrganisationSettings.LadoMeetingWorkingDays"/>th working day after it
    /// (weekends, England and Wales bank holidays and the organisation's closure days skipped, <see cref="WorkingDays"/>). Null when no
    /// LADO meeting is required, or the discussion date is not known or outside the years the bank-holiday
    /// calendar covers (a mistyped year is reported by the date rules, not guessed at here).
    /// </summary>
    public static DateOnly? LadoMeetingDueBy(StrategyMeetingCase c, OrganisationSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!LadoMeetingRequired(c) || LadoCountFrom(c) is not { } start)
        {
            return null;
        }

        return start.Year is >= BankHolidays.FirstSupportedYear and < BankHolidays.LastSupportedYear
            ? WorkingDays.Add(start, Math.Max(0, options.LadoMeetingWorkingDays), options.ExtraClosureDays)
            : null;
    }

    /// <summary>The risk factors recorded as present, in the guidance's order.</summary>
    public static IReadOnlyList<RiskFactor> RiskFactorsPresent(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var r = c.RiskFactors;
        var present = new List<RiskFactor>();
        Add(r?.PreviousHistory, RiskFactor.PreviousHistory);
        Add(r?.PreviousContactAbuse, RiskFactor.PreviousContactAbuse);
        Add(c.Concerns?.ImagesOfOwnChildren, RiskFactor.ImagesOfOwnChildren);
        Add(r?.PartnerCapacityToProtectConcern, RiskFactor.PartnerCapacityToProtect);
        Add(r?.AbsenceOfCooperation, RiskFactor.AbsenceOfCooperation);
        Add(r?.RiskUnderstandingConcern, RiskFactor.RiskUnderstanding);
        Add(r?.KnownCriminalLifestyle, RiskFactor.KnownCriminalLifestyle);
        return present;

        void Add(bool? value, RiskFactor factor)
        {
            if (value == true)
            {
                present.Add(factor);
            }
        }
    }

    /// <summary>
    /// Any risk factor is present: the meeting must consider whether the subject should be asked to leave
    /// the home during the assessment and, if not, how risks will be managed (a written or working
    /// agreement on supervision of contact, intimate care, entry to children's rooms, sleepovers).
    /// </summary>
    public static bool LeaveHomeItemRequired(StrategyMeetingCase c) => RiskFactorsPresent(c).Count > 0;

    /// <summary>The recognised agencies of the chair and the invitees (<see cref="Agencies"/>).</summary>
    public static IReadOnlySet<Agency> AgenciesAttending(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var people = (c.Invitees ?? []).Append(c.Chair);
        return people.Select(p => Agencies.Recognise(p?.Agency)).OfType<Agency>().ToHashSet();
    }

    /// <summary>Which of police, social care and health are not among the chair and invitees.</summary>
    public static IReadOnlyList<Agency> MissingRequiredAgencies(StrategyMeetingCase c)
    {
        var attending = AgenciesAttending(c);
        return [.. Agencies.Required.Where(a => !attending.Contains(a))];
    }

    /// <summary>At least one child is recorded as living in the subject's household.</summary>
    public static bool ChildrenInHousehold(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Children?.Any(child => child?.InHousehold == true) == true;
    }
}
