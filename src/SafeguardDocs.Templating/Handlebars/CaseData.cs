using System.Text.Json;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Templating.Handlebars;

/// <summary>
/// The case as Handlebars sees it: the same names and shapes as the case file (camelCase), dates as
/// ISO text for the <c>date</c> helper to write out. Built from the typed record, so a template sees
/// only what the model holds.
/// </summary>
internal static class CaseData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static object? From(CaseFile caseFile) =>
        Convert(JsonSerializer.SerializeToElement(caseFile, caseFile.GetType(), Options));

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
