namespace SafeguardDocs.Core.Cases.ViewingDecision;

/// <summary>Why an immediate, same-day referral is required (seed 001 "Referral and Strategy Discussion").</summary>
public enum SameDayReferralReason
{
    ChildUnder13,
    AdultInvolved,
    Coercion,
}

/// <summary>
/// What follows from a viewing record under the guidance, computed once here so that the rules and the
/// record template agree. Nothing here is personal data.
/// </summary>
public static class ViewingDecisionFacts
{
    /// <summary>
    /// The viewer acted as the Designated Safeguarding Lead (or equivalent): <c>safeguardingLead</c> is true,
    /// or it is not given, the role is a safeguarding lead's and no delegation is recorded.
    /// </summary>
    public static bool ActsAsSafeguardingLead(Viewing? viewing) =>
        viewing?.ViewedBy?.SafeguardingLead == true
        || (viewing?.ViewedBy?.SafeguardingLead is null && viewing?.DelegatedBy is null && SafeguardingRoles.IsSafeguardingLeadRole(viewing?.ViewedBy?.Role));

    /// <summary>A delegation is recorded and the viewer is not stated to be the safeguarding lead: they viewed under delegated authority.</summary>
    public static bool ActsUnderDelegation(Viewing? viewing) =>
        viewing?.DelegatedBy is not null && viewing.ViewedBy?.SafeguardingLead != true;

    /// <summary>The day the decision was made: its own date and time, else the viewing's, else the day the record was signed.</summary>
    public static DateOnly? DecisionDay(ViewingDecisionCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var when = c.DecisionDateTime ?? (c.IsViewing ? c.Viewing?.DateTime : null);
        return when is { } w ? DateOnly.FromDateTime(w) : c.Signature?.Date;
    }

    /// <summary>Why a same-day referral is required, in the guidance's order; empty when none of the reasons is recorded.</summary>
    public static IReadOnlyList<SameDayReferralReason> SameDayReferralReasons(ViewingDecisionCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var reasons = new List<SameDayReferralReason>();
        if (c.AdultInvolved == true)
        {
            reasons.Add(SameDayReferralReason.AdultInvolved);
        }

        if (c.Coercion == true)
        {
            reasons.Add(SameDayReferralReason.Coercion);
        }

        if (c.Child?.DateOfBirth is { } born && DecisionDay(c) is { } day && born <= day && AgeOn(born, day) < 13)
        {
            reasons.Add(SameDayReferralReason.ChildUnder13);
        }

        return reasons;
    }

    /// <summary>A referral is recorded on the day of the decision (or earlier).</summary>
    public static bool ReferredSameDay(ViewingDecisionCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Referral?.DateTime is { } made && (DecisionDay(c) is not { } day || DateOnly.FromDateTime(made) <= day);
    }

    private static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }
}
