using System.Buffers;
using System.Globalization;
using System.Text;

namespace SafeguardDocs.Word.Internal;

/// <summary>Text as WordprocessingML can hold it.</summary>
internal static class XmlText
{
    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create("<>&\"'\r");

    /// <summary>True for characters XML 1.0 allows (surrogates are checked in pairs by <see cref="Clean"/>).</summary>
    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    /// <summary>
    /// The text without characters XML cannot carry (control characters, U+FFFE/U+FFFF, unpaired
    /// surrogates). Returns the same instance when nothing needed removing, which is the usual case.
    /// </summary>
    public static string Clean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || !IsXmlChar(c))
            {
                return Strip(text, i);
            }
        }

        return text;
    }

    private static string Strip(string text, int from)
    {
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, from);
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c) && IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes text for an XML text node or attribute value (after <see cref="Clean"/>).</summary>
    public static string Escape(string text)
    {
        var clean = Clean(text);
        if (clean.AsSpan().IndexOfAny(NeedsEscaping) < 0)
        {
            return clean;
        }

        var sb = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            _ = c switch
            {
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '&' => sb.Append("&amp;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&apos;"),
                '\r' => sb.Append("&#xD;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>True for a strongly right-to-left character (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).</summary>
    public static bool IsStrongRtl(int codePoint) =>
        codePoint is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
            or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF);

    /// <summary>True for a letter (or other strongly directional character) that is not right-to-left.</summary>
    public static bool IsStrongLtr(int codePoint) =>
        !IsStrongRtl(codePoint) && CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.ModifierLetter;
}
