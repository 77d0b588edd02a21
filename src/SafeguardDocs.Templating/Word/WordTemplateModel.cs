using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Templating.Word;

/// <summary>
/// What a Word template sees, decided in this one place: the same object, with the same names, as a
/// <c>.sbn</c> template of the kind: the kind's view model (<see cref="CaseKind.ViewType"/>, made by
/// <see cref="CaseKind.CreateView"/>), so <c>child.name</c>, <c>equipment</c>, <c>isLoan</c>,
/// <c>salutation</c> and <c>chaseBy</c> mean the same in both. Its member paths are checked by the one
/// Scriban checker (<see cref="Scriban.Checking.ScribanTemplateChecker"/>) the <c>.sbn</c> templates use.
/// </summary>
public static class WordTemplateModel
{
    /// <summary>The type templates of <paramref name="kind"/> are checked against: its view model.</summary>
    public static Type TypeFor(CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.ViewType;
    }

    /// <summary>The object a case is rendered from: its kind's view model, as a <c>.sbn</c> template renders.</summary>
    /// <exception cref="ArgumentException">The case is not of <paramref name="kind"/>.</exception>
    public static object For(CaseKind kind, CaseFile caseFile, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(caseFile);
        return kind.CreateView(caseFile, settings, today);
    }

    /// <summary>The type of <c>settings</c>.</summary>
    public static Type SettingsType => typeof(OrganisationSettings);
}
