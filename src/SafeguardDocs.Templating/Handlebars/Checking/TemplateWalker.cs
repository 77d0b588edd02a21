using System.Globalization;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Templating.Handlebars.Checking;

/// <summary>
/// Walks a template's tags in order, keeping the stack of open blocks and of contexts (what
/// <c>this</c> is: the case, an item of a list, an object opened with <c>#with</c>), and checks
/// every name against the case model and the helpers. Collects every problem; never stops early.
/// </summary>
internal sealed class TemplateWalker
{
    private static readonly string[] BlockNames = ["if", "unless", "each", "with"];
    private static readonly string[] EachVariables = ["index", "first", "last", "key"];
    private static readonly string[] DataVariables = ["@index", "@first", "@last", "@key", "@root"];
    private static readonly string[] SettingNames = [.. typeof(OrganisationSettings).GetProperties().Select(p => CamelCase(p.Name)).Order(StringComparer.Ordinal)];

    private readonly string _text;
    private readonly string _file;
    private readonly List<TemplateLoadError> _errors = [];
    private readonly List<Frame> _frames = [];
    private readonly List<Block> _blocks = [];

    private TemplateWalker(string text, Type? modelType, string file)
    {
        _text = text;
        _file = file;
        _frames.Add(new Frame(modelType is null ? ModelShape.Any : ModelShape.Of(modelType), "the case"));
    }

