using System.Reflection;
using System.Text;
using System.Xml.Linq;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests;

/// <summary>
/// <c>docs/case-files.md</c> is the reference a user reads to write a case file: every field of every
/// kind and every rule. It is generated from the case models, their XML comments and the rule sets,
/// and this test keeps it true: a model or rule that changes without the page failing here cannot land.
/// </summary>
public sealed class CaseFileReferenceTests
{
    private static readonly string PagePath = Path.Combine(Repo.Root, "docs", "case-files.md");

    [Fact]
    public void The_case_file_reference_describes_every_field_and_rule()
    {
        var expected = Generate();
        var actual = File.Exists(PagePath) ? File.ReadAllText(PagePath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (actual == expected)
        {
            return;
        }

        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCi && Environment.GetEnvironmentVariable("SNAPSHOT_ACCEPT") == "1")
        {
            File.WriteAllText(PagePath, expected);
            return;
        }

        File.WriteAllText(PagePath + ".received.md", expected);
        Assert.Fail($"docs/case-files.md is out of date with the case models: compare it with {PagePath}.received.md (run the tests with SNAPSHOT_ACCEPT=1 to regenerate it).");
    }

    [Fact]
    public void The_reference_names_every_sample_field()
    {
        var page = Generate();
        page.ShouldContain("| `child.dateOfBirth` |");
        page.ShouldContain("| `equipment[].serialNumber` |");
        page.ShouldContain("| `viewing.presentInRoom[].seniorLeader` |");
        page.ShouldContain("| DA019 | error |");
    }

    private static string Generate()
    {
        var docs = XmlDocs.Load(typeof(CaseFile).Assembly);
        var text = new StringBuilder();
        text.Append("""
            # Case files

            <!-- Generated from the case models, their XML comments and the rule sets by
                 tests/SafeguardDocs.Core.Tests/CaseFileReferenceTests.cs. Do not edit by hand: change the
                 model or rule, then run the tests with SNAPSHOT_ACCEPT=1. -->

            A case file is one JSON object whose `kind` names what it is. Names are case-sensitive; a field
            the kind does not have is refused with its JSON path and the nearest real name. Every field may be
            left out as far as reading the file goes: whether it is needed, and when, is decided by the rules
            listed under each kind, and `safeguard-docs validate CASE.json` prints what is missing. Fields marked
            *personal* hold personal data: they never reach a file name, the console or a log.

            Dates are written `YYYY-MM-DD`, dates and times `YYYY-MM-DDThh:mm:ss`, true or false without quotes.

            """);
        text.Append('\n');
        foreach (var kind in CaseKinds.All)
        {
            text.Append("## `").Append(kind.Name).Append("`\n\n").Append(kind.Description).Append(".\n\n");
            text.Append("| field | type | personal | what it is |\n|---|---|---|---|\n");
            foreach (var (path, property) in Fields(kind.ModelType, string.Empty))
            {
                var personal = property.GetCustomAttribute<PersonalDataAttribute>() is not null ? "personal" : string.Empty;
                text.Append("| `").Append(path).Append("` | ").Append(TypeName(property.PropertyType)).Append(" | ")
                    .Append(personal).Append(" | ").Append(docs.Summary(property)).Append(" |\n");
            }

            if (kind.RefusedProperties.Count > 0)
            {
                text.Append("\nRefused anywhere in the file: ")
                    .Append(string.Join(", ", kind.RefusedProperties.Keys.Order(StringComparer.Ordinal).Select(k => $"`{k}`")))
                    .Append(". ").Append(kind.RefusedProperties.Values.First()).Append('\n');
            }

            text.Append("\n| rule | severity | what to do | source |\n|---|---|---|---|\n");
            foreach (var rule in kind.Rules.Rules)
            {
                text.Append("| ").Append(rule.Id).Append(" | ").Append(rule.Severity == Severity.Error ? "error" : "warning").Append(" | ")
                    .Append(Cell(rule.Message)).Append(" | ").Append(Cell(rule.Source)).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static IEnumerable<(string Path, PropertyInfo Property)> Fields(Type type, string prefix)
    {
        foreach (var (name, property) in CaseModelMembers.Of(type).OrderBy(p => p.Value.MetadataToken))
        {
            var path = prefix + name;
            yield return (path, property);
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var item = CaseModelMembers.ItemType(target);
            var nested = item ?? target;
            if (IsObject(nested))
            {
                foreach (var child in Fields(nested, path + (item is null ? "." : "[].")))
                {
                    yield return child;
                }
            }
        }
    }

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && CaseModelMembers.ItemType(type) is null;

    private static string TypeName(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (CaseModelMembers.ItemType(target) is { } item)
        {
            return "list of " + (IsObject(item) ? "objects" : TypeName(item));
        }

        return target switch
        {
            _ when target == typeof(string) => "text",
            _ when target == typeof(bool) => "true/false",
            _ when target == typeof(int) || target == typeof(long) => "whole number",
            _ when target == typeof(DateOnly) => "date",
            _ when target == typeof(DateTime) => "date and time",
            _ when target == typeof(decimal) || target == typeof(double) => "number",
            _ => "object",
        };
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>The XML documentation file built beside an assembly, read for property summaries.</summary>
    private sealed class XmlDocs(Dictionary<string, string> summaries)
    {
        public static XmlDocs Load(Assembly assembly)
        {
            var file = Path.ChangeExtension(assembly.Location, ".xml");
            var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
            if (File.Exists(file))
            {
                foreach (var member in XDocument.Load(file).Descendants("member"))
                {
                    var summary = member.Element("summary");
                    if (member.Attribute("name")?.Value is { } name && summary is not null)
                    {
                        var words = summary.Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
                        summaries[name] = string.Join(' ', words);
                    }
                }
            }

            return new XmlDocs(summaries);
        }

        public string Summary(PropertyInfo property) =>
            summaries.TryGetValue($"P:{property.DeclaringType!.FullName!.Replace('+', '.')}.{property.Name}", out var summary) ? Cell(summary) : string.Empty;
    }
}
