using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Excel.Writing;
using V = SafeguardDocs.Core.Cases.IncidentReport.IncidentFormValues;

namespace SafeguardDocs.Excel.Registers;

/// <summary>
/// The log of e-safety incidents (seed 003 Appendix 1, the incident monitoring form; "logs that summarise
/// for governors"): one row per incident form with the form's answers as typed columns, and a summary
/// sheet for governors with counts by type of incident, who was involved, setting, media and action taken
/// over the period covered.
/// </summary>
/// <remarks>
/// <para>The log holds no names and no free text: not the description, not the "Please explain" answers,
/// not the name, role or contact details of the person completing the form. Ages are given as
/// the number of children and the youngest and oldest age. The forms themselves hold the rest.</para>
/// <para>Questions with more than one answer (type of incident, media, action taken) have one Yes/No column
/// per answer on the form, so each can be filtered and counted without guessing at text. The summary's
/// counts are <c>COUNTIFS</c> formulas over the Incidents sheet with their values stored beside them, so a
/// viewer that does not recalculate (LibreOffice) shows the same numbers as Excel.</para>
/// <para>Forms with errors are left out and reported, as are files that cannot be read; other kinds of
/// case file in the same folder are skipped.</para>
/// </remarks>
public static class IncidentLog
{
    public const string SheetName = "Incidents";
    public const string SummaryName = "Summary";

    public const string TypePrefix = "Type: ";
    public const string MediaPrefix = "Media: ";
    public const string ActionPrefix = "Action: ";

    /// <summary>The column of actions the framework expects that the form does not record.</summary>
    public const string NotRecordedHeader = "Expected actions not recorded";

    /// <summary>How an immediate referral that is indicated but not recorded is named in that column.</summary>
    public const string ImmediateReferralNotRecorded = "Immediate referral (police or children's social care)";

