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

    /// <summary>The subject is in a position of trust: LADO items on the agenda and a separate LADO-chaired meeting.</summary>
    public static bool LadoMeetingRequired(StrategyMeetingCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Subject?.PositionOfTrust == true;
    }

    /// <summary>
    /// The date by which the separate LADO-chaired meeting must be convened: the referral date is day 0
    /// and this is the <see cref="OrganisationSettings.LadoMeetingWorkingDays"/>th working day after it
    /// (weekends, England and Wales bank holidays and the organisation's closure days skipped, <see cref="WorkingDays"/>). Null when no
    /// LADO meeting is required, or the referral date is not known or outside the years the bank-holiday
    /// calendar covers (a mistyped year is reported by the date rules, not guessed at here).
    /// </summary>
    public static DateOnly? LadoMeetingDueBy(StrategyMeetingCase c, OrganisationSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!LadoMeetingRequired(c) || c.ReferralReceived is not { } referral)
        {
            return null;
        }

        var start = DateOnly.FromDateTime(referral);
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
