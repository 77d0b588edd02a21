using SafeguardDocs.Core.Rules;
using static SafeguardDocs.Core.Diagnostics.Severity;

namespace SafeguardDocs.Core.Cases.ViewingDecision;

/// <summary>
/// Seed 001 "If it is necessary to view the imagery" and Appendix 1, and seed 000 §4 "Searching a
/// Device, Viewing and Deleting Imagery": one rule per requirement. Messages say what to do and never
/// quote the value.
/// </summary>
public sealed class ViewingDecisionRules : RuleSet<ViewingDecisionCase>
{
    private const string IfViewing = Seeds.OnlineSafeguardingStrategy + " \"If it is necessary to view the imagery\"";
    private const string DecisionRecorded = Seeds.OnlineSafeguardingStrategy + " \"Responses to Young People who Post Self-taken Indecent Images\" (any decision to view clearly recorded)";
    private const string Searching = Seeds.PanDorset + " §4 \"Searching a Device, Viewing and Deleting Imagery\"";
    private const string ReferralSection = Seeds.OnlineSafeguardingStrategy + " \"Referral and Strategy Discussion\"";
    private const string ParentsQuestion = Seeds.OnlineSafeguardingStrategy + " Appendix 1 \"Are there additional concerns if the parents or carers are informed?\"";

