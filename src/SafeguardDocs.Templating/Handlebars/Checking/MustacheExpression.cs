using System.Text.RegularExpressions;

namespace SafeguardDocs.Templating.Handlebars.Checking;

/// <summary>An operand in a tag: a path, a literal or a subexpression. <see cref="Offset"/> is where it starts in the template.</summary>
internal abstract record Operand(int Offset);

/// <summary>A path such as <c>child.dateOfBirth</c>, <c>../reference</c>, <c>this</c> or <c>@index</c>, as written.</summary>
internal sealed record PathOperand(string Text, int Offset) : Operand(Offset);

/// <summary>A string, number, <c>true</c>, <c>false</c>, <c>null</c> or <c>undefined</c>.</summary>
internal sealed record LiteralOperand(string Value, bool IsString, int Offset) : Operand(Offset);

/// <summary>A helper call in brackets: <c>(addDays letterDate 21)</c>.</summary>
internal sealed record SubexpressionOperand(Call Call, int Offset) : Operand(Offset);

/// <summary>A <c>key=value</c> argument.</summary>
internal sealed record HashArgument(string Key, Operand Value);

/// <summary>
/// What a tag holds: a head (a helper name or a path), its arguments, and the block parameters of
/// <c>as |item index|</c>.
/// </summary>
internal sealed record Call(Operand Head, IReadOnlyList<Operand> Parameters, IReadOnlyList<HashArgument> Hash, IReadOnlyList<string> BlockParameters)
{
    public bool HasArguments => Parameters.Count > 0 || Hash.Count > 0;
}

/// <summary>Reads the expression inside one tag. Returns the call, or the first problem with its offset.</summary>
internal sealed partial class MustacheExpression
{
    private readonly string _text;
    private readonly int _end;
    private int _pos;
    private ScanProblem? _problem;

    private MustacheExpression(string text, int start, int end)
    {
        _text = text;
        _pos = start;
        _end = end;
    }

    public static (Call? Call, ScanProblem? Problem) Parse(string text, int start, int end)
    {
        var parser = new MustacheExpression(text, start, end);
        parser.SkipSpace();
        if (parser._pos >= end)
        {
            return (null, new ScanProblem(start, TemplateLoadError.SyntaxId, CheckMessages.EmptyTag));
        }

        var call = parser.ParseCall(start, inSubexpression: false);
        return parser._problem is null ? (call, null) : (null, parser._problem);
    }

    private Call? ParseCall(int openedAt, bool inSubexpression)
    {
        SkipSpace();
        if (_pos >= _end || _text[_pos] == ')')
        {
            return Fail<Call>(_pos, inSubexpression ? CheckMessages.EmptySubexpression : CheckMessages.EmptyTag);
        }

        var head = ParseOperand();
        if (head is null)
        {
            return null;
        }

        var parameters = new List<Operand>();
        var hash = new List<HashArgument>();
        var blockParameters = new List<string>();
        while (true)
        {
            SkipSpace();
            if (_pos >= _end)
            {
                if (inSubexpression)
                {
                    return Fail<Call>(openedAt, CheckMessages.SubexpressionNeverClosed);
                }

                break;
            }

            var c = _text[_pos];
            if (c == ')')
            {
                if (inSubexpression)
                {
                    break;
                }

                return Fail<Call>(_pos, CheckMessages.UnexpectedCharacter(')'));
            }

            if (blockParameters.Count > 0)
            {
                return Fail<Call>(_pos, CheckMessages.BlockParametersLast);
            }

            if (IsWordAt("as") && NextNonSpace(_pos + 2) is var bar && bar < _end && _text[bar] == '|')
            {
                var close = _text.IndexOf('|', bar + 1, _end - bar - 1);
                var names = close < 0 ? [] : _text[(bar + 1)..close].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (close < 0 || names.Length == 0)
                {
                    return Fail<Call>(_pos, CheckMessages.BadBlockParameters);
                }

                blockParameters.AddRange(names);
                _pos = close + 1;
                continue;
            }

            var keyEnd = WordEnd(_pos);
            if (keyEnd > _pos && keyEnd < _end && _text[keyEnd] == '=' && c is not ('"' or '\'' or '('))
            {
                var key = _text[_pos..keyEnd];
                _pos = keyEnd + 1;
                SkipSpace();
                var value = _pos < _end ? ParseOperand() : Fail<Operand>(keyEnd, CheckMessages.HashWithoutValue(key));
                if (value is null)
                {
                    return null;
                }

                hash.Add(new HashArgument(key, value));
                continue;
            }

            var parameter = ParseOperand();
            if (parameter is null)
            {
                return null;
            }

            if (hash.Count > 0)
            {
                return Fail<Call>(parameter.Offset, CheckMessages.ParameterAfterHash);
            }

            parameters.Add(parameter);
        }

        return new Call(head, parameters, hash, blockParameters);
    }

    private Operand? ParseOperand()
    {
        var start = _pos;
        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var call = ParseCall(start, inSubexpression: true);
            if (call is null)
            {
                return null;
            }

            _pos++; // the ')'
            return new SubexpressionOperand(call, start);
        }

        if (c is '"' or '\'')
        {
            var j = _pos + 1;
            while (j < _end && _text[j] != c)
            {
                j += _text[j] == '\\' ? 2 : 1;
            }

            if (j >= _end)
            {
                return Fail<Operand>(start, CheckMessages.StringNeverClosed);
            }

            _pos = j + 1;
            return new LiteralOperand(_text[(start + 1)..j], IsString: true, start);
        }

        if (c is '=' or '|')
        {
            return Fail<Operand>(_pos, CheckMessages.UnexpectedCharacter(c));
        }

        var end = WordEnd(_pos);
        if (end < 0)
        {
            return Fail<Operand>(start, CheckMessages.BracketNeverClosed);
        }

        if (end == start)
        {
            return Fail<Operand>(start, CheckMessages.UnexpectedCharacter(c));
        }

        _pos = end;
        var word = _text[start..end];
        return word is "true" or "false" or "null" or "undefined" || NumberPattern().IsMatch(word)
            ? new LiteralOperand(word, IsString: false, start)
            : new PathOperand(word, start);
    }

    /// <summary>Where a bare word (a path, a number, a hash key) ends; <c>[…]</c> segments may hold anything. -1 for an unclosed <c>[</c>.</summary>
    private int WordEnd(int from)
    {
        var j = from;
        while (j < _end)
        {
            var c = _text[j];
            if (c == '[')
            {
                var close = _text.IndexOf(']', j + 1, _end - j - 1);
                if (close < 0)
                {
                    return -1;
                }

                j = close + 1;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '(' or ')' or '=' or '|' or '"' or '\'')
            {
                break;
            }

            j++;
        }

        return j;
    }

    private bool IsWordAt(string word) =>
        _pos + word.Length <= _end
        && string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0
        && (_pos + word.Length == _end || char.IsWhiteSpace(_text[_pos + word.Length]) || _text[_pos + word.Length] == '|');

    private int NextNonSpace(int from)
    {
        while (from < _end && char.IsWhiteSpace(_text[from]))
        {
            from++;
        }

        return from;
    }

    private void SkipSpace() => _pos = NextNonSpace(_pos);

    private T? Fail<T>(int offset, string message)
        where T : class
    {
        _problem ??= new ScanProblem(offset, TemplateLoadError.SyntaxId, message);
        return null;
    }

    [GeneratedRegex(@"\A-?[0-9]+(\.[0-9]+)?\z")]
    private static partial Regex NumberPattern();
}
