using Microsoft.AspNetCore.Components;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Text;

namespace SafeguardDocs.Templating.Razor;

/// <summary>
/// Base class for Razor document templates: the kind's view model (the object Scriban templates of the
/// kind see too) and the render context as parameters, and the formatting helpers every document uses
/// (en-GB dates in words). Use with <c>@inherits DocumentComponent&lt;DeviceAllocationView&gt;</c>.
/// </summary>
public abstract class DocumentComponent<TView> : ComponentBase where TView : class
{
    [Parameter]
    [EditorRequired]
    public TView View { get; set; } = default!;

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

/// <summary>
/// Base class for the Razor template of a kind that has no view model of its own yet (its view is
/// <see cref="CaseView{TCase}"/>): <c>Case</c> is the case record. Use with
/// <c>@inherits CaseDocumentComponent&lt;ViewingDecisionCase&gt;</c>; when the kind gets its own view model,
/// switch to <see cref="DocumentComponent{TView}"/>.
/// </summary>
public abstract class CaseDocumentComponent<TCase> : DocumentComponent<CaseView<TCase>> where TCase : CaseFile
{
    protected TCase Case => View.Case;
}