    /// <summary>The period asked for must not end before it starts.</summary>
    public static void CheckPeriod(IncidentLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.From is { } from && options.To is { } to && from > to)
        {
            throw new ArgumentException("The period starts after it ends: --from must be on or before --to.", nameof(options));
        }
    }

    /// <summary>
    /// Lays out the log from incident forms already read and checked (the generation library's
    /// <c>RegisterRuns</c> reads them) without writing it, so the caller can look at the counts first.
    /// </summary>
    public static PreparedWorkbook<IncidentLogResult> Prepare(RegisterCases<IncidentReportCase> reading, IncidentLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        options ??= IncidentLogOptions.Default;
        CheckPeriod(options);
        var inPeriod = reading.Valid
            .Where(c => (options.From is null || c.DateOfIncident >= options.From) && (options.To is null || c.DateOfIncident <= options.To))
            .Select(IncidentRow.From)
            .OrderBy(r => r.DateOfIncident)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();

        var result = new IncidentLogResult
        {
            FilesRead = reading.FilesRead,
            FormsRead = reading.CasesRead,
            FormsIncluded = reading.Valid.Count,
            IncidentsListed = inPeriod.Count,
            OutsidePeriod = reading.Valid.Count - inPeriod.Count,
            OtherKindsSkipped = reading.OtherKinds,
            FilesLeftOut = reading.LeftOut,
            PeriodFrom = options.From ?? inPeriod.Select(r => r.DateOfIncident).FirstOrDefault(),
            PeriodTo = options.To ?? inPeriod.Select(r => r.DateOfIncident).LastOrDefault(),
            Findings = reading.Findings,
        };

        var workbook = new WorkbookSpec
        {
            Title = "E-safety incident log",
            Sheets = [IncidentsSheet(inPeriod), SummarySheet(inPeriod, result)],
        };
        return new PreparedWorkbook<IncidentLogResult>(result, workbook, WorkbookOptions.Default with { Clock = options.Clock });
    }

    private static SheetSpec<IncidentRow> IncidentsSheet(List<IncidentRow> rows)
    {
        List<ColumnSpec<IncidentRow>> columns =
        [
            Column.Text<IncidentRow>("Reference", r => r.Reference),
            Column.Date<IncidentRow>("Date of incident", r => r.DateOfIncident),
            Column.WholeNumber<IncidentRow>("Children", r => r.Children),
            Column.WholeNumber<IncidentRow>("Youngest", r => r.Youngest),
            Column.WholeNumber<IncidentRow>("Oldest", r => r.Oldest),
            Column.Text<IncidentRow>("Who was involved", r => r.Involved),
            Column.Text<IncidentRow>("Adult on adult", r => r.AdultOnAdult),
            Column.Text<IncidentRow>("Type of setting", r => r.Setting),
        ];
        columns.AddRange(TickColumns(TypePrefix, V.IncidentTypes, r => r.Types));
        columns.AddRange(TickColumns(MediaPrefix, V.Media, r => r.Media));
        columns.Add(Column.Text<IncidentRow>("Content generated at", r => r.ContentGeneratedAt));
        columns.AddRange(TickColumns(ActionPrefix, V.ActionsTaken, r => r.Actions));
        columns.Add(Column.Text<IncidentRow>("Framework areas", r => r.FrameworkAreas));
        columns.Add(Column.YesNo<IncidentRow>("Immediate referral", r => r.ImmediateReferral));
        columns.Add(Column.Text<IncidentRow>(NotRecordedHeader, r => r.NotRecorded) with { Width = 30 });
        columns.Add(Column.Date<IncidentRow>("Date completed", r => r.DateCompleted));
        columns.Add(Column.Formula<IncidentRow>(
            "Days to complete",
            "IF(OR({Date completed}=\"\",{Date of incident}=\"\"),\"\",{Date completed}-{Date of incident})",
            r => r.DaysToComplete is { } days ? FormulaResult.Number(days) : FormulaResult.Empty,
            DisplayFormat.WholeNumber));
        // 35 columns are unreadable shrunk to one page: headers wrap over narrow Yes/No columns, the sheet
        // prints two landscape pages wide, and every page repeats the reference and the header row.
        return new SheetSpec<IncidentRow>
        {
            Name = SheetName,
            Rows = rows,
            Columns = columns,
            WrapHeaders = true,
            PagesWide = 2,
            RepeatFirstColumn = true,
        };
    }

    /// <summary>One Yes/No column per answer on the form, in the form's order.</summary>
    private static IEnumerable<ColumnSpec<IncidentRow>> TickColumns(string prefix, OptionList options, Func<IncidentRow, IReadOnlySet<string>> ticked) =>
        options.Options.Select(o => Column.YesNo<IncidentRow>(prefix + o.Label, r => ticked(r).Contains(o.Value)) with { Width = 11 });

    private static SummarySheetSpec SummarySheet(List<IncidentRow> rows, IncidentLogResult result)
    {
        const string incidents = SheetName;
        var yes = $"\"{YesNo.Yes}\"";
        var days = rows.Where(r => r.DaysToComplete is not null).Select(r => (double)r.DaysToComplete!.Value).ToList();
        List<SummaryLine> lines =
        [
            SummaryLine.Title("E-safety incident log: summary for governors"),
            SummaryLine.Blank,
            SummaryLine.Of(SummaryCell.Text("Period covered"), SummaryCell.Date(result.PeriodFrom), SummaryCell.Text("to"), SummaryCell.Date(result.PeriodTo)),
            SummaryLine.Labelled("Incidents", Count($"COUNTA({{{incidents}!Reference}})", rows.Count)),
            SummaryLine.Labelled("Immediate referral indicated", Count($"COUNTIFS({{{incidents}!Immediate referral}},{yes})", rows.Count(r => r.ImmediateReferral))),
            SummaryLine.Labelled("A child under 13 involved", Count($"COUNTIFS({{{incidents}!Youngest}},\"<13\")", rows.Count(r => r.Youngest < 13))),
            SummaryLine.Labelled("Average days to complete the form", SummaryCell.FormulaOf(
                $"IF(COUNT({{{incidents}!Days to complete}})=0,\"\",ROUND(AVERAGE({{{incidents}!Days to complete}}),1))",
                days.Count == 0 ? FormulaResult.Empty : FormulaResult.Number(Math.Round(days.Average(), 1, MidpointRounding.AwayFromZero)))),
            SummaryLine.Labelled("Case files left out (errors)", SummaryCell.Number(result.FilesLeftOut)),
            SummaryLine.Labelled("With expected actions not recorded", Count($"COUNTIFS({{{incidents}!{NotRecordedHeader}}},\"<>\")", rows.Count(r => r.NotRecorded is not null))),
        ];

        // What the framework expected and the form does not record, by incident: the first thing governors should ask about.
        var notRecorded = rows.Where(r => r.NotRecorded is not null).ToList();
        lines.Add(SummaryLine.Blank);
        lines.Add(SummaryLine.Heading("Expected actions not recorded"));
        if (notRecorded.Count == 0)
        {
            lines.Add(SummaryLine.Of(SummaryCell.Text("None: every form records the actions the framework expects.")));
        }
        else
        {
            lines.Add(SummaryLine.TableHeader("Incident", "Not recorded"));
            foreach (var row in notRecorded)
            {
                lines.Add(SummaryLine.Of(SummaryCell.Text(row.Reference), SummaryCell.Text(row.NotRecorded)));
            }

            lines.Add(SummaryLine.Of(SummaryCell.Text("Each was expected by the framework (seed 003 §4) or, for an immediate referral, by the referral procedure; the form gives no action, or no reason under \"Other\". Ask the safeguarding lead.")));
        }

        AddTicked(lines, "By type of incident", "Type of incident", TypePrefix, V.IncidentTypes, rows, r => r.Types);
        AddOneOf(lines, "By who was involved", "Who was involved", "Who was involved", V.Involved, rows, r => r.Involved, anyOf: true);
        AddOneOf(lines, "By type of setting", "Type of setting", "Type of setting", V.SettingTypes, rows, r => r.Setting);
        AddTicked(lines, "By media used", "Media", MediaPrefix, V.Media, rows, r => r.Media);
        AddTicked(lines, "By action taken", "Action taken", ActionPrefix, V.ActionsTaken, rows, r => r.Actions);

        lines.Add(SummaryLine.Blank);
        lines.Add(SummaryLine.Of(SummaryCell.Text("An incident may have more than one type, medium and action, so those tables can add up to more than the number of incidents.")));
        lines.Add(SummaryLine.Of(SummaryCell.Text("The counts are formulas over the Incidents sheet: correct or add rows there and they update.")));
        lines.Add(SummaryLine.Of(SummaryCell.Text("The log holds no names and no descriptions; those stay on the forms.")));
        return new SummarySheetSpec { Name = SummaryName, Lines = lines, ColumnWidths = [36, 12] };

        static SummaryCell Count(string formula, int cached) => SummaryCell.FormulaOf(formula, FormulaResult.Number(cached), DisplayFormat.WholeNumber);

        // Every answer the form offers, zeros included, so that one period's summary lines up with the next.
        static void AddTicked(List<SummaryLine> lines, string heading, string header, string prefix, OptionList options, IReadOnlyList<IncidentRow> rows, Func<IncidentRow, IReadOnlySet<string>> ticked)
        {
            lines.Add(SummaryLine.Blank);
            lines.Add(SummaryLine.Heading(heading));
            lines.Add(SummaryLine.TableHeader(header, "Incidents"));
            foreach (var option in options.Options)
            {
                lines.Add(SummaryLine.Of(
                    SummaryCell.Text(option.Label),
                    Count($"COUNTIFS({{{incidents}!{prefix}{option.Label}}},\"{YesNo.Yes}\")", rows.Count(r => ticked(r).Contains(option.Value)))));
            }
        }

        static void AddOneOf(List<SummaryLine> lines, string heading, string header, string column, OptionList options, IReadOnlyList<IncidentRow> rows, Func<IncidentRow, string?> answer, bool anyOf = false)
        {
            if (anyOf)
            {
                // The cell lists every box ticked ("Child on Child; Adult on Child"): count the rows that name this one.
                lines.Add(SummaryLine.Blank);
                lines.Add(SummaryLine.Heading(heading));
                lines.Add(SummaryLine.TableHeader(header, "Incidents"));
                foreach (var option in options.Options)
                {
                    lines.Add(SummaryLine.Of(
                        SummaryCell.Text(option.Label),
                        Count($"COUNTIFS({{{incidents}!{column}}},\"*\"&A{{row}}&\"*\")", rows.Count(r => (answer(r) ?? string.Empty).Split("; ").Contains(option.Label, StringComparer.OrdinalIgnoreCase)))));
                }

                return;
            }

            lines.Add(SummaryLine.Blank);
            lines.Add(SummaryLine.Heading(heading));
            lines.Add(SummaryLine.TableHeader(header, "Incidents"));
            foreach (var option in options.Options)
            {
                // "="&A12 matches the answer exactly (COUNTIFS ignores case, as the form's values do).
                lines.Add(SummaryLine.Of(
                    SummaryCell.Text(option.Label),
                    Count($"COUNTIFS({{{incidents}!{column}}},\"=\"&A{{row}})", rows.Count(r => string.Equals(answer(r), option.Label, StringComparison.OrdinalIgnoreCase)))));
            }
        }
    }
}

