using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Analyzers.Tests;

/// <summary>
/// Compiles a snippet in memory against the runtime, SafeguardDocs.Core and a few global usings, runs
/// the SafeguardDocs analyzers over it, and compares what they report with the spans marked
/// <c>[|like this|]</c> in the snippet. Locations are printed the way compilers do, 1-based.
/// </summary>
internal static class AnalyzerHarness
{
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using SafeguardDocs.Core.Cases;
        global using SafeguardDocs.Core.Cases.DeviceAllocation;
        global using SafeguardDocs.Core.Diagnostics;
        global using SafeguardDocs.Core.Io;
        global using SafeguardDocs.Core.Naming;
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        new PersonalDataFlowAnalyzer(),
        new SystemClockAnalyzer(),
        new CaseModelRequirednessAnalyzer(),
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The test host's trusted platform assemblies are the runtime plus everything this project references, Core included.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        paths.ShouldContain(p => Path.GetFileName(p) == Path.GetFileName(typeof(PersonalDataAttribute).Assembly.Location));
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>Asserts that the snippet reports <paramref name="id"/> exactly at its marked spans, and no other SGD diagnostic.</summary>
    public static IReadOnlyList<Diagnostic> ShouldReport(string id, string markup)
    {
        var (source, spans) = ParseMarkup(markup);
        spans.ShouldNotBeEmpty("mark the expected location with [| |]");
        var diagnostics = Run(source);
        var text = SourceText.From(source);
        var expected = spans.Select(s => Describe(id, text.Lines.GetLinePositionSpan(s))).ToList();
        var actual = diagnostics.Select(d => Describe(d.Id, d.Location.GetLineSpan().Span)).ToList();
        actual.ShouldBe(expected, $"""
            Expected:
            {string.Join(Environment.NewLine, expected)}
            Reported:
            {string.Join(Environment.NewLine, diagnostics)}
            """);
        return diagnostics;
    }

    public static void ShouldReportNothing(string source)
    {
        var diagnostics = Run(source);
        diagnostics.ShouldBeEmpty(string.Join(Environment.NewLine, diagnostics));
    }

    /// <summary>The SGD diagnostics for a snippet, in source order. Fails if the snippet itself does not compile.</summary>
    public static ImmutableArray<Diagnostic> Run(string source, string path = "Snippet.cs")
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source, parse, path), CSharpSyntaxTree.ParseText(GlobalUsings, parse, "GlobalUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        errors.ShouldBeEmpty("the snippet must compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));

        var all = compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        all.Where(d => d.Id == "AD0001").ShouldBeEmpty("an analyzer threw");
        return [.. all.Where(d => d.Id.StartsWith("SGD", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary><c>SGD001 (3,27)-(3,40)</c>: id and 1-based line and column span.</summary>
    public static string Describe(string id, LinePositionSpan span) =>
        $"{id} ({span.Start.Line + 1},{span.Start.Character + 1})-({span.End.Line + 1},{span.End.Character + 1})";

    private static (string Source, List<TextSpan> Spans) ParseMarkup(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                open.Push(source.Length);
                i++;
            }
            else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
            {
                spans.Add(TextSpan.FromBounds(open.Pop(), source.Length));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        open.ShouldBeEmpty("unbalanced [| |] in the snippet");
        return (source.ToString(), [.. spans.OrderBy(s => s.Start)]);
    }
}
