using System.Globalization;
using Scriban.Functions;
using Scriban.Runtime;
using SafeguardDocs.Core.Calendar;
using SafeguardDocs.Core.Text;

namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// Everything a Scriban document template can call besides the model: a few functions a school needs
/// (dates in words, working days, checklist ticks) and Scriban's own <c>string</c>, <c>array</c> and
/// <c>math</c> functions. Nothing here reads files, the clock or .NET types: today's date and the
/// organisation's settings are handed in for each render as <c>today</c> and <c>settings</c>.
/// Built once and read-only, so renders on many threads share it.
/// </summary>
public static class ScribanFunctions
{
    /// <summary>The value every template has for today's date (from the injected clock).</summary>
    public const string Today = "today";

    /// <summary>The value every template has for the organisation's settings.</summary>
    public const string Settings = "settings";

    /// <summary>The functions written for SafeguardDocs, with what each does (for docs and messages).</summary>
    public static IReadOnlyDictionary<string, string> Described { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "date X: a date in words, \"18 November 2026\" (nothing when there is no date)",
        ["dateTime"] = "dateTime X: a date and time, \"18 November 2026 at 10:40\"",
        ["addDays"] = "addDays X N: the date N days after X",
        ["addWorkingDays"] = "addWorkingDays X N: the date N working days after X (England and Wales bank holidays left out)",
        ["workingDaysBetween"] = "workingDaysBetween X Y: how many working days after X up to and including Y",
        ["checked"] = "checked X: \"checked\" when X is true, else \"unchecked\" (for a checklist item's class)",
        ["yesNo"] = "yesNo X: \"Yes\", \"No\" or \"Not recorded\"",
        ["include"] = "include \"NAME.sbn\": the text of another template in the templates folder",
    };

    /// <summary>Scriban's own groups of functions that templates may use (for example <c>array.size</c>).</summary>
    public static IReadOnlyList<string> Modules { get; } = ["string", "array", "math"];

    /// <summary>The shared, read-only object of functions every render starts from.</summary>
    public static ScriptObject Builtins { get; } = CreateBuiltins();

    /// <summary>Every name a template has before its model: functions, modules, <c>today</c> and <c>settings</c>.</summary>
    public static IReadOnlyList<string> GlobalNames { get; } = [.. Described.Keys, .. Modules, Today, Settings];

    /// <summary>
    /// The functions and modules: names a model's property must not take. A model may have <c>today</c> and
    /// <c>settings</c> of its own (a kind's view model does: the same values), which then stand for them.
    /// </summary>
    public static IReadOnlyList<string> FunctionNames { get; } = [.. Described.Keys, .. Modules];

    private static ScriptObject CreateBuiltins()
    {
        var builtins = new ScriptObject();
        builtins.Import("date", new Func<object?, string>(Date));
        builtins.Import("dateTime", new Func<object?, string>(DateTimeText));
        builtins.Import("addDays", new Func<object?, int, DateOnly?>((value, days) => ToDate(value, "addDays")?.AddDays(days)));
        builtins.Import("addWorkingDays", new Func<object?, int, DateOnly?>(AddWorkingDays));
        builtins.Import("workingDaysBetween", new Func<object?, object?, int?>((from, to) =>
            ToDate(from, "workingDaysBetween") is { } a && ToDate(to, "workingDaysBetween") is { } b ? WorkingDays.Between(a, b) : null));
        builtins.Import("checked", new Func<object?, string>(value => value is true ? "checked" : "unchecked"));
        builtins.Import("yesNo", new Func<object?, string>(value => value switch { true => "Yes", false => "No", _ => "Not recorded" }));
        builtins["include"] = new IncludeMarkupFunction();
        AddModule(builtins, "string", new StringFunctions());
        AddModule(builtins, "array", new ArrayFunctions());
        AddModule(builtins, "math", new MathFunctions());
        foreach (var name in builtins.Keys.ToList())
        {
            builtins.SetReadOnly(name, true);
        }

        return builtins;
    }

    private static void AddModule(ScriptObject builtins, string name, ScriptObject module)
    {
        foreach (var member in module.Keys.ToList())
        {
            module.SetReadOnly(member, true);
        }

        builtins[name] = module;
    }

    private static string Date(object? value) => value switch
    {
        null => string.Empty,
        DateTime dt => EnglishDates.Written(dt),
        DateTimeOffset dto => EnglishDates.Written(dto.DateTime),
        _ => EnglishDates.Written(ToDate(value, "date")),
    };

    private static string DateTimeText(object? value) => value switch
    {
        null => string.Empty,
        DateTime dt => EnglishDates.WrittenWithTime(dt),
        DateTimeOffset dto => EnglishDates.WrittenWithTime(dto.DateTime),
        string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt) => EnglishDates.WrittenWithTime(dt),
        _ => EnglishDates.Written(ToDate(value, "dateTime")),
    };

    private static DateOnly? AddWorkingDays(object? value, int days)
    {
        if (ToDate(value, "addWorkingDays") is not { } date)
        {
            return null;
        }

        if (days < 0)
        {
            throw new TemplateFunctionException("addWorkingDays counts forward only: give it a number of days of 0 or more.");
        }

        return BankHolidays.Covers(date.Year)
            ? WorkingDays.Add(date, days)
            : throw new TemplateFunctionException("addWorkingDays was given a date in a year whose bank holidays are not known.");
    }

    /// <summary>A date from a date, a date and time, or ISO text; null for nothing.</summary>
    internal static DateOnly? ToDate(object? value, string function) => value switch
    {
        null => null,
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime),
        string { Length: 0 } => null,
        string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt) => DateOnly.FromDateTime(dt),
        _ => throw new TemplateFunctionException($"{function} was given something that is not a date. Give it a date from the case, such as letterDate."),
    };
}
