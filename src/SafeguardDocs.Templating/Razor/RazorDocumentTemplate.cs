using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Templating.Razor;

/// <summary>
/// A Razor component used as a document template. The component is compiled with the project, so a
/// template that names a field the case model does not have does not build. Rendered with
/// <see cref="HtmlRenderer"/>, which HTML-encodes every value: data can never become markup.
/// </summary>
public sealed class RazorDocumentTemplate<TComponent, TCase> : IDocumentTemplate
    where TComponent : DocumentComponent<TCase>
    where TCase : CaseFile
{
    public RazorDocumentTemplate(string name, string kind, string description)
    {
        Name = name;
        Kind = kind;
        Description = description;
    }

    public string Name { get; }

    public string Kind { get; }

    public TemplateEngine Engine => TemplateEngine.Razor;

    public string Description { get; }

    public string Source => "built in";

    public string RenderHtml(CaseFile caseFile, RenderContext context)
    {
        if (caseFile is not TCase typed)
        {
            throw new ArgumentException($"Template '{Name}' renders {Kind} cases.", nameof(caseFile));
        }

        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(DocumentComponent<TCase>.Case)] = typed,
            [nameof(DocumentComponent<TCase>.Context)] = context,
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
