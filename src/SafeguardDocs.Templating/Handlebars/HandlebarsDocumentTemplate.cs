using System.Text.RegularExpressions;
using HandlebarsDotNet;
using SafeguardDocs.Core.Cases;
using HB = HandlebarsDotNet.Handlebars;

namespace SafeguardDocs.Templating.Handlebars;

/// <summary>
/// A Handlebars file used as a document template. Read at run time, so a school can change wording
/// without a build. Sandboxed: it can only read the case and call <see cref="HandlebarsHelpers"/>;
/// every value is HTML-escaped and raw output (<c>{{{…}}}</c>, <c>{{&amp;…}}</c>) is refused.
/// The file starts with a header comment naming its kind:
/// <code>
/// {{!--
/// kind: device-allocation
/// description: Loan letter for digital equipment
/// --}}
/// </code>
/// </summary>
public sealed partial class HandlebarsDocumentTemplate : IDocumentTemplate
{
    private static readonly IHandlebars Environment = CreateEnvironment();

    private readonly HandlebarsTemplate<object, object> _compiled;

    private HandlebarsDocumentTemplate(string name, string kind, string description, string source, string text, HandlebarsTemplate<object, object> compiled)
    {
        Name = name;
        Kind = kind;
        Description = description;
        Source = source;
        Text = text;
        _compiled = compiled;
    }

    public string Name { get; }

    public string Kind { get; }

    public TemplateEngine Engine => TemplateEngine.Handlebars;

    public string Description { get; }

    public string Source { get; }

    /// <summary>The template's text, for the checker.</summary>
    public string Text { get; }

    /// <summary>The largest template read: a letter's template is a few kilobytes.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads, checks (<see cref="HandlebarsTemplateChecker"/>) and compiles a template file. Returns the
    /// template, or every reason it cannot be used; a template with errors is never returned.
    /// </summary>
    public static (HandlebarsDocumentTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Load(string path, string? displayPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var shown = displayPath ?? path;
        string text;
        try
        {
            text = System.Text.Encoding.UTF8.GetString(Core.Io.SafeFile.ReadAllBytes(path, MaxBytes, "The template file")).TrimStart('\uFEFF');
        }
        catch (Core.Io.InputFileException e)
        {
            return (null, [new TemplateLoadError(shown, 1, 1, TemplateLoadError.HeaderId, e.Message)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new TemplateLoadError(shown, 1, 1, TemplateLoadError.HeaderId, "The template file could not be read. Check the path and permissions.")]);
        }

        return Parse(text, Path.GetFileName(path), shown);
    }

    /// <summary>Checks and compiles template text. <paramref name="name"/> is its name in the catalogue (the file name).</summary>
    public static (HandlebarsDocumentTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Parse(string text, string name, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<TemplateLoadError>();
        var header = HeaderPattern().Match(text);
        string? kind = null;
        var description = string.Empty;
        if (!header.Success)
        {
            errors.Add(new TemplateLoadError(source, 1, 1, TemplateLoadError.HeaderId,
                "The template must start with a header comment naming its kind: {{!-- kind: device-allocation --}}."));
        }
        else
        {
            kind = header.Groups["kind"].Value.Trim();
            description = DescriptionPattern().Match(header.Value) is { Success: true } d ? d.Groups["text"].Value.Trim() : string.Empty;
            if (CaseKinds.Find(kind) is null)
            {
                errors.Add(new TemplateLoadError(source, 1, 1, TemplateLoadError.HeaderId,
                    $"The header names a kind SafeguardDocs does not know. Use one of: {string.Join(", ", CaseKinds.All.Select(k => k.Name))}."));
            }
        }

        // The checker reads every tag against the case model of the kind (syntax and helpers only when the kind is unknown).
        errors.AddRange(HandlebarsTemplateChecker.Check(text, kind is null ? null : CaseKinds.Find(kind)?.ModelType, source));

        HandlebarsTemplate<object, object>? compiled = null;
        if (errors.Count == 0)
        {
            try
            {
                compiled = Environment.Compile(text);
            }
            catch (HandlebarsException e)
            {
                errors.Add(new TemplateLoadError(source, 1, 1, TemplateLoadError.SyntaxId, $"The template cannot be read: {e.Message}"));
            }
        }

        return errors.Count > 0 || compiled is null || kind is null
            ? (null, errors)
            : (new HandlebarsDocumentTemplate(name, kind, description, source, text, compiled), errors);
    }

    public string RenderHtml(CaseFile caseFile, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        using (HandlebarsHelpers.Use(context))
        {
            return _compiled(CaseData.From(caseFile)!, null!);
        }
    }

    internal static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private static IHandlebars CreateEnvironment()
    {
        var hb = HB.Create(new HandlebarsConfiguration
        {
            // Null parents (an optional object left out) are normal; misspelt names are caught by the template check instead.
            ThrowOnUnresolvedBindingExpression = false,
            NoEscape = false,
        });
        HandlebarsHelpers.Register(hb);
        return hb;
    }

    [GeneratedRegex(@"\A\s*\{\{!--(?<body>(?:(?!--\}\}).)*?kind:\s*(?<kind>[A-Za-z0-9-]+)(?:(?!--\}\}).)*)--\}\}", RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"description:\s*(?<text>[^\r\n]*)")]
    private static partial Regex DescriptionPattern();
}
