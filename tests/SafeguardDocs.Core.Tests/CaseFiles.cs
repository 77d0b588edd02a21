using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests;

/// <summary>Loads sample cases and checks them, for rule tests that start from a good case and break one thing.</summary>
internal static class CaseFiles
{
    public static T Sample<T>(string file) where T : CaseFile
    {
        var result = CaseLoader.LoadFile(Repo.Sample(file));
        result.Errors.ShouldBeEmpty();
        return result.Case.ShouldBeOfType<T>();
    }

    public static IReadOnlyList<Finding> Check(CaseFile c, ValidationContext? context = null) =>
        CaseKinds.For(c).Rules.Check(c, context ?? ValidationContext.From(FixedClock.Default));

    /// <summary>Asserts the rule fired at the path, and that its message does not quote any of the given values.</summary>
    public static void ShouldReport(this IReadOnlyList<Finding> findings, Rule rule, string path, params string[] valuesNotToQuote)
    {
        var match = findings.Where(f => f.Id == rule.Id && f.Path == path).ToList();
        match.ShouldNotBeEmpty($"expected {rule.Id} at {path}; got: {string.Join("; ", findings.Select(f => $"{f.Id} {f.Path}"))}");
        match[0].Severity.ShouldBe(rule.Severity);
        foreach (var value in valuesNotToQuote.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            match[0].ToString().ShouldNotContain(value);
        }
    }

    public static void ShouldNotReport(this IReadOnlyList<Finding> findings, Rule rule) =>
        findings.Select(f => f.Id).ShouldNotContain(rule.Id);
}
