using System.Collections.Concurrent;
using System.Reflection;
using Scriban.Runtime;

namespace SafeguardDocs.Templating.Scriban.Checking;

internal enum ShapeKind
{
    /// <summary>Anything: not checked further (the result of most functions, a dictionary's values).</summary>
    Any,

    /// <summary>An object with named members (<see cref="ScribanNames.Members"/>).</summary>
    Object,

    /// <summary>A list; <see cref="ScribanShape.Item"/> is each item.</summary>
    List,

    /// <summary>Text, a number, a date, true or false: no members.</summary>
    Scalar,

    /// <summary>A group of functions such as <c>string</c>.</summary>
    Module,

    /// <summary>A function.</summary>
    Function,
}

/// <summary>What a name stands for at a point in a template, as the checker sees it (from the model type, not a value).</summary>
internal sealed class ScribanShape
{
    private static readonly ConcurrentDictionary<Type, ScribanShape> Cache = new();

    private readonly Type? _itemType;

    private ScribanShape(ShapeKind kind, Type? type = null, Type? itemType = null, ScriptObject? module = null, ScribanShape? result = null)
    {
        Kind = kind;
        Type = type;
        _itemType = itemType;
        Module = module;
        Result = result;
    }

    public static ScribanShape Any { get; } = new(ShapeKind.Any);

    public static ScribanShape Text { get; } = new(ShapeKind.Scalar, typeof(string));

    public static ScribanShape Number { get; } = new(ShapeKind.Scalar, typeof(int));

    public static ScribanShape TrueOrFalse { get; } = new(ShapeKind.Scalar, typeof(bool));

    public static ScribanShape Date { get; } = new(ShapeKind.Scalar, typeof(DateOnly));

    public ShapeKind Kind { get; }

    public Type? Type { get; }

    public ScriptObject? Module { get; }

    /// <summary>For a function: what it gives back.</summary>
    public ScribanShape? Result { get; }

    public ScribanShape Item => _itemType is null ? Any : Of(_itemType);

    public IReadOnlyDictionary<string, PropertyInfo> Members =>
        Kind == ShapeKind.Object && Type is not null ? ScribanNames.Members(Type) : new Dictionary<string, PropertyInfo>();

    /// <summary>How it reads in a message: "text", "a number", "a list"…</summary>
    public string Description => Kind switch
    {
        ShapeKind.List => "a list",
        ShapeKind.Object => "an object",
        ShapeKind.Module => "a group of functions",
        ShapeKind.Function => "a function",
        ShapeKind.Any => "a value",
        _ => (Nullable.GetUnderlyingType(Type!) ?? Type) switch
        {
            { } t when t == typeof(string) || t == typeof(char) || t == typeof(Guid) || t.IsEnum => "text",
            { } t when t == typeof(bool) => "true or false",
            { } t when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => "a date",
            { } t when t == typeof(TimeOnly) || t == typeof(TimeSpan) => "a time",
            _ => "a number",
        },
    };

    public static ScribanShape ModuleOf(ScriptObject module) => new(ShapeKind.Module, module: module);

    public static ScribanShape FunctionReturning(ScribanShape result) => new(ShapeKind.Function, result: result);

    public static ScribanShape Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(Nullable.GetUnderlyingType(type) ?? type, static t =>
            t == typeof(object) ? Any
            : ScribanNames.IsScalar(t) ? new ScribanShape(ShapeKind.Scalar, t)
            : ScribanNames.DictionaryValueType(t) is not null ? Any
            : ScribanNames.ItemType(t) is { } item ? new ScribanShape(ShapeKind.List, t, item)
            : new ScribanShape(ShapeKind.Object, t));
    }
}
