using Scriban.Runtime;
using Scriban.Syntax;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Templating.Scriban.Checking;

/// <summary>
/// Walks a parsed template (Scriban's <see cref="ScriptVisitor"/>) keeping the scopes a render would
/// have — the model, names set in the template, each <c>for</c> loop's variable bound to the item type
/// of its list, each <c>with</c> object — and resolves every name, member path and function against
/// them. Unknown things are reported once and then read as "anything", so one misspelling gives one error.
/// </summary>
internal sealed class CheckingVisitor : ScriptVisitor
{
    private static readonly HashSet<string> LoopObjects = new(StringComparer.Ordinal) { "for", "while", "tablerow" };

    private readonly string _file;
    private readonly Type _modelType;
    private readonly TemplateFolderLoader? _loader;
    private readonly Dictionary<string, ScribanShape> _globals = new(StringComparer.Ordinal);
    private readonly List<Frame> _frames = [];
    private readonly List<TemplateLoadError> _errors = [];

    public CheckingVisitor(string file, Type modelType, Type? settingsType, TemplateFolderLoader? loader)
    {
        _file = file;
        _modelType = modelType;
        _loader = loader;
        foreach (var (name, value) in ScribanFunctions.Builtins)
        {
            _globals[name] = value is ScriptObject module ? ScribanShape.ModuleOf(module) : ScribanShape.FunctionReturning(ResultOf(name));
        }

        _globals[ScribanFunctions.Today] = ScribanShape.Date;
        _globals[ScribanFunctions.Settings] = settingsType is null ? ScribanShape.Any : ScribanShape.Of(settingsType);
        foreach (var (name, property) in ScribanNames.Members(modelType))
        {
            _globals[name] = ScribanShape.Of(property.PropertyType);
        }
    }

    public IReadOnlyList<TemplateLoadError> Errors => _errors;

    private sealed class Frame(string? loop, ScribanShape? withObject, string? withName)
    {
        public Dictionary<string, ScribanShape> Variables { get; } = new(StringComparer.Ordinal);

        /// <summary>"for" or "while" when this frame is a loop's body.</summary>
        public string? Loop { get; } = loop;

        public ScribanShape? WithObject { get; } = withObject;

        public string? WithName { get; } = withName;
    }

    // ---- statements that open scopes -------------------------------------------------------------

    public override void Visit(ScriptForStatement node)
    {
        var list = Resolve(node.Iterator);
        foreach (var argument in node.NamedArguments)
        {
            Resolve(argument.Value);
        }

        var item = list.Kind switch
        {
            ShapeKind.List => list.Item,
            ShapeKind.Any => ScribanShape.Any,
            _ => Report(node.Iterator!, TemplateLoadError.UnknownMemberId, ScribanCheckMessages.NotAList(Text(node.Iterator), list.Description)),
        };
        var frame = new Frame("for", null, null);
        if (node.Variable is ScriptVariable variable)
        {
            frame.Variables[variable.BaseName] = item;
        }

        _frames.Add(frame);
        Visit(node.Body);
        _frames.RemoveAt(_frames.Count - 1);
        Visit(node.Else);
    }

    public override void Visit(ScriptWhileStatement node)
    {
        Resolve(node.Condition);
        _frames.Add(new Frame("while", null, null));
        Visit(node.Body);
        _frames.RemoveAt(_frames.Count - 1);
    }

    public override void Visit(ScriptWithStatement node)
    {
        var target = Resolve(node.Name);
        if (target.Kind is not (ShapeKind.Object or ShapeKind.Any))
        {
            Report(node.Name!, TemplateLoadError.UnknownMemberId, ScribanCheckMessages.WithNeedsObject(Text(node.Name), target.Description));
            target = ScribanShape.Any;
        }

        _frames.Add(new Frame(null, target, Text(node.Name)));
        Visit(node.Body);
        _frames.RemoveAt(_frames.Count - 1);
    }

    // ---- statements document templates may not use ----------------------------------------------

    public override void Visit(ScriptFunction node) => NotAllowed(node, "func");

    public override void Visit(ScriptAnonymousFunction node) => NotAllowed(node, "do");

    public override void Visit(ScriptImportStatement node) => NotAllowed(node, "import");

    public override void Visit(ScriptCaptureStatement node) => NotAllowed(node, "capture");

    public override void Visit(ScriptWrapStatement node) => NotAllowed(node, "wrap");

    public override void Visit(ScriptTableRowStatement node) => NotAllowed(node, "tablerow");

    public override void Visit(ScriptReadOnlyStatement node) => NotAllowed(node, "readonly");

    // ---- expressions ----------------------------------------------------------------------------

