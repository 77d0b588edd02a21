using SafeguardDocs.Templating.Handlebars.Checking;

namespace SafeguardDocs.Templating.Handlebars;

/// <summary>
/// Checks a Handlebars template against the case model it renders, the way a compiler would: every
/// name in every tag must be a member of the case (inside <c>#each</c> and <c>#with</c>, of the item
/// or object in hand; <c>../</c> steps out), every helper must be one of <see cref="HandlebarsHelpers"/>,
/// and every block must be closed by its own <c>{{/name}}</c>. Every problem is returned at once, with
/// its 1-based line and column.
/// </summary>
/// <remarks>
/// Understood: comments, <c>{{#if}}</c>/<c>{{#unless}}</c>/<c>{{#each}}</c>/<c>{{#with}}</c> with
/// <c>{{else}}</c> and <c>{{else if …}}</c>, <c>{{^x}}</c> sections, subexpressions, string and number
/// literals, <c>name=value</c> arguments, <c>as |item index|</c> block parameters, <c>this</c>,
/// <c>../</c>, <c>@root</c>, <c>@index</c>/<c>@first</c>/<c>@last</c>/<c>@key</c>, <c>[literal]</c>
/// segments, list indexes, <c>~</c> whitespace control and <c>\{{</c> escapes. Not checked: the
/// types of helper arguments, and anything under a helper's result or an object walked by
/// <c>#each</c> (its members are not known until the case is read). Refused: raw output, partials
/// and decorators, and <c>{{^}}</c> (this engine ignores it; write <c>{{else}}</c>).
/// </remarks>
public static class HandlebarsTemplateChecker
{
    /// <summary>
    /// Checks template text. <paramref name="modelType"/> is the case model of the template's kind (for
    /// example <c>DeviceAllocationCase</c>); when null only the syntax and helper names are checked.
    /// <paramref name="file"/> is how the template is named in the errors.
    /// </summary>
    public static IReadOnlyList<TemplateLoadError> Check(string text, Type? modelType, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        return TemplateWalker.Check(text, modelType, file);
    }
}
