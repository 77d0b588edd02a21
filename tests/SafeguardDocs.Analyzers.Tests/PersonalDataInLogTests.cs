using Microsoft.CodeAnalysis;
using static SafeguardDocs.Analyzers.Tests.AnalyzerHarness;

namespace SafeguardDocs.Analyzers.Tests;

/// <summary>SGD002: a [PersonalData] member must never reach a log or the console.</summary>
public sealed class PersonalDataInLogTests
{
    private const string Id = "SGD002";

    /// <summary>Just enough of Microsoft.Extensions.Logging and Spectre.Console: the analyzer knows them by name.</summary>
    private const string LoggingAndSpectre = """

        namespace Microsoft.Extensions.Logging
        {
            public interface ILogger;

            public static class LoggerExtensions
            {
                public static void LogInformation(this ILogger logger, string? message, params object?[] args) { }
            }
        }

        namespace Spectre.Console
        {
            public static class AnsiConsole
            {
                public static void MarkupLine(string value) { }
            }
        }
        """;

    [Fact]
    public void Child_name_on_the_console_is_a_warning_by_default()
    {
        var diagnostic = ShouldReport(Id, """
            static class Cli
            {
                static void Print(DeviceAllocationCase c) => Console.WriteLine($"Loaded {[|c.Child?.Name|]}");
            }
            """).ShouldHaveSingleItem();

        // Default severity; this repository's .editorconfig raises it to an error.
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            "'AllocatedChild.Name' is personal data and reaches log or console output through 'Console.WriteLine'; "
            + "print the case reference, the JSON path or the rule instead, never the value");
        Describe(diagnostic.Id, diagnostic.Location.GetLineSpan().Span).ShouldBe("SGD002 (3,78)-(3,91)");
    }

    [Fact]
    public void Personal_data_on_standard_error_debug_and_trace_is_reported()
    {
        ShouldReport(Id, """
            static class Cli
            {
                static void Print(DeviceAllocationCase c)
                {
                    Console.Error.WriteLine("Check the date of birth " + [|c.Child?.DateOfBirth|]);
                    Console.Out.Write([|c.Provider?.Phone|]);
                    System.Diagnostics.Debug.WriteLine([|c.Recipient?.Name|]);
                    System.Diagnostics.Trace.TraceWarning("{0}", [|c.Provider?.Email|]);
                }
            }
            """);
    }

    [Fact]
    public void Personal_data_in_a_log_message_or_on_a_Spectre_console_is_reported()
    {
        ShouldReport(Id, """
            using Microsoft.Extensions.Logging;

            static class Batch
            {
                static void Report(ILogger logger, DeviceAllocationCase c)
                {
                    logger.LogInformation("Loaded case for {Child}", [|c.Child?.Name|]);
                    var name = c.Recipient?.Name;
                    Spectre.Console.AnsiConsole.MarkupLine($"[red]Missing organisation for {[|name|]}[/]");
                }
            }
            """ + LoggingAndSpectre);
    }

    [Fact]
    public void Printing_a_whole_record_that_holds_personal_data_is_reported()
    {
        // DeviceAllocationCase's generated ToString() prints the provider, the recipient and the child.
        ShouldReport(Id, """
            static class Cli
            {
                static void Dump(DeviceAllocationCase c, AllocatedChild child)
                {
                    Console.WriteLine([|c|]);
                    Console.WriteLine("Child: {0}", [|child|]);
                }
            }
            """);
    }

    [Fact]
    public void Personal_data_on_an_injected_console_writer_is_reported()
    {
        // The CLI writes to CliEnvironment.Out and Error, which are marked [LogOutput].
        ShouldReport(Id, """
            sealed record Env([property: LogOutput] TextWriter Out, [LogOutput] TextWriter Error);

            static class Printer
            {
                static void Print([LogOutput] TextWriter writer, Env env, AllocatedChild child)
                {
                    env.Out.WriteLine($"Child: {[|child.Name|]}");
                    env.Error.Write([|child.DateOfBirth|]);
                    writer.WriteLine([|child|]);
                }
            }
            """);
    }

    [Fact]
    public void Case_reference_rule_and_path_on_the_console_are_fine()
    {
        ShouldReportNothing("""
            using Microsoft.Extensions.Logging;

            sealed record Note(string Path, string Rule)
            {
                [PersonalData]
                public string? Child { get; init; }

                // Its own ToString() prints no personal data, so printing the record is fine.
                public override string ToString() => $"{Rule} at {Path}";
            }

            static class Cli
            {
                static void Print(ILogger logger, DeviceAllocationCase c, Note note)
                {
                    Console.WriteLine($"{c.Reference}: {note.Rule} at {note.Path}");
                    Console.WriteLine(note);
                    logger.LogInformation("Wrote {Reference}_{Initials}", c.Reference, OutputNaming.Initials(c.Child?.Name));
                    Console.WriteLine(c.Child?.Name is null ? "no child named" : "child named");
                }
            }
            """ + LoggingAndSpectre);
    }

    [Fact]
    public void Personal_data_written_to_a_document_stream_is_not_a_log()
    {
        ShouldReportNothing("""
            static class Letters
            {
                static void Write(TextWriter document, DeviceAllocationCase c) => document.WriteLine($"Re: {c.Child?.Name}");
            }
            """);
    }
}
