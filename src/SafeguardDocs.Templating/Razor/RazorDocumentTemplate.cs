using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Templating.Razor;

/// <summary>
/// A Razor component used as a document template. The component is compiled with the project, so a
/// template that names a member its view model does not have does not build. It renders the view model
/// of its document kind (<see cref="DocumentKind{TSource, TView}.View"/>), made from the case (or, for a
/// document a kind makes from another record, that record) and the render context.
/// Rendered with <see cref="HtmlRenderer"/>, which HTML-encodes every value: data can never become markup.
/// </summary>
public sealed class RazorDocumentTemplate<TComponent, TSource, TView> : IDocumentTemplate
    where TComponent : DocumentComponent<TView>
    where TSource : class
    where TView : class
{
    private readonly DocumentKind<TSource, TView> _document;

    /// <summary>
    /// A built-in template of a registered document: its kind and view model come from the descriptor (a case
    /// kind's own document, <c>DeviceAllocationKind.Kind</c>, or a document a kind lists, <c>AupPackKind.Letter</c>).
    /// </summary>
    public RazorDocumentTemplate(DocumentKind<TSource, TView> document, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(document);
        Name = name;
        Kind = document.Name;
        Description = description;
        _document = document;
    }

    public string Name { get; }

    public string Kind { get; }

    public TemplateEngine Engine => TemplateEngine.Razor;

    public string Description { get; }

    public string Source => "built in";

    public string RenderHtml(object source, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (source is not TSource typed)
        {
            throw new ArgumentException($"Template '{Name}' renders {Kind} documents.", nameof(source));
        }

        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(DocumentComponent<TView>.View)] = _document.View(typed, context.Options, context.Today),
            [nameof(DocumentComponent<TView>.Context)] = context,
        });

        using var renderer = new HtmlRenderer(RazorHost.Services, RazorHost.LoggerFactory);
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(parameters).ConfigureAwait(false);
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
    }
}

/// <summary>The services Razor rendering needs, built once.</summary>
internal static class RazorHost
{
    public static IServiceProvider Services { get; } = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;
}
