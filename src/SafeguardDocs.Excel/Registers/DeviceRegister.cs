using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Excel.Writing;

namespace SafeguardDocs.Excel.Registers;

/// <summary>
/// The register of loaned digital equipment (seed 000 §7: loaned equipment stays the owner's property
/// and has an annual check): one row per item across every loan case, with the child's initials (never
/// the name), whether the annual check is overdue, and a summary sheet of items by owner.
/// </summary>
/// <remarks>
/// <para>Only loans are listed. A <c>permanent</c> allocation belongs to the child: there is nothing to
/// return and no annual check, so it is counted in <see cref="DeviceRegisterResult.PermanentSkipped"/>
/// and left out.</para>
/// <para>An item is overdue when it has not been marked returned and its annual check date is before
/// the as-of date. A loan with no annual check date is also overdue (no check is planned, which the
/// guidance expects; rule DA023 warns about it too), with no number of days.</para>
/// <para>The Overdue and Days overdue columns are formulas over the summary's <c>AsOf</c> cell and the
/// Returned column, so changing either in the spreadsheet updates them and the summary.</para>
/// </remarks>
public static class DeviceRegister
{
    public const string SheetName = "Devices";
    public const string SummaryName = "Summary";

    /// <summary>The workbook name of the summary's as-of date cell, which the overdue formulas use.</summary>
    public const string AsOfName = "AsOf";

    /// <summary>The device register's warning for a folder with no case files (the incident log has its own).</summary>
    public const string NoCaseFilesId = "DR001";

    /// <summary>
    /// Lays out the register from device allocations already read and checked (the generation library's
    /// <c>RegisterRuns</c> reads them) without writing it, so that the caller can look at the counts first
    /// (for example, not replace a register when no device allocation could be read).
    /// </summary>
    public static PreparedWorkbook<DeviceRegisterResult> Prepare(RegisterCases<DeviceAllocationCase> reading, DeviceRegisterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        options ??= DeviceRegisterOptions.Default;
        var asOf = options.AsOf ?? DateOnly.FromDateTime(options.Clock.GetLocalNow().DateTime);

        var rows = new List<DeviceRow>();
        int permanent = 0, loans = 0;
        foreach (var allocation in reading.Valid)
        {
            if (!allocation.IsLoan)
            {
                permanent++;
                continue;
            }

            loans++;
            rows.AddRange(DeviceRow.From(allocation, asOf));
        }

        // Sorted by reference so the register reads the same whatever order the files came in (stable: items keep their order).
        var sorted = rows.OrderBy(r => r.Reference, StringComparer.Ordinal).ToList();
        var result = new DeviceRegisterResult
        {
            AsOf = asOf,
            FilesRead = reading.FilesRead,
            LoansIncluded = loans,
            ItemsListed = sorted.Count,
            ItemsOverdue = sorted.Count(r => r.Overdue),
            AllocationsRead = reading.CasesRead,
            AllocationsIncluded = reading.Valid.Count,
            OtherKindsSkipped = reading.OtherKinds,
            PermanentSkipped = permanent,
            FilesLeftOut = reading.LeftOut,
            Findings = reading.Findings,
        };

        var workbook = new WorkbookSpec
        {
            Title = "Loaned devices register",
            Sheets = [DevicesSheet(sorted), SummarySheet(sorted, result)],
        };
        return new PreparedWorkbook<DeviceRegisterResult>(result, workbook, WorkbookOptions.Default with { Clock = options.Clock });
    }

    private static SheetSpec<DeviceRow> DevicesSheet(IReadOnlyList<DeviceRow> rows) => new()
    {
        Name = SheetName,
        Rows = rows,
        Columns =
        [
            Column.Text<DeviceRow>("Reference", r => r.Reference),
            Column.Text<DeviceRow>("Child (initials)", r => r.ChildInitials),
            Column.Text<DeviceRow>("Owner", r => r.Owner),
            Column.Date<DeviceRow>("Letter date", r => r.LetterDate),
            Column.Text<DeviceRow>("Item", r => r.Description),
            Column.Text<DeviceRow>("Serial number", r => r.SerialNumber),
            Column.Text<DeviceRow>("Asset tag", r => r.AssetTag),
            Column.Text<DeviceRow>("Delivered to", r => r.DeliveredTo),
            Column.Date<DeviceRow>("Annual check due", r => r.AnnualCheckDue),
            Column.Formula<DeviceRow>(
                "Overdue",
                $"IF({{Returned}}=\"{YesNo.Yes}\",\"{YesNo.No}\",IF(OR({{Annual check due}}=\"\",{{Annual check due}}<{AsOfName}),\"{YesNo.Yes}\",\"{YesNo.No}\"))",
                r => FormulaResult.YesNo(r.Overdue),
                DisplayFormat.Text),
            Column.Formula<DeviceRow>(
                "Days overdue",
                $"IF(AND({{Overdue}}=\"{YesNo.Yes}\",{{Annual check due}}<>\"\"),{AsOfName}-{{Annual check due}},\"\")",
                r => r.DaysOverdue is { } days ? FormulaResult.Number(days) : FormulaResult.Empty,
                DisplayFormat.WholeNumber),
            Column.YesNo<DeviceRow>("Returned", _ => null),
            Column.Date<DeviceRow>("Returned on", _ => null),
        ],
    };

