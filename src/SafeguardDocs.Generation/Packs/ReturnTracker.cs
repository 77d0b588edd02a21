using System.Globalization;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Excel.Writing;

namespace SafeguardDocs.Generation.Packs;

/// <summary>
/// The school office's tracker of returned agreements, one row for every form the packs ask back: the
/// <see cref="SheetName"/> sheet has one row per pupil (by year, registration group and name) with the
/// reference printed on the pupil's agreement and the family pack it is in, a Returned drop-down and a date,
/// and the photograph answer from the family's parent form; the <see cref="ParentSheetName"/> sheet has one
/// row per parent and carer agreement with its reference, Returned, date and the photograph consent answer.
/// The summary counts returns by year group, parent forms returned, and photograph consent given and
/// refused; its formulas count the rows, so it updates as the office fills them in.
/// </summary>
public static class ReturnTracker
{
    public const string SheetName = "Returns";
    public const string ParentSheetName = "Parent forms";
    public const string SummaryName = "Summary";

    public const string FormReferenceHeader = "Form reference";
    public const string ParentFormHeader = "Parent form reference";
    public const string ConsentHeader = "Photograph consent";
    public const string PupilConsentHeader = "Photographs (parent's answer)";
    public const string ConsentGiven = "Given";
    public const string ConsentRefused = "Refused";

    public const string YearHeader = "Year";
    public const string ReturnedHeader = "Returned";
    public const string EmailHeader = "Email on file";

    /// <summary>One pupil's row.</summary>
    internal sealed record Row(RosterPupil Pupil, string FormReference, string ParentForm, string PackFile, string Contact, bool HasEmail);

    /// <summary>One family's parent and carer agreement.</summary>
    internal sealed record ParentRow(string FormReference, string PackFile, string Contact, string Children, bool HasEmail);

    /// <param name="path">The workbook to write, atomically.</param>
    /// <param name="pack">The pack case.</param>
    /// <param name="families">The families, in pack order.</param>
    /// <param name="packExtension">The extension of the family pack files the tracker names (the document writer's).</param>
    /// <param name="clock">For the workbook's properties.</param>
    public static void Write(string path, AupPackCase pack, IReadOnlyList<AupFamily> families, string packExtension, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(families);
        WorkbookWriter.Write(path, Workbook(pack, families, packExtension), WorkbookOptions.Default with { Clock = clock });
    }

    internal static WorkbookSpec Workbook(AupPackCase pack, IReadOnlyList<AupFamily> families, string packExtension)
    {
        var reference = pack.Reference!;
        var rows = families
            .SelectMany(f => f.Pupils.Select((p, i) => new Row(p, AupFamilies.PupilReference(reference, f, i), AupFamilies.FamilyReference(reference, f), AupFamilies.PackFileStem(reference, f) + packExtension, f.Contact.AddressedTo, f.Contact.HasEmail)))
            .OrderBy(r => r.Pupil.YearGroup)
            .ThenBy(r => r.Pupil.Reg ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Pupil.Surname, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Pupil.Forename, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Pupil.Upn, StringComparer.Ordinal)
            .ToList();

        return new WorkbookSpec
        {
            Title = $"AUP returns {pack.AcademicYear}",
            Sheets = [ReturnsSheet(rows), ParentsSheet(ParentRows(reference, families, packExtension)), Summary(pack, rows, families.Count)],
        };
    }

    /// <summary>The parent and carer agreements in family order (the order of the packs and the print file).</summary>
    private static List<ParentRow> ParentRows(string reference, IReadOnlyList<AupFamily> families, string packExtension) =>
        [.. families.Select(f => new ParentRow(
            AupFamilies.FamilyReference(reference, f),
            AupFamilies.PackFileStem(reference, f) + packExtension,
            f.Contact.AddressedTo,
            string.Join(", ", f.Pupils.Select(p => $"{p.Forename} ({YearGroups.Label(p.YearGroup)})")),
            f.Contact.HasEmail))];

