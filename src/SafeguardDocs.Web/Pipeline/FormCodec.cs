using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>
/// What a form holds: each input's name and the text typed in it, exactly as typed (so a failed save
/// gives the page back as it was), and how many rows each repeating section has.
/// </summary>
public sealed class FormState
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows of each repeating section, by its concrete path (<c>equipment</c>, <c>viewing.presentInRoom</c>).</summary>
    public Dictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);

    public string Get(string name) => Values.TryGetValue(name, out var value) ? value : string.Empty;

    public int RowsOf(string listPath) => Rows.TryGetValue(listPath, out var n) ? n : 0;
}

/// <summary>A value typed in a form that cannot go into the case file as it is: where, and what to do.</summary>
public sealed record FormProblem(string Path, string Message);

/// <summary>
/// Turns a form into a case file and back. Input names are JSON paths inside the case
/// (<c>equipment[0].serialNumber</c>); dates are three inputs (<c>…-day</c>, <c>…-month</c>, <c>…-year</c>),
/// a date and time adds <c>…-time</c>. The case file written is the JSON the CLI reads.
/// </summary>
public static class FormCodec
{
    public const string RowsPrefix = "rows:";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads posted inputs (name → values) into a form state.</summary>
    public static FormState FromPost(IEnumerable<KeyValuePair<string, string[]>> posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var state = new FormState();
        foreach (var (name, values) in posted)
        {
            if (name.StartsWith(RowsPrefix, StringComparison.Ordinal))
            {
                if (int.TryParse(values.LastOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
                {
                    state.Rows[name[RowsPrefix.Length..]] = Math.Clamp(rows, 0, 200);
                }
            }
            else if (!name.StartsWith("__", StringComparison.Ordinal) && name != "action" && name != "template")
            {
                state.Values[name] = string.Join('\n', values.Where(v => v is not null));
            }
        }

        return state;
    }

    /// <summary>A new form: one empty row in each top-level repeating section, so the first item can be typed straight away.</summary>
    public static FormState Empty(CaseForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var state = new FormState();
        foreach (var field in form.Fields.Where(f => f.Kind == FieldKind.List))
        {
            state.Rows[field.Path] = 1;
        }

        return state;
    }

    /// <summary>The case file a form describes, and the values that could not go into it.</summary>
    public static (byte[] Json, IReadOnlyList<FormProblem> Problems) ToJson(CaseForm form, FormState state)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        var problems = new List<FormProblem>();
        var root = new JsonObject { ["kind"] = form.Kind.Name };
        foreach (var (name, node) in ObjectOf(form.Fields, string.Empty, state, problems))
        {
            root[name] = node;
        }

        return (Serialize(root), problems);
    }

    public static byte[] Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");
    }

    private static List<(string Name, JsonNode Node)> ObjectOf(IReadOnlyList<FormField> fields, string prefix, FormState state, List<FormProblem> problems)
    {
        var members = new List<(string, JsonNode)>();
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (ValueOf(field, path, state, problems) is { } node)
            {
                members.Add((field.Name, node));
            }
        }

