namespace SafeguardDocs.Templating.Handlebars.Checking;

/// <summary>How a <c>{{…}}</c> tag is written.</summary>
internal enum TagForm
{
    /// <summary><c>{{…}}</c>: an expression, a block, <c>else</c>, a close.</summary>
    Plain,

    /// <summary><c>{{{…}}}</c>: raw output.</summary>
    Triple,

    /// <summary><c>{{{{…}}}}</c>: a raw block.</summary>
    RawBlock,
}

/// <summary>
/// One <c>{{…}}</c> tag. <see cref="Start"/> is the offset of its first <c>{</c>; the content runs
/// from <see cref="ContentStart"/> to <see cref="ContentEnd"/>, with whitespace-control <c>~</c> removed.
/// </summary>
internal sealed record Tag(TagForm Form, int Start, int ContentStart, int ContentEnd);

/// <summary>A problem the scanner found: an offset in the template and what is wrong.</summary>
internal sealed record ScanProblem(int Offset, string Id, string Message);

/// <summary>
/// Finds the tags in a Handlebars template: skips comments (<c>{{!-- --}}</c>, <c>{{! }}</c>) and
/// escaped tags (<c>\{{</c>), and reports a tag or comment that is never closed.
/// </summary>
internal static class MustacheScanner
{
    public static (IReadOnlyList<Tag> Tags, IReadOnlyList<ScanProblem> Problems) Scan(string text)
    {
        var tags = new List<Tag>();
        var problems = new List<ScanProblem>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            if (IsEscaped(text, open))
            {
                i = open + 2;
                continue;
            }

            if (At(text, open, "{{{{"))
            {
                var close = text.IndexOf("}}}}", open + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    problems.Add(new ScanProblem(open, TemplateLoadError.SyntaxId, CheckMessages.TagNeverClosed("}}}}")));
                    break;
                }

                tags.Add(new Tag(TagForm.RawBlock, open, open + 4, close));
                i = close + 4;
                continue;
            }

            if (At(text, open, "{{{"))
            {
                var close = FindClose(text, open + 3, "}}}");
                if (close < 0)
                {
                    problems.Add(new ScanProblem(open, TemplateLoadError.SyntaxId, CheckMessages.TagNeverClosed("}}}")));
                    i = open + 3;
                    continue;
                }

                tags.Add(Trimmed(TagForm.Triple, text, open, open + 3, close));
                i = close + 3;
                continue;
            }

            var afterTilde = open + 2 < text.Length && text[open + 2] == '~' ? open + 3 : open + 2;
            if (At(text, afterTilde, "!--"))
            {
                var end = FindCommentEnd(text, afterTilde + 3, "--");
                if (end < 0)
                {
                    problems.Add(new ScanProblem(open, TemplateLoadError.SyntaxId, CheckMessages.CommentNeverClosed("--}}")));
                    break;
                }

                i = end;
                continue;
            }

            if (At(text, afterTilde, "!"))
            {
                var end = FindCommentEnd(text, afterTilde + 1, string.Empty);
                if (end < 0)
                {
                    problems.Add(new ScanProblem(open, TemplateLoadError.SyntaxId, CheckMessages.CommentNeverClosed("}}")));
                    break;
                }

                i = end;
                continue;
            }

            var closing = FindClose(text, open + 2, "}}");
            if (closing < 0)
            {
                problems.Add(new ScanProblem(open, TemplateLoadError.SyntaxId, CheckMessages.TagNeverClosed("}}")));
                i = open + 2;
                continue;
            }

            tags.Add(Trimmed(TagForm.Plain, text, open, open + 2, closing));
            i = closing + 2;
        }

        return (tags, problems);
    }

    /// <summary><c>\{{</c> is literal text; <c>\\{{</c> is a backslash followed by a tag.</summary>
    private static bool IsEscaped(string text, int open) =>
        open > 0 && text[open - 1] == '\\' && !(open > 1 && text[open - 2] == '\\');

    private static bool At(string text, int index, string expected) =>
        index + expected.Length <= text.Length && string.CompareOrdinal(text, index, expected, 0, expected.Length) == 0;

    /// <summary>
    /// The offset of the <paramref name="close"/> that ends a tag, skipping quoted strings; -1 when the
    /// tag runs into the next <c>{{</c> or the end of the text first.
    /// </summary>
    private static int FindClose(string text, int from, string close)
    {
        for (var j = from; j < text.Length; j++)
        {
            var c = text[j];
            if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, j + 1);
                if (end < 0)
                {
                    return -1;
                }

                j = end;
                continue;
            }

            if (At(text, j, close))
            {
                return j;
            }

            if (At(text, j, "{{"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The offset just after a comment's end: <c>--}}</c> for a long comment, <c>}}</c> for a short one;
    /// -1 when there is none. (This engine does not accept <c>--~}}</c>, so neither does the checker.)
    /// </summary>
    private static int FindCommentEnd(string text, int from, string dashes)
    {
        var end = text.IndexOf(dashes + "}}", from, StringComparison.Ordinal);
        return end < 0 ? -1 : end + dashes.Length + 2;
    }

    private static Tag Trimmed(TagForm form, string text, int start, int contentStart, int contentEnd)
    {
        if (contentStart < contentEnd && text[contentStart] == '~')
        {
            contentStart++;
        }

        if (contentEnd > contentStart && text[contentEnd - 1] == '~')
        {
            contentEnd--;
        }

        return new Tag(form, start, contentStart, contentEnd);
    }
}
