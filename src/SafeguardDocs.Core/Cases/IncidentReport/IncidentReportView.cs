using SafeguardDocs.Core.Settings;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>
/// What an incident monitoring form template sees (Razor as <c>View</c>, Scriban as the top level): every
/// property of the case under the case file's own name (<c>dateOfIncident</c>, <c>agesOfChildren</c>,
/// <c>completedBy.name</c>), with <c>returnTo</c> resolved to the unit the form goes to; every option of
/// the form's lists with whether it is ticked (<c>involvedChoices</c>, <c>mediaChoices</c>…); and what the
/// framework of seed 003 §4 (Tables 1–3) indicates, worked out once by <see cref="IncidentFramework.Indicate"/>:
/// the flags (immediate referral first), the tables with each action and its status, the expected form
/// actions not taken and which tables expect them. No template needs to work any of these out again.
/// </summary>
/// <remarks>
/// So that a template's <c>if</c> means "given": a list here is never null, and a top-level text left
/// empty or only spaces is null, as are an empty email or telephone of <see cref="ReturnTo"/>.
/// </remarks>
public sealed class IncidentReportView
{
    private readonly IncidentReportCase _case;

    public IncidentReportView(IncidentReportCase caseFile, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(settings);
        _case = caseFile;
        Settings = settings;
        Today = today;
        ReturnTo = RecipientOf(caseFile);

        var indication = IncidentFramework.Indicate(caseFile);
        ImmediateReferral = indication.ImmediateReferral;
        ImmediateReferralChildUnder13 = indication.Has(FrameworkFlagKind.ImmediateReferralChildUnder13);
        ImmediateReferralAdultInvolved = indication.Has(FrameworkFlagKind.ImmediateReferralAdultInvolved);
        ReferralRecorded = indication.ReferralRecorded;
        ReferralActionsTaken = [.. indication.ReferralActionsTaken.Select(o => o.Label)];
        Flags = [.. indication.Flags.OrderBy(f => f.Kind).Select(f => new IncidentFlag(FlagKey(f.Kind), f.Text, f.Source, IsImmediateReferral(f.Kind)))];
        Tables = [.. indication.Tables.Select(t => TableOf(t, indication))];
        MissingActions =
        [
            .. indication.MissingFormActions.Select(missing => new MissingFormAction(
                missing.Value,
                missing.Label,
                [.. Tables.Where(t => t.Actions.Any(a => a.Expected && a.FormAction == missing.Value))])),
        ];
        Columns = [.. IncidentFramework.ColumnsOf(caseFile).Select(IncidentFramework.ColumnName)];
    }

    /// <summary>The view factory registered with <see cref="IncidentReportKind.Kind"/>.</summary>
    public static Func<IncidentReportCase, OrganisationSettings, DateOnly, IncidentReportView> Create { get; } = (c, s, t) => new(c, s, t);

    // ---- the case, under the case file's names ----------------------------------------------------

    public string? Kind => _case.Kind;

    public string? Reference => _case.Reference;

    public DateOnly? DateOfIncident => _case.DateOfIncident;

    /// <summary>The ages of the children, in the case's order; an age not known is null.</summary>
    [PersonalData]
    public IReadOnlyList<int?> AgesOfChildren => _case.AgesOfChildren ?? [];

    public bool? AgesNotKnown => _case.AgesNotKnown;

    /// <summary>"Who was involved?" as the case gives it (see <see cref="InvolvedChoices"/> for the form's boxes).</summary>
    public IReadOnlyList<string?> Involved => _case.Involved ?? [];

    public bool? AdultWorksWithChildren => _case.AdultWorksWithChildren;

    public string? AdultOnAdult => _case.AdultOnAdult;

    public string? SettingType => _case.SettingType;

    [PersonalData]
    public string? SettingTypeOther => Given(_case.SettingTypeOther);

    public IReadOnlyList<string?> IncidentTypes => _case.IncidentTypes ?? [];

    [PersonalData]
    public string? IncidentTypesOther => Given(_case.IncidentTypesOther);

    public IReadOnlyList<string?> FrameworkAreas => _case.FrameworkAreas ?? [];

    public IReadOnlyList<string?> Media => _case.Media ?? [];

    [PersonalData]
    public string? MediaOther => Given(_case.MediaOther);

    public string? ContentGeneratedAt => _case.ContentGeneratedAt;

    /// <summary>What happened; null when not recorded.</summary>
    [PersonalData]
    public string? Description => Given(_case.Description);

