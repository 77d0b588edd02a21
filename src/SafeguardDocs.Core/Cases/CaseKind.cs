using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases;

/// <summary>
/// Everything the pipeline needs to know about one kind of case, seen without its types: its name in
/// the file, its record type, its rules, how its output file is named and dated, and the documents it
/// makes with the view model their templates render. Every kind is a <see cref="CaseKind{TCase, TView}"/>;
/// this untyped view is for code that handles any kind (loading, validation, the catalogue).
/// </summary>
/// <param name="Name">The <c>kind</c> value in the case file, for example <c>device-allocation</c>.</param>
/// <param name="ModelType">The record type the file is read into.</param>
/// <param name="Rules">The rules checked before anything is written.</param>
/// <param name="Description">A few words for <c>templates</c> and help text.</param>
/// <param name="InitialsOf">The name whose initials go into the file name, or null for none (incident forms hold no names).</param>
public abstract record CaseKind(
    string Name,
    Type ModelType,
    IRuleSet Rules,
    string Description,
    Func<CaseFile, string?>? InitialsOf)
{
    /// <summary>
    /// Properties that must never appear in this kind of file, with the reason to give when one does
    /// (for example a viewing record must never hold imagery). Keyed by property name, any case.
    /// </summary>
    public IReadOnlyDictionary<string, string> RefusedProperties { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True for a kind whose documents are made many at once from one case (the AUP pack), not one
    /// document per case; front ends say how they make them.
    /// </summary>
    public bool MakesManyDocuments { get; init; }

    /// <summary>The kind's own document: made from the case, named after the kind, rendered from the kind's view model.</summary>
    public abstract DocumentKind Document { get; }

    /// <summary>
    /// The documents this kind's cases are made into, each of which needs a built-in template: the kind's own
    /// <see cref="Document"/>, unless its documents are made from other records (the AUP pack makes covering
    /// letters and agreements).
    /// </summary>
    public IReadOnlyList<DocumentKind> Documents { get => field ?? [Document]; init; }

    /// <summary>The type of the view model of the kind's own document (Razor and Scriban alike).</summary>
    public Type ViewType => Document.ViewType;

    /// <summary>The view model of one case: what its templates see.</summary>
    /// <exception cref="ArgumentException">The case is not of this kind.</exception>
    public object CreateView(CaseFile caseFile, OrganisationSettings settings, DateOnly today) => Document.CreateView(caseFile, settings, today);

    /// <summary>
    /// The date a document of this case is dated by: the case's own date (the letter, the record, the form,
    /// the meeting), at midnight UTC, which becomes the document's creation date in its properties, so the
    /// same case gives the same bytes whenever it is generated (never the wall clock). Null when the case has none.
    /// </summary>
    /// <exception cref="ArgumentException">The case is not of this kind.</exception>
    public abstract DateTimeOffset? DocumentDate(CaseFile caseFile);

    /// <summary>A date as a document's creation date: midnight UTC.</summary>
    protected static DateTimeOffset? AtMidnightUtc(DateOnly? date) =>
        date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

/// <summary>
/// One kind of case, typed: the case record <typeparamref name="TCase"/> read from the file, its rules,
/// how its file is named and dated, and how its view model <typeparamref name="TView"/> is made from the
/// case, the organisation's settings and today's date. Register it in <see cref="CaseKinds.All"/>; built-in
/// templates are made from it (so a template is joined to its kind by type, not by a string).
/// </summary>
public sealed record CaseKind<TCase, TView> : CaseKind
    where TCase : CaseFile
    where TView : class
{
    private readonly Func<TCase, DateOnly?> _datedBy;

    /// <param name="name">The <c>kind</c> value in the case file.</param>
    /// <param name="rules">The kind's rules.</param>
    /// <param name="description">A few words for <c>templates</c> and help text.</param>
    /// <param name="initialsOf">The name whose initials go into the file name; null for a kind whose files hold no initials.</param>
    /// <param name="datedBy">The case's own date its documents are dated by (<see cref="CaseKind.DocumentDate"/>).</param>
    /// <param name="view">Makes the view model of a case.</param>
    public CaseKind(string name, RuleSet<TCase> rules, string description, Func<TCase, string?>? initialsOf, Func<TCase, DateOnly?> datedBy, Func<TCase, OrganisationSettings, DateOnly, TView> view)
        : base(name, typeof(TCase), rules, description, initialsOf is null ? null : c => initialsOf((TCase)c))
    {
        ArgumentNullException.ThrowIfNull(datedBy);
        ArgumentNullException.ThrowIfNull(view);
        _datedBy = datedBy;
        Document = new DocumentKind<TCase, TView>(name, description, view);
    }

    /// <inheritdoc/>
    public override DocumentKind<TCase, TView> Document { get; }

    /// <summary>The view model of one case.</summary>
    public TView View(TCase caseFile, OrganisationSettings settings, DateOnly today) => Document.View(caseFile, settings, today);

    public override DateTimeOffset? DocumentDate(CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        return caseFile is TCase typed
            ? AtMidnightUtc(_datedBy(typed))
            : throw new ArgumentException($"A {Name} document is dated from a {typeof(TCase).Name}, not a {caseFile.GetType().Name}.", nameof(caseFile));
    }

    /// <summary>A case kind's own document, for registering its built-in templates (<c>new RazorDocumentTemplate&lt;…&gt;(Kind, …)</c>).</summary>
    public static implicit operator DocumentKind<TCase, TView>(CaseKind<TCase, TView> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Document;
    }
}
