using System.Globalization;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Excel.Writing;

namespace SafeguardDocs.Generation.Packs;

/// <summary>
/// The school office's tracker of returned agreements: one row per pupil (by year, registration group and
/// name) with the reference printed on the pupil's agreement and the family pack it is in, a Returned
/// drop-down and a date, and a summary of returns by year group whose formulas count the rows, so it
/// updates as the office fills them in.
/// </summary>
public static class ReturnTracker
{
    public const string SheetName = "Returns";
    public const string SummaryName = "Summary";

    public const string YearHeader = "Year";
    public const string ReturnedHeader = "Returned";
    public const string EmailHeader = "Email on file";

    /// <summary>One pupil's row.</summary>
    internal sealed record Row(RosterPupil Pupil, string FormReference, string PackFile, string Contact, bool HasEmail);

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
            .SelectMany(f => f.Pupils.Select((p, i) => new Row(p, AupFamilies.PupilReference(reference, f, i), AupFamilies.PackFileStem(reference, f) + packExtension, f.Contact.AddressedTo, f.Contact.HasEmail)))
            .OrderBy(r => r.Pupil.YearGroup)
            .ThenBy(r => r.Pupil.Reg ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Pupil.Surname, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Pupil.Forename, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Pupil.Upn, StringComparer.Ordinal)
            .ToList();

        return new WorkbookSpec
        {
            Title = $"AUP returns {pack.AcademicYear}",
            Sheets = [ReturnsSheet(rows), Summary(pack, rows)],
        };
    }

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
            Column.Text<Row>("Form reference", r => r.FormReference),
            Column.Text<Row>("Family pack", r => r.PackFile),
            Column.Text<Row>("Contact", r => r.Contact),
            Column.Text<Row>(EmailHeader, r => YesNo.Of(r.HasEmail)),
            Column.YesNo<Row>(ReturnedHeader, _ => null) with { Width = 11 },
            Column.Date<Row>("Returned on", _ => null) with { Width = 13 },
        ],
    };

    private static SummarySheetSpec Summary(AupPackCase pack, List<Row> rows)
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
        lines.Add(SummaryLine.Blank);
        lines.Add(SummaryLine.Of(SummaryCell.Text(string.Create(CultureInfo.InvariantCulture, $"Mark each returned agreement on the {SheetName} sheet: choose Yes under {ReturnedHeader} and enter the date. These counts update as you do."))));
        return new SummarySheetSpec { Name = SummaryName, Lines = lines, ColumnWidths = [44, 13, 10, 12, 13] };
    }
}