    public static readonly Rule ReferenceRequired = new("VD001", Error, IfViewing, "The record needs a reference. Add \"reference\", for example \"VR-2026-0007\".");
    public static readonly Rule ReferenceUnsafe = new("VD002", Error, IfViewing, "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.");
    public static readonly Rule SettingNameRequired = new("VD003", Error, IfViewing, "Name the school or setting whose safeguarding record this is. Add \"setting.name\".");
    public static readonly Rule ChildNameRequired = new("VD004", Error, IfViewing, "The imagery was viewed, so the record is about a known child: add the child's name.");
    public static readonly Rule ChildDateOfBirthRequired = new("VD005", Error, IfViewing, "The imagery was viewed: add the child's date of birth as YYYY-MM-DD; the response depends on the child's age (under 13 needs a same-day referral).");
    public static readonly Rule ChildDateOfBirthInFuture = new("VD006", Error, IfViewing, "The child's date of birth is in the future. Check and correct it.");
    public static readonly Rule ChildSexRequired = new("VD007", Error, IfViewing, "The imagery was viewed: record the child's sex, so that a viewer of the same sex can be chosen. Use \"female\", \"male\", \"non-binary\", \"other\" or \"not-known\".");
    public static readonly Rule SexNotRecognised = new("VD008", Error, IfViewing, "Write sex as one of \"female\", \"male\", \"non-binary\", \"other\" or \"not-known\" (lower case), so that the same-sex check can be made.");
    public static readonly Rule DecisionRequired = new("VD009", Error, DecisionRecorded, "Record the decision: set \"decision\" to \"view\" or \"not-view\".");
    public static readonly Rule ReasonRequired = new("VD010", Error, DecisionRecorded, "Record how and why the decision was made in \"reasonForDecision\"; imagery is viewed only for a good and clear reason.");
    public static readonly Rule DiscussedWithNameRequired = new("VD011", Error, IfViewing, "The decision was to view: name the member of the senior leadership team it was discussed with, in \"discussedWith.name\".");
    public static readonly Rule DiscussedWithRoleRequired = new("VD012", Error, IfViewing, "The decision was to view: add the role of the senior leader it was discussed with, in \"discussedWith.role\".");
    public static readonly Rule DiscussedWithNotSeniorLeader = new("VD013", Error, IfViewing, "A decision to view must be discussed with a member of the senior leadership team. Discuss it with one, record them, and set \"seniorLeader\" to true.");
    public static readonly Rule ViewingDetailsRequired = new("VD014", Error, IfViewing, "The decision was to view: record the viewing under \"viewing\" (who viewed, who was present, when, where, on what device, and a summary).");
    public static readonly Rule ViewingWithoutDecisionToView = new("VD015", Error, DecisionRecorded, "The decision is recorded as not to view, but a viewing is recorded too. If the imagery was viewed, set \"decision\" to \"view\"; otherwise remove \"viewing\".");
    public static readonly Rule ViewerNameRequired = new("VD016", Error, IfViewing, "Name the member of staff who viewed the imagery, in \"viewing.viewedBy.name\".");
    public static readonly Rule ViewerRoleRequired = new("VD017", Error, IfViewing, "Add the role of the member of staff who viewed the imagery, in \"viewing.viewedBy.role\".");
    public static readonly Rule DelegationRequired = new("VD018", Error, IfViewing, "The viewer's role is not one this program recognises as the Designated Safeguarding Lead's, and no delegated authority is recorded. If the viewer is the DSL or equivalent, set \"viewing.viewedBy.safeguardingLead\" to true; otherwise record the senior leader who delegated authority to view in \"viewing.delegatedBy\".");
    public static readonly Rule DelegatorNameRequired = new("VD019", Error, IfViewing, "Name the senior leader who delegated authority to view, in \"viewing.delegatedBy.name\".");
    public static readonly Rule DelegatorNotSeniorLeader = new("VD020", Error, IfViewing, "Authority to view can be delegated only by the senior leadership team. Record the senior leader who delegated it and set \"seniorLeader\" to true.");
    public static readonly Rule ViewingAlone = new("VD021", Error, IfViewing, "Imagery must not be viewed alone: another member of staff must be present in the room (they need not view it). Record them in \"viewing.presentInRoom\".");
    public static readonly Rule PresentPersonIncomplete = new("VD022", Error, IfViewing, "Each person present in the room needs a name and a role, so the record shows who was present.");
    public static readonly Rule PresentPersonIsViewer = new("VD023", Error, IfViewing, "The person present must be another member of staff, not the viewer. Record who else was in the room.");
    public static readonly Rule NoSeniorLeaderPresent = new("VD024", Warning, IfViewing, "Ideally a member of the senior leadership team is the person present in the room. If one was, set their \"seniorLeader\" to true; if not, say why in the reason for the decision.");
    public static readonly Rule ViewingTimeRequired = new("VD025", Error, IfViewing, "Record when the imagery was viewed in \"viewing.dateTime\", as YYYY-MM-DDThh:mm:ss.");
    public static readonly Rule ViewingTimeInFuture = new("VD026", Error, IfViewing, "The viewing is dated in the future. Record the viewing after it has happened, with its real date and time.");
    public static readonly Rule LocationRequired = new("VD027", Warning, IfViewing, "Record where the imagery was viewed (for example the senior leadership team's office) in \"viewing.location\"; the record says the place is not recorded.");
    public static readonly Rule OnPremisesNotRecorded = new("VD028", Error, IfViewing, "Say whether the viewing took place on the premises: set \"viewing.onPremises\" to true or false.");
    public static readonly Rule OffPremisesReasonRequired = new("VD029", Error, IfViewing, "Imagery should be viewed on the premises wherever possible. The viewing was elsewhere: record why in \"viewing.offPremisesReason\".");
    public static readonly Rule SameSexNotRecorded = new("VD030", Error, IfViewing, "Say whether the viewer was the same sex as the child: set \"viewing.sameSexAsChild\" to true or false.");
    public static readonly Rule SameSexReasonRequired = new("VD031", Error, IfViewing, "Wherever possible the viewer should be the same sex as the child. They were not: record why in \"viewing.sameSexReason\".");
    public static readonly Rule SameSexContradicted = new("VD032", Error, IfViewing, "\"viewing.sameSexAsChild\" does not agree with the sex recorded for the child and the viewer. Check all three and correct the record.");
    public static readonly Rule DeviceRequired = new("VD033", Warning, Searching, "Record the device the imagery was viewed on (for example the pupil's own phone) in \"viewing.device\"; the record says the device is not recorded.");
    public static readonly Rule SummaryRequired = new("VD034", Error, Searching, "Record why the imagery needed to be viewed and what was seen, described without reproducing it, in \"viewing.summary\".");
    public static readonly Rule SummaryLinksToImagery = new("VD035", Error, IfViewing, "The summary must describe the imagery in words, never link to or embed it. Remove the web address or data from \"viewing.summary\".");
    public static readonly Rule ImageryHandlingNotRecorded = new("VD036", Error, IfViewing, "Say whether staff copied, printed, shared or saved the imagery after it came to the setting's attention: set each of \"copied\", \"printed\", \"shared\" and \"saved\" under \"imageryHandling\" to true or false (and \"stored\" if a copy was stored). Sharing between young people that is the incident itself belongs in the reason and the summary, not here.");
    public static readonly Rule PoliceAdviceRequired = new("VD037", Error, IfViewing, "Staff copied, printed, shared, stored or saved the imagery, which is illegal even for a safeguarding record. Contact the police for advice and explain the circumstances, then record the advice in \"imageryHandling.policeAdvice\". Sharing between young people that is the incident itself is not recorded under \"imageryHandling\".");
    public static readonly Rule DeviceNotSwitchedOff = new("VD038", Error, IfViewing, "A confiscated device is turned off immediately so that imagery cannot be removed remotely. Turn it off and set \"deviceAction.switchedOff\" to true, or, if the police advised otherwise or it could not be done, record why in \"deviceAction.notSwitchedOffReason\".");
    public static readonly Rule DeviceNotDisconnected = new("VD039", Error, IfViewing, "A confiscated device is disconnected from Wi-Fi and mobile data. Disconnect it and set \"deviceAction.disconnected\" to true, or, if the police advised otherwise or it could not be done, record why in \"deviceAction.notSwitchedOffReason\".");
    public static readonly Rule DeviceStorageRequired = new("VD040", Error, IfViewing, "Record where the confiscated device is secured until the police collect it (for example a locked cupboard or safe) in \"deviceAction.storedAt\".");
    public static readonly Rule PoliceNotContacted = new("VD041", Warning, IfViewing, "A device is confiscated so that it can be passed to the police, and the police should be called. Call them and set \"deviceAction.policeContacted\" to true, or explain in the subsequent actions why not.");
    public static readonly Rule ParentsInformedNotRecorded = new("VD042", Error, ParentsQuestion, "Say whether parents or carers were informed: set \"parentsInformed.informed\" to true or false.");
    public static readonly Rule ParentsNotInformedReasonRequired = new("VD043", Error, ParentsQuestion, "Parents or carers were not informed: the reason must be clearly recorded. Add it in \"parentsInformed.reasonIfNot\".");
    public static readonly Rule SubsequentActionsExpected = new("VD044", Warning, IfViewing, "The record should include any subsequent actions (referrals, support offered, parents told). List them in \"subsequentActions\".");
    public static readonly Rule SignatureNameRequired = new("VD045", Error, IfViewing, "The record must be signed: add the signatory's name in \"signature.name\".");
    public static readonly Rule SignatureRoleRequired = new("VD046", Error, IfViewing, "Add the signatory's role in \"signature.role\".");
    public static readonly Rule SignatureDateRequired = new("VD047", Error, IfViewing, "The record must be dated: add \"signature.date\" as YYYY-MM-DD.");
    public static readonly Rule SignedBeforeViewing = new("VD048", Error, IfViewing, "The record is signed before the viewing it records. Sign and date it on or after the day of the viewing.");
    public static readonly Rule SignatureDateInFuture = new("VD049", Error, IfViewing, "The signature is dated in the future. Date it on the day it is signed.");

