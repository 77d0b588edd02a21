using SafeguardDocs.Core.Cases;
using SafeguardDocs.Markup;

namespace SafeguardDocs.Templating;

public enum TemplateEngine
{
    /// <summary>A Razor component compiled with the project: type-checked against its case model.</summary>
    Razor,

    /// <summary>A Scriban file read at run time: editable without a build, checked before use.</summary>
    Scriban,
}

/// <summary>
/// A template that turns one kind of document into document markup: a case kind's own document, made
/// from the case, or a document a kind makes from another record (the AUP pack's covering letter, from
/// an <c>AupPackLetter</c>). Templates are shared and thread-safe; each render is independent.
/// </summary>
public interface IDocumentTemplate
{
    /// <summary>The name used with <c>--template</c>, for example <c>loan-letter</c> or <c>loan-letter.sbn</c>.</summary>
    string Name { get; }

    /// <summary>The document kind it renders (<see cref="DocumentKind.Name"/>), for example <c>device-allocation</c> or <c>aup-pack-letter</c>.</summary>
    string Kind { get; }

    TemplateEngine Engine { get; }

    /// <summary>What the document is, in a few words.</summary>
    string Description { get; }

    /// <summary>Where it comes from: "built in", or the file it was read from.</summary>
    string Source { get; }

    /// <summary>Renders the HTML form of the document markup.</summary>
    /// <param name="source">What the document is made from (<see cref="DocumentKind.SourceType"/>): the case, for a case kind's own document.</param>
    /// <param name="context">Today's date and the organisation's settings.</param>
    string RenderHtml(object source, RenderContext context);
}

public static class DocumentTemplateExtensions
{
    /// <summary>Renders and reads the markup. An error names the template and the element at fault.</summary>
    public static MarkupParseResult Render(this IDocumentTemplate template, object source, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(template);
        return MarkupParser.Parse(template.RenderHtml(source, context), template.Name);
    }
}
