
namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// A Scriban template stopped while rendering a case (a limit was reached, or a function was given
/// something it cannot use). Thrown only by <see cref="IDocumentTemplate.RenderHtml"/>, whose contract
/// returns text; <see cref="ScribanDocumentTemplate.Render"/> returns the same problems without throwing.
/// </summary>
public sealed class TemplateRenderException : InvalidOperationException
{
    public TemplateRenderException()
        : this([])
    {
    }

    public TemplateRenderException(string message)
        : base(message)
    {
        Errors = [];
    }

    public TemplateRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public TemplateRenderException(IReadOnlyList<TemplateLoadError> errors)
        : base(string.Join("\n", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<TemplateLoadError> Errors { get; }
}
