namespace SafeguardDocs.Core.Cases.StrategyMeeting;

public static class StrategyMeetingKind
{
    public const string Name = "strategy-meeting";
    public const string Meeting = "meeting";
    public const string Discussion = "discussion";

    public static CaseKind<StrategyMeetingCase, StrategyMeetingView> Kind { get; } = new(
        Name,
        new StrategyMeetingRules(),
        "Strategy discussion or meeting agenda: adults involved in online sexual abuse of children (seed 001; seed 002 ¶17–19, 31)",
        c => c.Subject?.Name,
        c => c.Meeting?.DateTime is { } meeting ? DateOnly.FromDateTime(meeting) : c.ReferralReceived is { } referral ? DateOnly.FromDateTime(referral) : null,
        StrategyMeetingView.Create);
}
