using System.Globalization;
using System.Text.RegularExpressions;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Html;

/// <summary>
/// A finding in the form's words, for the pages: the library's messages speak to whoever edits the case
/// file ("set \"hardwareWiped\" to true"), the form's users see questions and answers ("set \"Hardware
/// wiped\" to Yes"). Made from the form's own metadata, so it holds for every rule and every kind; the
/// CLI and the JSON API keep the library's wording. Only the message's own words are changed: a case
/// value is never put into it.
/// </summary>
public static partial class FormWords
{
    [GeneratedRegex("\"([^\"\\r\\n]{1,120})\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\[\d*\])?(\.[a-z][A-Za-z0-9]*(\[\d*\])?)*$")]
    private static partial Regex JsonName();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\b(true|false)\b")]
    private static partial Regex Literal();

    [GeneratedRegex(@",? as YYYY-MM-DD(Thh:mm:ss)?")]
    private static partial Regex AsFormat();

    /// <summary>The finding with its message (and what to do) in the form's words; its path, id and source unchanged.</summary>
    public static Finding Plain(CaseForm? form, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return form is null
            ? finding
            : finding with
            {
                Message = Message(form, finding.Path, finding.Message),
                WhatToDo = finding.WhatToDo is null ? null : Message(form, finding.Path, finding.WhatToDo),
            };
    }

    /// <summary>
    /// The message in the form's words: a quoted JSON name becomes the question's label, looked up from
    /// the finding's place outwards (<c>"serialNumber"</c> beside an item of equipment is that item's
    /// "Serial number"); a quoted value becomes the answer the form offers for it; <c>true</c> and
    /// <c>false</c> become Yes and No; a date format becomes the form's date. A message that quotes no
    /// JSON name is returned as it is.
    /// </summary>
    public static string Message(CaseForm form, string jsonPath, string message)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(jsonPath);
        ArgumentNullException.ThrowIfNull(message);
        var at = Relative(jsonPath);
        var named = new List<FormField>();
        var changed = false;
        // After "set \"format\" to" come values, not questions: "meeting" there is an answer, even if a question has that name.
        var end = 0;
        var values = false;
        var text = Quoted().Replace(message, match =>
        {
            var token = match.Groups[1].Value;
            var gap = message[end..match.Index];
            end = match.Index + match.Length;
            values = gap is " to " or " as " || (values && gap is " or " or ", ");
            if (!values && JsonName().IsMatch(token) && Resolve(form, at, token) is { } found)
            {
                named.Add(found.Field);
                changed = true;
                return $"\"{(token.Contains('.', StringComparison.Ordinal) || token.Contains('[', StringComparison.Ordinal) ? found.Label : found.Field.Label)}\"";
            }

            return match.Value;
        });

        // Quoted values next: the answer's words from the questions the message names, else from the question it is beside, else any.
        var beside = Field(form, at);
        text = Quoted().Replace(text, match =>
        {
            var token = match.Groups[1].Value;
            var choice = named.Concat(beside is null ? [] : [beside]).Concat(form.AllFields())
                .SelectMany(f => f.Choices).FirstOrDefault(c => c.Value == token);
            if (choice is null || choice.Label == token)
            {
                return match.Value;
            }

            changed = true;
            return $"\"{choice.Label}\"";
        });

        if (!changed)
        {
            return message;
        }

        text = Literal().Replace(text, m => m.Value == "true" ? "Yes" : "No");
        text = AsFormat().Replace(text, string.Empty)
            .Replace("YYYY-MM-DDThh:mm:ss", "a date and time", StringComparison.Ordinal)
            .Replace("YYYY-MM-DD", "a date", StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// A JSON path as the form's question: <c>$.equipment[1].serialNumber</c> → "Equipment item 2: Serial
    /// number"; <c>$</c> → "The whole case". A locator that is not a path into the form is returned as it is.
    /// </summary>
    public static string Path(CaseForm? form, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        if (jsonPath == "$")
        {
            return "The whole case";
        }

        if (form is null || !jsonPath.StartsWith('$'))
        {
            return jsonPath;
        }

        return Label(form.Fields, Relative(jsonPath)) ?? jsonPath;
    }

    private static string Relative(string jsonPath) =>
        jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    /// <summary>The question a quoted name means: tried from the finding's place outwards to the case's top level, then anywhere on the form.</summary>
    private static (FormField Field, string Label)? Resolve(CaseForm form, string at, string token)
    {
        var context = at;
        while (true)
        {
            var full = context.Length == 0 ? token : $"{context}.{token}";
            if (Label(form.Fields, full) is { } label && Field(form, full) is { } field)
            {
                return (field, label);
            }

            if (context.Length == 0)
            {
                break;
            }

            var cut = Math.Max(context.LastIndexOf('.'), context.LastIndexOf('['));
            context = cut < 0 ? string.Empty : context[..cut];
        }

        var leaf = token.Contains('.', StringComparison.Ordinal) ? null : form.AllFields().FirstOrDefault(f => f.Name == token);
        return leaf is null ? null : (leaf, Label(form.Fields, leaf.Path) ?? leaf.Label);
    }

    /// <summary>The field at a concrete or template path (<c>equipment[1].serialNumber</c>, <c>equipment[].serialNumber</c>), or null.</summary>
    private static FormField? Field(CaseForm form, string path)
    {
        var template = Index().Replace(path, "[]");
        return form.AllFields().FirstOrDefault(f => f.Path == template);
    }

    /// <summary>The labels along a path, joined: "Viewing: Viewed by: Name", "Equipment item 2: Serial number".</summary>
    private static string? Label(IReadOnlyList<FormField> fields, string path)
    {
        var parts = new List<string>();
        var level = fields;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var field = level.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                return null;
            }

            var label = field.Label;
            if (bracket >= 0 && int.TryParse(segment[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                label += " item " + (index + 1).ToString(CultureInfo.InvariantCulture);
            }

            parts.Add(label);
            level = field.Children;
        }

        return parts.Count == 0 ? null : string.Join(": ", parts);
    }
}
