using SafeguardDocs.Core.Calendar;
using SafeguardDocs.Core.Rules;
using static SafeguardDocs.Core.Diagnostics.Severity;

namespace SafeguardDocs.Core.Cases.StrategyMeeting;

/// <summary>
/// Seed 001 "Referral and Strategy Discussion" and "Responses to Adults Involved in Online Sexual Abuse
/// of Children", and seed 002 paragraphs 17–19 and 31: one rule per requirement. Messages say what to
/// do and never quote the value. What the rules conclude (dates, which items apply) is computed by
/// <see cref="StrategyMeetingFacts"/>, which the agenda uses too.
/// </summary>
public sealed class StrategyMeetingRules : RuleSet<StrategyMeetingCase>
{
    private const string Referral = Seeds.OnlineSafeguardingStrategy + " \"Referral and Strategy Discussion\"";
    private const string Adults = Seeds.OnlineSafeguardingStrategy + " \"Responses to Adults Involved in Online Sexual Abuse of Children\"";
    private const string KeyFactors = Adults + " (key factors for the likelihood of significant harm)";
    private const string NotAlerted = Seeds.ESafetyProcedure + " ¶17";
    private const string NoIdentifiableChild = Seeds.ESafetyProcedure + " ¶15";
    private const string Occupation = Seeds.ESafetyProcedure + " ¶18–19";
    private const string Household = Seeds.ESafetyProcedure + " ¶31";

