using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Templating.Handlebars.Checking;

internal enum ShapeKind
{
    /// <summary>Anything: not checked (an object walked by <c>#each</c>, the result of a helper).</summary>
    Any,

    /// <summary>A record with named members.</summary>
    Object,

    /// <summary>A list; <see cref="ModelShape.Item"/> is each item.</summary>
    List,

    /// <summary>A dictionary with text keys; any key is allowed and <see cref="ModelShape.Item"/> is each value.</summary>
    Map,

    /// <summary>Text, a number, a date, true or false: no members.</summary>
    Scalar,
}

/// <summary>
/// What a template sees at a point in the case: the shape of a case-model type as the case file
/// (and so Handlebars) has it. Members are the JSON property names, from <see cref="CaseModelMembers"/>.
/// </summary>
internal sealed class ModelShape
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Cache = new();

    private readonly Type? _type;
    private readonly Lazy<IReadOnlyDictionary<string, PropertyInfo>> _members;

    private ModelShape(ShapeKind kind, Type? type, Type? itemType)
    {
        Kind = kind;
        _type = type;
        _members = new(() => kind == ShapeKind.Object && type is not null ? CaseModelMembers.Of(type) : new Dictionary<string, PropertyInfo>());
        ItemType = itemType;
    }

    public static ModelShape Any { get; } = new(ShapeKind.Any, null, null);

    public ShapeKind Kind { get; }

    private Type? ItemType { get; }

    public ModelShape Item => ItemType is null ? Any : Of(ItemType);

    public IReadOnlyDictionary<string, PropertyInfo> Members => _members.Value;

    /// <summary>How a scalar reads in a message: "text", "a date", "a number", "true or false".</summary>
    public string Description => _type switch
    {
        _ when Kind == ShapeKind.List => "a list",
        _ when Kind == ShapeKind.Map || Kind == ShapeKind.Object => "an object",
        { } t when t == typeof(string) || t == typeof(char) || t == typeof(Guid) => "text",
        { } t when t == typeof(bool) => "true or false",
        { } t when t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) => "a date",
        { } t when t == typeof(TimeOnly) || t == typeof(TimeSpan) => "a time",
        _ => "a number",
    };

    public static ModelShape Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Cache.GetOrAdd(Nullable.GetUnderlyingType(type) ?? type, Classify);
    }

    private static ModelShape Classify(Type type)
    {
        if (type == typeof(object) || type == typeof(JsonElement) || type == typeof(JsonDocument) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return Any;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan))
        {
            return new ModelShape(ShapeKind.Scalar, type, null);
        }

        if (DictionaryValueType(type) is { } value)
        {
            return new ModelShape(ShapeKind.Map, type, value);
        }

        return CaseModelMembers.ItemType(type) is { } item
            ? new ModelShape(ShapeKind.List, type, item)
            : new ModelShape(ShapeKind.Object, type, null);
    }

    private static Type? DictionaryValueType(Type type)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        return candidates
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            .Select(i => i.GetGenericArguments())
            .FirstOrDefault(a => a[0] == typeof(string))?[1];
    }
}
