namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>The framework's three areas of behaviour (seed 003 §4), one table each.</summary>
public enum FrameworkArea
{
    /// <summary>Table 1: bullying and threatening behaviour.</summary>
    BullyingOrThreatening,

    /// <summary>Table 2: sexual behaviour.</summary>
    Sexual,

    /// <summary>Table 3: mishandling of personal information.</summary>
    MishandlingPersonalInformation,
}

/// <summary>The tables' columns: who is involved. Adult on adult has two sub-columns.</summary>
public enum FrameworkColumn
{
    ChildOnChild,
    ChildOnAdult,
    AdultOnChild,
    StaffOnStaff,
    PublicOnStaff,
}

/// <summary>The tables' rows, in the tables' order.</summary>
public enum FrameworkRow
{
    /// <summary>"Content generated at setting" / "Content generated at home".</summary>
    Evidence,

    /// <summary>"Action under agency (organisation) policy".</summary>
    OrganisationPolicy,

    /// <summary>"Criminal proceedings?".</summary>
    CriminalProceedings,

    /// <summary>"Professional proceedings".</summary>
    ProfessionalProceedings,

    /// <summary>"Technical actions".</summary>
    TechnicalActions,
}

/// <summary>
/// One action from the framework tables, in SafeguardDocs' own words.
/// </summary>
/// <param name="Key">Stable key, for example <c>seek-police-advice</c>; see <see cref="FrameworkActions"/>.</param>
/// <param name="Text">What to do, in a sentence or two.</param>
/// <param name="FormAction">The monitoring form's "action taken" value this action shows up as, when there is one.</param>
/// <param name="ConsiderOnly">True when the table says "consider" or "may": a judgement, not a step to check for.</param>
/// <param name="AlertsThoseResponsible">
/// True when taking the step would alert those responsible or their families (telling the parents, asking the
/// person responsible to remove the content). In a sexual incident such a step waits for advice
/// (<see cref="IndicatedAction.AfterAdviceOnly"/>).
/// </param>
/// <param name="ConcernsPeopleWhoWorkWithChildren">
/// True for the steps that apply only to someone who works or volunteers with children (a referral to the LADO,
/// the staff disciplinary process): left out for a member of the public
/// (<see cref="IncidentReportCase.AdultWorksWithChildren"/> false).
/// </param>
public sealed record FrameworkAction(string Key, string Text, string? FormAction = null, bool ConsiderOnly = false, bool AlertsThoseResponsible = false, bool ConcernsPeopleWhoWorkWithChildren = false);

/// <summary>An action the framework indicates for this incident, with the row it comes from.</summary>
/// <param name="Row">The table row.</param>
/// <param name="Action">The action.</param>
/// <param name="Expected">
/// True when the action is a definite step in every column that applies and maps to a form action, so
/// its absence from the actions taken is worth a warning. Never true of a step that is <paramref name="AfterAdviceOnly"/>.
/// </param>
/// <param name="AfterAdviceOnly">
/// True when the step may be taken only after advice from the police and children's social care: a step that
/// would alert those responsible (<see cref="FrameworkAction.AlertsThoseResponsible"/>) in a sexual incident,
/// whichever table lists it (seed 003 Table 2 "do not alert those responsible" and "seek advice … before
/// speaking to either family"; seed 001 "Referral and Strategy Discussion").
/// </param>
public sealed record IndicatedAction(FrameworkRow Row, FrameworkAction Action, bool Expected, bool AfterAdviceOnly);

/// <summary>What one table indicates for this incident.</summary>
/// <param name="Area">The area of behaviour.</param>
/// <param name="Table">The table's name as the guidance gives it, for example "Table 2: Sexual behaviour".</param>
/// <param name="Column">The column, for example "Child on child", or "Adult on adult" when the sub-column is not known.</param>
/// <param name="Evidence">The evidence row used, for example "Content generated at home", or null when not known (both shown).</param>
/// <param name="Actions">The actions, row by row, without repeats.</param>
public sealed record TableIndication(FrameworkArea Area, string Table, string Column, string? Evidence, IReadOnlyList<IndicatedAction> Actions);

/// <summary>Something the framework section must make prominent.</summary>
public enum FrameworkFlagKind
{
    /// <summary>A sexual incident involving a child under 13: immediate referral (seed 001 "Referral and Strategy Discussion", Appendix 1).</summary>
    ImmediateReferralChildUnder13,

    /// <summary>A sexual incident involving an adult: immediate referral (seed 001 "Referral and Strategy Discussion").</summary>
    ImmediateReferralAdultInvolved,

    /// <summary>Sexual: take advice before speaking to families, and do not alert those responsible (seed 003 Table 2; seed 001).</summary>
    AdviceBeforeTellingFamilies,

    /// <summary>No table applies: none of the incident types maps to a framework area and none was given.</summary>
    NoFrameworkArea,

    /// <summary>"Who was involved?" is missing or not one of the form's values, so no column can be chosen.</summary>
    ColumnUnknown,

    /// <summary>Adult on adult without saying staff on staff or public on staff: both sub-columns are shown.</summary>
    AdultColumnUnknown,

    /// <summary>Where the content was generated is not known: both evidence rows are shown.</summary>
    EvidenceRowUnknown,
}

/// <summary>A flag with the words to print and where the requirement comes from.</summary>
public sealed record FrameworkFlag(FrameworkFlagKind Kind, string Text, string Source);

/// <summary>
/// What the framework indicates for one incident (seed 003 §4, Tables 1–3), for the "What the framework
/// indicates" section of the form and for the rules that compare it with the actions taken.
/// </summary>
/// <param name="Tables">One entry per table that applies, in table order.</param>
/// <param name="Flags">Things to make prominent, such as an immediate referral.</param>
/// <param name="ExpectedFormActions">The form's "action taken" values the framework expects, in the form's order.</param>
/// <param name="MissingFormActions">Those of <paramref name="ExpectedFormActions"/> not among the actions taken.</param>
/// <param name="ReferralActionsTaken">
/// The referrals among the actions taken, in the form's order: a referral to children's social care and a police
/// investigation, the two ways an immediate referral is recorded.
/// </param>
public sealed record FrameworkIndication(
    IReadOnlyList<TableIndication> Tables,
    IReadOnlyList<FrameworkFlag> Flags,
    IReadOnlyList<FormOption> ExpectedFormActions,
    IReadOnlyList<FormOption> MissingFormActions,
    IReadOnlyList<FormOption> ReferralActionsTaken)
{
    public bool Has(FrameworkFlagKind kind) => Flags.Any(f => f.Kind == kind);

    /// <summary>True when a sexual incident calls for an immediate referral (a child under 13, or an adult involved).</summary>
    public bool ImmediateReferral => Has(FrameworkFlagKind.ImmediateReferralChildUnder13) || Has(FrameworkFlagKind.ImmediateReferralAdultInvolved);

    /// <summary>
    /// True when a referral is recorded: a referral to children's social care or a police investigation is among
    /// the actions taken (<see cref="ReferralActionsTaken"/>).
    /// </summary>
    public bool ReferralRecorded => ReferralActionsTaken.Count > 0;
}
