using Microsoft.AspNetCore.Components;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Text;

namespace SafeguardDocs.Templating.Razor;

/// <summary>
/// Base class for Razor document templates: the typed case and the render context as parameters,
/// and the formatting helpers every document uses (en-GB dates in words).
/// Use with <c>@inherits DocumentComponent&lt;DeviceAllocationCase&gt;</c>.
/// </summary>
public abstract class DocumentComponent<TCase> : ComponentBase where TCase : CaseFile
{
    [Parameter]
    [EditorRequired]
    public TCase Case { get; set; } = default!;

    [Parameter]
    [EditorRequired]
    public RenderContext Context { get; set; } = default!;

    /// <summary>"20 November 2026", or empty when there is no date.</summary>
    protected static string Date(DateOnly? date) => EnglishDates.Written(date);

    /// <summary>"18 November 2026 at 10:40", or empty.</summary>
    protected static string DateTimeText(DateTime? value) => value is { } v ? EnglishDates.WrittenWithTime(v) : string.Empty;

    /// <summary>The class of a checklist item: ticked only when the value is true.</summary>
    protected static string Checked(bool? value) => value == true ? "checked" : "unchecked";
}
