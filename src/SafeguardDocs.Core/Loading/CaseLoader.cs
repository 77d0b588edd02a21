using System.Text.Json;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Io;

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

    /// <summary>The deepest nesting of objects and lists a case file may have (the JSON reader's default).</summary>
    public const int MaxDepth = 64;

    public static CaseLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = SafeFile.ReadAllBytes(path, MaxBytes, "The case file");
        }
        catch (FileNotFoundException)
        {
            return Failed(path, LoadErrors.FileNotFound(path));
        }
        catch (InputFileException e) when (e.TooLarge)
        {
            return Failed(path, LoadErrors.TooLarge(path, SafeFile.Describe(MaxBytes)));
        }
        catch (InputFileException e)
        {
            return Failed(path, LoadErrors.NotAFile(path, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, LoadErrors.Unreadable(path));
        }

        return Load(bytes, path);
    }

    /// <summary>Reads a case from UTF-8 JSON (or UTF-16 with a byte order mark). <paramref name="file"/> names it in findings.</summary>
    public static CaseLoadResult Load(ReadOnlySpan<byte> utf8, string file)
    {
        if (utf8.Length > MaxBytes)
        {
            return Failed(file, LoadErrors.TooLarge(file, SafeFile.Describe(MaxBytes)));
        }

        byte[]? transcoded = null;
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || utf8.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Failed(file, LoadErrors.UnsupportedEncoding(file, "UTF-32"));
        }

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // UTF-16 with a byte order mark (Notepad's "Unicode"): read it as the text it is.
            var encoding = utf8[0] == 0xFF
                ? new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)
                : new System.Text.UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            try
            {
                transcoded = System.Text.Encoding.UTF8.GetBytes(encoding.GetString(utf8[2..]));
            }
            catch (System.Text.DecoderFallbackException)
            {
                return Failed(file, LoadErrors.NotUtf8(file));
            }

            utf8 = transcoded;
        }

        // A UTF-8 byte order mark is allowed (editors on Windows add one).
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return Failed(file, LoadErrors.NotUtf8(file));
        }

        if (utf8.Length >= 2 && (utf8[0] == 0 || utf8[1] == 0))
        {
            // UTF-16 without a byte order mark: every other byte is zero.
            return Failed(file, LoadErrors.UnsupportedEncoding(file, "UTF-16 without a byte order mark"));
        }

        if (DepthExceeded(utf8) is { } deepAt)
        {
            return Failed(file, LoadErrors.TooDeep(file, deepAt.Line, ColumnOf(utf8, deepAt.Line, deepAt.BytePositionInLine), MaxDepth));
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

    /// <summary>Where the JSON first nests deeper than <see cref="MaxDepth"/>, or null when it never does (or is malformed first).</summary>
    private static (int Line, long BytePositionInLine)? DepthExceeded(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return ((int)LineOf(utf8, reader.TokenStartIndex), BytePositionInLineOf(utf8, reader.TokenStartIndex));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before it got too deep: the parser reports where.
        }

        return null;
    }

    private static long LineOf(ReadOnlySpan<byte> utf8, long index) => utf8[..(int)index].Count((byte)'\n') + 1;

    private static long BytePositionInLineOf(ReadOnlySpan<byte> utf8, long index) => index - (utf8[..(int)index].LastIndexOf((byte)'\n') + 1);

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
