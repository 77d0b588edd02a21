using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// The markup an included template produced. Its values were escaped as it rendered, so it is written
/// as it is, not escaped a second time.
/// </summary>
internal sealed record IncludedMarkup(string Markup)
{
    public override string ToString() => Markup;
}

/// <summary>Scriban's <c>include</c>, with its result marked as markup already escaped (<see cref="IncludedMarkup"/>).</summary>
internal sealed class IncludeMarkupFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _include = new();

    public int RequiredParameterCount => _include.RequiredParameterCount;

    public int ParameterCount => _include.ParameterCount;

    public ScriptVarParamKind VarParamKind => _include.VarParamKind;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

    public int GetParameterIndexByName(string name) => _include.GetParameterIndexByName(name);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        _include.Invoke(context, callerContext, arguments, blockStatement) is string markup ? new IncludedMarkup(markup) : null;

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
