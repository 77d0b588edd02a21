using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;
using SafeguardDocs.Core.Text;

namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// One render of a document template: strict (an unknown name or member is an error, never empty text),
/// bounded (<see cref="ScribanLimits"/>), and every value HTML-escaped as it is written, so data can
/// never become markup. Dates are written in words. Text that is empty or only spaces counts as false,
/// as the Razor templates test for blank text (Scriban alone would count any text as true), so
/// <c>{{ if child.preferredName }}</c> means "if there is a preferred name". Includes come only through the
/// <see cref="TemplateFolderLoader"/>, parsed once for every render.
/// </summary>
internal sealed class DocumentTemplateContext : TemplateContext
{
    private readonly TemplateFolderLoader _loader;

    public DocumentTemplateContext(TemplateFolderLoader loader, ScribanLimits limits, CancellationToken cancellation)
        : base(ScribanFunctions.Builtins, StringComparer.Ordinal)
    {
        _loader = loader;
        TemplateLoader = loader;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        // Reading a member of a part the case leaves out (a null object) is an error too, with a message
        // that says to write `?.` (as in Razor) or to test the part with `if` first.
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedIndexerAccess = false;
        MemberRenamer = ScribanNames.Renamer;
        MemberFilter = ScribanNames.Filter;
        LoopLimit = limits.LoopLimit;
        RecursiveLimit = limits.RecursiveLimit;
        OutputLimit = limits.OutputLimit;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        LimitToString = limits.OutputLimit;
        OnStringLimit = ScriptLimitBehavior.Throw;
        CancellationToken = cancellation;
        NewLine = "\n";
        AutoIndent = false;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null)
        {
            return this;
        }

        if (textAsObject is IncludedMarkup included)
        {
            return Write(included.Markup);
        }

        var text = ObjectToString(textAsObject);
        return text is null ? this : Write(WebUtility.HtmlEncode(text));
    }

    /// <summary>Blank text (empty or only spaces) is false in <c>if</c>, <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>; anything else as Scriban decides.</summary>
    public override bool ToBool(SourceSpan span, object? value) =>
        value is string text ? !string.IsNullOrWhiteSpace(text) : base.ToBool(span, value);

    public override string? ObjectToString(object? value, bool nested = false) => value switch
    {
        DateOnly date => EnglishDates.Written(date),
        DateTime dateTime => dateTime.TimeOfDay == TimeSpan.Zero ? EnglishDates.Written(dateTime) : EnglishDates.WrittenWithTime(dateTime),
        _ => base.ObjectToString(value, nested),
    };

    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
        _loader.GetOrParse(templatePath, this, callerContext?.Span ?? CurrentSpan);
}
