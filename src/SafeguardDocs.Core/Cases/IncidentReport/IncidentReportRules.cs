using SafeguardDocs.Core.Rules;
using static SafeguardDocs.Core.Diagnostics.Severity;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>
/// Seed 003 Appendix 1 (the monitoring form) and §4 Tables 1–3 (the framework), with seed 001's immediate
/// referral for sexual incidents involving a child under 13. Messages name the field and what to do and
/// never quote the value; the allowed values they list are the form's own.
/// </summary>
public sealed class IncidentReportRules : RuleSet<IncidentReportCase>
{
    private const string Form = Seeds.IncidentGuidance + " Appendix 1 (e-safety incident monitoring form)";
    private const string Monitoring = Seeds.IncidentGuidance + " §6 \"Monitoring and review\"; Appendix 1";
    private const string Framework = Seeds.IncidentGuidance + " §4 \"Framework for managing an e-safety incident\", Tables 1–3";
    private const string Table2 = Seeds.IncidentGuidance + " §4 Table 2 (sexual behaviour)";
    private const string Tables2And3 = Seeds.IncidentGuidance + " §4 Tables 2 and 3 (\"Professional proceedings\")";
    private const string Tables1And3 = Seeds.IncidentGuidance + " §4 Tables 1 and 3 (\"Action under organisation policy\")";
    private const string Referral = Seeds.OnlineSafeguardingStrategy + " \"Referral and Strategy Discussion\"; Appendix 1 \"How old is the young person or young people involved?\"";

