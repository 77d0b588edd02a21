using System.Globalization;
using System.Text;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>
/// A formula with tokens resolved once per sheet: <c>{row}</c> becomes the row number, <c>{Header}</c>
/// this row's cell in that column, <c>{Sheet!Header}</c> that column's data range on another sheet.
/// Text inside double quotes is left alone. Array constants (<c>{1,2}</c>) are not supported: use a range.
/// </summary>
internal sealed class FormulaTemplate
{
    private readonly List<(string Literal, string? ColumnLetters)> parts;
    private readonly string tail;

    private FormulaTemplate(List<(string, string?)> parts, string tail)
    {
        this.parts = parts;
        this.tail = tail;
    }

    /// <param name="formula">The formula, with or without a leading <c>=</c>.</param>
    /// <param name="where">Names the sheet and column or cell in an error message (never data).</param>
    /// <param name="headers">This sheet's headers, for <c>{Header}</c>; empty on a summary sheet.</param>
    /// <param name="directory">Every sheet, for <c>{Sheet!Header}</c>.</param>
    public static FormulaTemplate Compile(string formula, string where, IReadOnlyList<string> headers, SheetDirectory directory)
    {
        var text = formula.StartsWith('=') ? formula[1..] : formula;
        var parts = new List<(string, string?)>();
        var literal = new StringBuilder();
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inString = !inString;
            }

            if (c != '{' || inString)
            {
                literal.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                throw Unclosed(where);
            }

            var token = text[(i + 1)..end].Trim();
            i = end;
            if (string.Equals(token, "row", StringComparison.OrdinalIgnoreCase))
            {
                parts.Add((literal.ToString(), null));
                literal.Clear();
                continue;
            }

            var bang = token.IndexOf('!', StringComparison.Ordinal);
            if (bang > 0 && directory.DataColumn(token[..bang], token[(bang + 1)..]) is { } range)
            {
                literal.Append(range);
                continue;
            }

            var column = SheetDirectory.IndexOf(headers, token);
            if (column < 0)
            {
                throw UnknownToken(where, token);
            }

            parts.Add((literal.ToString(), CellRef.Letters(column)));
            literal.Clear();
        }

        return new FormulaTemplate(parts, literal.ToString());
    }

    public string Render(int row)
    {
        if (parts.Count == 0)
        {
            return tail;
        }

        var rowText = row.ToString(CultureInfo.InvariantCulture);
        var result = new StringBuilder();
        foreach (var (literal, letters) in parts)
        {
            result.Append(literal).Append(letters).Append(rowText);
        }

        return result.Append(tail).ToString();
    }

    private static ArgumentException Unclosed(string where) =>
        new($"The formula for {where} has a '{{' with no closing '}}'. Tokens are {{row}}, {{Header}} and {{Sheet!Header}}; array constants are not supported.");

    private static ArgumentException UnknownToken(string where, string token) =>
        new($"The formula for {where} names {{{token}}}, which is not {{row}}, a column header on this sheet, or {{Sheet!Header}} for another sheet. Check the spelling of the header.");
}