    public static IReadOnlyList<TemplateLoadError> Check(string text, Type? modelType, string file)
    {
        var walker = new TemplateWalker(text, modelType, file);
        walker.Run();
        return [.. walker._errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
    }

    private void Run()
    {
        var (tags, problems) = MustacheScanner.Scan(_text);
        foreach (var problem in problems)
        {
            Report(problem.Offset, problem.Id, problem.Message);
        }

        foreach (var tag in tags)
        {
            switch (tag.Form)
            {
                case TagForm.RawBlock:
                    Report(tag.Start, TemplateLoadError.RawOutputId, CheckMessages.RawOutput);
                    break;
                case TagForm.Triple:
                    Report(tag.Start, TemplateLoadError.RawOutputId, CheckMessages.RawOutput);
                    Output(tag.ContentStart, tag.ContentEnd);
                    break;
                default:
                    Plain(tag);
                    break;
            }
        }

        foreach (var block in _blocks)
        {
            Report(block.Offset, TemplateLoadError.SyntaxId, CheckMessages.NeverClosed(block.Name));
        }
    }

    private void Plain(Tag tag)
    {
        var start = SkipSpace(tag.ContentStart, tag.ContentEnd);
        if (start >= tag.ContentEnd)
        {
            Report(tag.Start, TemplateLoadError.SyntaxId, CheckMessages.EmptyTag);
            return;
        }

        var end = tag.ContentEnd;
        switch (_text[start])
        {
            case '#' when start + 1 < end && _text[start + 1] is '>' or '*':
                Report(tag.Start, TemplateLoadError.SyntaxId, _text[start + 1] == '>' ? CheckMessages.Partial : CheckMessages.Decorator);
                OpenOpaque(FirstWord(start + 2, end), tag.Start);
                break;
            case '#':
                Open(start + 1, end, tag.Start);
                break;
            case '^' when SkipSpace(start + 1, end) >= end:
                Report(tag.Start, TemplateLoadError.SyntaxId, CheckMessages.CaretElse);
                Else(end, end, tag.Start);
                break;
            case '^':
                OpenInverse(start + 1, end, tag.Start);
                break;
            case '/':
                Close(_text[(start + 1)..end].Trim(), tag.Start);
                break;
            case '>':
                Report(tag.Start, TemplateLoadError.SyntaxId, CheckMessages.Partial);
                break;
            case '*':
                Report(tag.Start, TemplateLoadError.SyntaxId, CheckMessages.Decorator);
                break;
            case '&':
                Report(tag.Start, TemplateLoadError.RawOutputId, CheckMessages.RawOutput);
                Output(start + 1, end);
                break;
            case '{':
                // {{~{x}~}}: raw output with whitespace control (which this engine cannot even read).
                Report(tag.Start, TemplateLoadError.RawOutputId, CheckMessages.RawOutput);
                Output(start + 1, _text[end - 1] == '}' ? end - 1 : end);
                break;
            default:
                if (IsWord(start, end, "else"))
                {
                    Else(start + 4, end, tag.Start);
                }
                else
                {
                    Output(start, end);
                }

                break;
        }
    }

    /// <summary>A value written out: <c>{{child.name}}</c>, <c>{{date letterDate}}</c>, <c>{{today}}</c>.</summary>
    private void Output(int start, int end)
    {
        if (Parse(start, end) is not { } call)
        {
            return;
        }

        if (call.BlockParameters.Count > 0)
        {
            Report(start, TemplateLoadError.SyntaxId, CheckMessages.BlockParametersNotHere);
        }

        if (call.HasArguments || call.Head is not PathOperand head || !IsHelper(head.Text))
        {
            if (call.HasArguments)
            {
                Helper(call);
            }
            else
            {
                Value(call.Head);
            }
        }
    }

    private void Open(int start, int end, int tagStart)
    {
        if (Parse(start, end) is not { } call)
        {
            OpenOpaque(FirstWord(start, end), tagStart);
            return;
        }

        var name = Written(call.Head);
        if (!BlockNames.Contains(name))
        {
            Report(call.Head.Offset, TemplateLoadError.UnknownHelperId, IsHelper(name)
                ? CheckMessages.HelperAsBlock(name)
                : CheckMessages.UnknownBlock(name, CaseModelMembers.Nearest(name, BlockNames)));
            Arguments(call);
            OpenOpaque(name, tagStart);
            return;
        }

        if (call.Parameters.Count != 1 || call.Hash.Count > 0)
        {
            Report(call.Head.Offset, TemplateLoadError.SyntaxId, CheckMessages.OneArgument(name));
        }

        if (call.BlockParameters.Count > 0 && name is "if" or "unless")
        {
            Report(call.Head.Offset, TemplateLoadError.SyntaxId, CheckMessages.BlockParametersNotHere);
        }

        var argument = call.Parameters.Count > 0 ? call.Parameters[0] : null;
        var shape = argument is null ? ModelShape.Any : Value(argument);
        foreach (var extra in call.Parameters.Skip(1).Concat(call.Hash.Select(h => h.Value)))
        {
            Value(extra);
        }

        var block = new Block(name, tagStart);
        if (name == "each")
        {
            var item = shape.Kind switch
            {
                ShapeKind.List or ShapeKind.Map => shape.Item,
                ShapeKind.Scalar => NotAList(argument!, shape),
                _ => ModelShape.Any,
            };
            block.IsEach = true;
            block.Frame = new Frame(item, $"each item of `{Written(argument)}`");
            block.Parameters = BlockParameters(call, item, ModelShape.Of(shape.Kind == ShapeKind.Map ? typeof(string) : typeof(int)));
        }
        else if (name == "with")
        {
            block.Frame = new Frame(shape, $"`{Written(argument)}`");
            block.Parameters = BlockParameters(call, shape, null);
        }

        Push(block);
    }

    /// <summary><c>{{^x}}…{{/x}}</c>: shown when x is empty; the context does not change.</summary>
    private void OpenInverse(int start, int end, int tagStart)
    {
        if (Parse(start, end) is not { } call)
        {
            OpenOpaque(FirstWord(start, end), tagStart);
            return;
        }

        Value(call.Head);
        Arguments(call);
        Push(new Block(call.Head is PathOperand p ? p.Text : "^", tagStart));
    }

    /// <summary>A block that could not be understood: kept only so that its close balances, and checked in the same context.</summary>
    private void OpenOpaque(string name, int tagStart) => Push(new Block(name, tagStart));

    private void Else(int start, int end, int tagStart)
    {
        if (_blocks.Count == 0)
        {
            Report(tagStart, TemplateLoadError.SyntaxId, CheckMessages.ElseOutsideBlock);
            return;
        }

        var block = _blocks[^1];
        if (block.HasFinalElse)
        {
            Report(tagStart, TemplateLoadError.SyntaxId, CheckMessages.ElseTwice);
        }

        if (!block.InElse && block.Frame is not null)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }

        block.InElse = true;
        var chainStart = SkipSpace(start, end);
        if (chainStart >= end)
        {
            block.HasFinalElse = true;
            return;
        }

        if (Parse(chainStart, end) is not { } call)
        {
            return;
        }

        if (call.Head is not PathOperand { Text: "if" or "unless" } chained)
        {
            Report(tagStart, TemplateLoadError.SyntaxId, CheckMessages.ElseChain);
            return;
        }

        if (call.Parameters.Count != 1 || call.Hash.Count > 0)
        {
            Report(chained.Offset, TemplateLoadError.SyntaxId, CheckMessages.OneArgument(chained.Text));
        }

        Arguments(call);
    }

