using System.Globalization;
using System.Text;

namespace SafeguardDocs.Markup;

/// <summary>A render error: the template produced markup outside the vocabulary, or markup that cannot be read.</summary>
/// <param name="Template">The template's name or file.</param>
/// <param name="Line">1-based line in the rendered markup.</param>
/// <param name="Column">1-based column in the rendered markup.</param>
/// <param name="Message">What is wrong and what to use instead.</param>
public sealed record MarkupError(string Template, int Line, int Column, string Message)
{
    public const string Id = "SGM001";

    public override string ToString() => $"{Template}({Line},{Column}): error {Id}: {Message}";
}

/// <summary>The markup of a document, or why it could not be read.</summary>
public sealed record MarkupParseResult(MarkupDocument? Document, MarkupError? Error)
{
    public bool Succeeded => Document is not null;
}

/// <summary>
/// Reads the HTML form of a document (the vocabulary in <c>docs/markup.md</c>) into a <see cref="MarkupDocument"/>.
/// White space is treated as HTML treats it: runs collapse to one space and are trimmed at the start and
/// end of each block, so templates may be indented freely. Anything outside the vocabulary is an error
/// naming the template and the element.
/// </summary>
public static class MarkupParser
{
    public static MarkupParseResult Parse(string html, string templateName)
    {
        ArgumentNullException.ThrowIfNull(html);
        try
        {
            var root = HtmlTokenizer.Parse(html);
            var document = root.Children.OfType<ElementNode>().ToList();
            if (document.Count != 1 || document[0].Name != "document" || HasText(root))
            {
                var at = document.FirstOrDefault(e => e.Name != "document") ?? (Node?)document.Skip(1).FirstOrDefault() ?? root;
                throw new MarkupException("the markup must be exactly one <document> element with everything inside it", at.Line, at.Column);
            }

            return new MarkupParseResult(ReadDocument(document[0]), null);
        }
        catch (MarkupException e)
        {
            return new MarkupParseResult(null, new MarkupError(templateName, e.Line, e.Column, e.Message));
        }
    }

    private static MarkupDocument ReadDocument(ElementNode element)
    {
        Attributes(element, "title", "reference");
        var title = Required(element, "title");
        var reference = Required(element, "reference");
        var letterhead = new List<string>();
        var blocks = new List<Block>();
        foreach (var child in Elements(element))
        {
            if (child.Name == "letterhead")
            {
                if (blocks.Count > 0 || letterhead.Count > 0)
                {
                    throw new MarkupException("<letterhead> must come first, and only once", child.Line, child.Column);
                }

                Attributes(child);
                foreach (var line in Elements(child))
                {
                    Expect(line, "p");
                    Attributes(line);
                    letterhead.Add(PlainText(Inlines(line)));
                }

                continue;
            }

            blocks.Add(ReadBlock(child));
        }

        return new MarkupDocument(title, reference, letterhead, blocks);
    }

    private static Block ReadBlock(ElementNode e)
    {
        switch (e.Name)
        {
            case "h1" or "h2" or "h3":
                Attributes(e);
                return new Heading(e.Name[1] - '0', Inlines(e));
            case "p":
                return ReadParagraph(e);
            case "ul" when ClassOf(e, "checklist") == "checklist":
                return ReadCheckList(e);
            case "ul" or "ol":
                Attributes(e);
                return ReadList(e);
            case "table":
                return ReadTable(e);
            case "signature":
                Attributes(e);
                return new SignatureBlock([.. Elements(e).Select(child => child.Name is "p" or "sign-here"
                    ? ReadBlock(child)
                    : throw Unexpected(child, "<signature> holds only <p> and <sign-here>"))]);
            case "sign-here":
                Attributes(e, "label", "date");
                var date = e.Attributes.GetValueOrDefault("date", "no");
                if (date is not ("yes" or "no"))
                {
                    throw new MarkupException("<sign-here date=…> is \"yes\" or \"no\"", e.Line, e.Column);
                }

                return new SignHere(Required(e, "label"), date == "yes");
            case "page-break":
                Attributes(e);
                return new PageBreak();
            default:
                throw Unexpected(e, "use h1–h3, p, ul, ol, table, signature, sign-here or page-break here");
        }
    }

    private static Paragraph ReadParagraph(ElementNode e)
    {
        var kind = ClassOf(e, "address", "right", "small", "notice") switch
        {
            "address" => ParagraphKind.Address,
            "right" => ParagraphKind.Right,
            "small" => ParagraphKind.Small,
            "notice" => ParagraphKind.Notice,
            _ => ParagraphKind.Normal,
        };
        return new Paragraph(Inlines(e), kind);
    }

