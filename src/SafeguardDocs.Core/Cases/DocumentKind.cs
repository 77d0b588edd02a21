using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases;

/// <summary>
/// One kind of document, seen without its types: what its templates are registered under (the <c>kind:</c>
/// in a Scriban file's header), what it is made from, and the view model every template of it renders.
/// A case kind's own document is made from the case (<see cref="CaseKind.Document"/>); a kind whose
/// documents are made from other records lists them in <see cref="CaseKind.Documents"/> (the AUP pack's
/// covering letter is made from the pack and one family).
/// </summary>
/// <param name="Name">The template kind, for example <c>device-allocation</c> or <c>aup-pack-letter</c>.</param>
/// <param name="SourceType">What one document is made from: the case record, or the record the kind builds.</param>
/// <param name="Description">A few words for <c>templates</c> and help text.</param>
public abstract record DocumentKind(string Name, Type SourceType, string Description)
{
    /// <summary>The type of the view model every template of this document renders (Razor and Scriban alike).</summary>
    public abstract Type ViewType { get; }

    /// <summary>The view model of one document: what its templates see.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not what this document is made from.</exception>
    public abstract object CreateView(object source, OrganisationSettings settings, DateOnly today);
}

/// <summary>
/// One kind of document, typed: made from a <typeparamref name="TSource"/>, rendered from a
/// <typeparamref name="TView"/>. Built-in templates are registered with it, so a template is joined to
/// its document by type, not by a string.
/// </summary>
public sealed record DocumentKind<TSource, TView> : DocumentKind
    where TSource : class
    where TView : class
{
    private readonly Func<TSource, OrganisationSettings, DateOnly, TView> _view;

    /// <param name="name">The template kind.</param>
    /// <param name="description">A few words for <c>templates</c> and help text.</param>
    /// <param name="view">Makes the view model of one document.</param>
    public DocumentKind(string name, string description, Func<TSource, OrganisationSettings, DateOnly, TView> view)
        : base(name, typeof(TSource), description)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(view);
        _view = view;
    }

    public override Type ViewType => typeof(TView);

    /// <summary>The view model of one document.</summary>
    public TView View(TSource source, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        return _view(source, settings, today);
    }

    public override object CreateView(object source, OrganisationSettings settings, DateOnly today) =>
        source is TSource typed
            ? View(typed, settings, today)
            : throw new ArgumentException($"A {Name} view is made from a {typeof(TSource).Name}, not a {source?.GetType().Name}.", nameof(source));
}
