using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Templating.Word;

/// <summary>
/// What a Word template sees, decided in this one place: the same object, with the same names, as a
/// <c>.sbn</c> template of the kind. Today that is the case record itself (<see cref="CaseKind.ModelType"/>);
/// when the kinds' view models arrive, only these two members change.
/// </summary>
public static class WordTemplateModel
{
    /// <summary>The type templates of <paramref name="kind"/> are checked against.</summary>
    public static Type TypeFor(CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.ModelType;
    }

    /// <summary>The object a case is rendered from.</summary>
    public static object For(CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        return caseFile;
    }

    /// <summary>The type of <c>settings</c>.</summary>
    public static Type SettingsType => typeof(OrganisationSettings);
}
