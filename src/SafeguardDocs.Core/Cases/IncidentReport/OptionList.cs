namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>One choice on a form: the value written in the case file and the words printed on the form.</summary>
/// <param name="Value">The value in the case file, for example <c>child-on-child</c>.</param>
/// <param name="Label">The form's own words, for example <c>Child on Child</c>.</param>
public sealed record FormOption(string Value, string Label);

/// <summary>
/// The allowed values of one question on a form, in the form's order. Matching ignores case and treats a
/// typographic apostrophe (’) as a plain one, so text pasted from Word still matches.
/// </summary>
public sealed class OptionList
{
    public OptionList(params FormOption[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>Every option, in the order the form lists them.</summary>
    public IReadOnlyList<FormOption> Options { get; }

    /// <summary>The values, in the form's order.</summary>
    public IEnumerable<string> Values => Options.Select(o => o.Value);

    /// <summary>The allowed values quoted and joined, for messages: <c>"a", "b" or "c"</c>.</summary>
    public string Listed
    {
        get
        {
            var quoted = Options.Select(o => $"\"{o.Value}\"").ToList();
            return quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted.Take(quoted.Count - 1))} or {quoted[^1]}";
        }
    }

    /// <summary>The option a value stands for, or null when it is not one of them.</summary>
    public FormOption? Find(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var normalised = Normalise(value);
        return Options.FirstOrDefault(o => string.Equals(Normalise(o.Value), normalised, StringComparison.OrdinalIgnoreCase));
    }

    public bool Contains(string? value) => Find(value) is not null;

    /// <summary>The form's words for a value, or the value itself when it is not one of the options.</summary>
    public string LabelOf(string value) => Find(value)?.Label ?? value;

    /// <summary>True when the value is the given option (for example <c>other</c>), however it is written.</summary>
    public static bool IsSame(string? value, string option) =>
        value is not null && string.Equals(Normalise(value), Normalise(option), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string value) => value.Trim().Replace('\u2019', '\'').Replace('\u2018', '\'');
}
