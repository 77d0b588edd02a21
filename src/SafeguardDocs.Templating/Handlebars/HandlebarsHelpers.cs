using System.Globalization;
using HandlebarsDotNet;
using SafeguardDocs.Core.Calendar;
using SafeguardDocs.Core.Naming;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Core.Text;

namespace SafeguardDocs.Templating.Handlebars;

/// <summary>
/// The only helpers a Handlebars template can call: formatting and simple logic, no I/O, no code.
/// Listed in <see cref="Names"/> so the template checker knows them.
/// </summary>
public static class HandlebarsHelpers
{
    private static readonly AsyncLocal<RenderContext?> Current = new();

    /// <summary>Every helper name, with what it does (for <c>docs/templates.md</c> and the checker).</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "date X: a date (or date and time) in words, \"20 November 2026\"",
        ["addDays"] = "addDays X N: the date N days after X",
        ["addWorkingDays"] = "addWorkingDays X N: the date N working days after X (England and Wales)",
        ["setting"] = "setting \"name\": a local setting such as deliveryChaseDays",
        ["today"] = "today: today's date from the injected clock",
        ["eq"] = "eq A B: true when A and B are the same",
        ["and"] = "and A B: both",
        ["or"] = "or A B: either",
        ["checked"] = "checked X: \"checked\" when X is true, else \"unchecked\" (for checklist items)",
        ["initials"] = "initials NAME: initials folded to A–Z",
        ["inc"] = "inc N: N + 1 (for numbering from @index)",
        ["join"] = "join LIST SEP: the items of a list joined by SEP",
        ["count"] = "count LIST: how many items",
        ["salutation"] = "salutation SALUTATION NAME: the words after \"Dear\": SALUTATION when given, else title and surname from NAME (\"Mr Okafor\")",
        ["letterDefault"] = "letterDefault \"name\": a device letter's default (safeSchoolsTeamPhone, safeSchoolsTeamEmail)",
    };

    internal static IDisposable Use(RenderContext context)
    {
        var previous = Current.Value;
        Current.Value = context;
        return new Restore(previous);
    }

    internal static void Register(IHandlebars hb)
    {
        hb.RegisterHelper("date", (_, a) => FormatDate(Arg(a, 0)));
        hb.RegisterHelper("addDays", (_, a) => ParseDate(Arg(a, 0)) is { } d ? EnglishDates.Iso(d.AddDays(ToInt(Arg(a, 1)))) : null);
        hb.RegisterHelper("addWorkingDays", (_, a) => ParseDate(Arg(a, 0)) is { } d && ToInt(Arg(a, 1)) is var n and >= 0 && BankHolidays.Covers(d.Year)
            ? EnglishDates.Iso(WorkingDays.Add(d, n))
            : null);
        hb.RegisterHelper("setting", (_, a) => Setting(Arg(a, 0)?.ToString()));
        hb.RegisterHelper("today", (_, _) => EnglishDates.Iso(Context.Today));
        hb.RegisterHelper("eq", (_, a) => Same(Arg(a, 0), Arg(a, 1)));
        hb.RegisterHelper("and", (_, a) => Truthy(Arg(a, 0)) && Truthy(Arg(a, 1)));
        hb.RegisterHelper("or", (_, a) => Truthy(Arg(a, 0)) || Truthy(Arg(a, 1)));
        hb.RegisterHelper("checked", (_, a) => Arg(a, 0) is true ? "checked" : "unchecked");
        hb.RegisterHelper("initials", (_, a) => OutputNaming.Initials(Arg(a, 0)?.ToString()));
        hb.RegisterHelper("inc", (_, a) => ToInt(Arg(a, 0)) + 1);
        hb.RegisterHelper("join", (_, a) => Arg(a, 0) is System.Collections.IEnumerable items and not string
            ? string.Join(Arg(a, 1)?.ToString() ?? ", ", items.Cast<object?>().Select(i => i?.ToString()))
            : Arg(a, 0)?.ToString());
        hb.RegisterHelper("salutation", (_, a) => Core.Cases.DeviceAllocation.Salutations.Of(Arg(a, 0)?.ToString(), Arg(a, 1)?.ToString()));
        hb.RegisterHelper("letterDefault", (_, a) => Core.Cases.DeviceAllocation.LetterDefaults.Named(Arg(a, 0)?.ToString())
            ?? throw new HandlebarsRuntimeException("The letterDefault helper was given a name that is not a letter default."));
        hb.RegisterHelper("count", (_, a) => Arg(a, 0) is System.Collections.ICollection c ? c.Count : 0);
    }

    private static RenderContext Context => Current.Value ?? throw new InvalidOperationException("Handlebars helpers are used outside a render.");

    private static object? Arg(Arguments arguments, int index) => index < arguments.Length ? Unwrap(arguments[index]) : null;

    private static object? Unwrap(object? value) => value is UndefinedBindingResult ? null : value;

    private static string FormatDate(object? value)
    {
        var text = value?.ToString();
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt))
        {
            return EnglishDates.Written(dt);
        }

        throw new HandlebarsRuntimeException("The date helper was given something that is not a date.");
    }

    private static DateOnly? ParseDate(object? value) =>
        value?.ToString() is { Length: > 0 } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt)
            ? DateOnly.FromDateTime(dt)
            : null;

    private static object? Setting(string? name)
    {
        var property = typeof(OrganisationSettings).GetProperties()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return property is null
            ? throw new HandlebarsRuntimeException("The setting helper was given a name that is not a setting.")
            : property.GetValue(Context.Options);
    }

    private static bool Same(object? a, object? b) =>
        string.Equals(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        long l => l != 0,
        int i => i != 0,
        decimal m => m != 0,
        _ => true,
    };

    private static int ToInt(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private sealed class Restore(RenderContext? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