/// <summary>One incident form as the log shows it: the form's answers by their labels, ages as numbers, no names or free text.</summary>
internal sealed record IncidentRow(
    string Reference,
    DateOnly? DateOfIncident,
    int Children,
    int? Youngest,
    int? Oldest,
    string? Involved,
    string? AdultOnAdult,
    string? Setting,
    IReadOnlySet<string> Types,
    IReadOnlySet<string> Media,
    string? ContentGeneratedAt,
    IReadOnlySet<string> Actions,
    string FrameworkAreas,
    bool ImmediateReferral,
    string? NotRecorded,
    DateOnly? DateCompleted,
    int? DaysToComplete)
{
    public static IncidentRow From(IncidentReportCase c)
    {
        var ages = (c.AgesOfChildren ?? []).OfType<int>().ToList();
        var indication = IncidentFramework.Indicate(c);
        var areas = indication.Tables.Select(t => V.FrameworkAreas.LabelOf(AreaValue(t.Area)));
        return new IncidentRow(
            c.Reference!,
            c.DateOfIncident,
            ages.Count,
            ages.Count == 0 ? null : ages.Min(),
            ages.Count == 0 ? null : ages.Max(),
            InvolvedLabels(c.Involved),
            V.AdultOnAdultKinds.Find(c.AdultOnAdult)?.Label,
            V.SettingTypes.Find(c.SettingType)?.Label,
            Ticked(V.IncidentTypes, c.IncidentTypes),
            Ticked(V.Media, c.Media),
            V.ContentGeneratedAt.Find(c.ContentGeneratedAt)?.Value switch
            {
                V.GeneratedAtSetting => "Setting",
                V.GeneratedAtHome => "Home",
                _ => null,
            },
            Ticked(V.ActionsTaken, c.ActionsTaken),
            string.Join("; ", areas),
            indication.ImmediateReferral,
            NotRecordedOf(indication),
            c.DateCompleted,
            c.DateCompleted is { } done && c.DateOfIncident is { } happened ? done.DayNumber - happened.DayNumber : null);
    }

    /// <summary>
    /// The actions the framework expects that are not among the actions taken, in the form's words, with an
    /// immediate referral that is indicated but not recorded first; null when nothing is missing.
    /// </summary>
    private static string? NotRecordedOf(FrameworkIndication indication)
    {
        var missing = new List<string>();
        if (indication.ImmediateReferral && !indication.ReferralRecorded)
        {
            missing.Add(IncidentLog.ImmediateReferralNotRecorded);
        }

        missing.AddRange(indication.MissingFormActions.Select(o => o.Label));
        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    /// <summary>The boxes ticked under "Who was involved?", in the form's order and words, joined by "; "; null when none is.</summary>
    private static string? InvolvedLabels(IReadOnlyList<string?>? values)
    {
        var ticked = Ticked(V.Involved, values);
        var labels = V.Involved.Options.Where(o => ticked.Contains(o.Value)).Select(o => o.Label).ToList();
        return labels.Count == 0 ? null : string.Join("; ", labels);
    }

    /// <summary>The form's values (as the option list spells them) that the case ticks, however it wrote them.</summary>
    private static HashSet<string> Ticked(OptionList options, IReadOnlyList<string?>? values) =>
        [.. (values ?? []).Select(v => options.Find(v)?.Value).OfType<string>()];

    private static string AreaValue(FrameworkArea area) => area switch
    {
        FrameworkArea.BullyingOrThreatening => V.AreaBullyingOrThreatening,
        FrameworkArea.Sexual => V.AreaSexual,
        _ => V.AreaMishandlingPersonalInformation,
    };
}
