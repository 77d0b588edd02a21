using System.Text;
using System.Text.Encodings.Web;

namespace SafeguardDocs.Web.Html;

/// <summary>Builds HTML with every piece of text encoded; raw HTML only from this code's own literals.</summary>
public sealed class HtmlBuilder
{
    private readonly StringBuilder text = new();

    /// <summary>Appends markup written in this code (never case data or user input).</summary>
    public HtmlBuilder Raw(string html)
    {
        text.Append(html);
        return this;
    }

    /// <summary>Appends text, encoded.</summary>
    public HtmlBuilder Text(string? value)
    {
        text.Append(HtmlEncoder.Default.Encode(value ?? string.Empty));
        return this;
    }

    /// <summary>Appends an attribute value, encoded, in double quotes with the name.</summary>
    public HtmlBuilder Attr(string name, string? value)
    {
        text.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value ?? string.Empty)).Append('"');
        return this;
    }

    public override string ToString() => text.ToString();

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);
}
