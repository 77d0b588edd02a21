using System.Text;
using SafeguardDocs.Markup;

namespace SafeguardDocs.Templating.Tests;

/// <summary>A plain-text view of markup for assertions: one block per line, emphasis shown as *bold* and _italic_.</summary>
internal static class MarkupText
{
    public static string Of(MarkupDocument document)
    {
        var text = new StringBuilder();
        foreach (var line in document.Letterhead)
        {
            text.Append("[letterhead] ").AppendLine(line);
        }

        foreach (var block in document.Blocks)
        {
            Append(text, block, string.Empty);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, Block block, string indent)
    {
        switch (block)
        {
            case Heading h:
                text.Append(indent).Append(new string('#', h.Level)).Append(' ').AppendLine(Inlines(h.Content));
                break;
            case Paragraph p:
                text.Append(indent).Append(p.Kind == ParagraphKind.Normal ? string.Empty : $"[{p.Kind}] ").AppendLine(Inlines(p.Content));
                break;
            case ListBlock l:
                for (var i = 0; i < l.Items.Count; i++)
                {
                    text.Append(indent).Append(l.Ordered ? $"{i + 1}. " : "- ").AppendLine(Inlines(l.Items[i].Content));
                    if (l.Items[i].Nested is { } nested)
                    {
                        Append(text, nested, indent + "  ");
                    }
                }

                break;
            case CheckList c:
                foreach (var item in c.Items)
                {
                    text.Append(indent).Append(item.Checked ? "[x] " : "[ ] ").AppendLine(Inlines(item.Content));
                }

                break;
            case Table t:
                foreach (var row in t.Rows)
                {
                    text.Append(indent).Append(row.IsHeader ? "|# " : "| ")
                        .AppendJoin(" | ", row.Cells.Select(c => string.Join(" / ", c.Content.Select(p => Inlines(p.Content)))))
                        .AppendLine(" |");
                }

                break;
            case SignatureBlock s:
                foreach (var inner in s.Content)
                {
                    Append(text, inner, indent + "> ");
                }

                break;
            case SignHere sign:
                text.Append(indent).Append(sign.Label).AppendLine(sign.WithDate ? ": ________  Date: ____" : ": ________");
                break;
            case PageBreak:
                text.Append(indent).AppendLine("---- page break ----");
                break;
        }
    }

    private static string Inlines(IEnumerable<Inline> inlines) =>
        string.Concat(inlines.Select(i => i switch
        {
            TextRun { Bold: true } r => $"*{r.Text}*",
            TextRun { Italic: true } r => $"_{r.Text}_",
            TextRun r => r.Text,
            LineBreak => " / ",
            _ => string.Empty,
        }));
}