    public static readonly Rule ReferenceRequired = new("SM001", Error, Adults, "The agenda needs a reference. Add \"reference\", for example \"SM-2026-0031\".");
    public static readonly Rule ReferenceUnsafe = new("SM002", Error, Adults, "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.");
    public static readonly Rule FormatRequired = new("SM003", Error, Adults, "Say whether this is a strategy meeting or a discussion: set \"format\" to \"meeting\" or \"discussion\".");
    public static readonly Rule ReferralRequired = new("SM004", Error, Referral, "Record when the referral was received in \"referralReceived\", as YYYY-MM-DDThh:mm:ss; timescales count from it.");
    public static readonly Rule ReferralInFuture = new("SM005", Error, Referral, "The referral is dated in the future. Check and correct \"referralReceived\".");
    public static readonly Rule MeetingTimeRequired = new("SM006", Error, Adults, "Add the date and time of the meeting or discussion in \"meeting.dateTime\", as YYYY-MM-DDThh:mm:ss.");
    public static readonly Rule MeetingBeforeReferral = new("SM007", Error, Referral, "The meeting is dated before the referral it responds to. Check both dates and times.");
    public static readonly Rule MeetingPlaceExpected = new("SM008", Warning, Adults, "Say where the meeting is held in \"meeting.location\", or set \"meeting.virtual\" to true if it is online or by telephone.");
    public static readonly Rule ChairNameRequired = new("SM009", Error, Adults, "Name the chair in \"chair.name\".");
    public static readonly Rule ChairAgencyRequired = new("SM010", Error, Adults, "Add the chair's agency in \"chair.agency\".");
    public static readonly Rule ChildrenRequired = new("SM011", Warning, NoIdentifiableChild, "No child is listed under \"children\". If no child has yet been identified, the agenda says so and asks how the adult's access to children will be established; list each child the subject has contact with as soon as they are known.");
    public static readonly Rule ChildNameRequired = new("SM012", Warning, Adults, "A child is listed without a name, so the agenda says \"Name not known\". Add the name in \"name\" when it is known.");
    public static readonly Rule ChildDateOfBirthExpected = new("SM013", Warning, Household, "Add each child's date of birth as YYYY-MM-DD; interviews and assessment depend on age and understanding.");
    public static readonly Rule ChildDateOfBirthInFuture = new("SM014", Error, Household, "A child's date of birth is in the future. Check and correct it.");
    public static readonly Rule SubjectNameRequired = new("SM015", Error, Adults, "Name the adult the concerns are about in \"subject.name\".");
    public static readonly Rule PositionOfTrustNotRecorded = new("SM016", Error, Adults, "Say whether the subject works or volunteers with children: set \"subject.positionOfTrust\" to true or false. It decides whether a LADO-chaired meeting must follow.");
    public static readonly Rule LivesWithChildrenNotRecorded = new("SM017", Warning, Household, "Say whether the subject lives with children: set \"subject.livesWithChildren\" to true or false, so the meeting can consider children in the household.");
    public static readonly Rule ConcernsSummaryRequired = new("SM018", Error, Adults, "Summarise the concerns in \"concerns.summary\".");
    public static readonly Rule ImagesOfChildrenNotRecorded = new("SM019", Warning, Adults, "Whether the images include children known to the subject or the subject's own children is not yet known, so the agenda carries an item to review it. When it is known, set \"imagesOfKnownChildren\" and \"imagesOfOwnChildren\" under \"concerns\" to true or false: a yes means an urgent discussion the same day.");
    public static readonly Rule InviteesRequired = new("SM020", Error, Adults, "List who is invited under \"invitees\": police, children's social care and health at least.");
    public static readonly Rule InviteeAgencyRequired = new("SM021", Error, Adults, "Each invitee needs the agency they represent, in \"agency\".");
    public static readonly Rule PoliceNotInvited = new("SM022", Error, Adults, "The strategy discussion or meeting must include the police. Invite them and list them with \"agency\": \"Police\".");
    public static readonly Rule SocialCareNotInvited = new("SM023", Error, Adults, "The strategy discussion or meeting must include children's social care. Invite them and list them with \"agency\": \"Children's Social Care\".");
    public static readonly Rule HealthNotInvited = new("SM024", Error, Adults, "The strategy discussion or meeting must include relevant health professionals. Invite them and list them with \"agency\": \"Health\".");
    public static readonly Rule SubjectInvited = new("SM025", Error, NotAlerted, "The subject is on the invitation list. They must not be alerted before the police investigate, or evidence may be destroyed. Remove them from \"invitees\".");
    public static readonly Rule SameDayRequired = new("SM026", Error, Adults, "The images include children known to the subject or the subject's own children: an urgent strategy discussion must be held on the same day as the referral, with a view to a Section 47 enquiry. If one was held that day, record when in \"sameDayDiscussion\"; otherwise hold it today and set \"meeting.dateTime\" accordingly.");
    public static readonly Rule LadoNotInvited = new("SM027", Warning, Adults, "The subject is in a position of trust: the LADO should be invited, and a separate LADO-chaired meeting convened. Add the LADO to \"invitees\".");
    public static readonly Rule OccupationExpected = new("SM028", Warning, Occupation, "The subject is in a position of trust: record their work or voluntary activity in \"subject.occupation\", so risk through it can be assessed.");
    public static readonly Rule LadoMeetingTooLate = new("SM029", Error, Adults, "The LADO-chaired meeting is arranged later than the working days allowed after the strategy discussion or meeting. Bring \"ladoMeetingDate\" forward to no later than the due date on the agenda.");
    public static readonly Rule RiskFactorsNotRecorded = new("SM030", Warning, KeyFactors, "Record the key risk factors under \"riskFactors\" (true or false for each); if any is present the meeting must consider whether the subject should leave the home.");
    public static readonly Rule HouseholdContradicts = new("SM032", Warning, Household, "Whether the subject lives with children disagrees with the children listed (\"inHousehold\"). Check both, so the agenda considers the right children in the household.");
    public static readonly Rule EducationNotInvited = new("SM031", Warning, Household, "Children live in the subject's household: share information with the agencies in their lives. Invite their school or nursery (\"agency\": \"Education\").");

