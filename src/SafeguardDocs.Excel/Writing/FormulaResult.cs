using System.Globalization;

namespace SafeguardDocs.Excel.Writing;

/// <summary>
/// The value a formula is expected to give, stored beside it so that a viewer shows it before it
/// recalculates. <see cref="None"/> stores no value (the spreadsheet works it out on open).
/// </summary>
public readonly record struct FormulaResult
{
    private FormulaResult(FormulaResultKind kind, double number, string? text)
    {
        Kind = kind;
        NumberValue = number;
        TextValue = text;
    }

    /// <summary>No cached value.</summary>
    public static FormulaResult None => default;

    /// <summary>The empty text <c>""</c>, as <c>IF(…,"",…)</c> gives.</summary>
    public static FormulaResult Empty => new(FormulaResultKind.Text, 0, string.Empty);

    internal FormulaResultKind Kind { get; }

    internal double NumberValue { get; }

    internal string? TextValue { get; }

    public static FormulaResult Number(double value) => double.IsFinite(value)
        ? new(FormulaResultKind.Number, value, null)
        : throw new ArgumentOutOfRangeException(nameof(value), "A cached formula result must be a finite number.");

    public static FormulaResult Text(string? value) => new(FormulaResultKind.Text, 0, value ?? string.Empty);

    /// <summary>A date result, as its serial number (give the column <see cref="DisplayFormat.Date"/>).</summary>
    public static FormulaResult Date(DateOnly value) =>
        Internal.ExcelDate.Serial(value) is { } serial ? Number(serial) : Text(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary><c>Yes</c> or <c>No</c>.</summary>
    public static FormulaResult YesNo(bool value) => Text(Writing.YesNo.Of(value));
}

internal enum FormulaResultKind
{
    None,
    Number,
    Text,
}
