using System.Text;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Templating.Word;

/// <summary>
/// Finds the Scriban tags in one part of a Word document (the body, a header, a footer, the footnotes)
/// and undoes Word's splitting of them: a tag typed in pieces, with spell-check or proofing marks or a
/// change of formatting inside it, is put back together in one run that keeps the formatting of its
/// first character, with the text before and after it in runs of their own. Word's smart quotes and
/// non-breaking spaces inside a tag are made plain. Paragraphs in tables, text boxes and footnotes are
/// all scanned. Works on the part's elements in place.
/// </summary>
internal static class WordTagScanner
{
    private const int AroundLength = 60;

    /// <summary>A paragraph with a <c>{{</c> that is never closed in it.</summary>
    public sealed record Unclosed(WordTagLocation Location);

    public static (List<WordTag> Tags, List<Unclosed> Unclosed) Scan(OpenXmlElement root, string partName)
    {
        var tags = new List<WordTag>();
        var unclosed = new List<Unclosed>();
        var tables = new Dictionary<W.Table, int>();
        foreach (var table in root.Descendants<W.Table>())
        {
            tables[table] = tables.Count + 1;
        }

        var storyParagraph = 0;
        var lastStoryParagraph = 0;
        var textBoxParagraphs = new Dictionary<OpenXmlElement, int>();
        foreach (var paragraph in root.Descendants<W.Paragraph>().ToList())
        {
            var textBox = paragraph.Ancestors<W.TextBoxContent>().FirstOrDefault();
            int number;
            int? inBox = null;
            if (textBox is null)
            {
                number = ++storyParagraph;
                lastStoryParagraph = number;
            }
            else
            {
                // A text box is written twice (for Word and for older readers): both copies get the same place.
                var anchor = textBox.Ancestors<W.Paragraph>().LastOrDefault();
                number = lastStoryParagraph;
                var boxKey = (OpenXmlElement?)anchor ?? textBox;
                var seen = textBox.Elements<W.Paragraph>().TakeWhile(p => p != paragraph).Count() + 1;
                textBoxParagraphs[boxKey] = seen;
                inBox = seen;
            }

            var table = paragraph.Ancestors<W.Table>().FirstOrDefault();
            int? tableNumber = table is null ? null : tables[table];
            int? rowNumber = null;
            if (table is not null && paragraph.Ancestors<W.TableRow>().FirstOrDefault() is { } row)
            {
                rowNumber = table.Elements<W.TableRow>().TakeWhile(r => r != row).Count() + 1;
            }

            ScanParagraph(paragraph, text => new WordTagLocation(partName, number, tableNumber, rowNumber, inBox, text), tags, unclosed);
        }

        return (tags, unclosed);
    }

    private sealed record Atom(W.Text Text, int Start);

    private static void ScanParagraph(W.Paragraph paragraph, Func<string, WordTagLocation> locate, List<WordTag> tags, List<Unclosed> unclosed)
    {
        var (text, atoms) = Atoms(paragraph);
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return;
        }

        var found = new List<(int Start, int End)>();
        var at = 0;
        while ((at = text.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var close = text.IndexOf("}}", at + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                unclosed.Add(new Unclosed(locate(Around(text, at, text.Length))));
                break;
            }

            found.Add((at, close + 2));
            at = close + 2;
        }

        var paragraphTags = new List<WordTag>();
        // Right to left, so that splitting a run leaves the positions of the tags before it unchanged.
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var (start, end) = found[i];
            var code = Plain(text[(start + 2)..(end - 2)]);
            var run = Isolate(paragraph, atoms, start, end, "{{" + code + "}}");
            paragraphTags.Insert(0, new WordTag(code, run, paragraph, locate(Around(text, start, end))));
        }

        var hasObject = paragraph.Descendants().Any(e => e is W.Drawing or W.Picture or W.EmbeddedObject or W.TextBoxContent);
        if (paragraphTags.Count == 1 && !hasObject && text.Trim().Length == found[0].End - found[0].Start)
        {
            paragraphTags[0].AloneInParagraph = true;
        }

