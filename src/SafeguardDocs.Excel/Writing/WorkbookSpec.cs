namespace SafeguardDocs.Excel.Writing;

/// <summary>
/// A workbook to write: its sheets in tab order and a title for the document properties.
/// Sheets are written in order, and each sheet's rows are enumerated once, while it is written; a
/// later sheet (a summary) may therefore use lazily computed lines that read totals gathered while
/// an earlier sheet's rows streamed past.
/// </summary>
public sealed record WorkbookSpec
{
    /// <summary>The sheets, in tab order. The first is the one shown when the file opens.</summary>
    public required IReadOnlyList<WorkbookSheet> Sheets { get; init; }

    /// <summary>The document title (file properties). Never personal data.</summary>
    public string? Title { get; init; }
}

/// <summary>Settings for writing a workbook. Immutable; start from <see cref="Default"/>.</summary>
public sealed record WorkbookOptions
{
    public static WorkbookOptions Default { get; } = new();

    /// <summary>The clock that stamps the document properties (created, modified). Inject a fixed one for repeatable output.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How many rows of each data sheet are read ahead to size its columns (memory stays bounded by this).</summary>
    public int WidthSampleRows { get; init; } = 200;

    /// <summary>The widest a computed column may be, in characters. Longer text is still stored whole.</summary>
    public double MaxColumnWidth { get; init; } = 60;
}