    private static ListBlock ReadList(ElementNode e)
    {
        var items = new List<ListItem>();
        foreach (var li in Elements(e))
        {
            Expect(li, "li");
            Attributes(li);
            var nested = li.Children.OfType<ElementNode>().Where(c => c.Name is "ul" or "ol").ToList();
            if (nested.Count > 1)
            {
                throw new MarkupException("a list item may hold one nested list", nested[1].Line, nested[1].Column);
            }

            var content = new ElementNode("li", li.Attributes, [.. li.Children.Where(c => c is not ElementNode { Name: "ul" or "ol" })], li.Line, li.Column);
            items.Add(new ListItem(Inlines(content), nested.Count == 1 ? (ListBlock)ReadBlock(nested[0]) : null));
        }

        return new ListBlock(e.Name == "ol", items);
    }

    private static CheckList ReadCheckList(ElementNode e)
    {
        var items = new List<CheckItem>();
        foreach (var li in Elements(e))
        {
            Expect(li, "li");
            var state = ClassOf(li, "checked", "unchecked");
            if (state is null)
            {
                throw new MarkupException("each item of a checklist needs class=\"checked\" or class=\"unchecked\"", li.Line, li.Column);
            }

            items.Add(new CheckItem(state == "checked", Inlines(li)));
        }

        return new CheckList(items);
    }

    private static Table ReadTable(ElementNode e)
    {
        var kind = ClassOf(e, "grid", "form", "plain") switch
        {
            "form" => TableKind.Form,
            "plain" => TableKind.Plain,
            _ => TableKind.Grid,
        };
        var rows = new List<TableRow>();
        List<int>? widths = null;
        foreach (var child in Elements(e))
        {
            switch (child.Name)
            {
                case "thead" or "tbody":
                    Attributes(child);
                    foreach (var tr in Elements(child))
                    {
                        rows.Add(ReadRow(tr, child.Name == "thead", ref widths));
                    }

                    break;
                case "tr":
                    rows.Add(ReadRow(child, false, ref widths));
                    break;
                default:
                    throw Unexpected(child, "a <table> holds <thead>, <tbody> and <tr>");
            }
        }

        if (rows.Count == 0)
        {
            throw new MarkupException("a <table> needs at least one <tr>", e.Line, e.Column);
        }

        return new Table(kind, widths ?? [], rows);
    }

