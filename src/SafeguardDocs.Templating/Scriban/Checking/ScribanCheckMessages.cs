namespace SafeguardDocs.Templating.Scriban.Checking;

/// <summary>
/// The Scriban checker's and renderer's messages, in one place so they read alike and can be tested.
/// Each says what is wrong and what to do; none quotes case data (a template holds none, and a render
/// problem is described, never shown with the value).
/// </summary>
internal static class ScribanCheckMessages
{
    public const string FunctionsDoc = "The functions are listed in docs/templates.md.";

    public static string NeverClosed(string block) =>
        $"`{block}` is never closed: its `end` is missing. Add {{{{ end }}}} where the {(block is "for" or "while" ? "loop" : "block")} should end.";

    public const string EndWithoutBlock =
        "This {{ end }} closes no block: every `if`, `for`, `with` and `case` before it is already closed. Remove it, or add the block it should close.";

    public static string Syntax(string message) => $"The template cannot be read here: {message}";

    public static string UnknownName(string name, string? suggestion) =>
        $"`{name}` is not in the model, and is not a template function or a name set earlier in the template. "
        + (suggestion is null ? "Check the name against the case file's names (they are case-sensitive)." : $"Did you mean `{suggestion}`?");

    public static string UnknownMember(string written, string owner, string member, string? suggestion) =>
        $"`{written}` is not in the model: `{owner}` has no member `{member}`. "
        + (suggestion is null ? "Check the name against the case file's names (they are case-sensitive)." : $"Did you mean `{suggestion}`?");

    public static string ListHasNoMember(string written, string owner, string member) =>
        $"`{written}`: `{owner}` is a list, so it has no member `{member}`. Go through its items with {{{{ for item in {owner} }}}} and use `item.{member}` inside.";

    public static string NoMembers(string written, string owner, string description, string member) =>
        $"`{written}`: `{owner}` is {description}, so it has no member `{member}`. Remove `.{member}`.";

    public static string UnknownFunction(string written, string? suggestion) =>
        $"`{written}` is not a template function. " + (suggestion is null ? FunctionsDoc : $"Did you mean `{suggestion}`? {FunctionsDoc}");

    public static string NotAFunction(string written, string description) =>
        $"`{written}` is {description}, not a function, so it cannot be given values to work on. Check the spelling of the function's name.";

    public static string NotAList(string written, string description) =>
        $"`{written}` is {description}, not a list: {{{{ for }}}} needs a list, such as `equipment`. Use {{{{ if }}}} or {{{{ with }}}} instead.";

    public static string WithNeedsObject(string written, string description) =>
        $"`{written}` is {description}: {{{{ with }}}} needs an object, such as `provider`.";

    public static string LoopVariableOutsideLoop(string written, string loop) =>
        $"`{written}` is only set inside a {{{{ {loop} }}}} loop. Move it into the loop, or remove it.";

    public static string NotAllowed(string statement) =>
        $"`{statement}` is not available in document templates. Write the text out in the template (loops, conditions and include are available).";

    public static string IncludeNeedsName() =>
        "include takes the name of a template in quotes, such as {{ include \"parts/signature.sbn\" }}.";

    public static string ModelName(string problem) =>
        $"The model has a member templates cannot use: {problem}. This is a problem in SafeguardDocs, not in the template: report it.";

    public static string LoopLimit(int limit) =>
        $"A loop went round more than {limit:N0} times, so the document was stopped. Check the template's loops: a loop inside a loop multiplies the steps.";

    public static string RecursiveLimit(int limit) =>
        $"Includes or function calls nested more than {limit} deep, so the document was stopped. Check that no template includes itself.";

    public static string OutputLimit(int limit) =>
        $"The document grew past {limit:N0} characters, so it was stopped. Check the template's loops: a loop inside a loop multiplies the text.";

    public static string TimeLimit(TimeSpan limit) =>
        $"The document took longer than {limit.TotalSeconds:0.#} seconds to make, so it was stopped. Check the template's loops: a loop inside a loop multiplies the steps.";

    public const string Cancelled = "Making the document was cancelled.";

    public static string NameAtRender(string scribanMessage) =>
        $"{scribanMessage} Run 'safeguard-docs check' on the template: it finds names the model does not have.";

    public static string NullTarget(string target, string path) =>
        $"`{target}` is left out of this case, so `{path}` cannot be read. Write `{target}?.` instead of `{target}.` to read nothing when it is left out, or put this inside {{{{ if {target} }}}} … {{{{ end }}}}.";

    public static string RenderFailed(string what) =>
        $"The template could not be rendered at this point ({what}). Run 'safeguard-docs check' on it, or use the built-in template.";
}
