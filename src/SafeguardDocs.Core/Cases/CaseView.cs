using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases;

/// <summary>
/// The thinnest view model: the case record itself, with the settings and today's date. A kind uses it
/// until it has a view model of its own (as device-allocation has <c>DeviceAllocationView</c>), which
/// names every case property and derived fact directly. Razor templates read <c>Case</c>; Scriban
/// templates need the kind's own view model, because <c>case</c> is a Scriban word.
/// </summary>
public sealed class CaseView<TCase>(TCase caseFile, OrganisationSettings settings, DateOnly today)
    where TCase : CaseFile
{
    public TCase Case { get; } = caseFile ?? throw new ArgumentNullException(nameof(caseFile));

    public OrganisationSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public DateOnly Today { get; } = today;
}

/// <summary>Makes the thin view model of a case.</summary>
public static class CaseView
{
    /// <summary>The view factory a kind without a view model of its own passes to <see cref="CaseKind{TCase, TView}"/>.</summary>
    public static CaseView<TCase> Of<TCase>(TCase caseFile, OrganisationSettings settings, DateOnly today)
        where TCase : CaseFile => new(caseFile, settings, today);
}
