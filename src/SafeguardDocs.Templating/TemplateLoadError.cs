namespace SafeguardDocs.Templating;

/// <summary>A template file that cannot be used, printed compiler-style: <c>file(line,col): error ID: message</c>.</summary>
public sealed record TemplateLoadError(string File, int Line, int Column, string Id, string Message)
{
    /// <summary>An expression names a member the view model does not have.</summary>
    public const string UnknownMemberId = "SGT001";

    /// <summary>The template cannot be parsed (for example a block that is never closed).</summary>
    public const string SyntaxId = "SGT002";

    /// <summary>The header comment is missing, or names an unknown kind.</summary>
    public const string HeaderId = "SGT003";

    /// <summary>An unknown template function was used.</summary>
    public const string UnknownFunctionId = "SGT005";

    /// <summary>A template that checked clean failed while rendering one case.</summary>
    public const string RenderFailedId = "SGT006";

    /// <summary>Line 0 means the file has no lines to point to (a Word template): its message says where instead.</summary>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column}): error {Id}: {Message}" : $"{File}: error {Id}: {Message}";
}