    public static readonly Rule ReferenceRequired = new("INC001", Error, Monitoring, "The form needs a reference. Add \"reference\", for example \"INC-2026-0113\".");
    public static readonly Rule ReferenceUnsafe = new("INC002", Error, Monitoring, "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.");
    public static readonly Rule DateOfIncidentRequired = new("INC003", Error, Form, "The form asks for the date of the incident. Add \"dateOfIncident\" as YYYY-MM-DD.");
    public static readonly Rule DateOfIncidentInFuture = new("INC004", Error, Form, "The date of the incident is in the future. Check and correct it.");
    public static readonly Rule AgesRequired = new("INC005", Error, Form, "The form asks for the age of each child involved. Add \"agesOfChildren\", one whole number per child (ages only, never names), or set \"agesNotKnown\" to true when they are not known.");
    public static readonly Rule AgeOutOfRange = new("INC006", Error, Form + "; Appendix 2 (a child has not reached their 18th birthday)", "Each age must be a whole number from 0 to 17: the form counts children, and a child is under 18. Correct this age, or record an adult through \"involved\".");
    public static readonly Rule InvolvedNotOnForm = new("INC007", Error, Form, $"Say who was involved, as the form asks: set \"involved\" to {V.Involved.Listed}, or a list of those that apply.");
    public static readonly Rule AdultOnAdultNotOnForm = new("INC008", Error, Framework, $"\"adultOnAdult\" must be {V.AdultOnAdultKinds.Listed} (the framework's two adult columns). Correct it or remove it.");
    public static readonly Rule AdultOnAdultNotSpecified = new("INC009", Warning, Framework, $"Two adults were involved: the framework's actions differ for two members of staff and for a member of the public towards staff. Add \"adultOnAdult\" as {V.AdultOnAdultKinds.Listed}; until then both columns are shown.");
    public static readonly Rule AdultOnAdultButNotAdults = new("INC010", Warning, Framework, "\"adultOnAdult\" applies only when \"involved\" is \"adult-on-adult\". Remove it, or check \"involved\".");
    public static readonly Rule SettingTypeNotOnForm = new("INC011", Error, Form, $"Give the type of setting from the form's list: {V.SettingTypes.Listed}.");
    public static readonly Rule IncidentTypesRequired = new("INC012", Error, Form, "The form asks for the type of incident. Add at least one under \"incidentTypes\".");
    public static readonly Rule IncidentTypeNotOnForm = new("INC013", Error, Form, $"Each type of incident must be one of the form's: {V.IncidentTypes.Listed}. Correct this one.");
    public static readonly Rule MediaRequired = new("INC014", Error, Form, "The form asks what media was used. Add at least one under \"media\".");
    public static readonly Rule MediumNotOnForm = new("INC015", Error, Form, $"Each medium must be one of the form's: {V.Media.Listed}. Correct this one.");
    public static readonly Rule NoActionsTaken = new("INC016", Warning, Form, "No action taken is recorded. Add what was done under \"actionsTaken\" before the form is returned.");
    public static readonly Rule ActionNotOnForm = new("INC017", Error, Form, $"Each action taken must be one of the form's: {V.ActionsTaken.Listed}. Correct this one, or use \"other\" and explain it.");
    public static readonly Rule OtherNeedsExplanation = new("INC018", Error, Form, "\"Other\" is chosen here, and the form then asks you to explain. Add the explanation in this field.");
    public static readonly Rule ContentGeneratedAtNotOnForm = new("INC019", Error, Framework, $"\"contentGeneratedAt\" must be {V.ContentGeneratedAt.Listed}. Correct it.");
    public static readonly Rule ContentGeneratedAtMissing = new("INC020", Warning, Framework, $"The framework's evidence step depends on where the content was generated. Add \"contentGeneratedAt\" as {V.ContentGeneratedAt.Listed}; until then both steps are shown.");
    public static readonly Rule FrameworkAreaNotOnForm = new("INC021", Error, Framework, $"Each framework area must be {V.FrameworkAreas.Listed}. Correct this one.");
    public static readonly Rule NoFrameworkArea = new("INC022", Warning, Framework, $"None of the incident types points to a framework table, so no actions can be suggested. If one applies, add it under \"frameworkAreas\": {V.FrameworkAreas.Listed}.");
    public static readonly Rule CompleterNameRequired = new("INC023", Error, Form, "The form asks for the name of the person completing it. Add \"completedBy.name\".");
    public static readonly Rule CompleterContactRequired = new("INC024", Error, Form, "The person completing the form must be contactable. Add \"phone\" or \"email\" under \"completedBy\".");
    public static readonly Rule DateCompletedMissing = new("INC025", Warning, Monitoring, "Add the date the form was completed (\"dateCompleted\", YYYY-MM-DD), so the log can show how quickly incidents are reported.");
    public static readonly Rule DateCompletedOutOfOrder = new("INC026", Error, Monitoring, "The form cannot be completed before the incident happened, or in the future. Check \"dateCompleted\" and \"dateOfIncident\".");
    public static readonly Rule PoliceNotRecorded = new("INC027", Warning, Table2, "For this sexual incident the framework says to seek police advice (and names offences to consult the police about), but no police involvement is among the actions taken. Involve the police and add \"police investigation\", or record why not under \"other\".");
    public static readonly Rule LadoReferralNotRecorded = new("INC028", Warning, Tables2And3, "For this incident and the adults involved, the framework says to refer to the Local Authority Designated Officer, but no referral to the LADO is among the actions taken. Make the referral and add \"referral to LADO\", or record why not under \"other\". The LADO is for people who work with children: if the adult is a member of the public, set \"adultWorksWithChildren\" to false.");
    public static readonly Rule ParentsNotAdvised = new("INC029", Warning, Tables1And3, "For this incident the framework says to tell the parents, but \"advice to parents\" is not among the actions taken. Tell them and record it, or record why not under \"other\".");
    public static readonly Rule ImmediateReferralNotRecorded = new("INC030", Warning, Referral, "A child under 13 is involved in a sexual incident: the procedure calls for an immediate referral to the police and/or children's social care through the MASH, the same day. Neither is among the actions taken. Make the referral and record it, or record the professional judgement not to under \"other\".");

