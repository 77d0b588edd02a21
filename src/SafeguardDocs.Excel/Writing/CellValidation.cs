using SafeguardDocs.Excel.Writing.Internal;

namespace SafeguardDocs.Excel.Writing;

/// <summary>
/// What a person may type into a column's data rows: a choice from a drop-down list, a date, or a
/// whole number in a range. Blank is always allowed.
/// </summary>
public sealed record CellValidation
{
    /// <summary>Excel's limit on the text of a list validation.</summary>
    public const int MaxListLength = 255;

    private CellValidation(ValidationType type, string formula1, string? formula2, string errorMessage)
    {
        Type = type;
        Formula1 = formula1;
        Formula2 = formula2;
        ErrorMessage = errorMessage;
    }

    /// <summary>A Yes/No drop-down.</summary>
    public static CellValidation YesOrNo { get; } = List(YesNo.Yes, YesNo.No);

    /// <summary>Any date Excel can hold (from 1 March 1900).</summary>
    public static CellValidation AnyDate { get; } = Date(null, null);

    /// <summary>The message shown when something else is typed. Never personal data.</summary>
    public string ErrorMessage { get; init; }

    internal ValidationType Type { get; }

    internal string Formula1 { get; }

    internal string? Formula2 { get; }

    /// <summary>A drop-down of fixed choices. A choice may not contain a comma or a double quote.</summary>
    public static CellValidation List(params IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0 || choices.Any(c => string.IsNullOrWhiteSpace(c) || c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Give at least one choice; a choice may not be blank or contain a comma or a double quote.", nameof(choices));
        }

        var list = string.Join(',', choices);
        if (list.Length > MaxListLength)
        {
            throw new ArgumentException($"The choices come to more than Excel's limit of {MaxListLength} characters. Shorten them, or use fewer.", nameof(choices));
        }

        return new(ValidationType.List, $"\"{list}\"", null, $"Choose one of: {string.Join(", ", choices)}.");
    }

    /// <summary>A date, optionally between <paramref name="from"/> and <paramref name="to"/> inclusive.</summary>
    public static CellValidation Date(DateOnly? from, DateOnly? to)
    {
        var min = ExcelDate.Serial(from ?? ExcelDate.Earliest) ?? throw new ArgumentOutOfRangeException(nameof(from), "Excel dates start on 1 March 1900.");
        var max = ExcelDate.Serial(to ?? DateOnly.MaxValue)!.Value;
        if (min > max)
        {
            throw new ArgumentException("The first date is after the last.", nameof(from));
        }

        var message = (from, to) switch
        {
            (null, null) => "Enter a date, for example 20/11/2026.",
            _ => "Enter a date in the allowed range.",
        };
        return new(ValidationType.Date, Num(min), Num(max), message);
    }

    /// <summary>A whole number from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static CellValidation WholeNumber(long from, long to)
    {
        if (from > to)
        {
            throw new ArgumentException("The smallest number is more than the largest.", nameof(from));
        }

        return new(ValidationType.WholeNumber, Num(from), Num(to), $"Enter a whole number from {Num(from)} to {Num(to)}.");
    }

    private static string Num(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal enum ValidationType
{
    List,
    Date,
    WholeNumber,
}
