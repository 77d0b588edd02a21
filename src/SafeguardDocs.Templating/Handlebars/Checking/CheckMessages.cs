namespace SafeguardDocs.Templating.Handlebars.Checking;

/// <summary>
/// The template checker's messages, in one place so they read alike and can be tested. Each says what
/// is wrong and what to do; none quotes case data (a template holds none).
/// </summary>
internal static class CheckMessages
{
    public const string Blocks = "{{#if}}, {{#unless}}, {{#each}} and {{#with}}";

    public const string HelperList = "The helpers are listed in docs/markup.md.";

    public const string EmptyTag = "This tag is empty. Put a name in it, such as {{reference}}, or remove it.";

    public const string EmptySubexpression = "These brackets are empty. Put a helper call in them, such as (addDays letterDate 21).";

    public const string SubexpressionNeverClosed = "This '(' is never closed. Add the ')' that ends the helper call.";

    public const string StringNeverClosed = "This quoted text is never closed. Add the closing quote.";

    public const string BracketNeverClosed = "This '[' is never closed. Add the ']' that ends the name.";

    public const string BlockParametersLast = "Block parameters (as |item|) must come last in the tag.";

    public const string BadBlockParameters = "Block parameters are written as |item| or |item index|, with a name between the bars.";

    public const string ParameterAfterHash = "An argument cannot follow a name=value argument. Put plain arguments first.";

    public const string CaretElse = "Write {{else}} here: this Handlebars engine does not understand {{^}}.";

    public const string Partial = "Partials ({{> name}}) are not available to document templates. Put the text in this template.";

    public const string Decorator = "Decorators ({{* name}}) are not available to document templates. Remove it.";

    public const string RawOutput = "Raw output ({{{ }}}, {{& }} or {{{{ }}}}) is not allowed: every value must be escaped. Use {{ }}.";

    public const string ElseOutsideBlock = "This {{else}} is not inside a block. Put it between a {{#if …}} and its {{/if}}, or remove it.";

    public const string ElseTwice = "This block already has an {{else}}. Remove this one, or make the first one {{else if …}}.";

    public const string ElseChain = "Only {{else if …}} and {{else unless …}} can follow 'else' in a tag. Use {{else}} and open a block inside it.";

    public static string TagNeverClosed(string close) => $"This tag is never closed. End it with {close}.";

    public static string CommentNeverClosed(string close) => $"This comment is never closed. End it with {close}.";

    public static string UnexpectedCharacter(char c) => $"'{c}' cannot appear here. Check the tag against the examples in docs/markup.md.";

    public static string HashWithoutValue(string key) => $"'{key}=' needs a value after the '='.";

    public static string OneArgument(string block) => block switch
    {
        "if" or "unless" => $"{{{{#{block}}}}} takes one condition: {{{{#{block} child.name}}}} or {{{{#{block} (eq ownership \"loan\")}}}}.",
        "each" => "{{#each}} takes one list: {{#each equipment}}.",
        _ => $"{{{{#{block}}}}} takes one object: {{{{#{block} provider}}}}.",
    };

    public static string BlockParametersNotHere => "Block parameters (as |item|) can only follow {{#each …}} or {{#with …}}.";

    public static string NeverClosed(string block) => $"{{{{#{block}}}}} is never closed. Add {{{{/{block}}}}} where the block should end.";

    public static string ClosesNothing(string block) => $"{{{{/{block}}}}} closes a block that was never opened. Remove it, or add the {{{{#{block} …}}}} it belongs to.";

    public static string Mismatched(string closing, string open, int line, int column) =>
        $"{{{{/{closing}}}}} does not match the {{{{#{open}}}}} opened at line {line}, column {column}. Close that block first with {{{{/{open}}}}}.";

    public static string UnknownMember(string written, string owner, string segment, string? suggestion) =>
        $"`{written}` is not in the case model: {owner} has no member `{segment}`. "
        + (suggestion is null ? "Check the name against the case file's names (they are case-sensitive)." : $"Did you mean `{suggestion}`?");

    public static string HelperAsValue(string name) =>
        $"`{name}` is a helper, not part of the case. To use its result as an argument, put it in brackets: ({name}).";

    public static string NoMembers(string written, string owner, string description, string segment) =>
        $"`{written}`: {owner} is {description}, so it has no member `{segment}`. Remove `.{segment}`.";

    public static string ListHasNoMember(string written, string owner, string segment) =>
        $"`{written}`: {owner} is a list, so it has no member `{segment}`. Go through its items with {{{{#each}}}} and use `{segment}` inside.";

    public static string NotAList(string written, string description) =>
        $"`{written}` is {description}, not a list: {{{{#each}}}} needs a list, such as `equipment`. Use {{{{#if}}}} or {{{{#with}}}} instead.";

    public static string AboveTheCase(string written) =>
        $"`{written}` goes above the case: there are more '../' than enclosing {{{{#each}}}} and {{{{#with}}}} blocks. Remove one '../'.";

    public static string BadPath(string written) =>
        $"`{written}` is not a path Handlebars can read. Write names separated by dots, such as child.dateOfBirth, optionally after ../ or this.";

    public static string DataOutsideEach(string written) =>
        $"`{written}` is only set inside {{{{#each}}}}. Move it into the {{{{#each}}}} block, or remove it.";

    public static string UnknownData(string written, string? suggestion) =>
        $"`{written}` is not a Handlebars variable. "
        + (suggestion is null ? "The variables are @index, @first, @last and @key inside {{#each}}, and @root." : $"Did you mean `{suggestion}`?");

    public static string UnknownHelper(string name, string? suggestion) =>
        $"`{name}` is not a helper. " + (suggestion is null ? HelperList : $"Did you mean `{suggestion}`? {HelperList}");

    public static string BlockAsHelper(string name) =>
        $"`{name}` is a block, not a helper: write {{{{#{name} …}}}} … {{{{/{name}}}}}.";

    public static string UnknownBlock(string name, string? suggestion) =>
        $"`#{name}` is not a block. " + (suggestion is null ? $"The blocks are {Blocks}." : $"Did you mean `#{suggestion}`? The blocks are {Blocks}.");

    public static string HelperAsBlock(string name) =>
        $"`{name}` is a helper, not a block: write {{{{{name} …}}}} without '#', or use {Blocks}.";

    public static string UnknownSetting(string name, string? suggestion, IEnumerable<string> settings) =>
        $"\"{name}\" is not a setting. " + (suggestion is null ? string.Empty : $"Did you mean \"{suggestion}\"? ") + $"The settings are {string.Join(", ", settings)}.";
}