    private static TableRow ReadRow(ElementNode tr, bool inHead, ref List<int>? widths)
    {
        Expect(tr, "tr");
        Attributes(tr);
        var cells = new List<TableCell>();
        var rowWidths = new List<int>();
        foreach (var cell in Elements(tr))
        {
            if (cell.Name is not ("th" or "td"))
            {
                throw Unexpected(cell, "a <tr> holds <th> and <td>");
            }

            Attributes(cell, "width", "colspan");
            var span = 1;
            if (cell.Attributes.TryGetValue("colspan", out var colspan)
                && (!int.TryParse(colspan, NumberStyles.None, CultureInfo.InvariantCulture, out span) || span is < 1 or > 20))
            {
                throw new MarkupException("colspan is a whole number from 1 to 20", cell.Line, cell.Column);
            }

            var width = 0;
            if (cell.Attributes.TryGetValue("width", out var w)
                && (!w.EndsWith('%') || !int.TryParse(w.AsSpan(0, w.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out width) || width is < 1 or > 100))
            {
                throw new MarkupException("width is a percentage such as \"30%\"", cell.Line, cell.Column);
            }

            rowWidths.Add(width);
            rowWidths.AddRange(Enumerable.Repeat(0, span - 1));
            var paragraphs = cell.Children.OfType<ElementNode>().Any(c => c.Name == "p")
                ? Elements(cell).Select(p => p.Name == "p" ? ReadParagraph(p) : throw Unexpected(p, "a cell holds text or <p> elements")).ToList()
                : [new Paragraph(Inlines(cell))];
            cells.Add(new TableCell(cell.Name == "th", paragraphs, span));
        }

        widths ??= rowWidths;
        return new TableRow(inHead || (cells.Count > 0 && cells.All(c => c.IsHeader)), cells);
    }

    /// <summary>The inline content of an element: text runs with emphasis, and line breaks, white space collapsed.</summary>
    private static List<Inline> Inlines(ElementNode e)
    {
        var runs = new List<Inline>();
        Collect(e, false, false, false, runs);
        return Normalise(runs);
    }

    private static void Collect(ElementNode e, bool bold, bool italic, bool underline, List<Inline> runs)
    {
        foreach (var node in e.Children)
        {
            switch (node)
            {
                case TextNode t:
                    runs.Add(new TextRun(t.Text, bold, italic, underline));
                    break;
                case ElementNode { Name: "br" } br:
                    Attributes(br);
                    runs.Add(new LineBreak());
                    break;
                case ElementNode { Name: "strong" or "b" } s:
                    Attributes(s);
                    Collect(s, true, italic, underline, runs);
                    break;
                case ElementNode { Name: "em" or "i" } s:
                    Attributes(s);
                    Collect(s, bold, true, underline, runs);
                    break;
                case ElementNode { Name: "u" } s:
                    Attributes(s);
                    Collect(s, bold, italic, true, runs);
                    break;
                case ElementNode other:
                    throw Unexpected(other, $"inside <{e.Name}> use text with <strong>, <em>, <u> and <br>");
            }
        }
    }

    /// <summary>Collapses white space as HTML does, trims the ends and around line breaks, and merges like runs.</summary>
    private static List<Inline> Normalise(List<Inline> runs)
    {
        var result = new List<Inline>();
        var previousEndedWithSpace = true; // Start of block: leading space is dropped.
        foreach (var inline in runs)
        {
            if (inline is LineBreak)
            {
                TrimEnd(result);
                result.Add(inline);
                previousEndedWithSpace = true;
                continue;
            }

            var run = (TextRun)inline;
            var collapsed = Collapse(run.Text, ref previousEndedWithSpace);
            if (collapsed.Length == 0)
            {
                continue;
            }

            if (result.Count > 0 && result[^1] is TextRun last && last.Bold == run.Bold && last.Italic == run.Italic && last.Underline == run.Underline)
            {
                result[^1] = last with { Text = last.Text + collapsed };
            }
            else
            {
                result.Add(run with { Text = collapsed });
            }
        }

        TrimEnd(result);
        return result;

        static void TrimEnd(List<Inline> result)
        {
            if (result.Count > 0 && result[^1] is TextRun last)
            {
                var trimmed = last.Text.TrimEnd(' ');
                if (trimmed.Length == 0)
                {
                    result.RemoveAt(result.Count - 1);
                }
                else
                {
                    result[^1] = last with { Text = trimmed };
                }
            }
        }
    }

    private static string Collapse(string text, ref bool previousEndedWithSpace)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                if (!previousEndedWithSpace)
                {
                    builder.Append(' ');
                    previousEndedWithSpace = true;
                }
            }
            else
            {
                builder.Append(c);
                previousEndedWithSpace = false;
            }
        }

        return builder.ToString();
    }

    private static string PlainText(List<Inline> inlines) =>
        string.Concat(inlines.Select(i => i is TextRun t ? t.Text : " "));

    private static IEnumerable<ElementNode> Elements(ElementNode e)
    {
        foreach (var child in e.Children)
        {
            switch (child)
            {
                case ElementNode element:
                    yield return element;
                    break;
                case TextNode text when !string.IsNullOrWhiteSpace(text.Text):
                    throw new MarkupException($"text directly inside <{e.Name}>; put it in a <p> (or the element's own child elements)", text.Line, text.Column);
            }
        }
    }

    private static bool HasText(ElementNode e) => e.Children.OfType<TextNode>().Any(t => !string.IsNullOrWhiteSpace(t.Text));

    private static void Expect(ElementNode e, string name)
    {
        if (e.Name != name)
        {
            throw Unexpected(e, $"<{name}> is expected here");
        }
    }

    /// <summary>Refuses attributes other than the allowed ones (and <c>class</c>, checked by <see cref="ClassOf"/>).</summary>
    private static void Attributes(ElementNode e, params string[] allowed)
    {
        foreach (var name in e.Attributes.Keys)
        {
            if (name != "class" && !allowed.Contains(name))
            {
                throw new MarkupException($"<{e.Name}> does not take the attribute '{name}'" + (allowed.Length > 0 ? $" (it takes: {string.Join(", ", allowed)})" : string.Empty), e.Line, e.Column);
            }
        }

        if (e.Attributes.ContainsKey("class") && e.Name is not ("p" or "ul" or "table" or "li"))
        {
            throw new MarkupException($"<{e.Name}> does not take a class", e.Line, e.Column);
        }
    }

    private static string? ClassOf(ElementNode e, params string[] allowed)
    {
        if (!e.Attributes.TryGetValue("class", out var value) || value.Length == 0)
        {
            return null;
        }

        return allowed.Contains(value)
            ? value
            : throw new MarkupException($"class \"{value}\" is not known for <{e.Name}>" + (allowed.Length > 0 ? $" (use one of: {string.Join(", ", allowed)})" : string.Empty), e.Line, e.Column);
    }

    private static string Required(ElementNode e, string attribute) =>
        e.Attributes.TryGetValue(attribute, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new MarkupException($"<{e.Name}> needs the attribute '{attribute}'", e.Line, e.Column);

    private static MarkupException Unexpected(ElementNode e, string hint) =>
        new($"<{e.Name}> is not allowed here: {hint} (see docs/markup.md)", e.Line, e.Column);
}