    public static readonly Rule LeadAndDelegated = new("VD050", Warning, IfViewing, "The viewer is recorded as the Designated Safeguarding Lead and as acting under delegated authority; the DSL needs no delegation. Remove \"viewing.delegatedBy\", or set \"viewing.viewedBy.safeguardingLead\" to false if the viewer acted under the delegation.");
    public static readonly Rule DecisionTimeExpected = new("VD051", Warning, Searching, "Record when the decision was made in \"decisionDateTime\", as YYYY-MM-DDThh:mm:ss: decisions are recorded with their times, dates and reasons.");
    public static readonly Rule SameDayReferralExpected = new("VD052", Warning, ReferralSection, "The child is under 13, an adult is involved or there is reason to believe the child was coerced: a referral to the police and/or children's social care through the MASH is required on the same day. Make it, contact your Safeguarding Lead, and record it in \"referral\" (\"dateTime\" and \"madeTo\").");
    public static readonly Rule DecisionAfterViewing = new("VD053", Error, DecisionRecorded, "The decision to view is dated after the viewing it led to. Check \"decisionDateTime\" and \"viewing.dateTime\".");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, SettingNameRequired, ChildNameRequired, ChildDateOfBirthRequired,
        ChildDateOfBirthInFuture, ChildSexRequired, SexNotRecognised, DecisionRequired, ReasonRequired,
        DiscussedWithNameRequired, DiscussedWithRoleRequired, DiscussedWithNotSeniorLeader, ViewingDetailsRequired,
        ViewingWithoutDecisionToView, ViewerNameRequired, ViewerRoleRequired, DelegationRequired, DelegatorNameRequired,
        DelegatorNotSeniorLeader, ViewingAlone, PresentPersonIncomplete, PresentPersonIsViewer, NoSeniorLeaderPresent,
        ViewingTimeRequired, ViewingTimeInFuture, LocationRequired, OnPremisesNotRecorded, OffPremisesReasonRequired,
        SameSexNotRecorded, SameSexReasonRequired, SameSexContradicted, DeviceRequired, SummaryRequired,
        SummaryLinksToImagery, ImageryHandlingNotRecorded, PoliceAdviceRequired, DeviceNotSwitchedOff,
        DeviceNotDisconnected, DeviceStorageRequired, PoliceNotContacted, ParentsInformedNotRecorded,
        ParentsNotInformedReasonRequired, SubsequentActionsExpected, SignatureNameRequired, SignatureRoleRequired,
        SignatureDateRequired, SignedBeforeViewing, SignatureDateInFuture, LeadAndDelegated, DecisionTimeExpected,
        SameDayReferralExpected, DecisionAfterViewing,
    ];

    /// <summary>Text that would make a summary a link to, or an embedding of, the imagery rather than a description.</summary>
    private static readonly string[] LinkMarkers = ["http://", "https://", "www.", "data:", "file:", ";base64,"];

    protected override void Check(ViewingDecisionCase c, ValidationContext context, FindingList findings)
    {
        findings.RequireSafeReference(c.Reference, ReferenceRequired, ReferenceUnsafe);

        findings.RequireText(c.Setting?.Name, SettingNameRequired, "$.setting.name");
        CheckChild(c.Child, c.IsViewing, context, findings);

        if (c.Decision is not (ViewingDecisionKind.View or ViewingDecisionKind.NotView))
        {
            findings.Add(DecisionRequired, "$.decision");
        }

        findings.RequireText(c.ReasonForDecision, ReasonRequired, "$.reasonForDecision");

        if (c.IsViewing)
        {
            findings.RequireText(c.DiscussedWith?.Name, DiscussedWithNameRequired, "$.discussedWith.name");
            findings.RequireText(c.DiscussedWith?.Role, DiscussedWithRoleRequired, "$.discussedWith.role");
            if (c.DiscussedWith?.SeniorLeader != true)
            {
                findings.Add(DiscussedWithNotSeniorLeader, "$.discussedWith.seniorLeader");
            }
        }

        if (c.DecisionDateTime is null)
        {
            findings.Add(DecisionTimeExpected, "$.decisionDateTime");
        }
        else if (c.IsViewing && c.Viewing?.DateTime is { } viewedAt && c.DecisionDateTime > viewedAt)
        {
            findings.Add(DecisionAfterViewing, "$.decisionDateTime");
        }

        if (ViewingDecisionFacts.SameDayReferralReasons(c).Count > 0 && !ViewingDecisionFacts.ReferredSameDay(c))
        {
            findings.Add(SameDayReferralExpected, "$.referral");
        }

        if (c.IsViewing)
        {
            if (c.Viewing is null)
            {
                findings.Add(ViewingDetailsRequired, "$.viewing");
            }
            else
            {
                CheckViewing(c.Viewing, c.Child, context, findings);
            }

            if (c.SubsequentActions is null || c.SubsequentActions.All(string.IsNullOrWhiteSpace))
            {
                findings.Add(SubsequentActionsExpected, "$.subsequentActions");
            }
        }
        else if (c.IsNotViewing && c.Viewing is not null)
        {
            findings.Add(ViewingWithoutDecisionToView, "$.viewing");
        }

        CheckImageryHandling(c.ImageryHandling, findings);
        CheckDeviceAction(c.DeviceAction, findings);

        if (c.ParentsInformed?.Informed is null)
        {
            findings.Add(ParentsInformedNotRecorded, "$.parentsInformed.informed");
        }
        else if (c.ParentsInformed.Informed == false)
        {
            findings.RequireText(c.ParentsInformed.ReasonIfNot, ParentsNotInformedReasonRequired, "$.parentsInformed.reasonIfNot");
        }

        findings.RequireText(c.Signature?.Name, SignatureNameRequired, "$.signature.name");
        findings.RequireText(c.Signature?.Role, SignatureRoleRequired, "$.signature.role");
        if (findings.Require(c.Signature?.Date, SignatureDateRequired, "$.signature.date"))
        {
            var signed = c.Signature!.Date!.Value;
            if (signed > context.Today)
            {
                findings.Add(SignatureDateInFuture, "$.signature.date");
            }

            if (c.IsViewing && c.Viewing?.DateTime is { } viewed && signed < DateOnly.FromDateTime(viewed))
            {
                findings.Add(SignedBeforeViewing, "$.signature.date");
            }
        }
    }

    /// <summary>A decision not to view may be about a young person the setting does not know: then nothing about them is required.</summary>
    private static void CheckChild(ViewingChild? child, bool viewed, ValidationContext context, FindingList findings)
    {
        if (viewed)
        {
            findings.RequireText(child?.Name, ChildNameRequired, "$.child.name");
            findings.Require(child?.DateOfBirth, ChildDateOfBirthRequired, "$.child.dateOfBirth");
            findings.RequireText(child?.Sex, ChildSexRequired, "$.child.sex");
        }

        if (child?.DateOfBirth > context.Today)
        {
            findings.Add(ChildDateOfBirthInFuture, "$.child.dateOfBirth");
        }

        if (!string.IsNullOrWhiteSpace(child?.Sex) && !Sexes.IsRecognised(child.Sex))
        {
            findings.Add(SexNotRecognised, "$.child.sex");
        }
    }

    private static void CheckViewing(Viewing viewing, ViewingChild? child, ValidationContext context, FindingList findings)
    {
        var viewer = viewing.ViewedBy;
        findings.RequireText(viewer?.Name, ViewerNameRequired, "$.viewing.viewedBy.name");
        findings.RequireText(viewer?.Role, ViewerRoleRequired, "$.viewing.viewedBy.role");
        if (viewer?.Sex is { } viewerSex && !Sexes.IsRecognised(viewerSex))
        {
            findings.Add(SexNotRecognised, "$.viewing.viewedBy.sex");
        }

        if (viewer?.SafeguardingLead == true && viewing.DelegatedBy is not null)
        {
            findings.Add(LeadAndDelegated, "$.viewing.delegatedBy");
        }
        else if (!SafeguardingRoles.IsSafeguardingLead(viewer) || viewing.DelegatedBy is not null)
        {
            if (viewing.DelegatedBy is null)
            {
                findings.Add(DelegationRequired, "$.viewing.delegatedBy");
            }
            else
            {
                findings.RequireText(viewing.DelegatedBy.Name, DelegatorNameRequired, "$.viewing.delegatedBy.name");
                if (viewing.DelegatedBy.SeniorLeader != true)
                {
                    findings.Add(DelegatorNotSeniorLeader, "$.viewing.delegatedBy.seniorLeader");
                }
            }
        }

        CheckPresent(viewing, findings);

        if (findings.Require(viewing.DateTime, ViewingTimeRequired, "$.viewing.dateTime")
            && DateOnly.FromDateTime(viewing.DateTime!.Value) > context.Today)
        {
            findings.Add(ViewingTimeInFuture, "$.viewing.dateTime");
        }

        findings.RequireText(viewing.Location, LocationRequired, "$.viewing.location");
        if (viewing.OnPremises is null)
        {
            findings.Add(OnPremisesNotRecorded, "$.viewing.onPremises");
        }
        else if (viewing.OnPremises == false)
        {
            findings.RequireText(viewing.OffPremisesReason, OffPremisesReasonRequired, "$.viewing.offPremisesReason");
        }

        if (viewing.SameSexAsChild is not { } sameSex)
        {
            findings.Add(SameSexNotRecorded, "$.viewing.sameSexAsChild");
        }
        else
        {
            if (!sameSex)
            {
                findings.RequireText(viewing.SameSexReason, SameSexReasonRequired, "$.viewing.sameSexReason");
            }

            if (Sexes.AreComparable(child?.Sex, viewer?.Sex) && sameSex != string.Equals(child!.Sex, viewer!.Sex, StringComparison.Ordinal))
            {
                findings.Add(SameSexContradicted, "$.viewing.sameSexAsChild");
            }
        }

        findings.RequireText(viewing.Device, DeviceRequired, "$.viewing.device");
        if (findings.RequireText(viewing.Summary, SummaryRequired, "$.viewing.summary")
            && LinkMarkers.Any(m => viewing.Summary!.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            findings.Add(SummaryLinksToImagery, "$.viewing.summary");
        }
    }

    private static void CheckPresent(Viewing viewing, FindingList findings)
    {
        var present = viewing.PresentInRoom ?? [];
        var others = 0;
        for (var i = 0; i < present.Count; i++)
        {
            var person = present[i];
            var hasName = findings.RequireText(person?.Name, PresentPersonIncomplete, $"$.viewing.presentInRoom[{i}].name");
            findings.RequireText(person?.Role, PresentPersonIncomplete, $"$.viewing.presentInRoom[{i}].role");
            if (hasName && SamePerson(person!.Name, viewing.ViewedBy?.Name))
            {
                findings.Add(PresentPersonIsViewer, $"$.viewing.presentInRoom[{i}].name");
            }
            else if (person is not null)
            {
                others++;
            }
        }

        if (others == 0)
        {
            findings.Add(ViewingAlone, "$.viewing.presentInRoom");
        }
        else if (!present.Any(p => p?.SeniorLeader == true && !SamePerson(p.Name, viewing.ViewedBy?.Name)))
        {
            findings.Add(NoSeniorLeaderPresent, "$.viewing.presentInRoom");
        }
    }

    private static bool SamePerson(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private static void CheckImageryHandling(ImageryHandling? handling, FindingList findings)
    {
        if (handling is null)
        {
            findings.Add(ImageryHandlingNotRecorded, "$.imageryHandling");
            return;
        }

        foreach (var (value, name) in new[] { (handling.Copied, "copied"), (handling.Printed, "printed"), (handling.Shared, "shared"), (handling.Saved, "saved") })
        {
            if (value is null)
            {
                findings.Add(ImageryHandlingNotRecorded, $"$.imageryHandling.{name}");
            }
        }

        if (handling.AnyHappened)
        {
            findings.RequireText(handling.PoliceAdvice, PoliceAdviceRequired, "$.imageryHandling.policeAdvice");
        }
    }

    private static void CheckDeviceAction(DeviceAction? action, FindingList findings)
    {
        if (action?.Confiscated != true)
        {
            return;
        }

        var reasonGiven = !string.IsNullOrWhiteSpace(action.NotSwitchedOffReason);
        if (action.SwitchedOff != true && !reasonGiven)
        {
            findings.Add(DeviceNotSwitchedOff, "$.deviceAction.switchedOff");
        }

        if (action.Disconnected != true && !reasonGiven)
        {
            findings.Add(DeviceNotDisconnected, "$.deviceAction.disconnected");
        }

        findings.RequireText(action.StoredAt, DeviceStorageRequired, "$.deviceAction.storedAt");
        if (action.PoliceContacted != true)
        {
            findings.Add(PoliceNotContacted, "$.deviceAction.policeContacted");
        }
    }
}
