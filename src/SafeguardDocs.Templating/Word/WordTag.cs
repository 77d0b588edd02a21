using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Templating.Word;

/// <summary>What a tag does to the document around it.</summary>
internal enum WordTagRole
{
    /// <summary>Writes a value (or nothing, for a comment).</summary>
    Output,

    /// <summary>Opens a block: <c>for</c>, <c>if</c>, <c>with</c>, <c>while</c>, <c>case</c>…</summary>
    Open,

    /// <summary>Divides a block: <c>else</c>, <c>else if</c>, <c>when</c>.</summary>
    Middle,

    /// <summary>Ends the innermost block: <c>end</c>.</summary>
    Close,
}

/// <summary>
/// One Scriban tag found in a Word template, after Word's splitting of it into runs has been undone:
/// it sits alone in <see cref="Run"/>, whose formatting is that of the tag's first character.
/// </summary>
internal sealed class WordTag
{
    public WordTag(string code, W.Run run, W.Paragraph paragraph, WordTagLocation location)
    {
        Code = code;
        Run = run;
        Paragraph = paragraph;
        Location = location;
        Role = RoleOf(code);
    }

    /// <summary>What is between the braces, Word's smart quotes and non-breaking spaces made plain.</summary>
    public string Code { get; }

    public W.Run Run { get; }

    public W.Paragraph Paragraph { get; }

    public WordTagLocation Location { get; }

    public WordTagRole Role { get; }

    /// <summary>The tag as it is written, for messages.</summary>
    public string Text => "{{" + Code + "}}";

    /// <summary>True when the tag is all its paragraph holds (spaces aside): no other text, picture or text box.</summary>
    public bool AloneInParagraph { get; set; }

    /// <summary>The nearest table row holding the tag, if any.</summary>
    public W.TableRow? Row => Paragraph.Ancestors<W.TableRow>().FirstOrDefault();

    public OpenXmlElement? ParagraphParent => Paragraph.Parent;

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "for", "if", "with", "while", "case", "capture", "tablerow", "wrap", "func" };

    private static WordTagRole RoleOf(string code)
    {
        var body = code.Trim().TrimStart('~', '-').TrimEnd('~', '-').Trim();
        var first = new string([.. body.TakeWhile(c => char.IsLetter(c))]);
        // A whole block written in one tag ({{ for x in y; x; end }}) changes nothing around it.
        var selfContained = body.Contains(';', StringComparison.Ordinal) || body.Contains('\n', StringComparison.Ordinal);
        return first switch
        {
            "end" when body.Length == 3 => WordTagRole.Close,
            "else" or "when" => WordTagRole.Middle,
            _ when Openers.Contains(first) && !selfContained && body.Length > first.Length && !char.IsLetterOrDigit(body[first.Length]) && body[first.Length] != '.' => WordTagRole.Open,
            _ => WordTagRole.Output,
        };
    }
}

/// <summary>
/// Where a tag is, in words a reader can find without page numbers: the part (body, header, footer,
/// footnote), the paragraph's number in it, the table and row, a text box, and the paragraph's text
/// around the tag.
/// </summary>
internal sealed record WordTagLocation(string Part, int Paragraph, int? Table, int? Row, int? TextBoxParagraph, string Around)
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    public static string Ordinal(int n) => n >= 1 && n <= Ordinals.Length ? Ordinals[n - 1] : $"number {n}";

    public override string ToString()
    {
        var where = TextBoxParagraph is int inBox
            ? $"paragraph {inBox} of the text box in paragraph {Paragraph} of {Part}"
            : $"paragraph {Paragraph} of {Part}";
        if (Table is int table)
        {
            where += $", in the {Ordinal(table)} table" + (Row is int row ? $", row {row}" : string.Empty);
        }

        return $"{where} (\u201c{Around}\u201d)";
    }
}