    public override void Visit(ScriptVariableGlobal node) => Resolve(node);

    public override void Visit(ScriptVariableLocal node) => Resolve(node);

    public override void Visit(ScriptMemberExpression node) => Resolve(node);

    public override void Visit(ScriptIndexerExpression node) => Resolve(node);

    public override void Visit(ScriptFunctionCall node) => Resolve(node);

    public override void Visit(ScriptPipeCall node) => Resolve(node);

    public override void Visit(ScriptAssignExpression node) => Resolve(node);

    public override void Visit(ScriptNestedExpression node) => Resolve(node);

    private ScribanShape Resolve(ScriptExpression? expression)
    {
        switch (expression)
        {
            case null:
                return ScribanShape.Any;
            case ScriptVariable variable:
                return Variable(variable);
            case ScriptMemberExpression member:
                return Member(member);
            case ScriptIndexerExpression indexer:
                var target = Resolve(indexer.Target);
                Resolve(indexer.Index);
                return target.Kind == ShapeKind.List ? target.Item : ScribanShape.Any;
            case ScriptThisExpression:
                return _frames.LastOrDefault(f => f.WithObject is not null)?.WithObject ?? ScribanShape.Of(_modelType);
            case ScriptNestedExpression nested:
                return Resolve(nested.Expression);
            case ScriptFunctionCall call:
                return Call(call.Target, call.Arguments);
            case ScriptPipeCall pipe:
                Resolve(pipe.From);
                return PipeTarget(pipe.To);
            case ScriptAssignExpression assign:
                var value = Resolve(assign.Value);
                if (assign.Target is ScriptVariable assigned)
                {
                    var scope = assigned.Scope == ScriptVariableScope.Local && _frames.Count > 0 ? _frames[^1].Variables : _globals;
                    scope[assigned.BaseName] = value;
                }
                else
                {
                    Resolve(assign.Target);
                }

                return ScribanShape.Any;
            case ScriptLiteral literal:
                return literal.Value switch
                {
                    string => ScribanShape.Text,
                    bool => ScribanShape.TrueOrFalse,
                    null => ScribanShape.Any,
                    _ => ScribanShape.Number,
                };
            default:
                DefaultVisit(expression);
                return ScribanShape.Any;
        }
    }

    private ScribanShape Variable(ScriptVariable variable)
    {
        var name = variable.BaseName;
        if (LoopObjects.Contains(name))
        {
            if (!_frames.Any(f => f.Loop is not null))
            {
                var written = variable.Parent is ScriptMemberExpression m ? Text(m) : name;
                return Report(variable, TemplateLoadError.UnknownMemberId, ScribanCheckMessages.LoopVariableOutsideLoop(written, name == "while" ? "while" : "for"));
            }

            return ScribanShape.Any;
        }

        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            var frame = _frames[i];
            if (frame.Variables.TryGetValue(name, out var local))
            {
                return local;
            }

            if (frame.WithObject is { } with)
            {
                if (with.Kind == ShapeKind.Any)
                {
                    return ScribanShape.Any;
                }

                if (with.Members.TryGetValue(name, out var property))
                {
                    return ScribanShape.Of(property.PropertyType);
                }
            }
        }

        if (_globals.TryGetValue(name, out var global))
        {
            return global;
        }

