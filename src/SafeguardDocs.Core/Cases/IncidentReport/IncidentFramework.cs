using static SafeguardDocs.Core.Cases.IncidentReport.FrameworkActions;

namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>
/// The framework for managing an e-safety incident (seed 003 §4, Tables 1–3) as data: for the area of
/// behaviour, who is involved and where the content was generated, the actions to take. Merged cells
/// in the published tables are read as follows: in Table 1 the "Criminal proceedings?" harassment cell
/// covers every column but public on staff, which has the malicious communications cell; in Table 2 the
/// evidence row is the same ("seek advice from the police") whatever the column and wherever the
/// content was made.
/// </summary>
public static class IncidentFramework
{
    public const string Table1 = "Table 1: Bullying and threatening behaviour";
    public const string Table2 = "Table 2: Sexual behaviour";
    public const string Table3 = "Table 3: Mishandling of personal information";

    private const string ReferralSource = Seeds.OnlineSafeguardingStrategy + " \"Referral and Strategy Discussion\" and Appendix 1 \"How old is the young person or young people involved?\"";
    private const string FrameworkSource = Seeds.IncidentGuidance + " §4 \"Framework for managing an e-safety incident\"";

    private static readonly Entry[] Entries =
    [
        // Table 1: bullying and threatening behaviour.
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.Evidence, Cols.All, Where.Setting, SecureEvidence),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.Evidence, Cols.All, Where.Home, AskForEvidence),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.OrganisationPolicy, Cols.ChildOnChild | Cols.ChildOnAdult, Where.Any, ExplainAntiBullyingBreach),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.OrganisationPolicy, Cols.AdultOnChild | Cols.StaffOnStaff, Where.Any, ExplainStaffConductBreach),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.OrganisationPolicy, Cols.ChildOnChild | Cols.ChildOnAdult | Cols.AdultOnChild, Where.Any, NotifyParents),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.OrganisationPolicy, Cols.PublicOnStaff, Where.Any, ParentStaffRelationship),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.CriminalProceedings, Cols.All & ~Cols.PublicOnStaff, Where.Any, ConsiderHarassmentOffences),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.CriminalProceedings, Cols.All & ~Cols.PublicOnStaff, Where.Any, ConsiderChannelReferral),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.CriminalProceedings, Cols.PublicOnStaff, Where.Any, ConsiderMaliciousCommunications),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.ProfessionalProceedings, Cols.AdultOnChild, Where.Any, StaffDisciplinary),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.ProfessionalProceedings, Cols.AdultOnChild, Where.Any, ConsiderLadoReferral),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.TechnicalActions, Cols.All, Where.Any, ReviewMonitoring),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.TechnicalActions, Cols.All, Where.Any, ReportToCeopOrIwf),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.TechnicalActions, Cols.All, Where.Any, AskPerpetratorToRemove),
        new(FrameworkArea.BullyingOrThreatening, FrameworkRow.TechnicalActions, Cols.All, Where.Any, AskProviderToRemove),

        // Table 2: sexual behaviour.
        new(FrameworkArea.Sexual, FrameworkRow.Evidence, Cols.All, Where.Any, SeekPoliceAdvice),
        new(FrameworkArea.Sexual, FrameworkRow.OrganisationPolicy, Cols.All, Where.Any, DoNotAlertThoseResponsible),
        new(FrameworkArea.Sexual, FrameworkRow.OrganisationPolicy, Cols.ChildOnChild, Where.Any, ConsiderChildProtectionReferral),
        new(FrameworkArea.Sexual, FrameworkRow.OrganisationPolicy, Cols.ChildOnChild, Where.Any, AdviceBeforeSpeakingToFamilies),
        new(FrameworkArea.Sexual, FrameworkRow.OrganisationPolicy, Cols.ChildOnAdult, Where.Any, AdviceOnSocialCareReferral),
        new(FrameworkArea.Sexual, FrameworkRow.OrganisationPolicy, Cols.ChildOnChild | Cols.ChildOnAdult, Where.Any, ExplainBehaviourPolicyBreach),
        new(FrameworkArea.Sexual, FrameworkRow.OrganisationPolicy, Cols.AdultOnChild | Cols.StaffOnStaff, Where.Any, ExplainStaffConductAndRupBreach),
        new(FrameworkArea.Sexual, FrameworkRow.OrganisationPolicy, Cols.PublicOnStaff, Where.Any, ParentStaffRelationship),
        new(FrameworkArea.Sexual, FrameworkRow.CriminalProceedings, Cols.ChildOnChild, Where.Any, ProtectionOfChildrenAct),
        new(FrameworkArea.Sexual, FrameworkRow.CriminalProceedings, Cols.ChildOnAdult, Where.Any, AdultImagesConsultPolice),
        new(FrameworkArea.Sexual, FrameworkRow.CriminalProceedings, Cols.AdultOnChild, Where.Any, GroomingOffencesConsultPolice),
        new(FrameworkArea.Sexual, FrameworkRow.CriminalProceedings, Cols.StaffOnStaff, Where.Any, HarassmentContactPolice),
        new(FrameworkArea.Sexual, FrameworkRow.ProfessionalProceedings, Cols.ChildOnChild | Cols.ChildOnAdult, Where.Any, SexuallyHarmfulBehaviourProcess),
        new(FrameworkArea.Sexual, FrameworkRow.ProfessionalProceedings, Cols.AdultOnChild | Cols.StaffOnStaff, Where.Any, LadoReferral),
        new(FrameworkArea.Sexual, FrameworkRow.ProfessionalProceedings, Cols.AdultOnChild | Cols.StaffOnStaff, Where.Any, StaffDisciplinary),
        new(FrameworkArea.Sexual, FrameworkRow.ProfessionalProceedings, Cols.PublicOnStaff, Where.Any, ChildrenInHousehold),
        new(FrameworkArea.Sexual, FrameworkRow.TechnicalActions, Cols.All, Where.Any, KeepMachinesRunning),
        new(FrameworkArea.Sexual, FrameworkRow.TechnicalActions, Cols.All, Where.Any, ReportToCeopOrIwf),
        new(FrameworkArea.Sexual, FrameworkRow.TechnicalActions, Cols.All, Where.Any, ProviderRemovalWithPolice),

        // Table 3: mishandling of personal information.
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.Evidence, Cols.All & ~Cols.PublicOnStaff, Where.Setting, SecureEvidence),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.Evidence, Cols.All & ~Cols.PublicOnStaff, Where.Home, AskForEvidence),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.OrganisationPolicy, Cols.All & ~Cols.PublicOnStaff, Where.Any, ExplainConfidentialityBreach),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.OrganisationPolicy, Cols.AdultOnChild | Cols.StaffOnStaff, Where.Any, ExplainStaffConductBreach),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.OrganisationPolicy, Cols.All & ~Cols.PublicOnStaff, Where.Any, ExplainRupBreach),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.OrganisationPolicy, Cols.ChildOnChild | Cols.ChildOnAdult | Cols.AdultOnChild, Where.Any, NotifyParents),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.CriminalProceedings, Cols.StaffOnStaff, Where.Any, ConsiderStaffHarassmentOffences),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.CriminalProceedings, Cols.PublicOnStaff, Where.Any, ConsiderMaliciousCommunications),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.ProfessionalProceedings, Cols.StaffOnStaff, Where.Any, ConsiderLadoForDataBreach),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.ProfessionalProceedings, Cols.StaffOnStaff, Where.Any, StaffDisciplinary),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.TechnicalActions, Cols.All, Where.Any, NotifyDataBreach),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.TechnicalActions, Cols.All, Where.Any, ReviewMonitoring),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.TechnicalActions, Cols.All, Where.Any, AskPerpetratorToRemove),
        new(FrameworkArea.MishandlingPersonalInformation, FrameworkRow.TechnicalActions, Cols.All, Where.Any, AskProviderToRemove),
    ];

    [Flags]
    private enum Cols
    {
        None = 0,
        ChildOnChild = 1,
        ChildOnAdult = 2,
        AdultOnChild = 4,
        StaffOnStaff = 8,
        PublicOnStaff = 16,
        All = ChildOnChild | ChildOnAdult | AdultOnChild | StaffOnStaff | PublicOnStaff,
    }

    private enum Where
    {
        Any,
        Setting,
        Home,
    }

    /// <summary>The guidance's name for a table.</summary>
    public static string TableName(FrameworkArea area) => area switch
    {
        FrameworkArea.BullyingOrThreatening => Table1,
        FrameworkArea.Sexual => Table2,
        _ => Table3,
    };

    /// <summary>The tables' own words for a row.</summary>
    public static string RowName(FrameworkRow row) => row switch
    {
        FrameworkRow.Evidence => "Evidence",
        FrameworkRow.OrganisationPolicy => "Action under organisation policy",
        FrameworkRow.CriminalProceedings => "Criminal proceedings?",
        FrameworkRow.ProfessionalProceedings => "Professional proceedings",
        _ => "Technical actions",
    };

    /// <summary>The words for a column.</summary>
    public static string ColumnName(FrameworkColumn column) => column switch
    {
        FrameworkColumn.ChildOnChild => "Child on child",
        FrameworkColumn.ChildOnAdult => "Child on adult",
        FrameworkColumn.AdultOnChild => "Adult on child",
        FrameworkColumn.StaffOnStaff => "Adult on adult: staff on staff",
        _ => "Adult on adult: public on staff",
    };

    /// <summary>
    /// The framework areas that apply: those the incident types imply (sexual and grooming: sexual;
    /// bullying, violence and hate/incitement: bullying or threatening) and any given in
    /// <see cref="IncidentReportCase.FrameworkAreas"/>. Values that are not on the form are ignored here
    /// (the rules report them).
    /// </summary>
    public static IReadOnlyList<FrameworkArea> AreasOf(IncidentReportCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var areas = new HashSet<FrameworkArea>();
        foreach (var type in c.IncidentTypes ?? [])
        {
            if (OptionList.IsSame(type, IncidentFormValues.Sexual) || OptionList.IsSame(type, IncidentFormValues.Grooming))
            {
                areas.Add(FrameworkArea.Sexual);
            }
            else if (OptionList.IsSame(type, IncidentFormValues.Bullying) || OptionList.IsSame(type, IncidentFormValues.Violence) || OptionList.IsSame(type, IncidentFormValues.HateIncitement))
            {
                areas.Add(FrameworkArea.BullyingOrThreatening);
            }
        }

        foreach (var area in c.FrameworkAreas ?? [])
        {
            if (OptionList.IsSame(area, IncidentFormValues.AreaBullyingOrThreatening))
            {
                areas.Add(FrameworkArea.BullyingOrThreatening);
            }
            else if (OptionList.IsSame(area, IncidentFormValues.AreaSexual))
            {
                areas.Add(FrameworkArea.Sexual);
            }
            else if (OptionList.IsSame(area, IncidentFormValues.AreaMishandlingPersonalInformation))
            {
                areas.Add(FrameworkArea.MishandlingPersonalInformation);
            }
        }

        return [.. areas.Order()];
    }

    /// <summary>
    /// The columns that apply, in the tables' order: one for each box ticked under "Who was involved?", with
    /// both adult-on-adult sub-columns when the case does not say which; none when who was involved is not known.
    /// </summary>
    public static IReadOnlyList<FrameworkColumn> ColumnsOf(IncidentReportCase c) => [.. ColumnGroupsOf(c).SelectMany(g => g).Distinct().Order()];

    /// <summary>
    /// The columns as alternatives: each group holds one column that certainly applies, except adult on adult
    /// without <see cref="IncidentReportCase.AdultOnAdult"/>, whose group holds both sub-columns (one of them applies).
    /// </summary>
    private static List<FrameworkColumn[]> ColumnGroupsOf(IncidentReportCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var groups = new List<FrameworkColumn[]>();
        foreach (var value in (c.Involved ?? []).Select(v => IncidentFormValues.Involved.Find(v)?.Value).OfType<string>().Distinct())
        {
            groups.Add(value switch
            {
                IncidentFormValues.ChildOnChild => [FrameworkColumn.ChildOnChild],
                IncidentFormValues.ChildOnAdult => [FrameworkColumn.ChildOnAdult],
                IncidentFormValues.AdultOnChild => [FrameworkColumn.AdultOnChild],
                _ => IncidentFormValues.AdultOnAdultKinds.Find(c.AdultOnAdult)?.Value switch
                {
                    IncidentFormValues.StaffOnStaff => [FrameworkColumn.StaffOnStaff],
                    IncidentFormValues.PublicOnStaff => [FrameworkColumn.PublicOnStaff],
                    _ => [FrameworkColumn.StaffOnStaff, FrameworkColumn.PublicOnStaff],
                },
            });
        }

        return groups;
    }

    /// <summary>True when the case names exactly the given "who was involved" value among others or alone.</summary>
    public static bool IsInvolved(IncidentReportCase c, string value)
    {
        ArgumentNullException.ThrowIfNull(c);
        return (c.Involved ?? []).Any(v => OptionList.IsSame(v, value));
    }

    /// <summary>
    /// What the framework indicates for this incident: per table the column's actions, the form actions
    /// it expects and which of them are not among the actions taken, and the flags to make prominent.
    /// </summary>
    public static FrameworkIndication Indicate(IncidentReportCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var areas = AreasOf(c);
        var groups = ColumnGroupsOf(c);
        var columns = ColumnsOf(c);
        var memberOfPublic = c.AdultWorksWithChildren == false;
        var where = IncidentFormValues.ContentGeneratedAt.Find(c.ContentGeneratedAt)?.Value switch
        {
            IncidentFormValues.GeneratedAtSetting => Where.Setting,
            IncidentFormValues.GeneratedAtHome => Where.Home,
            _ => Where.Any,
        };
        var sexual = areas.Contains(FrameworkArea.Sexual);

        var tables = new List<TableIndication>();
        if (columns.Count > 0)
        {
            foreach (var area in areas)
            {
                tables.Add(IndicateTable(area, groups, columns, where, sexual, memberOfPublic));
            }
        }

        var expected = IncidentFormValues.ActionsTaken.Options
            .Where(o => tables.Any(t => t.Actions.Any(a => a.Expected && a.Action.FormAction == o.Value)))
            .ToList();
        var taken = c.ActionsTaken ?? [];
        var missing = expected.Where(o => !taken.Any(t => OptionList.IsSame(t, o.Value))).ToList();
        var referrals = IncidentFormValues.ActionsTaken.Options
            .Where(o => o.Value is IncidentFormValues.ReferralToChildrensSocialCare or IncidentFormValues.PoliceInvestigation)
            .Where(o => taken.Any(t => OptionList.IsSame(t, o.Value)))
            .ToList();

        return new FrameworkIndication(tables, FlagsOf(c, areas, columns, where), expected, missing, referrals);
    }

    private static TableIndication IndicateTable(FrameworkArea area, List<FrameworkColumn[]> groups, IReadOnlyList<FrameworkColumn> columns, Where where, bool sexual, bool memberOfPublic)
    {
        List<Entry> EntriesOf(FrameworkColumn column) => Entries
            .Where(e => e.Area == area && e.Columns.HasFlag(ToCols(column)) && (e.Where == Where.Any || where == Where.Any || e.Where == where))
            // The LADO and staff disciplinary steps concern people who work with children: not a member of the public.
            .Where(e => !(memberOfPublic && column == FrameworkColumn.AdultOnChild && e.Action.ConcernsPeopleWhoWorkWithChildren))
            .ToList();

        var perColumn = columns.Select(EntriesOf).ToList();

        var actions = new List<IndicatedAction>();
        foreach (var entry in perColumn.SelectMany(e => e).OrderBy(e => e.Row))
        {
            if (actions.Any(a => a.Action.Key == entry.Action.Key))
            {
                continue;
            }

            // In a sexual incident, a step that would alert those responsible or their families (telling the
            // parents, asking the person responsible to remove the content) waits for advice from the police
            // and children's social care, even when another table lists it (seed 003 Table 2; seed 001
            // "Referral and Strategy Discussion"). Such a step is therefore not expected either.
            var afterAdviceOnly = sexual && entry.Action.AlertsThoseResponsible;

            // Expected: a definite step that shows on the form, for a column that certainly applies (when the
            // adult-on-adult sub-column is not known, in both of its sub-columns).
            var expected = entry.Action is { ConsiderOnly: false, FormAction: not null }
                && groups.Any(group => group.All(column => EntriesOf(column).Any(e => e.Action.Key == entry.Action.Key)))
                && !afterAdviceOnly;
            actions.Add(new IndicatedAction(entry.Row, entry.Action, expected, afterAdviceOnly));
        }

        var column = string.Join("; ", groups.Select(g => g.Length == 1 ? ColumnName(g[0]) : "Adult on adult"));
        var evidence = where switch
        {
            Where.Setting => IncidentFormValues.ContentGeneratedAt.LabelOf(IncidentFormValues.GeneratedAtSetting),
            Where.Home => IncidentFormValues.ContentGeneratedAt.LabelOf(IncidentFormValues.GeneratedAtHome),
            _ => null,
        };
        return new TableIndication(area, TableName(area), column, evidence, actions);
    }

    private static List<FrameworkFlag> FlagsOf(IncidentReportCase c, IReadOnlyList<FrameworkArea> areas, IReadOnlyList<FrameworkColumn> columns, Where where)
    {
        var flags = new List<FrameworkFlag>();
        var sexual = areas.Contains(FrameworkArea.Sexual);
        if (sexual && (c.AgesOfChildren ?? []).Any(age => age is >= 0 and < 13))
        {
            flags.Add(new(FrameworkFlagKind.ImmediateReferralChildUnder13,
                "A child under 13 is involved in a sexual incident. Refer immediately to the police and/or children's social care through the MASH, the same day, and tell the safeguarding lead.",
                ReferralSource));
        }

        if (sexual && columns.Any(col => col is FrameworkColumn.ChildOnAdult or FrameworkColumn.AdultOnChild))
        {
            flags.Add(new(FrameworkFlagKind.ImmediateReferralAdultInvolved,
                "An adult is involved in a sexual incident with a child. Refer immediately to the police and/or children's social care through the MASH, the same day, and tell the safeguarding lead.",
                Seeds.OnlineSafeguardingStrategy + " \"Referral and Strategy Discussion\""));
        }

        if (sexual)
        {
            flags.Add(new(FrameworkFlagKind.AdviceBeforeTellingFamilies,
                "This may be child sexual abuse. Take advice from the police and children's social care before speaking to the families, and do not alert those responsible.",
                Seeds.IncidentGuidance + " Table 2; " + Seeds.OnlineSafeguardingStrategy + " \"Referral and Strategy Discussion\""));
        }

        if (areas.Count == 0)
        {
            flags.Add(new(FrameworkFlagKind.NoFrameworkArea,
                "None of the incident types points to a framework table. Say whether the content is bullying or threatening, sexual, or mishandling of personal information.",
                FrameworkSource));
        }

        if (columns.Count == 0)
        {
            flags.Add(new(FrameworkFlagKind.ColumnUnknown,
                "Who was involved is not recorded, so no column of the framework can be chosen.",
                FrameworkSource));
        }
        else if (columns.Contains(FrameworkColumn.StaffOnStaff) && columns.Contains(FrameworkColumn.PublicOnStaff))
        {
            flags.Add(new(FrameworkFlagKind.AdultColumnUnknown,
                "Two adults are involved but not whether they are two members of staff or a member of the public and a member of staff: the actions of both are shown.",
                FrameworkSource));
        }

        if (where == Where.Any && areas.Any(a => a != FrameworkArea.Sexual))
        {
            flags.Add(new(FrameworkFlagKind.EvidenceRowUnknown,
                "Where the content was generated is not recorded: the evidence actions for content made at the setting and at home are both shown.",
                FrameworkSource));
        }

        return flags;
    }

    private static Cols ToCols(FrameworkColumn column) => column switch
    {
        FrameworkColumn.ChildOnChild => Cols.ChildOnChild,
        FrameworkColumn.ChildOnAdult => Cols.ChildOnAdult,
        FrameworkColumn.AdultOnChild => Cols.AdultOnChild,
        FrameworkColumn.StaffOnStaff => Cols.StaffOnStaff,
        _ => Cols.PublicOnStaff,
    };

    private sealed record Entry(FrameworkArea Area, FrameworkRow Row, Cols Columns, Where Where, FrameworkAction Action);
}