    private static SummarySheetSpec SummarySheet(IReadOnlyList<DeviceRow> rows, DeviceRegisterResult result)
    {
        const string devices = SheetName;
        var yes = $"\"{YesNo.Yes}\"";
        List<SummaryLine> lines =
        [
            SummaryLine.Title("Loaned devices register: summary"),
            SummaryLine.Blank,
            SummaryLine.Labelled("As of", SummaryCell.Date(result.AsOf) with { Name = AsOfName }),
            SummaryLine.Labelled("Items on loan", SummaryCell.FormulaOf($"COUNTA({{{devices}!Reference}})", FormulaResult.Number(result.ItemsListed), DisplayFormat.WholeNumber)),
            SummaryLine.Labelled("Overdue for the annual check", SummaryCell.FormulaOf($"COUNTIFS({{{devices}!Overdue}},{yes})", FormulaResult.Number(result.ItemsOverdue), DisplayFormat.WholeNumber)),
            SummaryLine.Labelled("Returned", SummaryCell.FormulaOf($"COUNTIFS({{{devices}!Returned}},{yes})", FormulaResult.Number(0), DisplayFormat.WholeNumber)),
            SummaryLine.Labelled("Case files left out (errors)", SummaryCell.Number(result.FilesLeftOut)),
            SummaryLine.Blank,
            SummaryLine.Heading("Items by owner"),
            SummaryLine.TableHeader("Owner", "Items", "Overdue"),
        ];

        foreach (var owner in rows.GroupBy(r => r.Owner, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // "="&A8 matches the owner exactly, even one starting with < > or =.
            lines.Add(SummaryLine.Of(
                SummaryCell.Text(owner.Key),
                SummaryCell.FormulaOf($"COUNTIFS({{{devices}!Owner}},\"=\"&A{{row}})", FormulaResult.Number(owner.Count()), DisplayFormat.WholeNumber),
                SummaryCell.FormulaOf($"COUNTIFS({{{devices}!Owner}},\"=\"&A{{row}},{{{devices}!Overdue}},{yes})", FormulaResult.Number(owner.Count(r => r.Overdue)), DisplayFormat.WholeNumber)));
        }

        lines.Add(SummaryLine.Blank);
        lines.Add(SummaryLine.Of(SummaryCell.Text("Overdue means not returned, and the annual check date is before the as-of date or is missing.")));
        lines.Add(SummaryLine.Of(SummaryCell.Text("Change the as-of date, or mark items returned on the Devices sheet, and the counts update.")));

        return new SummarySheetSpec { Name = SummaryName, Lines = lines, ColumnWidths = [34] };
    }
}

/// <summary>One item of loaned equipment as the register shows it: initials, never the child's name.</summary>
internal sealed record DeviceRow(
    string Reference,
    string ChildInitials,
    string Owner,
    DateOnly? LetterDate,
    string Description,
    string SerialNumber,
    string? AssetTag,
    string? DeliveredTo,
    DateOnly? AnnualCheckDue,
    bool Overdue,
    int? DaysOverdue)
{
    public static IEnumerable<DeviceRow> From(DeviceAllocationCase allocation, DateOnly asOf)
    {
        var due = allocation.OnIssue?.AnnualCheckDue;
        var overdue = due is null || due < asOf;
        int? days = due is { } d && d < asOf ? asOf.DayNumber - d.DayNumber : null;
        var initials = OutputNaming.Initials(allocation.Child?.Name);
        return (allocation.Equipment ?? []).Select(item => new DeviceRow(
            allocation.Reference!,
            initials,
            allocation.Owner!,
            allocation.LetterDate,
            item.Description!,
            string.IsNullOrWhiteSpace(item.SerialNumber) ? "To be confirmed" : item.SerialNumber,
            item.AssetTag,
            allocation.DeliveredTo,
            due,
            overdue,
            days));
    }
}
