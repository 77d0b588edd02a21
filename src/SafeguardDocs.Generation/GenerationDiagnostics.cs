using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating;

namespace SafeguardDocs.Generation;

/// <summary>
/// The ids of the problems the pipeline itself reports, and the conversions that bring every other
/// kind of problem (template checks, markup errors) into the one diagnostic type, <see cref="Finding"/>.
/// </summary>
public static class GenerationDiagnostics
{
    /// <summary>The kind has no single-document template (the AUP pack is made many documents at once).</summary>
    public const string NoTemplateForKindId = "GEN001";

    /// <summary>No template has the name asked for.</summary>
    public const string UnknownTemplateId = "GEN002";

    /// <summary>The template asked for renders another kind of case.</summary>
    public const string TemplateForOtherKindId = "GEN003";

    /// <summary>The pack run was given a case that is not an AUP pack.</summary>
    public const string NotAPackCaseId = "GEN004";

    /// <summary>The reference document for the house style could not be used.</summary>
    public const string HouseStyleUnusableId = "GEN005";

    /// <summary>No row of the roster could be used.</summary>
    public const string NoRosterRowId = "GEN006";

    /// <summary>The run stopped part way (a file could not be written, or it was cancelled); what was written is complete.</summary>
    public const string RunStoppedId = "GEN007";

    /// <summary>An evidence document was asked for without the register (<c>--no-register</c>): evidence is always registered.</summary>
    public const string EvidenceMustBeRegisteredId = "GEN008";

    /// <summary>A PDF was asked for and LibreOffice is not installed, or the conversion failed.</summary>
    public const string PdfUnavailableId = "GEN009";

    /// <summary>A correction names an entry that is not an issue in the register.</summary>
    public const string CorrectionUnknownId = "GEN010";

    /// <summary>A house style was given with a Word template, which is its own house style (a warning).</summary>
    public const string HouseStyleNotUsedId = "GEN011";

    /// <summary>A template that checked clean failed for one case.</summary>
    public const string TemplateRenderFailedId = TemplateLoadError.RenderFailedId;

    /// <summary>A template check problem, at its line and column in the template file.</summary>
    public static Finding From(TemplateLoadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Finding(error.Id, Severity.Error, string.Empty, error.Message) { File = error.File, Line = error.Line > 0 ? error.Line : null, Column = error.Line > 0 ? error.Column : null };
    }

    /// <summary>Markup a template produced that is outside the vocabulary, at its line and column in the rendered markup.</summary>
    public static Finding From(MarkupError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Finding(MarkupError.Id, Severity.Error, string.Empty, error.Message) { File = error.Template, Line = error.Line, Column = error.Column };
    }
}
