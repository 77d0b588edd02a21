using System.Text.RegularExpressions;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests.Rules;

/// <summary>Every rule of every kind, checked together: ids unique, each citing a seed, and the sections it quotes really there.</summary>
public sealed partial class RuleCatalogueTests
{
    private static readonly string[] SeedFiles = [Seeds.PanDorset, Seeds.OnlineSafeguardingStrategy, Seeds.ESafetyProcedure, Seeds.IncidentGuidance, Seeds.SchoolPolicy];

    [Fact]
    public void Rule_ids_are_unique_across_every_kind()
    {
        var ids = CaseKinds.All.SelectMany(k => k.Rules.Rules).Select(r => r.Id).ToList();
        ids.ShouldBeUnique();
        ids.Count.ShouldBeGreaterThan(150);
    }

    [Fact]
    public void Every_rule_cites_one_of_the_five_seeds()
    {
        foreach (var rule in CaseKinds.All.SelectMany(k => k.Rules.Rules))
        {
            SeedFiles.ShouldContain(seed => rule.Source.Contains(seed, StringComparison.Ordinal), $"{rule.Id} cites '{rule.Source}'");
        }
    }

    [Fact]
    public void The_sections_rules_quote_are_in_the_seeds()
    {
        var seedsFolder = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "seeds"));
        if (!Directory.Exists(seedsFolder))
        {
            return; // The seeds travel beside the repository, not in it.
        }

        var texts = SeedFiles.ToDictionary(s => s, s => Normalise(File.ReadAllText(Path.Combine(seedsFolder, s))));
        var missing = new List<string>();
        var quotedTitles = 0;
        foreach (var rule in CaseKinds.All.SelectMany(k => k.Rules.Rules))
        {
            // "file §n "Section title"" or "file "Title"; file "Title"": each quoted title must be in the file cited before it.
            foreach (Match citation in Citation().Matches(rule.Source))
            {
                var seed = citation.Groups["seed"].Value;
                foreach (Capture quoted in citation.Groups["title"].Captures)
                {
                    quotedTitles++;
                    if (!texts[seed].Contains(Normalise(quoted.Value), StringComparison.OrdinalIgnoreCase))
                    {
                        missing.Add($"{rule.Id}: \"{quoted.Value}\" not found in {seed}");
                    }
                }
            }
        }

        missing.Distinct().ShouldBeEmpty();
        quotedTitles.ShouldBeGreaterThan(100, "the citations' quoted section titles were not found by the pattern");
    }

    private static string Normalise(string text) =>
        Whitespace().Replace(text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u2013', '-').Replace('\u2014', '-'), " ");

    [GeneratedRegex(@"(?<seed>\d{3}_[0-9a-f]{16}\.txt)(?:[^""\d;]*""(?<title>[^""]+)"")*")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
