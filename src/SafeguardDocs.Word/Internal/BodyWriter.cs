using System.Globalization;
using System.Xml;
using SafeguardDocs.Markup;

namespace SafeguardDocs.Word.Internal;

/// <summary>
/// Writes markup blocks as WordprocessingML body content straight to an <see cref="XmlWriter"/>.
/// One instance per package being written (it counts the numbered lists, whose numbering instances
/// are written afterwards by <see cref="Numbering"/>). Not thread-safe; cheap to create.
/// </summary>
internal sealed class BodyWriter(XmlWriter x, int textWidth)
{
    private const string W = Ns.W;
    private const string Ballot = "\u2610";
    private const string BallotChecked = "\u2612";

    private bool lastWasTable;
    private bool pendingSpaceBefore;

    /// <summary>The code point at <paramref name="i"/>, or the UTF-16 unit itself when it is half of a broken pair.</summary>
    private static int CodePoint(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            ? char.ConvertToUtf32(text[i], text[i + 1])
            : text[i];

    /// <summary>How many numbered lists were written; each has its own numbering instance so it starts at 1.</summary>
    public int OrderedLists { get; private set; }

    /// <summary>Paragraph properties a signature block adds to everything in it.</summary>
    private readonly record struct Keep(bool Next, bool Lines);

    public void WriteBlocks(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            WriteBlock(block, default);
        }
    }

    /// <summary>Ends the body so far with an empty paragraph when a table was last (Word needs one before a section break).</summary>
    public void CloseTable()
    {
        if (lastWasTable)
        {
            EmptyParagraph();
        }
    }

    private void WriteBlock(Block block, Keep keep)
    {
        if (block is Table && lastWasTable)
        {
            // Two tables side by side would be joined into one by Word: keep them apart.
            EmptyParagraph();
        }

        // Word sets nothing between a table and the paragraph after it; give that paragraph room.
        pendingSpaceBefore = lastWasTable && block is not (Heading or PageBreak);
        lastWasTable = false;
        switch (block)
        {
            case Heading h:
                // A heading is never left at the foot of a page: it keeps with what follows, written on the
                // paragraph itself so that it holds with an organisation's own reference document too.
                WriteParagraph("Heading" + Math.Clamp(h.Level, 1, 3).ToString(CultureInfo.InvariantCulture), h.Content, new Keep(Next: true, Lines: true));
                break;
            case Paragraph p:
                WriteParagraph(StyleOf(p.Kind, inTable: false), p.Content, keep);
                break;
            case ListBlock list:
                WriteList(list, 0, keep);
                break;
            case CheckList checks:
                WriteCheckList(checks, keep);
                break;
            case Table table:
                WriteTable(table);
                lastWasTable = true;
                break;
            case SignatureBlock signature:
                WriteSignature(signature, keep);
                break;
            case SignHere sign:
                WriteSignHere(sign, keep);
                break;
            case PageBreak:
                x.WriteStartElement("w", "p", W);
                x.WriteStartElement("w", "r", W);
                x.WriteStartElement("w", "br", W);
                x.WriteAttributeString("w", "type", W, "page");
                x.WriteEndElement();
                x.WriteEndElement();
                x.WriteEndElement();
                break;
            default:
                throw new NotSupportedException($"The Word writer does not know the markup block '{block.GetType().Name}'.");
        }
    }

    private static string? StyleOf(ParagraphKind kind, bool inTable) => kind switch
    {
        ParagraphKind.Address => "Address",
        ParagraphKind.Right => "Right",
        ParagraphKind.Small => "Small",
        ParagraphKind.Notice => "Notice",
        _ => inTable ? "TableText" : null,
    };

    private void EmptyParagraph()
    {
        x.WriteStartElement("w", "p", W);
        x.WriteEndElement();
    }

    private void WriteParagraph(string? style, IReadOnlyList<Inline> content, Keep keep, bool bold = false)
    {
        x.WriteStartElement("w", "p", W);
        WriteParagraphProperties(style, keep, IsRightToLeft(content));
        WriteInlines(content, bold);
        x.WriteEndElement();
    }

