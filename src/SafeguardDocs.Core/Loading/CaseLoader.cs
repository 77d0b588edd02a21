using System.Text.Json;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Core.Loading;

/// <summary>
/// Reads a case file into the typed record for its <c>kind</c>. Strict: malformed JSON (with line and
/// column), an unknown kind, unknown properties and wrong types are all reported, with JSON paths,
/// before anything else happens. Missing required fields are left to validation.
/// </summary>
public static class CaseLoader
{
    /// <summary>Case files are small; anything larger than this is not a case file.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    internal static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string KnownKinds => string.Join(", ", CaseKinds.All.Select(k => k.Name));

    public static CaseLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                return Failed(path, LoadErrors.FileNotFound(path));
            }

            if (new FileInfo(path).Length > MaxBytes)
            {
                return Failed(path, LoadErrors.NotAnObject(path));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, LoadErrors.Unreadable(path));
        }

        return Load(bytes, path);
    }

    /// <summary>Reads a case from UTF-8 JSON. <paramref name="file"/> names it in findings.</summary>
    public static CaseLoadResult Load(ReadOnlySpan<byte> utf8, string file)
    {
        // A UTF-8 byte order mark is allowed (editors on Windows add one).
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = ColumnOf(utf8, line, e.BytePositionInLine ?? 0);
            return Failed(file, LoadErrors.MalformedJson(file, line, column));
        }

        using (document)
        {
            var positions = JsonPositions.Read(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(file, LoadErrors.NotAnObject(file), positions);
            }

            if (!root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
            {
                return Failed(file, LoadErrors.NoKind(file, KnownKinds), positions);
            }

            var kind = CaseKinds.Find(kindElement.GetString());
            if (kind is null)
            {
                return Failed(file, LoadErrors.UnknownKind(file, KnownKinds), positions);
            }

            var errors = new List<Finding>();
            ShapeCheck.Check(root, kind.ModelType, "$", file, kind.RefusedProperties, errors);
            if (errors.Count > 0)
            {
                return new CaseLoadResult(file, null, kind, Locate(errors, positions), positions);
            }

            try
            {
                var model = (CaseFile?)root.Deserialize(kind.ModelType, SerializerOptions);
                return model is null
                    ? Failed(file, LoadErrors.NotAnObject(file), positions)
                    : new CaseLoadResult(file, model, kind, [], positions);
            }
            catch (JsonException e)
            {
                // The shape check should have caught this; report what the serializer saw, without its value.
                var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
                return new CaseLoadResult(file, null, kind, Locate([LoadErrors.WrongType(file, path, "a value of the type this kind expects")], positions), positions);
            }
        }
    }

    private static List<Finding> Locate(List<Finding> errors, JsonPositions positions) =>
        [.. errors.Select(f => positions.Find(f.Path) is { } p ? f with { Line = p.Line, Column = p.Column } : f)];

    private static CaseLoadResult Failed(string file, Finding error, JsonPositions? positions = null)
    {
        var located = positions?.Find(error.Path) is { } p && error.Line is null ? error with { Line = p.Line, Column = p.Column } : error;
        return new CaseLoadResult(file, null, null, [located], positions);
    }

    /// <summary>Turns the serializer's byte position on a line into a 1-based character column.</summary>
    private static int ColumnOf(ReadOnlySpan<byte> utf8, int line, long bytePositionInLine)
    {
        var start = 0;
        for (var current = 1; current < line && start < utf8.Length; start++)
        {
            if (utf8[start] == (byte)'\n')
            {
                current++;
            }
        }

        var end = (int)Math.Min(utf8.Length, start + bytePositionInLine);
        return System.Text.Encoding.UTF8.GetCharCount(utf8[start..end]) + 1;
    }
}