    private void Close(string name, int tagStart)
    {
        if (_blocks.Count == 0)
        {
            Report(tagStart, TemplateLoadError.SyntaxId, CheckMessages.ClosesNothing(name));
            return;
        }

        var top = _blocks[^1];
        if (top.Name != name)
        {
            var (line, column) = HandlebarsDocumentTemplate.Position(_text, top.Offset);
            Report(tagStart, TemplateLoadError.SyntaxId, CheckMessages.Mismatched(name, top.Name, line, column));

            // Recover: close up to a matching open block if there is one, else take this as the top block's close.
            var match = _blocks.FindLastIndex(b => b.Name == name);
            while (match >= 0 && _blocks.Count - 1 > match)
            {
                Pop();
            }
        }

        Pop();
    }

    private void Push(Block block)
    {
        _blocks.Add(block);
        if (block.Frame is not null)
        {
            _frames.Add(block.Frame);
        }
    }

    private void Pop()
    {
        var block = _blocks[^1];
        _blocks.RemoveAt(_blocks.Count - 1);
        if (!block.InElse && block.Frame is not null)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    /// <summary>A helper call: the name must be a helper; every argument is checked.</summary>
    private void Helper(Call call)
    {
        var name = call.Head switch
        {
            PathOperand p => p.Text,
            LiteralOperand { IsString: true } l => l.Value,
            _ => null,
        };
        if (name is not null && !IsHelper(name))
        {
            Report(call.Head.Offset, TemplateLoadError.UnknownHelperId, BlockNames.Contains(name)
                ? CheckMessages.BlockAsHelper(name)
                : CheckMessages.UnknownHelper(name, Suggest(name, HandlebarsHelpers.Names.Keys)));
        }
        else if (call.Head is SubexpressionOperand head)
        {
            Helper(head.Call);
        }

        if (name == "setting" && call.Parameters.Count > 0 && call.Parameters[0] is LiteralOperand { IsString: true } setting
            && !SettingNames.Contains(setting.Value, StringComparer.OrdinalIgnoreCase))
        {
            Report(setting.Offset, TemplateLoadError.UnknownMemberId, CheckMessages.UnknownSetting(setting.Value, CaseModelMembers.Nearest(setting.Value, SettingNames), SettingNames));
        }

        Arguments(call);
    }

    private void Arguments(Call call)
    {
        foreach (var argument in call.Parameters.Concat(call.Hash.Select(h => h.Value)))
        {
            Value(argument);
        }
    }

    /// <summary>Checks an operand and returns what it is in the case model (Any when unknown).</summary>
    private ModelShape Value(Operand operand)
    {
        switch (operand)
        {
            case PathOperand path:
                return Resolve(path);
            case SubexpressionOperand sub:
                Helper(sub.Call);
                return ModelShape.Any;
            default:
                return ModelShape.Any;
        }
    }

    private ModelShape Resolve(PathOperand path)
    {
        var written = path.Text;
        var isData = written.StartsWith('@');
        var segments = Segments(written, isData ? 1 : 0);
        if (segments is null || segments.Count == 0)
        {
            Report(path.Offset, TemplateLoadError.SyntaxId, CheckMessages.BadPath(written));
            return ModelShape.Any;
        }

        var i = 0;
        var depth = 0;
        while (i < segments.Count && segments[i].IsParent)
        {
            depth++;
            i++;
        }

        var explicitThis = i < segments.Count && segments[i].IsThis;
        if (explicitThis)
        {
            i++;
        }

        if (segments.Skip(i).Any(s => s.IsParent || s.IsThis))
        {
            Report(path.Offset, TemplateLoadError.SyntaxId, CheckMessages.BadPath(written));
            return ModelShape.Any;
        }

        ModelShape shape;
        string owner;
        if (isData)
        {
            var name = i < segments.Count ? segments[i].Name : string.Empty;
            if (name == "root")
            {
                (shape, owner) = (_frames[0].Shape, _frames[0].Owner);
                i++;
            }
            else if (EachVariables.Contains(name))
            {
                if (!_blocks.Any(b => b.IsEach && !b.InElse))
                {
                    Report(path.Offset, TemplateLoadError.UnknownMemberId, CheckMessages.DataOutsideEach(written));
                }

                return ModelShape.Any;
            }
            else
            {
                Report(path.Offset, TemplateLoadError.UnknownMemberId, CheckMessages.UnknownData(written, CaseModelMembers.Nearest("@" + name, DataVariables)));
                return ModelShape.Any;
            }
        }
        else if (depth == 0 && !explicitThis && i < segments.Count && BlockParameter(segments[i].Name) is { } parameter)
        {
            shape = parameter;
            owner = $"`{segments[i].Name}`";
            i++;
        }
        else if (depth >= _frames.Count)
        {
            Report(path.Offset, TemplateLoadError.UnknownMemberId, CheckMessages.AboveTheCase(written));
            return ModelShape.Any;
        }
        else
        {
            var frame = _frames[_frames.Count - 1 - depth];
            (shape, owner) = (frame.Shape, frame.Owner);
        }

        for (; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (shape.Kind)
            {
                case ShapeKind.Object when shape.Members.TryGetValue(segment.Name, out var member):
                    shape = ModelShape.Of(member.PropertyType);
                    break;
                case ShapeKind.Object:
                    var nearest = Suggest(segment.Name, shape.Members.Keys);
                    Report(path.Offset, TemplateLoadError.UnknownMemberId,
                        nearest is null && segments.Count == 1 && IsHelper(segment.Name)
                            ? CheckMessages.HelperAsValue(segment.Name)
                            : CheckMessages.UnknownMember(written, owner, segment.Name, nearest is null ? null : written[..segment.Start] + nearest));
                    return ModelShape.Any;
                case ShapeKind.List when int.TryParse(segment.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                case ShapeKind.Map:
                    shape = shape.Item;
                    break;
                case ShapeKind.List:
                    Report(path.Offset, TemplateLoadError.UnknownMemberId, CheckMessages.ListHasNoMember(written, owner, segment.Name));
                    return ModelShape.Any;
                case ShapeKind.Scalar:
                    Report(path.Offset, TemplateLoadError.UnknownMemberId, CheckMessages.NoMembers(written, owner, shape.Description, segment.Name));
                    return ModelShape.Any;
                default:
                    return ModelShape.Any;
            }

            owner = $"`{written[..segment.End]}`";
        }

        return shape;
    }

    private ModelShape NotAList(Operand argument, ModelShape shape)
    {
        Report(argument.Offset, TemplateLoadError.UnknownMemberId, CheckMessages.NotAList(Written(argument), shape.Description));
        return ModelShape.Any;
    }

    private ModelShape? BlockParameter(string name)
    {
        for (var b = _blocks.Count - 1; b >= 0; b--)
        {
            if (!_blocks[b].InElse && _blocks[b].Parameters.TryGetValue(name, out var shape))
            {
                return shape;
            }
        }

        return null;
    }

    private static Dictionary<string, ModelShape> BlockParameters(Call call, ModelShape first, ModelShape? second)
    {
        var parameters = new Dictionary<string, ModelShape>(StringComparer.Ordinal);
        for (var i = 0; i < call.BlockParameters.Count; i++)
        {
            parameters[call.BlockParameters[i]] = i == 0 ? first : second ?? ModelShape.Any;
        }

        return parameters;
    }

    /// <summary>
    /// Splits a path into segments at '.' and '/': <c>../</c> is a parent step, <c>this</c> and <c>.</c>
    /// the current context, <c>[…]</c> a name written literally. Null when the path is malformed.
    /// </summary>
    private static List<Segment>? Segments(string path, int from)
    {
        var segments = new List<Segment>();
        var i = from;
        while (i < path.Length)
        {
            var start = i;
            string name;
            var literal = false;
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i + 1);
                if (close < 0)
                {
                    return null;
                }

                name = path[(i + 1)..close];
                literal = true;
                i = close + 1;
            }
            else if (string.CompareOrdinal(path, i, "..", 0, 2) == 0 && (i + 2 == path.Length || path[i + 2] is '/' or '.'))
            {
                name = "..";
                i += 2;
            }
            else
            {
                var end = path.IndexOfAny(['.', '/'], i);
                end = end < 0 ? path.Length : end;
                name = path[i..end];
                i = end;
            }

            if (name.Length == 0 && !literal)
            {
                if (path[start] == '.' && (start + 1 == path.Length || path[start + 1] == '/'))
                {
                    segments.Add(new Segment(".", start, start + 1, IsParent: false, IsThis: true));
                    i = start + 1;
                }
                else
                {
                    return null;
                }
            }
            else
            {
                segments.Add(new Segment(name, start, i, IsParent: !literal && name == "..", IsThis: !literal && name == "this"));
            }

            if (i < path.Length)
            {
                if (path[i] is not ('.' or '/') || i + 1 == path.Length)
                {
                    return null;
                }

                i++;
            }
        }

        return segments;
    }

