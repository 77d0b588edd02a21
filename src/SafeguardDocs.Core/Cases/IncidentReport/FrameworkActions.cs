using static SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>
/// The actions of the framework tables (seed 003 §4, Tables 1–3), in SafeguardDocs' own words, each with a
/// stable key and, where one fits without doubt, the monitoring form's "action taken" value. Telephone
/// numbers in the seed are Stockport's of 2011 and are left out: the organisation's own contacts apply.
/// </summary>
public static class FrameworkActions
{
    // Evidence rows.
    public static FrameworkAction SecureEvidence { get; } = new("secure-evidence",
        "Locate and secure the evidence, deciding who in the organisation does this and how. If it cannot be secured, consider which of the other actions can still be taken.");

    public static FrameworkAction AskForEvidence { get; } = new("ask-for-evidence",
        "Ask the victim or their family to supply the evidence, for example screenshots or printouts.");

    public static FrameworkAction SeekPoliceAdvice { get; } = new("seek-police-advice",
        "Seek advice from the police (for children, the Public Protection and Investigation Unit). The police may gather the evidence.",
        PoliceInvestigation);

    // Action under organisation policy.
    public static FrameworkAction ExplainAntiBullyingBreach { get; } = new("explain-anti-bullying-breach",
        "Explain the breach of the anti-bullying policy and the Responsible User Policy, then decide and apply sanctions.");

    public static FrameworkAction ExplainStaffConductBreach { get; } = new("explain-staff-conduct-breach",
        "Explain the breach of the staff conduct policy or induction standards.");

    public static FrameworkAction ExplainStaffConductAndRupBreach { get; } = new("explain-staff-conduct-and-rup-breach",
        "Explain the breach of the staff conduct policy and the Responsible User Policy, then decide and apply sanctions.");

    public static FrameworkAction ExplainBehaviourPolicyBreach { get; } = new("explain-behaviour-policy-breach",
        "Explain the breach of the behaviour policy and the Responsible User Policy, then decide and apply sanctions.");

    public static FrameworkAction ExplainConfidentialityBreach { get; } = new("explain-confidentiality-breach",
        "Identify any breach of the confidentiality policy, explain it and apply sanctions.");

    public static FrameworkAction ExplainRupBreach { get; } = new("explain-rup-breach",
        "Explain the breach of the Responsible User Policy, then decide and apply sanctions.");

    public static FrameworkAction NotifyParents { get; } = new("notify-parents",
        "Tell the parents or carers.",
        AdviceToParents, AlertsThoseResponsible: true);

    public static FrameworkAction ParentStaffRelationship { get; } = new("parent-staff-relationship",
        "Explain the expected relationship between parents and staff, and refer to the management team as appropriate.");

    public static FrameworkAction DoNotAlertThoseResponsible { get; } = new("do-not-alert-those-responsible",
        "This may be child sexual abuse: do not alert those responsible, so that the evidence is kept.");

    public static FrameworkAction AdviceBeforeSpeakingToFamilies { get; } = new("advice-before-speaking-to-families",
        "Seek advice from the Safeguarding Children Unit before speaking to either family.");

    public static FrameworkAction ConsiderChildProtectionReferral { get; } = new("consider-child-protection-referral",
        "Consider a child protection referral to children's social care.",
        ReferralToChildrensSocialCare, ConsiderOnly: true);

    public static FrameworkAction AdviceOnSocialCareReferral { get; } = new("advice-on-social-care-referral",
        "Seek advice from the Safeguarding Children Unit about a referral to children's social care, and consider why the child is behaving in this way.",
        ReferralToChildrensSocialCare, ConsiderOnly: true);

    // Criminal proceedings.
    public static FrameworkAction ConsiderHarassmentOffences { get; } = new("consider-harassment-offences",
        "Consider whether an offence is involved (harassment, threats to kill, harm or damage, racially motivated or homophobic offences) and, if so, telephone the police; keep an evidence trail. Libel and slander are civil matters needing legal advice.",
        PoliceInvestigation, ConsiderOnly: true);

    public static FrameworkAction ConsiderStaffHarassmentOffences { get; } = new("consider-staff-harassment-offences",
        "Consider whether an offence is involved (harassment, racially motivated or homophobic offences) and, if so, telephone the police; keep an evidence trail. Libel and slander are civil matters needing legal advice.",
        PoliceInvestigation, ConsiderOnly: true);

    public static FrameworkAction ConsiderChannelReferral { get; } = new("consider-channel-referral",
        "If violent extremism is involved, refer to the Channel single point of contact.",
        ConsiderOnly: true);

