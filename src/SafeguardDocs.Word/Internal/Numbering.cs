using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SafeguardDocs.Word.Internal;

/// <summary>
/// numbering.xml: one bullet definition shared by every bulleted list (numId 1) and one numbered
/// definition with an instance per numbered list (numId 2, 3, ...) whose level overrides restart it at 1.
/// The part depends only on how many numbered lists there are, so it is built once per count and cached.
/// </summary>
internal static class Numbering
{
    public const int MaxLevel = 8;
    private const int CacheLimit = 512;

    private static readonly ConcurrentDictionary<int, byte[]> Cache = new();
    private static readonly string Definitions = BuildDefinitions();

    public static byte[] For(int orderedLists) =>
        orderedLists <= CacheLimit ? Cache.GetOrAdd(orderedLists, Build) : Build(orderedLists);

    private static byte[] Build(int orderedLists)
    {
        var sb = new StringBuilder(Definitions.Length + (orderedLists * 700) + 200);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
            .Append("<w:numbering xmlns:w=\"").Append(Ns.W).Append("\">")
            .Append(Definitions)
            .Append("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
        for (var n = 0; n < orderedLists; n++)
        {
            sb.Append("<w:num w:numId=\"").Append(2 + n).Append("\"><w:abstractNumId w:val=\"1\"/>");
            for (var level = 0; level <= MaxLevel; level++)
            {
                sb.Append("<w:lvlOverride w:ilvl=\"").Append(level).Append("\"><w:startOverride w:val=\"1\"/></w:lvlOverride>");
            }

            sb.Append("</w:num>");
        }

        sb.Append("</w:numbering>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string BuildDefinitions()
    {
        string[] bullets = ["\u2022", "\u2013", "\u2022"];
        string[] formats = ["decimal", "lowerLetter", "lowerRoman"];
        var sb = new StringBuilder();
        sb.Append("<w:abstractNum w:abstractNumId=\"0\"><w:nsid w:val=\"5A6B0001\"/><w:multiLevelType w:val=\"hybridMultilevel\"/>");
        for (var level = 0; level <= MaxLevel; level++)
        {
            Level(sb, level, "bullet", bullets[level % bullets.Length]);
        }

        sb.Append("</w:abstractNum>");
        sb.Append("<w:abstractNum w:abstractNumId=\"1\"><w:nsid w:val=\"5A6B0002\"/><w:multiLevelType w:val=\"hybridMultilevel\"/>");
        for (var level = 0; level <= MaxLevel; level++)
        {
            Level(sb, level, formats[level % formats.Length], "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".");
        }

        sb.Append("</w:abstractNum>");
        return sb.ToString();
    }

    private static void Level(StringBuilder sb, int level, string format, string text)
    {
        var left = 425 * (level + 1) + 142;
        sb.Append("<w:lvl w:ilvl=\"").Append(level).Append("\">")
            .Append("<w:start w:val=\"1\"/>")
            .Append("<w:numFmt w:val=\"").Append(format).Append("\"/>")
            .Append("<w:lvlText w:val=\"").Append(text).Append("\"/>")
            .Append("<w:lvlJc w:val=\"left\"/>")
            .Append("<w:pPr><w:ind w:left=\"").Append(left).Append("\" w:hanging=\"425\"/></w:pPr>");
        if (format == "bullet")
        {
            sb.Append("<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\" w:hint=\"default\"/></w:rPr>");
        }

        sb.Append("</w:lvl>");
    }
}