        return members;
    }

    private static JsonNode? ValueOf(FormField field, string path, FormState state, List<FormProblem> problems)
    {
        var text = state.Get(path).Trim();
        switch (field.Kind)
        {
            case FieldKind.Group:
            {
                var members = ObjectOf(field.Children, path + ".", state, problems);
                if (members.Count == 0)
                {
                    return null;
                }

                var group = new JsonObject();
                foreach (var (name, node) in members)
                {
                    group[name] = node;
                }

                return group;
            }

            case FieldKind.List:
            {
                var array = new JsonArray();
                for (var i = 0; i < state.RowsOf(path); i++)
                {
                    // Every row is kept, even an empty one, so that a finding's index is the row's index on the form.
                    var members = ObjectOf(field.Children, $"{path}[{i}].", state, problems);
                    var row = new JsonObject();
                    foreach (var (name, node) in members)
                    {
                        row[name] = node;
                    }

                    array.Add(row);
                }

                return array.Count == 0 ? null : array;
            }

            case FieldKind.Lines or FieldKind.Choices:
            {
                var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                return lines.Count == 0 ? null : new JsonArray([.. lines.Select(l => (JsonNode)JsonValue.Create(l))]);
            }

            case FieldKind.WholeNumberLines:
            {
                var numbers = new JsonArray();
                foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    if (!int.TryParse(line, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    {
                        problems.Add(new FormProblem(path, $"{field.Label}: write each as a whole number on its own line, like 14."));
                        return null;
                    }

                    numbers.Add(n);
                }

                return numbers.Count == 0 ? null : numbers;
            }

            case FieldKind.YesNo:
                return text switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => null,
                };

            case FieldKind.WholeNumber:
                if (text.Length == 0)
                {
                    return null;
                }

                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    return JsonValue.Create(whole);
                }

                problems.Add(new FormProblem(path, $"{field.Label} must be a whole number, like 7. Use digits only."));
                return null;

            case FieldKind.Number:
                if (text.Length == 0)
                {
                    return null;
                }

                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                problems.Add(new FormProblem(path, $"{field.Label} must be a number, like 2.5."));
                return null;

            case FieldKind.Date:
                return DateOf(field, path, state, problems) is { } date ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;

            case FieldKind.DateTime:
            {
                var day = DateOf(field, path, state, problems);
                var time = state.Get(path + "-time").Trim();
                if (day is null)
                {
                    return null;
                }

                if (time.Length == 0)
                {
                    problems.Add(new FormProblem(path, $"{field.Label} needs a time as well as a date, like 14:30."));
                    return null;
                }

                if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                {
                    problems.Add(new FormProblem(path, $"{field.Label} needs a real time on the 24-hour clock, like 14:30."));
                    return null;
                }

                return JsonValue.Create(day.Value.ToDateTime(t).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            }

            default:
                return text.Length == 0 ? null : JsonValue.Create(state.Get(path).Trim());
        }
    }

    private static DateOnly? DateOf(FormField field, string path, FormState state, List<FormProblem> problems)
    {
        var day = state.Get(path + "-day").Trim();
        var month = state.Get(path + "-month").Trim();
        var year = state.Get(path + "-year").Trim();
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return null;
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && year.Length == 4 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        problems.Add(new FormProblem(path, $"{field.Label} must be a real date, with the day, month and year in numbers, like 20 11 2026."));
        return null;
    }

    /// <summary>The form state that shows a case file (for opening a saved record). Unknown members are left out; the loader reports them.</summary>
    public static FormState FromJson(CaseForm form, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(form);
        var state = new FormState();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return Empty(form);
        }

        if (root is JsonObject obj)
        {
            Fill(form.Fields, obj, string.Empty, state);
        }

        return state;
    }

    private static void Fill(IReadOnlyList<FormField> fields, JsonObject obj, string prefix, FormState state)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (!obj.TryGetPropertyValue(field.Name, out var node) || node is null)
            {
                if (field.Kind == FieldKind.List)
                {
                    state.Rows[path] = 0;
                }

                continue;
            }

            switch (field.Kind)
            {
                case FieldKind.Group when node is JsonObject group:
                    Fill(field.Children, group, path + ".", state);
                    break;
                case FieldKind.List when node is JsonArray rows:
                    state.Rows[path] = rows.Count;
                    for (var i = 0; i < rows.Count; i++)
                    {
                        if (rows[i] is JsonObject row)
                        {
                            Fill(field.Children, row, $"{path}[{i}].", state);
                        }
                    }

                    break;
                case FieldKind.Lines or FieldKind.Choices or FieldKind.WholeNumberLines when node is JsonArray lines:
                    state.Values[path] = string.Join('\n', lines.Select(l => l?.GetValueKind() == JsonValueKind.String ? l.GetValue<string>() : l?.ToJsonString() ?? string.Empty));
                    break;
                case FieldKind.Date or FieldKind.DateTime when node.GetValueKind() == JsonValueKind.String:
                    if (DateTime.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
                    {
                        state.Values[path + "-day"] = value.Day.ToString(CultureInfo.InvariantCulture);
                        state.Values[path + "-month"] = value.Month.ToString(CultureInfo.InvariantCulture);
                        state.Values[path + "-year"] = value.Year.ToString(CultureInfo.InvariantCulture);
                        if (field.Kind == FieldKind.DateTime)
                        {
                            state.Values[path + "-time"] = value.ToString("HH:mm", CultureInfo.InvariantCulture);
                        }
                    }

                    break;
                case FieldKind.YesNo when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    state.Values[path] = node.GetValue<bool>() ? "true" : "false";
                    break;
                default:
                    if (node is JsonValue)
                    {
                        state.Values[path] = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                    }

                    break;
            }
        }
    }

    /// <summary>Adds a row to a repeating section (action <c>add:PATH</c>) or removes one (<c>remove:PATH[i]</c>), moving later rows up.</summary>
    public static void Apply(CaseForm form, FormState state, string action)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        if (action.StartsWith("add:", StringComparison.Ordinal))
        {
            var list = action[4..];
            state.Rows[list] = Math.Min(state.RowsOf(list) + 1, 200);
            return;
        }

        if (!action.StartsWith("remove:", StringComparison.Ordinal) || !action.EndsWith(']'))
        {
            return;
        }

        var target = action[7..];
        var open = target.LastIndexOf('[');
        if (open < 0 || !int.TryParse(target[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return;
        }

        var listPath = target[..open];
        var count = state.RowsOf(listPath);
        if (index >= count)
        {
            return;
        }

        var moved = new Dictionary<string, string>(StringComparer.Ordinal);
        var movedRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in state.Values)
        {
            moved[Shift(name, listPath, index) ?? string.Empty] = value;
        }

        foreach (var (name, value) in state.Rows)
        {
            movedRows[Shift(name, listPath, index) ?? string.Empty] = value;
        }

        state.Values.Clear();
        foreach (var (name, value) in moved.Where(p => p.Key.Length > 0))
        {
            state.Values[name] = value;
        }

        state.Rows.Clear();
        foreach (var (name, value) in movedRows.Where(p => p.Key.Length > 0))
        {
            state.Rows[name] = value;
        }

        state.Rows[listPath] = count - 1;
    }

    /// <summary>The name after removing row <paramref name="removed"/> of <paramref name="listPath"/>: null for the removed row's inputs.</summary>
    private static string? Shift(string name, string listPath, int removed)
    {
        var start = listPath + "[";
        if (!name.StartsWith(start, StringComparison.Ordinal))
        {
            return name;
        }

        var close = name.IndexOf(']', start.Length);
        if (close < 0 || !int.TryParse(name[start.Length..close], NumberStyles.None, CultureInfo.InvariantCulture, out var row))
        {
            return name;
        }

        return row == removed ? null : row < removed ? name : $"{start}{(row - 1).ToString(CultureInfo.InvariantCulture)}{name[close..]}";
    }
}
