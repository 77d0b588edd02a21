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
/// A template that turns one kind of case into document markup. Templates are shared and
/// thread-safe; each render is independent.
/// </summary>
public interface IDocumentTemplate
{
    /// <summary>The name used with <c>--template</c>, for example <c>loan-letter</c> or <c>loan-letter.sbn</c>.</summary>
    string Name { get; }

    /// <summary>The case kind it renders, for example <c>device-allocation</c>.</summary>
    string Kind { get; }

    TemplateEngine Engine { get; }

    /// <summary>What the document is, in a few words.</summary>
    string Description { get; }

    /// <summary>Where it comes from: "built in", or the file it was read from.</summary>
    string Source { get; }

    /// <summary>Renders the HTML form of the document markup.</summary>
    string RenderHtml(CaseFile caseFile, RenderContext context);
}

public static class DocumentTemplateExtensions
{
    /// <summary>Renders and reads the markup. An error names the template and the element at fault.</summary>
    public static MarkupParseResult Render(this IDocumentTemplate template, CaseFile caseFile, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(template);
        return MarkupParser.Parse(template.RenderHtml(caseFile, context), template.Name);
    }
}