    public static FrameworkAction ConsiderMaliciousCommunications { get; } = new("consider-malicious-communications",
        "Consider offences under the Malicious Communications Act or the Public Order Act and, if so, telephone the police.",
        PoliceInvestigation, ConsiderOnly: true);

    public static FrameworkAction ProtectionOfChildrenAct { get; } = new("protection-of-children-act",
        "Taking, making, sharing or showing sexual images of under-18s, edited images included, is an offence (Protection of Children Act 1978): consult the police and report to CEOP.",
        PoliceInvestigation);

    public static FrameworkAction AdultImagesConsultPolice { get; } = new("adult-images-consult-police",
        "Sexual images of adults are not covered by the Protection of Children Act 1978: consult the police.",
        PoliceInvestigation);

    public static FrameworkAction GroomingOffencesConsultPolice { get; } = new("grooming-offences-consult-police",
        "Grooming is an offence under the Sexual Offences Act 2003, and a Risk of Sexual Harm Order may be possible: consult the police.",
        PoliceInvestigation);

    public static FrameworkAction HarassmentContactPolice { get; } = new("harassment-contact-police",
        "Harassment, and recording or sharing sexual material, may be offences: contact the police.",
        PoliceInvestigation);

    // Professional proceedings.
    public static FrameworkAction StaffDisciplinary { get; } = new("staff-disciplinary",
        "If a member of staff is involved, follow the disciplinary process and consult HR.",
        ConcernsPeopleWhoWorkWithChildren: true);

    public static FrameworkAction ConsiderLadoReferral { get; } = new("consider-lado-referral",
        "Consider a referral to the Local Authority Designated Officer (LADO), taking advice from the Safeguarding Children Unit; refer a professional from another service to the LADO.",
        ReferralToLado, ConsiderOnly: true, ConcernsPeopleWhoWorkWithChildren: true);

    public static FrameworkAction LadoReferral { get; } = new("lado-referral",
        "Refer to the Local Authority Designated Officer (LADO).",
        ReferralToLado, ConcernsPeopleWhoWorkWithChildren: true);

    public static FrameworkAction ConsiderLadoForDataBreach { get; } = new("consider-lado-for-data-breach",
        "The table lists a referral to the Local Authority Designated Officer (LADO). The LADO deals with concerns that someone who works with children may pose a risk to them: refer when the mishandling puts children at risk or suggests that; a breach of personal data alone is for the data breach process and HR.",
        ReferralToLado, ConsiderOnly: true, ConcernsPeopleWhoWorkWithChildren: true);

    public static FrameworkAction SexuallyHarmfulBehaviourProcess { get; } = new("sexually-harmful-behaviour-process",
        "Consider action under the sexually harmful behaviour process.",
        ConsiderOnly: true);

    public static FrameworkAction ChildrenInHousehold { get; } = new("children-in-household",
        "If there are children in the household, consider child protection and consult children's social care.",
        ReferralToChildrensSocialCare, ConsiderOnly: true);

    // Technical actions.
    public static FrameworkAction ReviewMonitoring { get; } = new("review-monitoring",
        "Within the organisation, consider whether the monitoring software needs updating or changing.");

    public static FrameworkAction ReportToCeopOrIwf { get; } = new("report-to-ceop-or-iwf",
        "Report the content to CEOP (the CEOP report button) or the Internet Watch Foundation.");

    public static FrameworkAction AskPerpetratorToRemove { get; } = new("ask-perpetrator-to-remove",
        "Ask the person responsible to remove the content.",
        AlertsThoseResponsible: true);

    public static FrameworkAction AskProviderToRemove { get; } = new("ask-provider-to-remove",
        "Ask the internet service provider or the site to remove the content, giving its web or email addresses. If there are criminal proceedings, agree any removal with the police first: equipment may be kept as evidence.");

    public static FrameworkAction KeepMachinesRunning { get; } = new("keep-machines-running",
        "Do not shut computers down, which clears caches and loses evidence: unplug them at the socket. Keep e-communications as evidence however upsetting they are; equipment may be taken as evidence.");

    public static FrameworkAction ProviderRemovalWithPolice { get; } = new("provider-removal-with-police",
        "Ask the internet service provider to remove content only in agreement with the police, who need to keep the evidence; social networks remove sexually explicit content under their terms.");

    public static FrameworkAction NotifyDataBreach { get; } = new("notify-data-breach",
        "Report the data breach as the organisation's policy requires; the Information Commissioner can fine individuals and organisations.");
}