    private static SheetSpec<ParentRow> ParentsSheet(List<ParentRow> rows) => new()
    {
        Name = ParentSheetName,
        Rows = rows,
        Columns =
        [
            Column.Text<ParentRow>(FormReferenceHeader, r => r.FormReference),
            Column.Text<ParentRow>("Family pack", r => r.PackFile),
            Column.Text<ParentRow>("Contact", r => r.Contact),
            Column.Text<ParentRow>("Children", r => r.Children),
            Column.Text<ParentRow>(EmailHeader, r => YesNo.Of(r.HasEmail)),
            Column.YesNo<ParentRow>(ReturnedHeader, _ => null) with { Width = 11 },
            Column.Date<ParentRow>("Returned on", _ => null) with { Width = 13 },
            Column.Text<ParentRow>(ConsentHeader, _ => null) with { Width = 20, Validation = CellValidation.List(ConsentGiven, ConsentRefused) },
        ],
    };

    private static SheetSpec<Row> ReturnsSheet(List<Row> rows) => new()
    {
        Name = SheetName,
        Rows = rows,
        Columns =
        [
            Column.Text<Row>("UPN", r => r.Pupil.Upn),
            Column.Text<Row>("Surname", r => r.Pupil.Surname),
            Column.Text<Row>("Forename", r => r.Pupil.Forename),
            Column.Text<Row>(YearHeader, r => YearGroups.Label(r.Pupil.YearGroup)),
            Column.Text<Row>("Reg group", r => r.Pupil.Reg),
            Column.Text<Row>(FormReferenceHeader, r => r.FormReference),
            Column.Text<Row>(ParentFormHeader, r => r.ParentForm),
            Column.Text<Row>("Family pack", r => r.PackFile),
            Column.Text<Row>("Contact", r => r.Contact),
            Column.Text<Row>(EmailHeader, r => YesNo.Of(r.HasEmail)),
            Column.YesNo<Row>(ReturnedHeader, _ => null) with { Width = 11 },
            Column.Date<Row>("Returned on", _ => null) with { Width = 13 },
            // The parent's answer, looked up from the family's row on the parent forms sheet, so the office can
            // filter the pupils who must not be photographed.
            Column.Formula<Row>(
                PupilConsentHeader,
                $"IFERROR(INDEX({{{ParentSheetName}!{ConsentHeader}}},MATCH({{{ParentFormHeader}}},{{{ParentSheetName}!{FormReferenceHeader}}},0))&\"\",\"\")",
                _ => FormulaResult.Empty) with { Width = 16 },
        ],
    };