    /// <summary>pPr in schema order: pStyle, keepNext, keepLines, numPr, tabs, bidi.</summary>
    private void WriteParagraphProperties(string? style, Keep keep, bool bidi, int numId = 0, int level = 0)
    {
        var spaceBefore = pendingSpaceBefore;
        pendingSpaceBefore = false;
        if (style is null && !keep.Next && !keep.Lines && !bidi && numId == 0 && !spaceBefore)
        {
            return;
        }

        x.WriteStartElement("w", "pPr", W);
        if (style is not null)
        {
            Val("pStyle", style);
        }

        if (keep.Next)
        {
            Empty("keepNext");
        }

        if (keep.Lines)
        {
            Empty("keepLines");
        }

        if (numId != 0)
        {
            x.WriteStartElement("w", "numPr", W);
            Val("ilvl", level.ToString(CultureInfo.InvariantCulture));
            Val("numId", numId.ToString(CultureInfo.InvariantCulture));
            x.WriteEndElement();
        }

        if (bidi)
        {
            Empty("bidi");
        }

        if (spaceBefore)
        {
            x.WriteStartElement("w", "spacing", W);
            x.WriteAttributeString("w", "before", W, "200");
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private void WriteInlines(IReadOnlyList<Inline> content, bool bold)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case TextRun run:
                    WriteText(run.Text, run.Bold || bold, run.Italic, run.Underline);
                    break;
                case LineBreak:
                    x.WriteStartElement("w", "r", W);
                    Empty("br");
                    x.WriteEndElement();
                    break;
                default:
                    throw new NotSupportedException($"The Word writer does not know the markup inline '{inline.GetType().Name}'.");
            }
        }
    }

    /// <summary>
    /// Writes text as runs: tabs and newlines become <c>w:tab</c> and <c>w:br</c>, and stretches of
    /// right-to-left script (Arabic, Hebrew) get their own run marked <c>w:rtl</c> so Word shapes
    /// and orders them as it does text typed in those languages. The characters are unchanged.
    /// </summary>
    private void WriteText(string raw, bool bold, bool italic, bool underline)
    {
        var text = XmlText.Clean(raw);
        var start = 0;
        while (start < text.Length)
        {
            var rtl = StartsRtl(text, start);
            var end = rtl ? RtlRunEnd(text, start) : LtrRunEnd(text, start);
            WriteRun(text.AsSpan(start, end - start), bold, italic, underline, rtl);
            start = end;
        }
    }

    private static bool StartsRtl(string text, int i) => XmlText.IsStrongRtl(CodePoint(text, i));

    /// <summary>A right-to-left stretch runs on through spaces and punctuation that are followed by more right-to-left text.</summary>
    private static int RtlRunEnd(string text, int start)
    {
        var lastRtlEnd = start;
        for (var i = start; i < text.Length; i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1)
        {
            var cp = CodePoint(text, i);
            if (XmlText.IsStrongRtl(cp))
            {
                lastRtlEnd = i + (cp > 0xFFFF ? 2 : 1);
            }
            else if (XmlText.IsStrongLtr(cp) || text[i] is '\t' or '\n' or '\r')
            {
                break;
            }
        }

        return lastRtlEnd;
    }

    private static int LtrRunEnd(string text, int start)
    {
        for (var i = start; i < text.Length; i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1)
        {
            if (i > start && StartsRtl(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    private void WriteRun(ReadOnlySpan<char> text, bool bold, bool italic, bool underline, bool rtl)
    {
        x.WriteStartElement("w", "r", W);
        if (bold || italic || underline || rtl)
        {
            // rPr in schema order: b, bCs, i, iCs, u, rtl.
            x.WriteStartElement("w", "rPr", W);
            if (bold)
            {
                Empty("b");
                Empty("bCs");
            }

            if (italic)
            {
                Empty("i");
                Empty("iCs");
            }

            if (underline)
            {
                Val("u", "single");
            }

            if (rtl)
            {
                Empty("rtl");
            }

            x.WriteEndElement();
        }

        var from = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\t' or '\n' or '\r'))
            {
                continue;
            }

            if (i > from)
            {
                x.WriteStartElement("w", "t", W);
                x.WriteAttributeString("xml", "space", Ns.Xml, "preserve");
                x.WriteString(text[from..i].ToString());
                x.WriteEndElement();
            }

            if (i < text.Length)
            {
                if (text[i] == '\t')
                {
                    Empty("tab");
                }
                else if (text[i] == '\n')
                {
                    Empty("br");
                }
            }

            from = i + 1;
        }

        x.WriteEndElement();
    }

    /// <summary>A paragraph reads right to left when its first strongly directional letter is right-to-left (Unicode rules P2/P3).</summary>
    private static bool IsRightToLeft(IReadOnlyList<Inline> content)
    {
        foreach (var inline in content)
        {
            if (inline is not TextRun run)
            {
                continue;
            }

            var text = run.Text;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
                {
                    continue;
                }

                var cp = CodePoint(text, i);
                if (XmlText.IsStrongRtl(cp))
                {
                    return true;
                }

                if (XmlText.IsStrongLtr(cp))
                {
                    return false;
                }

                if (cp > 0xFFFF)
                {
                    i++;
                }
            }
        }

        return false;
    }

    private void WriteList(ListBlock list, int level, Keep keep)
    {
        // Bulleted lists share numbering instance 1; every numbered list has its own (2, 3, ...)
        // whose level overrides restart it at 1.
        var numId = list.Ordered ? 2 + OrderedLists++ : 1;
        var lvl = Math.Min(level, Numbering.MaxLevel);
        foreach (var item in list.Items)
        {
            x.WriteStartElement("w", "p", W);
            WriteParagraphProperties("ListParagraph", keep, IsRightToLeft(item.Content), numId, lvl);
            WriteInlines(item.Content, bold: false);
            x.WriteEndElement();
            if (item.Nested is not null)
            {
                WriteList(item.Nested, level + 1, keep);
            }
        }
    }

    private void WriteCheckList(CheckList checks, Keep keep)
    {
        // A group of tick boxes is one answer: every item but the last keeps with the next, so the group
        // moves to the next page whole rather than splitting (the heading above keeps with its first item).
        for (var i = 0; i < checks.Items.Count; i++)
        {
            var item = checks.Items[i];
            var last = i == checks.Items.Count - 1;
            x.WriteStartElement("w", "p", W);
            WriteParagraphProperties("CheckItem", new Keep(Next: !last || keep.Next, Lines: true), bidi: false);
            x.WriteStartElement("w", "r", W);
            x.WriteStartElement("w", "rPr", W);
            Val("rStyle", "CheckBox");
            x.WriteEndElement();
            x.WriteStartElement("w", "t", W);
            x.WriteString(item.Checked ? BallotChecked : Ballot);
            x.WriteEndElement();
            Empty("tab");
            x.WriteEndElement();
            WriteInlines(item.Content, bold: false);
            x.WriteEndElement();
        }
    }

    private void WriteSignature(SignatureBlock signature, Keep outer)
    {
        // Everything in the block keeps with the next paragraph and keeps its lines together, so the
        // block moves to the next page whole rather than splitting; the last keeps with what follows
        // only when an enclosing block asks for that.
        for (var i = 0; i < signature.Content.Count; i++)
        {
            var last = i == signature.Content.Count - 1;
            WriteBlock(signature.Content[i], new Keep(Next: !last || outer.Next, Lines: true));
        }
    }

    private void WriteSignHere(SignHere sign, Keep keep)
    {
        // "Signed: ______________________   Date: __________" with underscore-leader tabs, so the
        // ruled lines reach exactly to set positions whatever the font.
        var signEnd = sign.WithDate ? textWidth * 62 / 100 : textWidth;
        x.WriteStartElement("w", "p", W);
        x.WriteStartElement("w", "pPr", W);
        Val("pStyle", "SignatureLine");
        if (keep.Next)
        {
            Empty("keepNext");
        }

        Empty("keepLines");
        x.WriteStartElement("w", "tabs", W);
        LeaderTab(sign.WithDate ? "left" : "right", signEnd);
        if (sign.WithDate)
        {
            LeaderTab("right", textWidth);
        }

        x.WriteEndElement();
        x.WriteEndElement();
        WriteLabel(sign.Label);
        if (sign.WithDate)
        {
            WriteLabel("    Date");
        }

        x.WriteEndElement();
    }

    private void LeaderTab(string alignment, int pos)
    {
        x.WriteStartElement("w", "tab", W);
        x.WriteAttributeString("w", "val", W, alignment);
        x.WriteAttributeString("w", "leader", W, "underscore");
        x.WriteAttributeString("w", "pos", W, pos.ToString(CultureInfo.InvariantCulture));
        x.WriteEndElement();
    }

    private void WriteLabel(string label)
    {
        var text = XmlText.Clean(label).TrimEnd();
        if (text.Length > 0 && !text.EndsWith(':'))
        {
            text += ":";
        }

        WriteRun(text + " ", bold: false, italic: false, underline: false, rtl: false);
        x.WriteStartElement("w", "r", W);
        Empty("tab");
        x.WriteEndElement();
    }

    private void WriteTable(Table table)
    {
        var columns = Math.Max(1, table.ColumnWidths.Count);
        foreach (var row in table.Rows)
        {
            columns = Math.Max(columns, row.Cells.Sum(c => Math.Max(1, c.ColumnSpan)));
        }

        var grid = ColumnTwips(table.ColumnWidths, columns, textWidth);
        var hasHeader = table.Rows.Any(r => r.IsHeader);
        var style = table.Kind switch
        {
            TableKind.Form => "FormTable",
            TableKind.Plain => "PlainTable",
            _ => "GridTable",
        };

        x.WriteStartElement("w", "tbl", W);

        // tblPr in schema order: tblStyle, tblW, tblLayout, tblLook.
        x.WriteStartElement("w", "tblPr", W);
        Val("tblStyle", style);
        x.WriteStartElement("w", "tblW", W);
        x.WriteAttributeString("w", "w", W, "5000");
        x.WriteAttributeString("w", "type", W, "pct");
        x.WriteEndElement();
        x.WriteStartElement("w", "tblLayout", W);
        x.WriteAttributeString("w", "type", W, "fixed");
        x.WriteEndElement();
        // Which conditional parts of the table style apply: the header row of a grid, the label column
        // of a form. Both the bitmask (read by LibreOffice and Word 2007) and the attributes (Word 2010+).
        var firstRow = hasHeader && table.Kind == TableKind.Grid;
        var firstColumn = table.Kind == TableKind.Form;
        var look = 0x0600 | (firstRow ? 0x0020 : 0) | (firstColumn ? 0x0080 : 0);
        x.WriteStartElement("w", "tblLook", W);
        x.WriteAttributeString("w", "val", W, look.ToString("X4", CultureInfo.InvariantCulture));
        x.WriteAttributeString("w", "firstRow", W, firstRow ? "1" : "0");
        x.WriteAttributeString("w", "lastRow", W, "0");
        x.WriteAttributeString("w", "firstColumn", W, firstColumn ? "1" : "0");
        x.WriteAttributeString("w", "lastColumn", W, "0");
        x.WriteAttributeString("w", "noHBand", W, "1");
        x.WriteAttributeString("w", "noVBand", W, "1");
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteStartElement("w", "tblGrid", W);
        foreach (var width in grid)
        {
            x.WriteStartElement("w", "gridCol", W);
            x.WriteAttributeString("w", "w", W, width.ToString(CultureInfo.InvariantCulture));
            x.WriteEndElement();
        }

        x.WriteEndElement();

        foreach (var row in table.Rows)
        {
            x.WriteStartElement("w", "tr", W);
            x.WriteStartElement("w", "trPr", W);
            Empty("cantSplit");
            if (row.IsHeader)
            {
                Empty("tblHeader");
            }

            x.WriteEndElement();

            var column = 0;
            foreach (var cell in row.Cells)
            {
                var span = Math.Max(1, cell.ColumnSpan);
                WriteCell(cell.Content, SumWidth(grid, column, span), span, cell.IsHeader || row.IsHeader, table.Kind);
                column += span;
            }

            if (column < columns || row.Cells.Count == 0)
            {
                // A short row is padded with one empty cell so the grid stays whole.
                var span = Math.Max(1, columns - column);
                WriteCell([], SumWidth(grid, column, span), span, header: false, table.Kind);
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private void WriteCell(IReadOnlyList<Paragraph> content, int width, int span, bool header, TableKind kind)
    {
        x.WriteStartElement("w", "tc", W);

        // tcPr in schema order: tcW, gridSpan, shd.
        x.WriteStartElement("w", "tcPr", W);
        x.WriteStartElement("w", "tcW", W);
        x.WriteAttributeString("w", "w", W, width.ToString(CultureInfo.InvariantCulture));
        x.WriteAttributeString("w", "type", W, "dxa");
        x.WriteEndElement();
        if (span > 1)
        {
            Val("gridSpan", span.ToString(CultureInfo.InvariantCulture));
        }

        if (header && kind != TableKind.Plain)
        {
            // Direct shading as well as the table style's, so readers that ignore conditional table
            // formatting still show which cells are headings.
            x.WriteStartElement("w", "shd", W);
            x.WriteAttributeString("w", "val", W, "clear");
            x.WriteAttributeString("w", "color", W, "auto");
            x.WriteAttributeString("w", "fill", W, kind == TableKind.Form ? "EEF1F5" : "DCE4EE");
            x.WriteEndElement();
        }

        x.WriteEndElement();

        if (content.Count == 0)
        {
            x.WriteStartElement("w", "p", W);
            WriteParagraphProperties("TableText", default, bidi: false);
            x.WriteEndElement();
        }

        foreach (var paragraph in content)
        {
            WriteParagraph(StyleOf(paragraph.Kind, inTable: true), paragraph.Content, default, bold: header);
        }

        x.WriteEndElement();
    }

    private static int SumWidth(int[] grid, int from, int span)
    {
        var sum = 0;
        for (var i = from; i < from + span && i < grid.Length; i++)
        {
            sum += grid[i];
        }

        return sum;
    }

    /// <summary>
    /// Column widths in twips that add up to the text width: given percentages are kept in proportion,
    /// columns without one (zero or missing) share what is left equally.
    /// </summary>
    internal static int[] ColumnTwips(IReadOnlyList<int> percentages, int columns, int textWidth)
    {
        var pct = new double[columns];
        var given = 0.0;
        var unset = 0;
        for (var i = 0; i < columns; i++)
        {
            var p = i < percentages.Count ? Math.Max(0, percentages[i]) : 0;
            pct[i] = p;
            given += p;
            unset += p == 0 ? 1 : 0;
        }

        if (unset > 0)
        {
            // What is left is shared; if the given widths already fill the line, unset columns still get a narrow share.
            var share = Math.Max((100 - given) / unset, 100.0 / columns / 2);
            for (var i = 0; i < columns; i++)
            {
                if (pct[i] == 0)
                {
                    pct[i] = share;
                }
            }

            given += share * unset;
        }

        var twips = new int[columns];
        var used = 0;
        for (var i = 0; i < columns; i++)
        {
            twips[i] = i == columns - 1 ? textWidth - used : (int)Math.Round(textWidth * pct[i] / given);
            used += twips[i];
        }

        return twips;
    }

    private void Val(string name, string value)
    {
        x.WriteStartElement("w", name, W);
        x.WriteAttributeString("w", "val", W, value);
        x.WriteEndElement();
    }

    private void Empty(string name)
    {
        x.WriteStartElement("w", name, W);
        x.WriteEndElement();
    }
}
