using Scriban;
using Scriban.Parsing;

namespace SafeguardDocs.Templating.Scriban.Checking;

/// <summary>
/// Checks a Scriban template against the type of the model it renders, the way a compiler would, using
/// Scriban's own parser: syntax errors (a block whose <c>end</c> is missing is reported where it
/// opens), then every name and member path resolved against the model type with the names templates
/// see (<see cref="ScribanNames"/>), inside <c>for</c> loops (the loop variable is an item of the list),
/// <c>with</c> blocks and conditions, and every function call against <see cref="ScribanFunctions"/>.
/// Every problem is returned at once with its 1-based line and column and, for a misspelling, the
/// nearest real name.
/// </summary>
public static class ScribanTemplateChecker
{
    /// <summary>
    /// Checks template text. <paramref name="modelType"/> is the type of the model (for a case template,
    /// the case record, for example <c>DeviceAllocationCase</c>); when null only the syntax is checked.
    /// <paramref name="settingsType"/> is the type of <c>settings</c> (unchecked when null).
    /// <paramref name="loader"/> is the templates folder <c>include</c> reads from (none when null).
    /// </summary>
    public static IReadOnlyList<TemplateLoadError> Check(string text, Type? modelType, string file, Type? settingsType = null, TemplateFolderLoader? loader = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        return Check(Template.Parse(text, file), text, modelType, file, settingsType, loader);
    }

    internal static IReadOnlyList<TemplateLoadError> Check(Template parsed, string text, Type? modelType, string file, Type? settingsType, TemplateFolderLoader? loader)
    {
        if (parsed.HasErrors)
        {
            return SyntaxErrors(parsed, text, file);
        }

        var errors = new List<TemplateLoadError>();
        if (modelType is not null)
        {
            errors.AddRange(ScribanNames.Collisions(modelType, ScribanFunctions.FunctionNames)
                .Select(problem => new TemplateLoadError(file, 1, 1, ScribanDiagnostics.ModelNameId, ScribanCheckMessages.ModelName(problem))));
            var visitor = new CheckingVisitor(file, modelType, settingsType, loader);
            visitor.Visit(parsed.Page);
            errors.AddRange(visitor.Errors);
        }

        return [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
    }

    private static List<TemplateLoadError> SyntaxErrors(Template parsed, string text, string file)
    {
        var errors = new List<TemplateLoadError>();
        var unclosed = UnclosedBlocks(text, file);
        var reportedUnclosed = false;
        foreach (var message in parsed.Messages.Where(m => m.Type == ParserMessageType.Error))
        {
            if (message.Message.Contains("statement was not found", StringComparison.Ordinal) && unclosed.Count > 0)
            {
                if (!reportedUnclosed)
                {
                    errors.AddRange(unclosed.Select(b => new TemplateLoadError(file, b.Line, b.Column, ScribanDiagnostics.SyntaxId, ScribanCheckMessages.NeverClosed(b.Word))));
                    reportedUnclosed = true;
                }

                continue;
            }

            var plain = message.Message.Contains("<end> statement without a corresponding beginning", StringComparison.Ordinal)
                ? ScribanCheckMessages.EndWithoutBlock
                : ScribanCheckMessages.Syntax(message.Message);
            errors.Add(new TemplateLoadError(file, message.Span.Start.Line + 1, message.Span.Start.Column + 1, ScribanDiagnostics.SyntaxId, plain));
        }

        return [.. errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column)];
    }

    private static readonly HashSet<string> BlockWords = new(StringComparer.Ordinal) { "if", "for", "while", "with", "case", "capture", "wrap", "func", "tablerow" };

    /// <summary>
    /// Blocks opened and never ended, found from Scriban's own tokens: a statement that starts with a
    /// block word opens a block, one that is <c>end</c> closes the innermost.
    /// </summary>
    private static List<(string Word, int Line, int Column)> UnclosedBlocks(string text, string file)
    {
        var open = new List<(string Word, int Line, int Column)>();
        var atStatementStart = false;
        (string Word, int Line, int Column)? pending = null;
        foreach (var token in new Lexer(text, file))
        {
            // A block word opens a block unless a dot follows it (`for.index` is the loop's index).
            if (pending is { } opened && token.Type != TokenType.Dot)
            {
                open.Add(opened);
            }

            pending = null;
            switch (token.Type)
            {
                case TokenType.CodeEnter:
                case TokenType.NewLine:
                case TokenType.SemiColon:
                    atStatementStart = true;
                    break;
                case TokenType.Identifier when atStatementStart:
                    var word = token.GetText(text);
                    if (word == "end" && open.Count > 0)
                    {
                        open.RemoveAt(open.Count - 1);
                    }
                    else if (BlockWords.Contains(word))
                    {
                        pending = (word, token.Start.Line + 1, token.Start.Column + 1);
                    }

                    atStatementStart = false;
                    break;
                default:
                    atStatementStart = false;
                    break;
            }
        }

        if (pending is { } last)
        {
            open.Add(last);
        }

        return open;
    }
}