    public bool? AdviceSoughtBeforeParents => _case.AdviceSoughtBeforeParents;

    public IReadOnlyList<string?> ActionsTaken => _case.ActionsTaken ?? [];

    [PersonalData]
    public string? ActionsTakenOther => Given(_case.ActionsTakenOther);

    public IncidentFormCompleter? CompletedBy => _case.CompletedBy;

    public DateOnly? DateCompleted => _case.DateCompleted;

    /// <summary>
    /// Where the completed form goes: the case's own <c>returnTo</c> when it names the unit, else the
    /// Safeguarding Children Unit with the contact the guidance gives (<see cref="SafeguardingUnitDefaults"/>).
    /// </summary>
    public IncidentFormRecipient ReturnTo { get; }

    // ---- the form's lists, each option ticked or not --------------------------------------------------

    /// <summary>"Who was involved?": the form's four boxes.</summary>
    public IReadOnlyList<FormChoice> InvolvedChoices => Choices(V.Involved, _case.Involved);

    /// <summary>"Type of setting".</summary>
    public IReadOnlyList<FormChoice> SettingTypeChoices => Choices(V.SettingTypes, [_case.SettingType]);

    /// <summary>"Type of incident".</summary>
    public IReadOnlyList<FormChoice> IncidentTypeChoices => Choices(V.IncidentTypes, _case.IncidentTypes);

    /// <summary>"What media was used?".</summary>
    public IReadOnlyList<FormChoice> MediaChoices => Choices(V.Media, _case.Media);

    /// <summary>"What action was taken?".</summary>
    public IReadOnlyList<FormChoice> ActionsTakenChoices => Choices(V.ActionsTaken, _case.ActionsTaken);

    /// <summary>The framework's words for which adults, "Staff on Staff" or "Public on Staff", when the case says; else null.</summary>
    public string? AdultOnAdultLabel => V.AdultOnAdultKinds.Find(_case.AdultOnAdult)?.Label;

    // ---- what the framework indicates -----------------------------------------------------------------

    /// <summary>True when a sexual incident calls for an immediate referral: a child under 13, or an adult, is involved.</summary>
    public bool ImmediateReferral { get; }

    /// <summary>True when the immediate referral is because a child under 13 is involved.</summary>
    public bool ImmediateReferralChildUnder13 { get; }

    /// <summary>True when the immediate referral is because an adult is involved.</summary>
    public bool ImmediateReferralAdultInvolved { get; }

    /// <summary>True when a referral to children's social care or a police investigation is among the actions taken.</summary>
    public bool ReferralRecorded { get; }

    /// <summary>The form's words for those referrals among the actions taken, in the form's order.</summary>
    public IReadOnlyList<string> ReferralActionsTaken { get; }

    /// <summary>What the form must make prominent, in order: immediate referral first.</summary>
    public IReadOnlyList<IncidentFlag> Flags { get; }

    /// <summary>One entry per framework table that applies, in table order; none when no column can be chosen.</summary>
    public IReadOnlyList<FrameworkTable> Tables { get; }

    /// <summary>The form actions the framework expects that are not among the actions taken, in the form's order.</summary>
    public IReadOnlyList<MissingFormAction> MissingActions { get; }

    /// <summary>The framework's columns that apply (who was involved), in the tables' order; none when not known.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The evidence row used (where the content was made), "Content generated at home"; null when not known (both rows apply).</summary>
    public string? EvidenceRow => V.ContentGeneratedAt.Find(_case.ContentGeneratedAt)?.Label;

    // ---- context --------------------------------------------------------------------------------------

    /// <summary>The organisation's settings this form is written with.</summary>
    public OrganisationSettings Settings { get; }

    /// <summary>Today's date, from the injected clock.</summary>
    public DateOnly Today { get; }

    /// <summary>The key a flag has in templates: the flag's kind, as a case file would write it.</summary>
    public static string FlagKey(FrameworkFlagKind kind) => kind switch
    {
        FrameworkFlagKind.ImmediateReferralChildUnder13 => "immediate-referral-child-under-13",
        FrameworkFlagKind.ImmediateReferralAdultInvolved => "immediate-referral-adult-involved",
        FrameworkFlagKind.AdviceBeforeTellingFamilies => "advice-before-telling-families",
        FrameworkFlagKind.NoFrameworkArea => "no-framework-area",
        FrameworkFlagKind.ColumnUnknown => "column-unknown",
        FrameworkFlagKind.AdultColumnUnknown => "adult-column-unknown",
        _ => "evidence-row-unknown",
    };

