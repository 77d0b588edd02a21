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
/// of its kind (<see cref="CaseKind{TCase, TView}.View"/>), made from the case and the render context.
/// Rendered with <see cref="HtmlRenderer"/>, which HTML-encodes every value: data can never become markup.
/// </summary>
public sealed class RazorDocumentTemplate<TComponent, TCase, TView> : IDocumentTemplate
    where TComponent : DocumentComponent<TView>
    where TCase : CaseFile
    where TView : class
{
    private readonly Func<TCase, RenderContext, TView> _view;

    /// <summary>A built-in template of a registered kind: its kind and view model come from the descriptor.</summary>
    public RazorDocumentTemplate(CaseKind<TCase, TView> kind, string name, string description)
        : this(kind?.Name!, (c, context) => kind!.View(c, context.Options, context.Today), name, description)
    {
    }

    /// <summary>
    /// A template of a document that is not a case file's (the pack's covering letter, made by the pack):
    /// <paramref name="kind"/> is its template kind and <paramref name="view"/> makes its view model.
    /// </summary>
    public RazorDocumentTemplate(string kind, Func<TCase, RenderContext, TView> view, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(view);
        Name = name;
        Kind = kind;
        Description = description;
        _view = view;
    }

    public string Name { get; }

    public string Kind { get; }

    public TemplateEngine Engine => TemplateEngine.Razor;

    public string Description { get; }

    public string Source => "built in";

    public string RenderHtml(CaseFile caseFile, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (caseFile is not TCase typed)
        {
            throw new ArgumentException($"Template '{Name}' renders {Kind} cases.", nameof(caseFile));
        }

        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(DocumentComponent<TView>.View)] = _view(typed, context),
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