    private static SummarySheetSpec Summary(AupPackCase pack, List<Row> rows, int families)
    {
        const string yes = $"\"{YesNo.Yes}\"";
        const string no = $"\"{YesNo.No}\"";
        var returns = SheetName;
        List<SummaryLine> lines =
        [
            SummaryLine.Title($"Acceptable use agreements {pack.AcademicYear}: returns"),
            SummaryLine.Blank,
            SummaryLine.Labelled("School", SummaryCell.Text(pack.School?.Name)),
            SummaryLine.Labelled("Return by", SummaryCell.Date(pack.ReturnBy)),
            SummaryLine.Labelled("Pupils with no email on file for their contact", SummaryCell.FormulaOf(
                $"COUNTIFS({{{returns}!{EmailHeader}}},{no})", FormulaResult.Number(rows.Count(r => !r.HasEmail)), DisplayFormat.WholeNumber)),
            SummaryLine.Blank,
            SummaryLine.TableHeader("Year group", "Pupils", "Returned", "Outstanding", "Returned (%)"),
        ];

        foreach (var year in rows.Select(r => r.Pupil.YearGroup).Distinct().Order())
        {
            var count = rows.Count(r => r.Pupil.YearGroup == year);
            lines.Add(SummaryLine.Of(
                SummaryCell.Text(YearGroups.Label(year)),
                SummaryCell.FormulaOf($"COUNTIFS({{{returns}!{YearHeader}}},A{{row}})", FormulaResult.Number(count), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf($"COUNTIFS({{{returns}!{YearHeader}}},A{{row}},{{{returns}!{ReturnedHeader}}},{yes})", FormulaResult.Number(0), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf("B{row}-C{row}", FormulaResult.Number(count), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf("IF(B{row}=0,0,C{row}/B{row})", FormulaResult.Number(0), DisplayFormat.Percent)));
        }

        lines.Add(SummaryLine.Of(
                SummaryCell.Text("All year groups"),
                SummaryCell.FormulaOf($"COUNTA({{{returns}!UPN}})", FormulaResult.Number(rows.Count), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf($"COUNTIFS({{{returns}!{ReturnedHeader}}},{yes})", FormulaResult.Number(0), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf("B{row}-C{row}", FormulaResult.Number(rows.Count), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf("IF(B{row}=0,0,C{row}/B{row})", FormulaResult.Number(0), DisplayFormat.Percent)));
        var parents = ParentSheetName;
        lines.Add(SummaryLine.Blank);
        lines.Add(SummaryLine.Heading("Parent and carer agreements"));
        lines.Add(SummaryLine.TableHeader("Forms", "Families", "Returned", "Outstanding", "Returned (%)"));
        lines.Add(SummaryLine.Of(
            SummaryCell.Text("Parent and carer agreement"),
            SummaryCell.FormulaOf($"COUNTA({{{parents}!{FormReferenceHeader}}})", FormulaResult.Number(families), DisplayFormat.WholeNumber),
            SummaryCell.FormulaOf($"COUNTIFS({{{parents}!{ReturnedHeader}}},{yes})", FormulaResult.Number(0), DisplayFormat.WholeNumber),
            SummaryCell.FormulaOf("B{row}-C{row}", FormulaResult.Number(families), DisplayFormat.WholeNumber),
            SummaryCell.FormulaOf("IF(B{row}=0,0,C{row}/B{row})", FormulaResult.Number(0), DisplayFormat.Percent)));
        lines.Add(SummaryLine.Blank);
        lines.Add(SummaryLine.Heading("Photograph consent"));
        lines.Add(SummaryLine.TableHeader("Answer", "Families", "Pupils"));
        lines.Add(SummaryLine.Of(
            SummaryCell.Text(ConsentGiven),
            SummaryCell.FormulaOf($"COUNTIFS({{{parents}!{ConsentHeader}}},A{{row}})", FormulaResult.Number(0), DisplayFormat.WholeNumber),
            SummaryCell.FormulaOf($"COUNTIFS({{{returns}!{PupilConsentHeader}}},A{{row}})", FormulaResult.Number(0), DisplayFormat.WholeNumber)));
        lines.Add(SummaryLine.Of(
            SummaryCell.Text(ConsentRefused),
            SummaryCell.FormulaOf($"COUNTIFS({{{parents}!{ConsentHeader}}},A{{row}})", FormulaResult.Number(0), DisplayFormat.WholeNumber),
            SummaryCell.FormulaOf($"COUNTIFS({{{returns}!{PupilConsentHeader}}},A{{row}})", FormulaResult.Number(0), DisplayFormat.WholeNumber)));
        lines.Add(SummaryLine.Of(
            SummaryCell.Text("Not answered yet"),
            SummaryCell.FormulaOf($"COUNTA({{{parents}!{FormReferenceHeader}}})-COUNTIFS({{{parents}!{ConsentHeader}}},\"{ConsentGiven}\")-COUNTIFS({{{parents}!{ConsentHeader}}},\"{ConsentRefused}\")", FormulaResult.Number(families), DisplayFormat.WholeNumber),
            SummaryCell.FormulaOf($"COUNTA({{{returns}!UPN}})-COUNTIFS({{{returns}!{PupilConsentHeader}}},\"{ConsentGiven}\")-COUNTIFS({{{returns}!{PupilConsentHeader}}},\"{ConsentRefused}\")", FormulaResult.Number(rows.Count), DisplayFormat.WholeNumber)));
        lines.Add(SummaryLine.Blank);
        lines.Add(SummaryLine.Of(SummaryCell.Text(string.Create(CultureInfo.InvariantCulture, $"Mark each returned agreement: pupils' on the {SheetName} sheet, parents' on the {ParentSheetName} sheet (choose Yes under {ReturnedHeader} and enter the date)."))));
        lines.Add(SummaryLine.Of(SummaryCell.Text(string.Create(CultureInfo.InvariantCulture, $"Enter the photograph answer from each parent form under {ConsentHeader}; each pupil's row then shows it. Filter the {SheetName} sheet on \"{ConsentRefused}\" to see who must not be photographed. These counts update as you do."))));
        return new SummarySheetSpec { Name = SummaryName, Lines = lines, ColumnWidths = [44, 13, 10, 12, 13] };
    }
}
