namespace SafeguardDocs.Markup;

/// <summary>
/// A document as templates produce it, before any file format: a small, fixed vocabulary of blocks
/// and inlines (see <c>docs/markup.md</c>). Razor and Scriban templates both produce the HTML form
/// of this; the markup parser reads that into these records, and the Word writer turns them
/// into WordprocessingML. Records compare by value, so two templates can be checked to produce the same document.
/// </summary>
/// <param name="Title">The document's title (document properties; not printed unless a heading says so).</param>
/// <param name="Reference">The case reference, printed in the footer.</param>
/// <param name="Letterhead">Lines of the letterhead printed in the page header; the first is the organisation.</param>
/// <param name="Blocks">The body.</param>
public sealed record MarkupDocument(string Title, string Reference, IReadOnlyList<string> Letterhead, IReadOnlyList<Block> Blocks)
{
    public bool Equals(MarkupDocument? other) =>
        other is not null && Title == other.Title && Reference == other.Reference
        && Letterhead.SequenceEqual(other.Letterhead) && Blocks.SequenceEqual(other.Blocks);

    public override int GetHashCode() => HashCode.Combine(Title, Reference, Blocks.Count);
}

/// <summary>A block-level element.</summary>
public abstract record Block;

/// <summary>An inline element inside a paragraph, heading, list item or cell.</summary>
public abstract record Inline;

/// <summary>Text with emphasis. Consecutive text with the same emphasis is merged by the parser.</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false, bool Underline = false) : Inline;

/// <summary>A line break inside a paragraph (<c>&lt;br&gt;</c>).</summary>
public sealed record LineBreak : Inline;

/// <summary>How a paragraph is set (the <c>class</c> attribute of <c>&lt;p&gt;</c>).</summary>
public enum ParagraphKind
{
    /// <summary>Body text.</summary>
    Normal,

    /// <summary>An address or other block of short lines set without space between them (<c>class="address"</c>).</summary>
    Address,

    /// <summary>Aligned to the right margin, such as the date of a letter (<c>class="right"</c>).</summary>
    Right,

    /// <summary>Smaller print, such as notes under a table (<c>class="small"</c>).</summary>
    Small,

    /// <summary>A set-apart statement, boxed, such as a confidentiality notice (<c>class="notice"</c>).</summary>
    Notice,
}

public sealed record Heading(int Level, IReadOnlyList<Inline> Content) : Block
{
    public bool Equals(Heading? other) => other is not null && Level == other.Level && Content.SequenceEqual(other.Content);

    public override int GetHashCode() => HashCode.Combine(Level, Content.Count);
}

public sealed record Paragraph(IReadOnlyList<Inline> Content, ParagraphKind Kind = ParagraphKind.Normal) : Block
{
    public bool Equals(Paragraph? other) => other is not null && Kind == other.Kind && Content.SequenceEqual(other.Content);

    public override int GetHashCode() => HashCode.Combine(Kind, Content.Count);
}

/// <summary>A bulleted (<c>ul</c>) or numbered (<c>ol</c>) list. Numbered lists each start again at 1.</summary>
public sealed record ListBlock(bool Ordered, IReadOnlyList<ListItem> Items) : Block
{
    public bool Equals(ListBlock? other) => other is not null && Ordered == other.Ordered && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Ordered, Items.Count);
}

/// <summary>A list item: its text, and optionally a list nested under it.</summary>
public sealed record ListItem(IReadOnlyList<Inline> Content, ListBlock? Nested = null)
{
    public bool Equals(ListItem? other) => other is not null && Content.SequenceEqual(other.Content) && Equals(Nested, other.Nested);

    public override int GetHashCode() => Content.Count;
}

/// <summary>A list of checks, each shown ticked or not (<c>&lt;ul class="checklist"&gt;</c>).</summary>
public sealed record CheckList(IReadOnlyList<CheckItem> Items) : Block
{
    public bool Equals(CheckList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}

public sealed record CheckItem(bool Checked, IReadOnlyList<Inline> Content)
{
    public bool Equals(CheckItem? other) => other is not null && Checked == other.Checked && Content.SequenceEqual(other.Content);

    public override int GetHashCode() => HashCode.Combine(Checked, Content.Count);
}

/// <summary>How a table is drawn (<c>class</c> of <c>&lt;table&gt;</c>).</summary>
public enum TableKind
{
    /// <summary>Ruled grid with a shaded header row (the default).</summary>
    Grid,

    /// <summary>Label and value pairs, labels shaded in the first column (<c>class="form"</c>).</summary>
    Form,

    /// <summary>No borders, for layout (<c>class="plain"</c>).</summary>
    Plain,
}

/// <summary>
/// A table. <see cref="ColumnWidths"/> are percentages of the text width (from <c>width="30%"</c> on the
/// first row's cells); zero means share what is left equally.
/// </summary>
public sealed record Table(TableKind Kind, IReadOnlyList<int> ColumnWidths, IReadOnlyList<TableRow> Rows) : Block
{
    public bool Equals(Table? other) =>
        other is not null && Kind == other.Kind && ColumnWidths.SequenceEqual(other.ColumnWidths) && Rows.SequenceEqual(other.Rows);

    public override int GetHashCode() => HashCode.Combine(Kind, Rows.Count);
}

/// <summary>A row; header rows (in <c>thead</c>, or all <c>th</c>) repeat at the top of each page.</summary>
public sealed record TableRow(bool IsHeader, IReadOnlyList<TableCell> Cells)
{
    public bool Equals(TableRow? other) => other is not null && IsHeader == other.IsHeader && Cells.SequenceEqual(other.Cells);

    public override int GetHashCode() => HashCode.Combine(IsHeader, Cells.Count);
}

/// <summary>A cell: one or more paragraphs. <c>th</c> cells are header cells (bold, shaded).</summary>
public sealed record TableCell(bool IsHeader, IReadOnlyList<Paragraph> Content, int ColumnSpan = 1)
{
    public bool Equals(TableCell? other) =>
        other is not null && IsHeader == other.IsHeader && ColumnSpan == other.ColumnSpan && Content.SequenceEqual(other.Content);

    public override int GetHashCode() => HashCode.Combine(IsHeader, Content.Count);
}

/// <summary>
/// A signature block (<c>&lt;signature&gt;</c>): paragraphs and places to sign, kept together on one page.
/// </summary>
public sealed record SignatureBlock(IReadOnlyList<Block> Content) : Block
{
    public bool Equals(SignatureBlock? other) => other is not null && Content.SequenceEqual(other.Content);

    public override int GetHashCode() => Content.Count;
}

/// <summary>
/// A ruled line to sign on (<c>&lt;sign-here label="Signed" date="yes"/&gt;</c>), with a label and,
/// optionally, a ruled place for the date beside it.
/// </summary>
public sealed record SignHere(string Label, bool WithDate) : Block;

/// <summary>Starts the next block on a new page (<c>&lt;page-break/&gt;</c>).</summary>
public sealed record PageBreak : Block;
