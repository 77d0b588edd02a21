using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Scriban.Runtime;

namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// How a .NET model looks to a Scriban template: only public instance properties (no fields, no
/// methods, no indexers), each named camelCase as the case file names things (<c>DateOfBirth</c> →
/// <c>dateOfBirth</c>). The renderer and the checker both use these rules, so what the checker accepts
/// is exactly what the renderer finds.
/// </summary>
public static class ScribanNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> MembersCache = new();

    /// <summary>
    /// Words Scriban keeps for itself: a model member with one of these names could not be written in a
    /// template (<c>{{ end }}</c> ends a block; <c>{{ x.this }}</c> does not parse).
    /// </summary>
    public static IReadOnlySet<string> ReservedWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "else", "end", "for", "case", "when", "while", "break", "continue", "func", "import", "readonly",
        "with", "capture", "ret", "wrap", "do", "tablerow", "true", "false", "null", "this",
    };

    /// <summary>The Scriban member renamer: camelCase, the same as the case file's JSON names.</summary>
    public static MemberRenamerDelegate Renamer { get; } = member => CamelCase(member.Name);

    /// <summary>The Scriban member filter: public instance properties only, and no indexers.</summary>
    public static MemberFilterDelegate Filter { get; } = member => IsVisible(member);

    public static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The members a template sees on an object of <paramref name="type"/>, by template name.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Members(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return MembersCache.GetOrAdd(Nullable.GetUnderlyingType(type) ?? type, static t =>
        {
            var members = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsVisible).OrderBy(p => p.MetadataToken))
            {
                members.TryAdd(CamelCase(property.Name), property);
            }

            return members;
        });
    }

    /// <summary>The item type when <paramref name="type"/> is a list (not text, not a dictionary); otherwise null.</summary>
    public static Type? ItemType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == typeof(string) || DictionaryValueType(type) is not null)
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = (type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The value type when <paramref name="type"/> is a dictionary with text keys; otherwise null.</summary>
    public static Type? DictionaryValueType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        return candidates
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            .Select(i => i.GetGenericArguments())
            .FirstOrDefault(a => a[0] == typeof(string))?[1];
    }

    /// <summary>True for text, numbers, dates, true/false and enums: values with no members a template can use.</summary>
    public static bool IsScalar(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(TimeSpan);
    }

    /// <summary>
    /// Every member of <paramref name="modelType"/>, and of the objects and lists it holds, whose template
    /// name is a Scriban word (<see cref="ReservedWords"/>), and every top-level member whose name would
    /// hide one of <paramref name="globalNames"/> (the functions and values every template has). Each is
    /// described as <c>Type.Property</c> with the name templates would have to use.
    /// </summary>
    public static IReadOnlyList<string> Collisions(Type modelType, IEnumerable<string> globalNames)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        ArgumentNullException.ThrowIfNull(globalNames);
        var globals = globalNames.ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        var seen = new HashSet<Type>();
        var pending = new Queue<(Type Type, bool Root)>([(modelType, true)]);
        while (pending.Count > 0)
        {
            var (type, root) = pending.Dequeue();
            if (!seen.Add(type) || IsScalar(type))
            {
                continue;
            }

            if (ItemType(type) is { } item)
            {
                pending.Enqueue((item, false));
                continue;
            }

            if (DictionaryValueType(type) is { } value)
            {
                pending.Enqueue((value, false));
                continue;
            }

            foreach (var (name, property) in Members(type))
            {
                if (ReservedWords.Contains(name))
                {
                    found.Add($"`{type.Name}.{property.Name}` would be `{name}` in a template, a word Scriban keeps for itself");
                }
                else if (root && globals.Contains(name))
                {
                    found.Add($"`{type.Name}.{property.Name}` would be `{name}` in a template, which would hide the template function or value `{name}`");
                }

                pending.Enqueue((property.PropertyType, false));
            }
        }

        return found;
    }

    private static bool IsVisible(MemberInfo member) =>
        member is PropertyInfo { CanRead: true } property
        && property.GetIndexParameters().Length == 0
        && property.GetMethod is { IsPublic: true, IsStatic: false };
}