    public static readonly Rule ParentsAdvisedBeforeAdvice = new("INC031", Warning, Table2, "In a sexual incident the framework says not to alert those responsible and to take advice (police, children's social care or the Safeguarding Children Unit) before speaking to either family, and \"advice to parents\" is recorded. Once advice was taken first, set \"adviceSoughtBeforeParents\" to true; if the parents were spoken to first, record what happened under \"other\".");
    public static readonly Rule AgesGivenAndNotKnown = new("INC032", Warning, Form, "The ages are given and \"agesNotKnown\" is true. Keep the ages and remove \"agesNotKnown\", or the other way round.");
    public static readonly Rule AdultWorksWithChildrenWithoutAdult = new("INC033", Warning, Tables2And3, "\"adultWorksWithChildren\" applies only when \"involved\" includes \"adult-on-child\". Remove it, or check \"involved\".");
    public static readonly Rule ReturnToNameMissing = new("INC034", Warning, Monitoring, "\"returnTo\" has no \"name\", so the form names the Safeguarding Children Unit instead. Add the name of the unit the form goes to, or remove \"returnTo\".");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, DateOfIncidentRequired, DateOfIncidentInFuture, AgesRequired, AgeOutOfRange,
        InvolvedNotOnForm, AdultOnAdultNotOnForm, AdultOnAdultNotSpecified, AdultOnAdultButNotAdults, SettingTypeNotOnForm,
        IncidentTypesRequired, IncidentTypeNotOnForm, MediaRequired, MediumNotOnForm, NoActionsTaken, ActionNotOnForm,
        OtherNeedsExplanation, ContentGeneratedAtNotOnForm, ContentGeneratedAtMissing, FrameworkAreaNotOnForm, NoFrameworkArea,
        CompleterNameRequired, CompleterContactRequired, DateCompletedMissing, DateCompletedOutOfOrder, PoliceNotRecorded,
        LadoReferralNotRecorded, ParentsNotAdvised, ImmediateReferralNotRecorded, ParentsAdvisedBeforeAdvice, AgesGivenAndNotKnown,
        AdultWorksWithChildrenWithoutAdult, ReturnToNameMissing,
    ];

    protected override void Check(IncidentReportCase c, ValidationContext context, FindingList findings)
    {
        findings.RequireSafeReference(c.Reference, ReferenceRequired, ReferenceUnsafe);

        if (findings.Require(c.DateOfIncident, DateOfIncidentRequired, "$.dateOfIncident") && c.DateOfIncident > context.Today)
        {
            findings.Add(DateOfIncidentInFuture, "$.dateOfIncident");
        }

        CheckWhoWasInvolved(c, findings);

        if (!V.SettingTypes.Contains(c.SettingType))
        {
            findings.Add(SettingTypeNotOnForm, "$.settingType");
        }

        CheckList(c.IncidentTypes, V.IncidentTypes, "$.incidentTypes", IncidentTypesRequired, IncidentTypeNotOnForm, findings);
        CheckList(c.Media, V.Media, "$.media", MediaRequired, MediumNotOnForm, findings);
        CheckList(c.ActionsTaken, V.ActionsTaken, "$.actionsTaken", NoActionsTaken, ActionNotOnForm, findings);
        CheckList(c.FrameworkAreas, V.FrameworkAreas, "$.frameworkAreas", required: null, FrameworkAreaNotOnForm, findings);

        CheckOtherExplained([c.SettingType], c.SettingTypeOther, "$.settingTypeOther", findings);
        CheckOtherExplained(c.IncidentTypes, c.IncidentTypesOther, "$.incidentTypesOther", findings);
        CheckOtherExplained(c.Media, c.MediaOther, "$.mediaOther", findings);
        CheckOtherExplained(c.ActionsTaken, c.ActionsTakenOther, "$.actionsTakenOther", findings);

        findings.RequireText(c.CompletedBy?.Name, CompleterNameRequired, "$.completedBy.name");
        if (string.IsNullOrWhiteSpace(c.CompletedBy?.Phone) && string.IsNullOrWhiteSpace(c.CompletedBy?.Email))
        {
            findings.Add(CompleterContactRequired, "$.completedBy");
        }

        if (findings.Require(c.DateCompleted, DateCompletedMissing, "$.dateCompleted")
            && (c.DateCompleted > context.Today || c.DateCompleted < c.DateOfIncident))
        {
            findings.Add(DateCompletedOutOfOrder, "$.dateCompleted");
        }

        CheckFramework(c, findings);

        if (c.ReturnTo is not null && string.IsNullOrWhiteSpace(c.ReturnTo.Name))
        {
            findings.Add(ReturnToNameMissing, "$.returnTo.name");
        }
    }

    private static void CheckWhoWasInvolved(IncidentReportCase c, FindingList findings)
    {
        var given = c.Involved ?? [];
        if (given.Count == 0)
        {
            findings.Add(InvolvedNotOnForm, "$.involved");
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (!V.Involved.Contains(given[i]))
            {
                findings.Add(InvolvedNotOnForm, given.Count == 1 ? "$.involved" : $"$.involved[{i}]");
            }
        }

        var known = given.Select(v => V.Involved.Find(v)?.Value).OfType<string>().ToList();
        var adultsOnly = known.Count > 0 && known.All(v => v == V.AdultOnAdult);
        var anyAdultOnAdult = known.Contains(V.AdultOnAdult);
        if (c.AgesOfChildren is null || c.AgesOfChildren.Count == 0)
        {
            if (!adultsOnly && c.AgesNotKnown != true)
            {
                findings.Add(AgesRequired, "$.agesOfChildren");
            }
        }
        else if (c.AgesNotKnown == true)
        {
            findings.Add(AgesGivenAndNotKnown, "$.agesNotKnown");
        }
        else
        {
            for (var i = 0; i < c.AgesOfChildren.Count; i++)
            {
                if (c.AgesOfChildren[i] is not (>= 0 and <= 17))
                {
                    findings.Add(AgeOutOfRange, $"$.agesOfChildren[{i}]");
                }
            }
        }

        if (c.AdultOnAdult is not null)
        {
            if (!V.AdultOnAdultKinds.Contains(c.AdultOnAdult))
            {
                findings.Add(AdultOnAdultNotOnForm, "$.adultOnAdult");
            }
            else if (known.Count > 0 && !anyAdultOnAdult)
            {
                findings.Add(AdultOnAdultButNotAdults, "$.adultOnAdult");
            }
        }
        else if (anyAdultOnAdult)
        {
            findings.Add(AdultOnAdultNotSpecified, "$.adultOnAdult");
        }

        if (c.AdultWorksWithChildren is not null && known.Count > 0 && !known.Contains(V.AdultOnChild))
        {
            findings.Add(AdultWorksWithChildrenWithoutAdult, "$.adultWorksWithChildren");
        }
    }

    private static void CheckList(IReadOnlyList<string?>? values, OptionList options, string path, Rule? required, Rule notOnForm, FindingList findings)
    {
        if (values is null || values.Count == 0)
        {
            if (required is not null)
            {
                findings.Add(required, path);
            }

            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!options.Contains(values[i]))
            {
                findings.Add(notOnForm, $"{path}[{i}]");
            }
        }
    }

    private static void CheckOtherExplained(IEnumerable<string?>? values, string? explanation, string path, FindingList findings)
    {
        if ((values ?? []).Any(v => OptionList.IsSame(v, V.Other)) && string.IsNullOrWhiteSpace(explanation))
        {
            findings.Add(OtherNeedsExplanation, path);
        }
    }

    private static void CheckFramework(IncidentReportCase c, FindingList findings)
    {
        if (c.ContentGeneratedAt is not null && !V.ContentGeneratedAt.Contains(c.ContentGeneratedAt))
        {
            findings.Add(ContentGeneratedAtNotOnForm, "$.contentGeneratedAt");
        }

        var indication = IncidentFramework.Indicate(c);
        if (c.IncidentTypes is { Count: > 0 } && indication.Has(FrameworkFlagKind.NoFrameworkArea))
        {
            findings.Add(NoFrameworkArea, "$.frameworkAreas");
        }

        if (c.ContentGeneratedAt is null && indication.Has(FrameworkFlagKind.EvidenceRowUnknown) && indication.Tables.Count > 0)
        {
            findings.Add(ContentGeneratedAtMissing, "$.contentGeneratedAt");
        }

        foreach (var missing in indication.MissingFormActions)
        {
            var rule = missing.Value switch
            {
                V.PoliceInvestigation => PoliceNotRecorded,
                V.ReferralToLado => LadoReferralNotRecorded,
                V.AdviceToParents => ParentsNotAdvised,
                _ => null,
            };
            if (rule is not null)
            {
                findings.Add(rule, "$.actionsTaken");
            }
        }

        if (indication.Has(FrameworkFlagKind.ImmediateReferralChildUnder13) && !indication.ReferralRecorded)
        {
            findings.Add(ImmediateReferralNotRecorded, "$.actionsTaken");
        }

        if (indication.Has(FrameworkFlagKind.AdviceBeforeTellingFamilies)
            && (c.ActionsTaken ?? []).Any(a => OptionList.IsSame(a, V.AdviceToParents))
            && c.AdviceSoughtBeforeParents != true)
        {
            findings.Add(ParentsAdvisedBeforeAdvice, "$.actionsTaken");
        }
    }
}
