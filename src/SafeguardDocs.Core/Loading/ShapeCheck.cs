using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using SafeguardDocs.Core.Calendar;
using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Core.Loading;

/// <summary>
/// Walks a parsed case file beside its record type and reports, all at once, every property the
/// type does not have and every value of the wrong type, each with its JSON path. Doing this before
/// deserializing means a user sees every load problem in one run, not one per attempt.
/// </summary>
internal static class ShapeCheck
{
    public static void Check(JsonElement element, Type type, string path, string file, IReadOnlyDictionary<string, string> refused, List<Finding> errors)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return; // Requiredness is a validation rule, not a load failure.
        }

        if (target == typeof(string))
        {
            if (Expect(element.ValueKind == JsonValueKind.String))
            {
                CheckText(element, path, file, errors);
            }

            return;
        }

        if (target == typeof(bool))
        {
            Expect(element.ValueKind is JsonValueKind.True or JsonValueKind.False);
            return;
        }

        if (target == typeof(int))
        {
            Expect(element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _));
            return;
        }

        if (target == typeof(decimal) || target == typeof(double))
        {
            Expect(element.ValueKind == JsonValueKind.Number);
            return;
        }

        if (target == typeof(DateOnly))
        {
            var date = default(DateOnly);
            if (Expect(element.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)))
            {
                CheckRange(date);
            }

            return;
        }

        if (target == typeof(DateTime))
        {
            var dateTime = default(DateTime);
            if (Expect(element.ValueKind == JsonValueKind.String && element.TryGetDateTime(out dateTime)))
            {
                CheckRange(DateOnly.FromDateTime(dateTime));
            }

            return;
        }

        if (ListElementType(target) is { } itemType)
        {
            if (!Expect(element.ValueKind == JsonValueKind.Array))
            {
                return;
            }

            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Check(item, itemType, $"{path}[{index}]", file, refused, errors);
                index++;
            }

            return;
        }

        if (!Expect(element.ValueKind == JsonValueKind.Object))
        {
            return;
        }

        var properties = JsonProperties(target);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                errors.Add(LoadErrors.DuplicateProperty(file, propertyPath));
                continue;
            }

            if (refused.TryGetValue(property.Name, out var reason))
            {
                errors.Add(LoadErrors.RefusedProperty(file, propertyPath, reason));
                continue;
            }

            if (!properties.TryGetValue(property.Name, out var member))
            {
                errors.Add(LoadErrors.UnknownProperty(file, propertyPath, Nearest(property.Name, properties.Keys)));
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.String
                && member.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(Cases.OneOrManyConverter))
            {
                continue; // One value where the form allows several (see OneOrManyConverter).
            }

            Check(property.Value, member.PropertyType, propertyPath, file, refused, errors);
        }

        void CheckRange(DateOnly date)
        {
            if (!PlausibleDates.Contains(date))
            {
                errors.Add(LoadErrors.DateOutOfRange(file, path, PlausibleDates.EarliestText, PlausibleDates.LatestText));
            }
        }

        bool Expect(bool ok)
        {
            if (!ok)
            {
                errors.Add(LoadErrors.WrongType(file, path, Describe(target)));
            }

            return ok;
        }
    }

    /// <summary>
    /// Text must be whole characters (no half of a surrogate pair, which JSON can escape) and free of
    /// control characters other than tab and new line, which no document can hold.
    /// </summary>
    private static void CheckText(JsonElement element, string path, string file, List<Finding> errors)
    {
        string text;
        try
        {
            text = element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            errors.Add(LoadErrors.InvalidText(file, path));
            return;
        }

        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                continue;
            }

            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\u007F' or '\uFFFE' or '\uFFFF' || (c >= '\u0080' && c <= '\u009F'))
            {
                errors.Add(LoadErrors.ControlCharacter(file, path));
                return;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                errors.Add(LoadErrors.InvalidText(file, path));
                return;
            }
        }
    }

    /// <summary>The JSON names of a record's properties (camelCase unless renamed).</summary>
    public static Dictionary<string, PropertyInfo> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.GetIndexParameters().Length == 0)
            .ToDictionary(
                p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                StringComparer.Ordinal);

    public static string Describe(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return "text in double quotes";
        }

        if (target == typeof(bool))
        {
            return "true or false (without quotes)";
        }

        if (target == typeof(int))
        {
            return "a whole number (without quotes)";
        }

        if (target == typeof(decimal) || target == typeof(double))
        {
            return "a number (without quotes)";
        }

        if (target == typeof(DateOnly))
        {
            return "a date written YYYY-MM-DD in quotes, such as \"2026-11-20\"";
        }

        if (target == typeof(DateTime))
        {
            return "a date and time written YYYY-MM-DDThh:mm:ss in quotes, such as \"2026-11-18T10:40:00\"";
        }

        if (ListElementType(target) is { } item)
        {
            return $"a list in square brackets, each item {Describe(item)}";
        }

        return "an object in curly braces { }";
    }

    internal static Type? ListElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    /// <summary>The closest real member name, for "did you mean…?". Null when nothing is close.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : Levenshtein(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
