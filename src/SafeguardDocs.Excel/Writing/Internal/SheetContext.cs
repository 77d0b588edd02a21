using DocumentFormat.OpenXml;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>A workbook name (defined name) gathered while sheets are written.</summary>
internal sealed record WorkbookName(string Name, string Reference, uint? LocalSheet = null, bool Hidden = false);

/// <summary>Everything a sheet writer needs: the XML writer for its part, where it sits, and what it may add to the workbook.</summary>
internal sealed class SheetContext(OpenXmlWriter writer, int index, SheetDirectory directory, WorkbookOptions options, List<WorkbookName> names)
{
    public OpenXmlWriter Writer { get; } = writer;

    /// <summary>0-based tab position.</summary>
    public int Index { get; } = index;

    public SheetDirectory Directory { get; } = directory;

    public WorkbookOptions Options { get; } = options;

    public void AddName(WorkbookName name)
    {
        if (names.Any(n => n.LocalSheet == name.LocalSheet && string.Equals(n.Name, name.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The workbook name '{name.Name}' is given to more than one cell. Use a different name for each.");
        }

        names.Add(name);
    }
}
