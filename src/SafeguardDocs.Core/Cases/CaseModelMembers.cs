using System.Reflection;
using SafeguardDocs.Core.Loading;

namespace SafeguardDocs.Core.Cases;

/// <summary>
/// The members of a case model as a case file (and a Scriban template) names them: the JSON
/// property names, camelCase unless renamed. The same rules the strict loader uses, shared so that
/// anything checking names against a model agrees with the loader.
/// </summary>
public static class CaseModelMembers
{
    /// <summary>The JSON names of a model type's properties; <c>Nullable&lt;T&gt;</c> is unwrapped.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ShapeCheck.JsonProperties(Nullable.GetUnderlyingType(type) ?? type);
    }

    /// <summary>The item type when <paramref name="type"/> is a list (array or generic enumerable, not text); otherwise null.</summary>
    public static Type? ItemType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ShapeCheck.ListElementType(Nullable.GetUnderlyingType(type) ?? type);
    }

    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="name"/>, for "did you mean…?"; null when nothing is close.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates) => ShapeCheck.Nearest(name, candidates);
}
