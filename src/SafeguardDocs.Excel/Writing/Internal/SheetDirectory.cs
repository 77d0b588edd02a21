namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>Every sheet's name and column headers, so a formula on one sheet can name a column on another.</summary>
internal sealed class SheetDirectory
{
    private readonly Dictionary<string, (string Name, IReadOnlyList<string> Headers)> sheets = new(StringComparer.OrdinalIgnoreCase);

    public SheetDirectory(IReadOnlyList<WorkbookSheet> all)
    {
        foreach (var sheet in all)
        {
            sheets[sheet.Name] = (sheet.Name, sheet.Headers);
        }
    }

    /// <summary>The data range of a column on a sheet, or null when there is no such sheet or column.</summary>
    public string? DataColumn(string sheet, string header)
    {
        if (!sheets.TryGetValue(sheet, out var found))
        {
            return null;
        }

        var index = IndexOf(found.Headers, header);
        return index < 0 ? null : CellRef.DataColumn(found.Name, index);
    }

    public static int IndexOf(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], header, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
