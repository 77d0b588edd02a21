using System.Text;

namespace SafeguardDocs.Excel.Writing.Internal;

/// <summary>Makes text safe to store in a cell without changing what a reader sees.</summary>
internal static class ExcelText
{
    /// <summary>Excel's limit on the characters in one cell.</summary>
    public const int MaxCellLength = 32767;

    /// <summary>
    /// Drops characters XML cannot carry (control characters, lone surrogates), escapes text that
    /// Excel would otherwise decode as an <c>_xHHHH_</c> escape, and keeps within Excel's cell limit
    /// (the rare longer text is cut and ends with "…").
    /// </summary>
    public static string Clean(string text) => Clean(text, cellText: true);

    /// <summary>Drops characters XML cannot carry, for text outside cells (document properties).</summary>
    public static string XmlSafe(string text) => Clean(text, cellText: false);

    private static string Clean(string text, bool cellText)
    {
        if (IsPlain(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c))
            {
                if (cellText && c == '_' && IsEscapeAt(text, i))
                {
                    clean.Append("_x005F");
                }

                clean.Append(c);
            }
        }

        if (cellText && clean.Length > MaxCellLength)
        {
            var cut = MaxCellLength - 1;
            if (char.IsLowSurrogate(clean[cut - 1]) || char.IsHighSurrogate(clean[cut - 1]))
            {
                cut--;
            }

            clean.Length = cut;
            clean.Append('…');
        }

        return clean.ToString();
    }

    /// <summary>Needs <c>xml:space="preserve"</c> so leading or trailing spaces and line breaks survive.</summary>
    public static bool NeedsPreserve(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal));

    private static bool IsPlain(string text)
    {
        if (text.Length > MaxCellLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c == '_' || char.IsSurrogate(c) || !IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    /// <summary>True when <c>_xHHHH_</c> starts at <paramref name="i"/>.</summary>
    private static bool IsEscapeAt(string text, int i) =>
        i + 6 < text.Length
        && text[i + 1] is 'x' or 'X'
        && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3])
        && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5])
        && text[i + 6] == '_';
}
