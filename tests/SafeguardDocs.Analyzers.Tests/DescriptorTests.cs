using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Analyzers.Tests;

/// <summary>Every diagnostic has a title, a message that says what to do, and a help page.</summary>
public sealed class DescriptorTests
{
    public static TheoryData<string> Ids => ["SGD001", "SGD002", "SGD003", "SGD004"];

    private static readonly DiagnosticAnalyzer[] Analyzers =
        [new PersonalDataFlowAnalyzer(), new SystemClockAnalyzer(), new CaseModelRequirednessAnalyzer()];

    private static DiagnosticDescriptor Descriptor(string id) =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_help_page_that_explains_and_fixes_it(string id)
    {
        var descriptor = Descriptor(id);
        descriptor.HelpLinkUri.ShouldBe($"docs/analyzers/{id}.md");

        var page = Path.Combine(Repo.Root, descriptor.HelpLinkUri);
        File.Exists(page).ShouldBeTrue($"{page} is missing");
        var text = File.ReadAllText(page);
        text.ShouldStartWith($"# {id}: {descriptor.Title}");
        text.ShouldContain("## What it catches");
        text.ShouldContain("## Why");
        text.ShouldContain("## How to fix");
        text.ShouldContain("```csharp");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_message_says_what_to_do(string id)
    {
        var descriptor = Descriptor(id);
        descriptor.Title.ToString(CultureInfo.InvariantCulture).ShouldNotBeNullOrWhiteSpace();
        var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
        message.ShouldContain("; ");
        message.ShouldMatch(@"(instead|use|make it|never the value)");
        descriptor.IsEnabledByDefault.ShouldBeTrue();
    }

    [Fact]
    public void Severities_are_as_the_issue_asks()
    {
        Descriptor("SGD001").DefaultSeverity.ShouldBe(DiagnosticSeverity.Error);
        Descriptor("SGD002").DefaultSeverity.ShouldBe(DiagnosticSeverity.Warning);
        Descriptor("SGD003").DefaultSeverity.ShouldBe(DiagnosticSeverity.Error);
        Descriptor("SGD004").DefaultSeverity.ShouldBe(DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_analyzers_are_built_against_a_compiler_no_newer_than_the_SDKs()
    {
        // An analyzer built against a newer Roslyn than the compiler running it is silently skipped (CS9057).
        var referenced = typeof(PersonalDataFlowAnalyzer).Assembly.GetReferencedAssemblies()
            .Single(a => a.Name == "Microsoft.CodeAnalysis").Version!;
        referenced.Major.ShouldBe(4);
        referenced.Minor.ShouldBeLessThanOrEqualTo(14);
    }
}
