using static SafeguardDocs.Analyzers.Tests.AnalyzerHarness;

namespace SafeguardDocs.Analyzers.Tests;

/// <summary>SGD004: every case-model field says whether it is required.</summary>
public sealed class CaseModelRequirednessTests
{
    private const string Id = "SGD004";

    [Fact]
    public void A_case_property_that_is_neither_nullable_nor_required_is_an_error()
    {
        var diagnostics = ShouldReport(Id, """
            namespace SafeguardDocs.Core.Cases.Sample;

            public sealed record SampleCase : CaseFile
            {
                public string [|Title|] { get; init; } = "";

                public int [|Count|] { get; set; }

                public DateOnly? MeetingDate { get; init; }
            }
            """);

        diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            "'SampleCase.Title' is neither nullable nor 'required'; make it nullable ('string?') and add a validation rule "
            + "if it must be present, or mark it 'required'");
        Describe(diagnostics[1].Id, diagnostics[1].Location.GetLineSpan().Span).ShouldBe("SGD004 (7,16)-(7,21)");
    }

    [Fact]
    public void Types_reached_from_a_case_through_properties_and_lists_are_case_models()
    {
        ShouldReport(Id, """
            namespace SafeguardDocs.Core.Cases.Sample;

            public sealed record SampleCase : CaseFile
            {
                public Attendee? Chair { get; init; }

                public IReadOnlyList<Item>? Items { get; init; }
            }

            public sealed record Attendee
            {
                public string [|Name|] { get; init; } = "";
            }

            public sealed record Item
            {
                public bool [|Checked|] { get; init; }
            }

            public sealed record Positional(string [|Code|]) : CaseFile;
            """);
    }

    [Fact]
    public void Nullable_and_required_properties_are_fine()
    {
        ShouldReportNothing("""
            namespace SafeguardDocs.Core.Cases.Sample;

            public sealed record SampleCase : CaseFile
            {
                public string? Title { get; init; }

                public required string Kindly { get; init; }

                public bool? Confirmed { get; init; }

                public IReadOnlyList<string>? Lines { get; init; }

                // Computed, not read from the case file.
                public bool HasTitle => Title is not null;

                public static int Version { get; set; }
            }
            """);
    }

    [Fact]
    public void Types_that_are_not_case_models_are_not_checked()
    {
        ShouldReportNothing("""
            namespace SafeguardDocs.Core.Cases
            {
                // In the cases namespace but not reached from a case: a catalogue entry, not a model.
                public sealed record Catalogue
                {
                    public string Name { get; init; } = "";
                }
            }

            namespace SafeguardDocs.Core.Rules
            {
                public sealed record Options
                {
                    public int Days { get; init; } = 5;
                }
            }
            """);
    }
}