    public static readonly Rule NextMorningDiscussion = new("SM033", Warning, Adults, "The referral came late in the evening and the urgent strategy discussion was held the next morning, not on the same day as the guidance asks. Record in the minutes why it could not be held that evening.");
    public static readonly Rule SameDayDiscussionBeforeReferral = new("SM034", Error, Referral, "The same-day discussion is dated before the referral it responds to. Check \"sameDayDiscussion\" and \"referralReceived\".");
    public static readonly Rule LadoMeetingBeforeReferral = new("SM035", Error, Adults, "The LADO-chaired meeting is dated before the referral. Check \"ladoMeetingDate\" and \"referralReceived\".");
    public static readonly Rule FamilyInvited = new("SM036", Error, Adults, "An invitee has the name of the subject's partner or of a child listed: nothing may be disclosed to the subject, their partner or children, or evidence may be destroyed. Remove them from \"invitees\".");
    public static readonly Rule FosterCarerNotRecorded = new("SM037", Warning, Adults, "The subject's occupation mentions fostering: a foster carer is in a position of trust, so the LADO items and meeting apply. Set \"subject.fosterCarer\" (or \"subject.positionOfTrust\") to true, or correct the occupation.");
    public static readonly Rule NotHeldOnArrest = new("SM038", Warning, Adults, "The subject was arrested, and a strategy discussion or meeting is held on arrest to consider the risk to children they have contact with; this one is more than a working day after the arrest. Record why in the minutes, or check \"subject.arrestDate\".");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, FormatRequired, ReferralRequired, ReferralInFuture, MeetingTimeRequired,
        MeetingBeforeReferral, MeetingPlaceExpected, ChairNameRequired, ChairAgencyRequired, ChildrenRequired,
        ChildNameRequired, ChildDateOfBirthExpected, ChildDateOfBirthInFuture, SubjectNameRequired,
        PositionOfTrustNotRecorded, LivesWithChildrenNotRecorded, ConcernsSummaryRequired, ImagesOfChildrenNotRecorded,
        InviteesRequired, InviteeAgencyRequired, PoliceNotInvited, SocialCareNotInvited, HealthNotInvited,
        SubjectInvited, SameDayRequired, LadoNotInvited, OccupationExpected, LadoMeetingTooLate,
        RiskFactorsNotRecorded, EducationNotInvited, HouseholdContradicts, NextMorningDiscussion,
        SameDayDiscussionBeforeReferral, LadoMeetingBeforeReferral, FamilyInvited, FosterCarerNotRecorded, NotHeldOnArrest,
    ];

    private static readonly Dictionary<Agency, Rule> RequiredAgencyRules = new()
    {
        [Agency.Police] = PoliceNotInvited,
        [Agency.SocialCare] = SocialCareNotInvited,
        [Agency.Health] = HealthNotInvited,
    };

    protected override void Check(StrategyMeetingCase c, ValidationContext context, FindingList findings)
    {
        findings.RequireSafeReference(c.Reference, ReferenceRequired, ReferenceUnsafe);

        if (c.Format is not (StrategyMeetingKind.Meeting or StrategyMeetingKind.Discussion))
        {
            findings.Add(FormatRequired, "$.format");
        }

        CheckDates(c, context, findings);

        findings.RequireText(c.Chair?.Name, ChairNameRequired, "$.chair.name");
        findings.RequireText(c.Chair?.Agency, ChairAgencyRequired, "$.chair.agency");

        CheckChildren(c, context, findings);

        findings.RequireText(c.Subject?.Name, SubjectNameRequired, "$.subject.name");
        if (c.Subject?.PositionOfTrust is null && c.Subject?.FosterCarer != true)
        {
            findings.Add(PositionOfTrustNotRecorded, "$.subject.positionOfTrust");
        }

        if (c.Subject?.FosterCarer is null && c.Subject?.PositionOfTrust != true
            && c.Subject?.Occupation?.Contains("foster", StringComparison.OrdinalIgnoreCase) == true)
        {
            findings.Add(FosterCarerNotRecorded, "$.subject.fosterCarer");
        }

        if (c.Subject?.LivesWithChildren is not { } livesWithChildren)
        {
            findings.Add(LivesWithChildrenNotRecorded, "$.subject.livesWithChildren");
        }
        else if (c.Children is { Count: > 0 } && livesWithChildren != StrategyMeetingFacts.ChildrenInHousehold(c))
        {
            findings.Add(HouseholdContradicts, "$.subject.livesWithChildren");
        }

        findings.RequireText(c.Concerns?.Summary, ConcernsSummaryRequired, "$.concerns.summary");
        if (StrategyMeetingFacts.ImagesNotYetKnown(c))
        {
            findings.Add(ImagesOfChildrenNotRecorded, c.Concerns?.ImagesOfKnownChildren is null ? "$.concerns.imagesOfKnownChildren" : "$.concerns.imagesOfOwnChildren");
        }

        if (c.RiskFactors is null)
        {
            findings.Add(RiskFactorsNotRecorded, "$.riskFactors");
        }

        CheckInvitees(c, findings);

        if (StrategyMeetingFacts.LadoMeetingRequired(c))
        {
            if (!StrategyMeetingFacts.AgenciesAttending(c).Contains(Agency.Lado))
            {
                findings.Add(LadoNotInvited, "$.invitees");
            }

            if (c.Subject?.PositionOfTrust == true)
            {
                findings.RequireText(c.Subject.Occupation, OccupationExpected, "$.subject.occupation");
            }

            if (c.LadoMeetingDate is { } arranged && c.ReferralReceived is { } referral && arranged < DateOnly.FromDateTime(referral))
            {
                findings.Add(LadoMeetingBeforeReferral, "$.ladoMeetingDate");
            }
            else if (c.LadoMeetingDate is { } later && StrategyMeetingFacts.LadoMeetingDueBy(c, context.Options) is { } due && later > due)
            {
                findings.Add(LadoMeetingTooLate, "$.ladoMeetingDate");
            }
        }
    }

    private static void CheckDates(StrategyMeetingCase c, ValidationContext context, FindingList findings)
    {
        if (findings.Require(c.ReferralReceived, ReferralRequired, "$.referralReceived")
            && DateOnly.FromDateTime(c.ReferralReceived!.Value) > context.Today)
        {
            findings.Add(ReferralInFuture, "$.referralReceived");
        }

        if (findings.Require(c.Meeting?.DateTime, MeetingTimeRequired, "$.meeting.dateTime") && c.ReferralReceived is { } referral)
        {
            var meeting = c.Meeting!.DateTime!.Value;
            if (meeting < referral)
            {
                findings.Add(MeetingBeforeReferral, "$.meeting.dateTime");
            }
            else if (StrategyMeetingFacts.SameDayRequired(c) && !StrategyMeetingFacts.DiscussedOnReferralDay(c))
            {
                if (StrategyMeetingFacts.NextMorningAfterLateReferral(c))
                {
                    findings.Add(NextMorningDiscussion, c.SameDayDiscussion is null ? "$.meeting.dateTime" : "$.sameDayDiscussion");
                }
                else
                {
                    findings.Add(SameDayRequired, c.SameDayDiscussion is null ? "$.meeting.dateTime" : "$.sameDayDiscussion");
                }
            }
        }

        if (c.SameDayDiscussion is { } discussed && c.ReferralReceived is { } received && discussed < received)
        {
            findings.Add(SameDayDiscussionBeforeReferral, "$.sameDayDiscussion");
        }

        if (c.Subject?.Arrested == true && c.Subject.ArrestDate is { } arrested
            && StrategyMeetingFacts.LadoCountFrom(c) is { } held
            && arrested.Year is >= BankHolidays.FirstSupportedYear and < BankHolidays.LastSupportedYear
            && held > WorkingDays.Add(arrested, 1))
        {
            findings.Add(NotHeldOnArrest, "$.subject.arrestDate");
        }

        if (c.Meeting is not null && c.Meeting.Virtual != true && string.IsNullOrWhiteSpace(c.Meeting.Location))
        {
            findings.Add(MeetingPlaceExpected, "$.meeting.location");
        }
    }

    private static void CheckChildren(StrategyMeetingCase c, ValidationContext context, FindingList findings)
    {
        if (c.Children is null || c.Children.Count == 0)
        {
            findings.Add(ChildrenRequired, "$.children");
            return;
        }

        for (var i = 0; i < c.Children.Count; i++)
        {
            var child = c.Children[i];
            findings.RequireText(child?.Name, ChildNameRequired, $"$.children[{i}].name");
            if (findings.Require(child?.DateOfBirth, ChildDateOfBirthExpected, $"$.children[{i}].dateOfBirth") && child!.DateOfBirth > context.Today)
            {
                findings.Add(ChildDateOfBirthInFuture, $"$.children[{i}].dateOfBirth");
            }
        }
    }

    private static void CheckInvitees(StrategyMeetingCase c, FindingList findings)
    {
        if (c.Invitees is null || c.Invitees.Count == 0)
        {
            findings.Add(InviteesRequired, "$.invitees");
        }

        var invitees = c.Invitees ?? [];
        for (var i = 0; i < invitees.Count; i++)
        {
            findings.RequireText(invitees[i]?.Agency, InviteeAgencyRequired, $"$.invitees[{i}].agency");
            if (SamePerson(invitees[i]?.Name, c.Subject?.Name))
            {
                findings.Add(SubjectInvited, $"$.invitees[{i}].name");
            }
            else if (SamePerson(invitees[i]?.Name, c.Subject?.PartnerName) || (c.Children ?? []).Any(child => SamePerson(invitees[i]?.Name, child?.Name)))
            {
                findings.Add(FamilyInvited, $"$.invitees[{i}].name");
            }
        }

        foreach (var missing in StrategyMeetingFacts.MissingRequiredAgencies(c))
        {
            findings.Add(RequiredAgencyRules[missing], "$.invitees");
        }

        if (StrategyMeetingFacts.ChildrenInHousehold(c) && !StrategyMeetingFacts.AgenciesAttending(c).Contains(Agency.Education))
        {
            findings.Add(EducationNotInvited, "$.invitees");
        }
    }

    private static bool SamePerson(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);
}
