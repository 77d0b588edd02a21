using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeguardDocs.Core.Cases;

/// <summary>
/// Reads a list of text that a case file may also give as one value: <c>"child-on-child"</c> and
/// <c>["child-on-child", "adult-on-child"]</c> both load. For a question where the paper form lets more
/// than one box be ticked but case files written earlier give a single answer. Written back as a list.
/// </summary>
public sealed class OneOrManyConverter : JsonConverter<IReadOnlyList<string?>>
{
    public override IReadOnlyList<string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected text or a list of text.");
        }

        var values = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => throw new JsonException("Expected text in the list."),
            });
        }

        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string?> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
