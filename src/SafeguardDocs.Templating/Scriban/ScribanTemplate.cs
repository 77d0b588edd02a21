using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SafeguardDocs.Templating.Scriban.Checking;

namespace SafeguardDocs.Templating.Scriban;

/// <summary>What one render gave: the markup, or the problems that stopped it (never both).</summary>
public sealed record ScribanRenderResult(string? Html, IReadOnlyList<TemplateLoadError> Errors)
{
    public bool Succeeded => Html is not null;
}

/// <summary>
/// A Scriban template parsed and checked once, then rendered against any .NET object of its model type,
/// on any number of threads. The model's properties are seen camelCase (<see cref="ScribanNames"/>);
/// besides them a template has only <see cref="ScribanFunctions"/>, <c>today</c> and <c>settings</c>.
/// Every render has its own context, is strict (an unknown name is an error, never empty text) and
/// bounded (<see cref="ScribanLimits"/>); a problem is returned as a diagnostic, never thrown.
/// </summary>
public sealed partial class ScribanTemplate
{
    private readonly Template _parsed;
    private readonly TemplateFolderLoader _loader;

    private ScribanTemplate(Template parsed, string source, Type modelType, TemplateFolderLoader loader, ScribanLimits limits)
    {
        _parsed = parsed;
        Source = source;
        ModelType = modelType;
        _loader = loader;
        Limits = limits;
    }

    /// <summary>How the template is named in diagnostics.</summary>
    public string Source { get; }

    public Type ModelType { get; }

    public ScribanLimits Limits { get; }

    /// <summary>
    /// Parses and checks (<see cref="ScribanTemplateChecker"/>) template text against <paramref name="modelType"/>.
    /// Returns the template, or every reason it cannot be used; a template with errors is never returned.
    /// </summary>
    /// <param name="text">The template.</param>
    /// <param name="source">How the template is named in diagnostics (its path as the user gave it).</param>
    /// <param name="modelType">The type of the object it renders.</param>
    /// <param name="settingsType">The type of <c>settings</c>; null leaves <c>settings.…</c> unchecked.</param>
    /// <param name="templatesFolder">The folder <c>include</c> reads from; null refuses <c>include</c>.</param>
    /// <param name="limits">The limits of each render; null for <see cref="ScribanLimits.Default"/>.</param>
    public static (ScribanTemplate? Template, IReadOnlyList<TemplateLoadError> Errors) Parse(
        string text, string source, Type modelType, Type? settingsType = null, string? templatesFolder = null, ScribanLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(modelType);
        var loader = new TemplateFolderLoader(templatesFolder);
        var parsed = Template.Parse(text, source);
        var errors = ScribanTemplateChecker.Check(parsed, text, modelType, source, settingsType, loader);
        return errors.Count > 0
            ? (null, errors)
            : (new ScribanTemplate(parsed, source, modelType, loader, limits ?? ScribanLimits.Default), errors);
    }

    /// <summary>Renders the template for <paramref name="model"/>. Never throws for a template or data problem.</summary>
    public ScribanRenderResult Render(object model, object? settings, DateOnly today, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelType.IsInstanceOfType(model))
        {
            throw new ArgumentException($"This template renders {ModelType.Name}, not {model.GetType().Name}.", nameof(model));
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(Limits.TimeLimit);
        var context = new DocumentTemplateContext(_loader, Limits, deadline.Token);
        var globals = new ScriptObject(StringComparer.Ordinal)
        {
            [ScribanFunctions.Today] = today,
            [ScribanFunctions.Settings] = settings,
        };
        globals.Import(model, ScribanNames.Filter, ScribanNames.Renamer);
        context.PushGlobal(globals);
        try
        {
            return new ScribanRenderResult(_parsed.Render(context), []);
        }
        catch (ScriptAbortException e)
        {
            return Failed(e, cancellation.IsCancellationRequested ? ScribanCheckMessages.Cancelled : ScribanCheckMessages.TimeLimit(Limits.TimeLimit));
        }
        catch (ScriptRuntimeException e)
        {
            return Failed(e, Describe(e));
        }
        catch (TemplateFunctionException e)
        {
            return Failed(context.CurrentNode, e.Message);
        }
        catch (InsufficientExecutionStackException)
        {
            return Failed(context.CurrentNode, ScribanCheckMessages.RecursiveLimit(Limits.RecursiveLimit));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or OverflowException or NotSupportedException)
        {
            // Not expected from Scriban (it wraps what it calls), but a render must never throw: say where, not what the value was.
            return Failed(context.CurrentNode, ScribanCheckMessages.RenderFailed(e.GetType().Name));
        }
    }

    private string Describe(ScriptRuntimeException e)
    {
        if (Find<TemplateFunctionException>(e) is { } function)
        {
            return function.Message;
        }

        // Scriban's own messages are shown only when they name the template's text; others might hold a value.
        var message = e.OriginalMessage ?? string.Empty;
        return message switch
        {
            _ when message.Contains("iteration limit", StringComparison.Ordinal) || message.Contains("LoopLimit", StringComparison.Ordinal) => ScribanCheckMessages.LoopLimit(Limits.LoopLimit),
            _ when message.Contains("recursive depth", StringComparison.Ordinal) => ScribanCheckMessages.RecursiveLimit(Limits.RecursiveLimit),
            _ when message.Contains("OutputLimit", StringComparison.Ordinal) || message.Contains("LimitToString", StringComparison.Ordinal) => ScribanCheckMessages.OutputLimit(Limits.OutputLimit),
            _ when message.StartsWith("The variable or function `", StringComparison.Ordinal) && message.EndsWith("` was not found", StringComparison.Ordinal) => ScribanCheckMessages.NameAtRender(message + "."),
            _ when message.StartsWith("Cannot get member with name ", StringComparison.Ordinal) => ScribanCheckMessages.NameAtRender(message),
            _ when NullTarget().Match(message) is { Success: true } match => ScribanCheckMessages.NullTarget(match.Groups["target"].Value, match.Groups["path"].Value),
            _ => ScribanCheckMessages.RenderFailed(Find<Exception>(e.InnerException) is { } inner ? inner.GetType().Name : "a Scriban runtime error"),
        };
    }

    /// <summary>Scriban's message for a member read from nothing: both names are the template's own text.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\AObject `(?<target>[^`]*)` is null\. Cannot access (?:member|indexer): (?<path>.*)\z")]
    private static partial System.Text.RegularExpressions.Regex NullTarget();

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private ScribanRenderResult Failed(ScriptRuntimeException e, string message) =>
        new(null, [new TemplateLoadError(string.IsNullOrEmpty(e.Span.FileName) ? Source : e.Span.FileName, e.Span.Start.Line + 1, e.Span.Start.Column + 1, ScribanDiagnostics.RenderId, message)]);

    private ScribanRenderResult Failed(ScriptNode? at, string message) =>
        new(null, [new TemplateLoadError(at is null || string.IsNullOrEmpty(at.Span.FileName) ? Source : at.Span.FileName, (at?.Span.Start.Line ?? 0) + 1, (at?.Span.Start.Column ?? 0) + 1, ScribanDiagnostics.RenderId, message)]);
}