        var visible = VisibleNames().ToList();
        var suggestion = Suggest(name, visible);
        return IsCallee(variable)
            ? Report(variable, ScribanDiagnostics.UnknownFunctionId, ScribanCheckMessages.UnknownFunction(name, suggestion))
            : Report(variable, ScribanDiagnostics.UnknownMemberId, ScribanCheckMessages.UnknownName(name, suggestion));
    }

    private ScribanShape Member(ScriptMemberExpression node)
    {
        var name = node.Member?.BaseName ?? string.Empty;
        if (node.Target is ScriptVariable { BaseName: var loop } && LoopObjects.Contains(loop))
        {
            // for.index, for.first…: Scriban's parser has already checked the name.
            Variable((ScriptVariable)node.Target);
            return ScribanShape.Any;
        }

        var target = Resolve(node.Target);
        var owner = Text(node.Target);
        var written = Text(node);
        switch (target.Kind)
        {
            case ShapeKind.Any:
                return ScribanShape.Any;
            case ShapeKind.Object:
                if (target.Members.TryGetValue(name, out var property))
                {
                    return ScribanShape.Of(property.PropertyType);
                }

                var near = Suggest(name, target.Members.Keys);
                return Report(node, ScribanDiagnostics.UnknownMemberId, ScribanCheckMessages.UnknownMember(written, owner, name, near is null ? null : $"{owner}.{near}"));
            case ShapeKind.Module:
                if (target.Module!.ContainsKey(name))
                {
                    return ScribanShape.FunctionReturning(ScribanShape.Any);
                }

                var function = Suggest(name, target.Module.Keys);
                return Report(node, ScribanDiagnostics.UnknownFunctionId, ScribanCheckMessages.UnknownFunction(written, function is null ? null : $"{owner}.{function}"));
            case ShapeKind.List when name == "size":
                return ScribanShape.Number;
            case ShapeKind.List:
                return Report(node, ScribanDiagnostics.UnknownMemberId, ScribanCheckMessages.ListHasNoMember(written, owner, name));
            default:
                return Report(node, ScribanDiagnostics.UnknownMemberId, ScribanCheckMessages.NoMembers(written, owner, target.Description, name));
        }
    }

    /// <summary>What a value is piped into: a function, a call with more values, or (pipes group to the right) a further pipe.</summary>
    private ScribanShape PipeTarget(ScriptExpression? to)
    {
        switch (to)
        {
            case ScriptPipeCall next:
                PipeTarget(next.From);
                return PipeTarget(next.To);
            case ScriptFunctionCall call:
                return Call(call.Target, call.Arguments);
            default:
                return Call(to, []);
        }
    }

    private ScribanShape Call(ScriptExpression? callee, IEnumerable<ScriptExpression> arguments)
    {
        var function = Resolve(callee);
        var args = arguments.ToList();
        foreach (var argument in args)
        {
            Resolve(argument);
        }

        if (callee is ScriptVariable { BaseName: "include" })
        {
            CheckInclude(callee, args);
        }

        return function.Kind switch
        {
            ShapeKind.Function => function.Result ?? ScribanShape.Any,
            ShapeKind.Any => ScribanShape.Any,
            _ => Report(callee!, ScribanDiagnostics.UnknownFunctionId, ScribanCheckMessages.NotAFunction(Text(callee), function.Description)),
        };
    }

    private void CheckInclude(ScriptExpression callee, List<ScriptExpression> args)
    {
        if (args.Count == 0 || args[0] is not ScriptLiteral { Value: string name })
        {
            Report(callee, ScribanDiagnostics.SyntaxId, ScribanCheckMessages.IncludeNeedsName());
            return;
        }

        var (_, problem) = (_loader ?? new TemplateFolderLoader(null)).Resolve(name);
        if (problem is not null)
        {
            Report(args[0], ScribanDiagnostics.SyntaxId, problem);
        }
    }

    private IEnumerable<string> VisibleNames()
    {
        foreach (var frame in _frames)
        {
            foreach (var name in frame.Variables.Keys)
            {
                yield return name;
            }

            if (frame.WithObject is { Kind: ShapeKind.Object } with)
            {
                foreach (var name in with.Members.Keys)
                {
                    yield return name;
                }
            }
        }

        foreach (var name in _globals.Keys)
        {
            yield return name;
        }
    }

    /// <summary>
    /// The nearest name by spelling (as the case loader suggests), else the one an abbreviation starts
    /// like (<c>serialNo</c> → <c>serialNumber</c>): a shared beginning of at least four letters that is
    /// most of what was written.
    /// </summary>
    private static string? Suggest(string name, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        if (CaseModelMembers.Nearest(name, list) is { } nearest)
        {
            return nearest;
        }

        var best = (Name: (string?)null, Length: 0);
        foreach (var candidate in list)
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

    private static bool IsCallee(ScriptVariable variable) =>
        variable.Parent is ScriptFunctionCall call && ReferenceEquals(call.Target, variable)
        || variable.Parent is ScriptPipeCall pipe && (ReferenceEquals(pipe.To, variable)
            || ReferenceEquals(pipe.From, variable) && pipe.Parent is ScriptPipeCall outer && ReferenceEquals(outer.To, pipe));

    private static ScribanShape ResultOf(string function) => function switch
    {
        "date" or "dateTime" or "checked" or "yesNo" => ScribanShape.Text,
        "addDays" or "addWorkingDays" => ScribanShape.Date,
        "workingDaysBetween" => ScribanShape.Number,
        _ => ScribanShape.Any,
    };

    private void NotAllowed(ScriptNode node, string statement) =>
        Report(node, ScribanDiagnostics.NotAllowedId, ScribanCheckMessages.NotAllowed(statement));

    private ScribanShape Report(ScriptNode node, string id, string message)
    {
        var error = new TemplateLoadError(_file, node.Span.Start.Line + 1, node.Span.Start.Column + 1, id, message);
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }

        return ScribanShape.Any;
    }

    private static string Text(ScriptNode? node) => node?.ToString()?.Trim() ?? string.Empty;
}