    private Call? Parse(int start, int end)
    {
        var (call, problem) = MustacheExpression.Parse(_text, start, end);
        if (problem is not null)
        {
            Report(problem.Offset, problem.Id, problem.Message);
        }

        return call;
    }

    /// <summary>
    /// The nearest name by spelling (as the case loader suggests), else the one an abbreviation starts
    /// like (<c>serialNo</c> → <c>serialNumber</c>): a shared beginning of at least four letters that is
    /// most of what was written.
    /// </summary>
    internal static string? Suggest(string name, IEnumerable<string> candidates)
    {
        if (CaseModelMembers.Nearest(name, candidates) is { } nearest)
        {
            return nearest;
        }

        var best = (Name: (string?)null, Length: 0);
        foreach (var candidate in candidates)
        {
            var shared = 0;
            while (shared < name.Length && shared < candidate.Length && char.ToUpperInvariant(name[shared]) == char.ToUpperInvariant(candidate[shared]))
            {
                shared++;
            }

            if (shared > best.Length)
            {
                best = (candidate, shared);
            }
        }

        return best.Length >= 4 && best.Length * 5 >= name.Length * 3 ? best.Name : null;
    }

    private static bool IsHelper(string name) => HandlebarsHelpers.Names.ContainsKey(name);

    private static string Written(Operand? operand) => operand switch
    {
        PathOperand p => p.Text,
        LiteralOperand l => l.Value,
        SubexpressionOperand => "(…)",
        _ => string.Empty,
    };

