using System.Text;
using System.Text.Json;

namespace SafeguardDocs.Core.Loading;

/// <summary>
/// Where each value of a JSON document starts (1-based line and column), keyed by JSON path
/// (<c>$.equipment[0].serialNumber</c>). Built once per file so that every finding can point at
/// its place the way a compiler does.
/// </summary>
public sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonPositions()
    {
    }

    /// <summary>The position of the value at <paramref name="path"/>, or of its nearest parent that exists.</summary>
    public (int Line, int Column)? Find(string path)
    {
        var current = path;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return _positions.TryGetValue("$", out var root) ? root : null;
            }

            current = current[..cut];
        }
    }

    /// <summary>Reads positions from a document already known to be well-formed JSON.</summary>
    public static JsonPositions Read(ReadOnlySpan<byte> utf8)
    {
        var result = new JsonPositions();
        var lines = new LineMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new Stack<Frame>();
        string? pendingProperty = null;
        var pendingPropertyStart = 0L;

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    pendingPropertyStart = reader.TokenStartIndex;
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    continue;
            }

            string path;
            long start;
            if (stack.Count == 0)
            {
                path = "$";
                start = reader.TokenStartIndex;
            }
            else
            {
                var parent = stack.Peek();
                if (parent.IsArray)
                {
                    path = $"{parent.Path}[{parent.NextIndex}]";
                    parent.NextIndex++;
                    start = reader.TokenStartIndex;
                }
                else
                {
                    path = $"{parent.Path}.{pendingProperty}";
                    start = pendingPropertyStart;
                }
            }

            result._positions.TryAdd(path, lines.Position(utf8, start));
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return result;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }

    /// <summary>Byte offsets of line starts, to turn a byte offset into a 1-based line and character column.</summary>
    internal sealed class LineMap
    {
        private readonly List<int> _starts = [0];

        public LineMap(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(ReadOnlySpan<byte> utf8, long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var lineStart = _starts[line];
            var column = Encoding.UTF8.GetCharCount(utf8[lineStart..(int)offset]) + 1;
            return (line + 1, column);
        }
    }
}
