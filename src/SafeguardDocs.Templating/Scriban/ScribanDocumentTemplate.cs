using System.Text.RegularExpressions;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// A Scriban file (<c>.sbn</c>) used as a document template: read at run time, so a school can change
/// wording without a build, and checked against the view model of its document kind
/// (<see cref="DocumentKind.ViewType"/>: a case kind's own document, or one a kind makes from another record,
/// such as <c>aup-pack-letter</c>) before use. It renders the same view model object the kind's Razor template does: the case with the
/// case file's names (<c>child.dateOfBirth</c>), the kind's derived facts (<c>isLoan</c>, <c>chaseBy</c>),
/// <c>today</c>, <c>settings</c> (the local settings) and <see cref="ScribanFunctions"/>. The file starts with a header comment naming its kind:
/// <code>
/// {{##
/// kind: device-allocation
/// description: Loan letter for digital equipment
/// ##}}
/// </code>
/// </summary>
public sealed partial class ScribanDocumentTemplate : IDocumentTemplate
{
    /// <summary>The type templates see as <c>settings</c>, until the organisation settings type replaces it.</summary>
    public static Type SettingsType => typeof(OrganisationSettings);

    /// <summary>The most a template file may hold (1 MB): a template is a page of text, never more.</summary>
    public const long MaxBytes = 1024 * 1024;

    private readonly ScribanTemplate _template;

    private readonly DocumentKind _kind;

    private ScribanDocumentTemplate(string name, DocumentKind kind, string description, string source, ScribanTemplate template)
    {
        Name = name;
        _kind = kind;
        Kind = kind.Name;
        Description = description;
        Source = source;
        _template = template;
    }

    public string Name { get; }

    public string Kind { get; }

    public TemplateEngine Engine => TemplateEngine.Scriban;

    public string Description { get; }

    public string Source { get; }

    /// <summary>
    /// Reads, checks and parses a template file. <paramref name="templatesFolder"/> is where its
    /// <c>include</c>s are read from (by default the file's own folder). Returns the template, or every
    /// reason it cannot be used; a template with errors is never returned.
    /// </summary>
    public static (ScribanDocumentTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Load(string path, string? displayPath = null, string? templatesFolder = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var shown = displayPath ?? path;
        string text;
        try
        {
            // Only an ordinary file, read no further than the limit: never a device, a pipe or a link to one.
            text = System.Text.Encoding.UTF8.GetString(Core.Io.SafeFile.ReadAllBytes(path, MaxBytes, "The template file")).TrimStart('\uFEFF');
        }
        catch (Core.Io.InputFileException e)
        {
            return (null, [new TemplateLoadError(shown, 1, 1, ScribanDiagnostics.HeaderId, e.Message)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new TemplateLoadError(shown, 1, 1, ScribanDiagnostics.HeaderId, "The template file could not be read. Check the path and permissions.")]);
        }

        return Parse(text, Path.GetFileName(path), shown, templatesFolder ?? Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Checks and parses template text. <paramref name="name"/> is its name in the catalogue (the file name).</summary>
    public static (ScribanDocumentTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Parse(string text, string name, string source, string? templatesFolder = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<TemplateLoadError>();
        var header = HeaderPattern().Match(text);
        DocumentKind? kind = null;
        var description = string.Empty;
        if (!header.Success)
        {
            errors.Add(new TemplateLoadError(source, 1, 1, ScribanDiagnostics.HeaderId,
                "The template must start with a header comment naming its kind: {{## kind: device-allocation ##}}."));
        }
        else
        {
            description = DescriptionPattern().Match(header.Value) is { Success: true } d ? d.Groups["text"].Value.Trim() : string.Empty;
            kind = CaseKinds.FindDocument(header.Groups["kind"].Value.Trim());
            if (kind is null)
            {
                errors.Add(new TemplateLoadError(source, 1, 1, ScribanDiagnostics.HeaderId,
                    $"The header names a kind SafeguardDocs does not know. Use one of: {string.Join(", ", CaseKinds.Documents.Select(k => k.Name))}."));
            }
        }

        if (kind is null)
        {
            // Without a kind there is no model to check names against: the syntax is still checked.
            errors.AddRange(Checking.ScribanTemplateChecker.Check(text, null, source));
            return (null, errors);
        }

        var (template, templateErrors) = ScribanTemplate.Parse(text, source, kind.ViewType, SettingsType, templatesFolder);
        errors.AddRange(templateErrors);
        return template is null || errors.Count > 0
            ? (null, errors)
            : (new ScribanDocumentTemplate(name, kind, description, source, template), errors);
    }

    /// <summary>The type of the object the template renders: its document kind's view model (<see cref="DocumentKind.ViewType"/>).</summary>
    public Type ModelType => _kind.ViewType;

    /// <summary>Renders a document (from the case, or the record its kind makes it from), through its view model; every problem is returned, never thrown.</summary>
    public ScribanRenderResult Render(object source, RenderContext context, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return _template.Render(_kind.CreateView(source, context.Options, context.Today), context.Options, context.Today, cancellation);
    }

    /// <inheritdoc/>
    /// <exception cref="TemplateRenderException">The template stopped on this document; its errors say where and why.</exception>
    public string RenderHtml(object source, RenderContext context)
    {
        var result = Render(source, context);
        return result.Html ?? throw new TemplateRenderException(result.Errors);
    }

    [GeneratedRegex(@"\A\s*\{\{##(?<body>(?:(?!##\}\}).)*?kind:\s*(?<kind>[A-Za-z0-9-]+)(?:(?!##\}\}).)*)##\}\}", RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"description:\s*(?<text>[^\r\n]*)")]
    private static partial Regex DescriptionPattern();
}