    private static bool IsImmediateReferral(FrameworkFlagKind kind) =>
        kind is FrameworkFlagKind.ImmediateReferralChildUnder13 or FrameworkFlagKind.ImmediateReferralAdultInvolved;

    private static FrameworkTable TableOf(TableIndication table, FrameworkIndication indication) => new(
        table.Table,
        table.Column,
        table.Evidence,
        [
            .. table.Actions.Select(a => new FrameworkTableAction(
                IncidentFramework.RowName(a.Row),
                a.Action.Text,
                a.Expected,
                a.Expected && !indication.MissingFormActions.Any(m => m.Value == a.Action.FormAction),
                a.Action.ConsiderOnly,
                a.AfterAdviceOnly,
                a.Action.FormAction,
                a.Action.FormAction is { } formAction ? V.ActionsTaken.LabelOf(formAction) : null)),
        ]);

    private static IReadOnlyList<FormChoice> Choices(OptionList options, IEnumerable<string?>? values) =>
        [.. options.Options.Select(o => new FormChoice(o.Value, o.Label, (values ?? []).Any(v => OptionList.IsSame(v, o.Value))))];

    private static IncidentFormRecipient RecipientOf(IncidentReportCase c)
    {
        var recipient = SafeguardingUnitDefaults.For(c);
        return new IncidentFormRecipient { Name = recipient.Name, Email = Given(recipient.Email), Phone = Given(recipient.Phone) };
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>One option of a list on the form, and whether the case ticks it.</summary>
/// <param name="Value">The value in the case file, for example <c>child-on-child</c>.</param>
/// <param name="Label">The form's own words, for example "Child on Child".</param>
/// <param name="Chosen">True when the case gives this value (however it is written: case, apostrophes).</param>
public sealed record FormChoice(string Value, string Label, bool Chosen);

/// <summary>Something the form must make prominent (<see cref="FrameworkFlag"/>), for templates.</summary>
/// <param name="Kind">Which flag: <c>immediate-referral-child-under-13</c>, <c>immediate-referral-adult-involved</c>,
/// <c>advice-before-telling-families</c>, <c>no-framework-area</c>, <c>column-unknown</c>, <c>adult-column-unknown</c>
/// or <c>evidence-row-unknown</c>.</param>
/// <param name="Text">What to do, in a sentence or two.</param>
/// <param name="Source">The seed file and section it comes from.</param>
/// <param name="ImmediateReferral">True for the two immediate-referral flags.</param>
public sealed record IncidentFlag(string Kind, string Text, string Source, bool ImmediateReferral);

/// <summary>What one framework table indicates for this incident.</summary>
/// <param name="Table">The table's name, for example "Table 2: Sexual behaviour".</param>
/// <param name="Column">The column, for example "Child on child"; "Adult on adult" when which adults is not known.</param>
/// <param name="Evidence">The evidence row used, or null when both apply.</param>
/// <param name="Actions">The actions, row by row.</param>
public sealed record FrameworkTable(string Table, string Column, string? Evidence, IReadOnlyList<FrameworkTableAction> Actions);

/// <summary>One action of a framework table and what the form must do about it.</summary>
/// <param name="Row">The table row in the tables' own words, for example "Criminal proceedings?".</param>
/// <param name="Text">What to do.</param>
/// <param name="Expected">A definite step the form records (an action taken), expected for this incident.</param>
/// <param name="Recorded">An expected step that is among the actions taken on the form.</param>
/// <param name="ConsiderOnly">A decision for the safeguarding lead, not a step to check for.</param>
/// <param name="AfterAdviceOnly">A step that may be taken only after advice (it would alert those responsible in a sexual incident).</param>
/// <param name="FormAction">The form's "action taken" value this step shows up as, if any.</param>
/// <param name="FormActionLabel">The form's words for <paramref name="FormAction"/>, if any.</param>
public sealed record FrameworkTableAction(string Row, string Text, bool Expected, bool Recorded, bool ConsiderOnly, bool AfterAdviceOnly, string? FormAction, string? FormActionLabel);

/// <summary>An action the framework expects that the form does not record as taken.</summary>
/// <param name="Value">The form's value, for example <c>police investigation</c>.</param>
/// <param name="Label">The form's words, for example "Police investigation".</param>
/// <param name="ExpectedBy">The tables that expect it.</param>
public sealed record MissingFormAction(string Value, string Label, IReadOnlyList<FrameworkTable> ExpectedBy);