        tags.AddRange(paragraphTags);
    }

    /// <summary>The paragraph's text from its own runs (not those of a text box inside it), and where each piece is.</summary>
    private static (string Text, List<Atom> Atoms) Atoms(W.Paragraph paragraph)
    {
        var builder = new StringBuilder();
        var atoms = new List<Atom>();
        foreach (var run in RunsOf(paragraph))
        {
            foreach (var t in run.Elements<W.Text>())
            {
                atoms.Add(new Atom(t, builder.Length));
                builder.Append(t.Text);
            }
        }

        return (builder.ToString(), atoms);
    }

    private static List<W.Run> RunsOf(W.Paragraph paragraph) =>
        [.. paragraph.Descendants<W.Run>().Where(r => r.Ancestors<W.Paragraph>().First() == paragraph)];

    /// <summary>
    /// Puts the text from <paramref name="start"/> to <paramref name="end"/> in a run of its own (with the
    /// formatting of its first character) holding <paramref name="tagText"/>, and returns that run.
    /// </summary>
    private static W.Run Isolate(W.Paragraph paragraph, List<Atom> atoms, int start, int end, string tagText)
    {
        var last = atoms.Last(a => a.Start < end);
        var first = atoms.Last(a => a.Start <= start && a.Text.Text.Length > 0);
        SplitAfter(last.Text, end - last.Start);
        var lastRun = (W.Run)last.Text.Parent!;
        var sameRun = first.Text.Parent == lastRun;
        var tagRun = SplitBefore(first.Text, start - first.Start);
        var endRun = sameRun ? tagRun : lastRun;

        var runs = RunsOf(paragraph);
        var from = runs.IndexOf(tagRun);
        var to = runs.IndexOf(endRun);
        var texts = runs.Skip(from).Take(to - from + 1).SelectMany(r => r.Elements<W.Text>()).ToList();
        texts[0].Text = tagText;
        texts[0].Space = SpaceProcessingModeValues.Preserve;
        foreach (var extra in texts.Skip(1))
        {
            extra.Remove();
        }

        foreach (var run in runs.Skip(from + 1).Take(to - from))
        {
            if (!run.ChildElements.Any(c => c is not W.RunProperties))
            {
                run.Remove();
            }
        }

        return tagRun;
    }

    /// <summary>Keeps the first <paramref name="keep"/> characters of <paramref name="text"/> in its run; what follows goes to a new run after it.</summary>
    private static void SplitAfter(W.Text text, int keep)
    {
        var run = (W.Run)text.Parent!;
        var rest = run.ChildElements.SkipWhile(c => c != text).Skip(1).ToList();
        var tail = keep < text.Text.Length ? text.Text[keep..] : null;
        if (tail is null && rest.Count == 0)
        {
            return;
        }

        var next = NewRunLike(run);
        if (tail is not null)
        {
            text.Text = text.Text[..keep];
            text.Space = SpaceProcessingModeValues.Preserve;
            next.AppendChild(new W.Text(tail) { Space = SpaceProcessingModeValues.Preserve });
        }

        foreach (var child in rest)
        {
            child.Remove();
            next.AppendChild(child);
        }

        run.InsertAfterSelf(next);
    }

    /// <summary>Returns the run that starts with character <paramref name="offset"/> of <paramref name="text"/>, splitting its run if needed.</summary>
    private static W.Run SplitBefore(W.Text text, int offset)
    {
        var run = (W.Run)text.Parent!;
        var before = run.ChildElements.TakeWhile(c => c != text).Any(c => c is not W.RunProperties);
        if (offset == 0 && !before)
        {
            return run;
        }

        var next = NewRunLike(run);
        var rest = run.ChildElements.SkipWhile(c => c != text).Skip(1).ToList();
        if (offset > 0)
        {
            next.AppendChild(new W.Text(text.Text[offset..]) { Space = SpaceProcessingModeValues.Preserve });
            text.Text = text.Text[..offset];
            text.Space = SpaceProcessingModeValues.Preserve;
        }
        else
        {
            text.Remove();
            next.AppendChild(text);
        }

        foreach (var child in rest)
        {
            child.Remove();
            next.AppendChild(child);
        }

        run.InsertAfterSelf(next);
        return next;
    }

    private static W.Run NewRunLike(W.Run run)
    {
        var copy = new W.Run();
        if (run.RunProperties is { } properties)
        {
            copy.AppendChild(properties.CloneNode(true));
        }

        return copy;
    }

    /// <summary>Word's typing aids made plain inside a tag: curly quotes, non-breaking and other special spaces.</summary>
    internal static string Plain(string code)
    {
        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            builder.Append(c switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
                '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>The paragraph's text around a tag, shortened with "…" when long.</summary>
    private static string Around(string text, int start, int end)
    {
        var from = Math.Max(0, start - (AroundLength / 2));
        var to = Math.Min(text.Length, Math.Max(end, start + 2) + (AroundLength / 2));
        if (end - start > AroundLength * 2)
        {
            to = Math.Min(text.Length, start + (AroundLength * 2));
        }

        return (from > 0 ? "\u2026" : string.Empty) + text[from..to].Trim() + (to < text.Length ? "\u2026" : string.Empty);
    }
}