    private bool IsWord(int start, int end, string word) =>
        end - start >= word.Length
        && string.CompareOrdinal(_text, start, word, 0, word.Length) == 0
        && (end - start == word.Length || char.IsWhiteSpace(_text[start + word.Length]));

    private string FirstWord(int start, int end)
    {
        start = SkipSpace(start, end);
        var stop = start;
        while (stop < end && !char.IsWhiteSpace(_text[stop]))
        {
            stop++;
        }

        return _text[start..stop];
    }

    private int SkipSpace(int start, int end)
    {
        while (start < end && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }

        return start;
    }

    private void Report(int offset, string id, string message)
    {
        var (line, column) = HandlebarsDocumentTemplate.Position(_text, offset);
        _errors.Add(new TemplateLoadError(_file, line, column, id, message));
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A context: what <c>this</c> is, and how to name it in a message.</summary>
    private sealed record Frame(ModelShape Shape, string Owner);

    /// <summary>One segment of a path, with where it starts and ends in the path text.</summary>
    private sealed record Segment(string Name, int Start, int End, bool IsParent, bool IsThis);

    /// <summary>An open block: its name and where it opened; the context and block parameters it brings.</summary>
    private sealed class Block(string name, int offset)
    {
        public string Name { get; } = name;

        public int Offset { get; } = offset;

        public bool IsEach { get; set; }

        public Frame? Frame { get; set; }

        public Dictionary<string, ModelShape> Parameters { get; set; } = [];

        public bool InElse { get; set; }

        public bool HasFinalElse { get; set; }
    }
}
