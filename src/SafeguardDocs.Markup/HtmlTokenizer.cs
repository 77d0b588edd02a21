using System.Globalization;
using System.Text;

namespace SafeguardDocs.Markup;

/// <summary>A node of the markup's HTML form, before it is checked against the vocabulary.</summary>
internal abstract record Node(int Line, int Column);

internal sealed record TextNode(string Text, int Line, int Column) : Node(Line, Column);

internal sealed record ElementNode(string Name, IReadOnlyDictionary<string, string> Attributes, List<Node> Children, int Line, int Column) : Node(Line, Column);

/// <summary>
/// Reads the small HTML subset templates produce into a tree. Deliberately small and strict: it knows
/// the void elements of the vocabulary, decodes character references, and reports anything it cannot
/// read with a 1-based line and column. It is not a general HTML parser and does not need to be.
/// </summary>
internal sealed class HtmlTokenizer
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal) { "br", "sign-here", "page-break", "hr", "col" };

    private static readonly Dictionary<string, string> NamedEntities = new(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'", ["nbsp"] = "\u00A0",
        ["ndash"] = "\u2013", ["mdash"] = "\u2014", ["pound"] = "£", ["hellip"] = "\u2026", ["rsquo"] = "\u2019",
        ["lsquo"] = "\u2018", ["ldquo"] = "\u201C", ["rdquo"] = "\u201D", ["middot"] = "\u00B7", ["times"] = "\u00D7",
    };

    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HtmlTokenizer(string text) => _text = text;

    /// <summary>Parses the markup into a root element named <c>#root</c>, or throws <see cref="MarkupException"/>.</summary>
    public static ElementNode Parse(string html)
    {
        var tokenizer = new HtmlTokenizer(html);
        var root = new ElementNode("#root", new Dictionary<string, string>(), [], 1, 1);
        var stack = new Stack<ElementNode>();
        stack.Push(root);
        tokenizer.Run(stack);
        if (stack.Count > 1)
        {
            var open = stack.Peek();
            throw new MarkupException($"<{open.Name}> is never closed", open.Line, open.Column);
        }

        return root;
    }

    private void Run(Stack<ElementNode> stack)
    {
        var text = new StringBuilder();
        int textLine = _line, textColumn = _column;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '<')
            {
                FlushText();
                if (StartsWith("<!--"))
                {
                    SkipComment();
                }
                else if (StartsWith("</"))
                {
                    ReadEndTag(stack);
                }
                else if (StartsWith("<!"))
                {
                    SkipUntil('>'); // <!DOCTYPE …>
                }
                else
                {
                    ReadStartTag(stack);
                }

                textLine = _line;
                textColumn = _column;
            }
            else if (c == '&')
            {
                text.Append(ReadCharacterReference());
            }
            else
            {
                text.Append(c);
                Advance();
            }
        }

        FlushText();

        void FlushText()
        {
            if (text.Length > 0)
            {
                stack.Peek().Children.Add(new TextNode(text.ToString(), textLine, textColumn));
                text.Clear();
            }
        }
    }

    private void ReadStartTag(Stack<ElementNode> stack)
    {
        int line = _line, column = _column;
        Advance(); // <
        var name = ReadName();
        if (name.Length == 0)
        {
            throw new MarkupException("a '<' that does not start a tag (write &lt; for a literal '<')", line, column);
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw new MarkupException($"<{name}> is not finished", line, column);
            }

            if (_text[_pos] == '>')
            {
                Advance();
                break;
            }

            if (StartsWith("/>"))
            {
                Advance(2);
                stack.Peek().Children.Add(new ElementNode(name, attributes, [], line, column));
                return;
            }

            int attrLine = _line, attrColumn = _column;
            var attribute = ReadName();
            if (attribute.Length == 0)
            {
                throw new MarkupException($"unexpected character in <{name}>", _line, _column);
            }

            var value = string.Empty;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '=')
            {
                Advance();
                SkipWhitespace();
                value = ReadAttributeValue(name);
            }

            if (!attributes.TryAdd(attribute, value))
            {
                throw new MarkupException($"attribute '{attribute}' appears twice on <{name}>", attrLine, attrColumn);
            }
        }

        var element = new ElementNode(name, attributes, [], line, column);
        stack.Peek().Children.Add(element);
        if (!VoidElements.Contains(name))
        {
            stack.Push(element);
        }
    }

    private void ReadEndTag(Stack<ElementNode> stack)
    {
        int line = _line, column = _column;
        Advance(2);
        var name = ReadName();
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != '>')
        {
            throw new MarkupException($"</{name}> is not finished", line, column);
        }

        Advance();
        if (VoidElements.Contains(name))
        {
            return; // <br></br> style closing of a void element.
        }

        var open = stack.Peek();
        if (open.Name != name)
        {
            throw open.Name == "#root"
                ? new MarkupException($"</{name}> closes an element that was never opened", line, column)
                : new MarkupException($"</{name}> found where </{open.Name}> (opened at line {open.Line}) was expected", line, column);
        }

        stack.Pop();
    }

    private string ReadAttributeValue(string element)
    {
        if (_pos < _text.Length && _text[_pos] is '"' or '\'')
        {
            var quote = _text[_pos];
            int line = _line, column = _column;
            Advance();
            var value = new StringBuilder();
            while (_pos < _text.Length && _text[_pos] != quote)
            {
                if (_text[_pos] == '&')
                {
                    value.Append(ReadCharacterReference());
                }
                else
                {
                    value.Append(_text[_pos]);
                    Advance();
                }
            }

            if (_pos >= _text.Length)
            {
                throw new MarkupException($"an attribute value on <{element}> has no closing quote", line, column);
            }

            Advance();
            return value.ToString();
        }

        var start = _pos;
        while (_pos < _text.Length && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] != '>' && !StartsWith("/>"))
        {
            Advance();
        }

        return _text[start.._pos];
    }

    private string ReadCharacterReference()
    {
        int line = _line, column = _column;
        var end = _text.IndexOf(';', _pos);
        if (end < 0 || end - _pos > 12)
        {
            throw new MarkupException("a '&' that is not a character reference (write &amp; for a literal '&')", line, column);
        }

        var body = _text[(_pos + 1)..end];
        string result;
        if (body.StartsWith("#x", StringComparison.OrdinalIgnoreCase) && int.TryParse(body.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) && IsScalar(hex))
        {
            result = char.ConvertFromUtf32(hex);
        }
        else if (body.StartsWith('#') && int.TryParse(body.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var dec) && IsScalar(dec))
        {
            result = char.ConvertFromUtf32(dec);
        }
        else if (!NamedEntities.TryGetValue(body, out result!))
        {
            throw new MarkupException($"unknown character reference '&{body};'", line, column);
        }

        Advance(end + 1 - _pos);
        return result;

        static bool IsScalar(int value) => value is > 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF);
    }

    private void SkipComment()
    {
        int line = _line, column = _column;
        var end = _text.IndexOf("-->", _pos + 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new MarkupException("a comment is never closed", line, column);
        }

        Advance(end + 3 - _pos);
    }

    private void SkipUntil(char c)
    {
        while (_pos < _text.Length && _text[_pos] != c)
        {
            Advance();
        }

        Advance();
    }

    private string ReadName()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '-' or '_' or ':'))
        {
            Advance();
        }

        return _text[start.._pos].ToLowerInvariant();
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            Advance();
        }
    }

    private bool StartsWith(string s) => string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count && _pos < _text.Length; i++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }
}

/// <summary>The markup could not be read or uses something outside the vocabulary. Line and column are 1-based.</summary>
public sealed class MarkupException : Exception
{
    public MarkupException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public MarkupException()
    {
    }

    public MarkupException(string message)
        : base(message)
    {
    }

    public MarkupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }

    public int Column { get; }
}
