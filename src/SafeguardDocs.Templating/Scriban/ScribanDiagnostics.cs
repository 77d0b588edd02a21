
namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// The ids of problems with Scriban templates. They are printed as <see cref="TemplateLoadError"/>
/// (<c>file(line,col): error ID: message</c>), and share its ids where the problem is the same.
/// </summary>
public static class ScribanDiagnostics
{
    /// <summary>A name or member the model does not have.</summary>
    public const string UnknownMemberId = TemplateLoadError.UnknownMemberId;

    /// <summary>The template cannot be parsed (for example a block whose <c>end</c> is missing).</summary>
    public const string SyntaxId = TemplateLoadError.SyntaxId;

    /// <summary>The header comment is missing, or names an unknown kind.</summary>
    public const string HeaderId = TemplateLoadError.HeaderId;

    /// <summary>A function that is not one of the template functions.</summary>
    public const string UnknownFunctionId = TemplateLoadError.UnknownFunctionId;

    /// <summary>The template stopped while rendering: a limit was reached, or a function was given something it cannot use.</summary>
    public const string RenderId = "SGT006";

    /// <summary>A statement document templates may not use (<c>func</c>, <c>import</c>, <c>capture</c>…).</summary>
    public const string NotAllowedId = "SGT007";

    /// <summary>A model member whose template name is a Scriban word or hides a template function: a problem in SafeguardDocs, not in the template.</summary>
    public const string ModelNameId = "SGT008";
}
