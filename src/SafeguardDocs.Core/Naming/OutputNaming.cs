using System.Globalization;
using System.Text;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Core.Naming;

/// <summary>
/// Output file names are <c>{reference}_{initials}</c>: never a name. A reference that is not letters,
/// digits, <c>-</c> and <c>_</c> is refused, so no path tricks reach the file system.
/// </summary>
public static class OutputNaming
{
    public const int MaxReferenceLength = 64;

    /// <summary>True when the reference may be used in a file name as it is.</summary>
    public static bool IsSafeReference(string? reference) =>
        !string.IsNullOrEmpty(reference)
        && reference.Length <= MaxReferenceLength
        && reference.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
        && !IsReservedName(reference);

    /// <summary>
    /// True for a name Windows keeps for devices, whatever the case and with any extension
    /// (<c>CON</c>, <c>PRN</c>, <c>AUX</c>, <c>NUL</c>, <c>COM1</c>–<c>COM9</c>, <c>LPT1</c>–<c>LPT9</c>, also
    /// <c>COM0</c>/<c>LPT0</c> and the superscript digits), and for a name ending in a dot or a space,
    /// which Windows silently drops: no file can be made with such a name there.
    /// </summary>
    public static bool IsReservedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[^1] is '.' or ' ')
        {
            return name.Length > 0;
        }

        var stem = name.Split('.')[0].TrimEnd(' ').ToUpperInvariant();
        return stem is "CON" or "PRN" or "AUX" or "NUL" or "CONIN$" or "CONOUT$"
            || (stem.Length == 4 && (stem.StartsWith("COM", StringComparison.Ordinal) || stem.StartsWith("LPT", StringComparison.Ordinal)) && (char.IsAsciiDigit(stem[3]) || stem[3] is '\u00B9' or '\u00B2' or '\u00B3'));
    }

    /// <summary>Why a reference cannot be used, in words, or null when it can.</summary>
    public static string? ReferenceProblem(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return "The reference is empty.";
        }

        if (!reference.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
        {
            return "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.";
        }

        if (reference.Length > MaxReferenceLength)
        {
            return $"The reference is longer than {MaxReferenceLength} characters, the most a file name may start with. Shorten it.";
        }

        return IsReservedName(reference)
            ? "The reference is a name Windows keeps for a device (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9), so no file can have it. Change it, for example by adding the year and a number."
            : null;
    }

    /// <summary>
    /// The first letter of each part of a name split at spaces and hyphens, accents folded to A–Z:
    /// <c>Siân Ó Súilleabháin</c> gives <c>SOS</c>, <c>Jordan Ellis-Price</c> gives <c>JEP</c>.
    /// Parts that start with no Latin letter (for example a name in Arabic script) give nothing.
    /// Initials do not identify a child on their own, so this is the sanctioned way for a name to
    /// reach a file name (analyzer SGD001 lets it through).
    /// </summary>
    [AnonymisesPersonalData]
    public static string Initials(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var initials = new StringBuilder();
        foreach (var part in name.Split([' ', '-', '\u2010', '\u2011', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = FoldToAscii(part);
            var first = folded.FirstOrDefault(char.IsAsciiLetter);
            if (first != default)
            {
                initials.Append(char.ToUpperInvariant(first));
            }
        }

        return initials.ToString();
    }

    /// <summary><c>{reference}_{initials}</c>, or the reference alone when there are no initials.</summary>
    public static string FileStem([BecomesFileName] string reference, [BecomesFileName] string? initials)
    {
        if (!IsSafeReference(reference))
        {
            throw new ArgumentException(ReferenceProblem(reference), nameof(reference));
        }

        return string.IsNullOrEmpty(initials) ? reference : $"{reference}_{initials}";
    }

    /// <summary>Removes accents: decomposes, drops combining marks, and maps the few letters that do not decompose.</summary>
    public static string FoldToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            result.Append(c switch
            {
                'Ø' => "O",
                'ø' => "o",
                'Æ' => "AE",
                'æ' => "ae",
                'Œ' => "OE",
                'œ' => "oe",
                'ß' => "ss",
                'Ł' => "L",
                'ł' => "l",
                'Đ' => "D",
                'đ' => "d",
                'Þ' => "Th",
                'þ' => "th",
                'ı' => "i",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }
}
