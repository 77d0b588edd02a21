using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using SafeguardDocs.TestSupport;
using Xunit.Abstractions;

namespace SafeguardDocs.Cli.Tests.Properties;

/// <summary>
/// Property-based tests of hostile input (issue 10): every sample case and the sample roster, mutated at
/// random (fields dropped, duplicated, of the wrong type, extreme numbers and dates, long random Unicode,
/// control characters, deep nesting). The property, for every input: the command never throws and never
/// hangs; it ends in findings (exit 1), a read error (exit 2) or documents that pass OpenXmlValidator;
/// nothing is written outside --out; and no message quotes a value the mutation put in.
/// <para>
/// The normal test run samples a fixed seed a bounded number of times. The long run (README, "Hostile
/// input") samples random seeds with shrinking: <c>SAFEGUARD_PROPERTY_ITERATIONS=10000</c>. Inputs that
/// ever failed are kept in <c>Properties/Regressions/</c> and checked every run.
/// </para>
/// </summary>
[Collection(nameof(HostileInputProperties))]
public sealed class HostileInputProperties(ITestOutputHelper output)
{
    public static TheoryData<string> CaseSamples { get; } = new(
        "device-allocation.json", "viewing-decision.json", "strategy-meeting.json", "online-safety-plan.json", "incident-report.json", "aup-agreement.json", "aup-pack.json");

    private const string FixedSeed = "0hostileSeed";

    private static readonly int? LongRun = int.TryParse(Environment.GetEnvironmentVariable("SAFEGUARD_PROPERTY_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Cases per kind (and rosters) in the normal test run: enough to cover every mutation, quick enough for every run.</summary>
    private const int NormalIterations = 20;

    [Theory]
    [MemberData(nameof(CaseSamples))]
    public void Mutated_cases_end_in_findings_a_read_error_or_valid_documents(string sample)
    {
        var json = File.ReadAllText(Repo.Sample(sample));
        Run(Mutations.All, mutations => CaseProperty.Check(sample, json, mutations), m => string.Join("; ", m.Select(x => x.ToString())));
    }

    [Fact]
    public void Mutated_rosters_end_in_a_report_a_read_error_or_valid_packs()
    {
        Run(RosterMutations.All, mutations => RosterProperty.Check(mutations), m => string.Join("; ", m.Select(x => x.ToString())));
    }

    [Fact]
    public void Inputs_that_once_failed_are_handled()
    {
        var folder = Path.Combine(Repo.Root, "tests", "SafeguardDocs.Cli.Tests", "Properties", "Regressions");
        var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(5);
        foreach (var file in files)
        {
            var outcome = CaseProperty.CheckText(File.ReadAllText(file, Encoding.UTF8), []);
            output.WriteLine($"{Path.GetFileName(file)}: exit {outcome}");
        }
    }

    private void Run<T>(Gen<T> gen, Action<T> check, Func<T, string> print)
    {
        if (LongRun is { } iterations)
        {
            // The long run: random seeds on every core, shrinking any failure to a small input, which is printed with its seed.
            gen.Sample(check, writeLine: output.WriteLine, iter: iterations, threads: Environment.ProcessorCount, print: print);
            return;
        }

        // The normal run: the same inputs every time, one after another.
        var pcg = PCG.Parse(FixedSeed);
        for (var i = 0; i < NormalIterations; i++)
        {
            var value = gen.Generate(pcg, null, out _);
            try
            {
                check(value);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Input {i} failed: {print(value)}", e);
            }
        }
    }
}

/// <summary>One change to a case file.</summary>
public enum MutationKind
{
    Drop,
    Duplicate,
    WrongType,
    ExtremeNumber,
    ExtremeDate,
    RandomText,
    ControlCharacters,
    DeepNesting,
    UnknownProperty,
    EmptyContainer,
}

/// <summary>A change at the <see cref="Pick"/>-th node of the case (in document order), with a value drawn from <see cref="Choice"/> and <see cref="Text"/>.</summary>
public sealed record Mutation(MutationKind Kind, int Pick, int Choice, string Text)
{
    public override string ToString() => $"{Kind}@{Pick}/{Choice} \"{Escape(Text)}\"";

    internal static string Escape(string text) => JsonSerializer.Serialize(text.Length > 40 ? text[..40] + "…" : text)[1..^1];
}

internal static class Mutations
{
    /// <summary>Text a case could be given: long random Unicode (any code unit, lone surrogates included), control characters, or empty.</summary>
    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char, 8, 300],
        Gen.String[Gen.Char['\u0000', '\u001F'], 1, 12].Select(c => "Ab" + c + "yZ"),
        Gen.String[Gen.Char['\u0100', '\uFFFD'], 2000, 6000],
        Gen.Const(string.Empty));

    public static readonly Gen<Mutation[]> All = Gen.Select(Gen.Enum<MutationKind>(), Gen.Int[0, 400], Gen.Int[0, 1000], Text, (k, p, c, t) => new Mutation(k, p, c, t)).Array[1, 5];

    internal static readonly string[] ExtremeDates = ["9999-12-31", "9999-12-30", "0001-01-01", "1899-12-31", "2101-01-01", "2100-12-31", "1900-01-01", "2026-02-29", "2028-02-29", "2026-13-01", "2026-11-20T25:00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00", "2026-11-20T10:00:00+14:00"];

    internal static readonly JsonNode?[] ExtremeNumbers = [int.MaxValue, int.MinValue, long.MaxValue, -1, 0, 1.5, 1e308, -1e308, decimal.MaxValue, 13, 99999];

    /// <summary>Applies the mutations to a case's JSON; returns the text (duplicated properties are made in the text).</summary>
    public static string Apply(string json, IReadOnlyList<Mutation> mutations, List<string> planted)
    {
        var root = JsonNode.Parse(json)!;
        var duplicates = new List<(string Name, string Value)>();
        foreach (var m in mutations)
        {
            var nodes = Walk(root).ToList();
            var (parent, key, node) = nodes[m.Pick % nodes.Count];
            if (m.Text.Length >= 8)
            {
                planted.Add(m.Text);
            }

            switch (m.Kind)
            {
                case MutationKind.Drop when parent is not null:
                    Remove(parent, key);
                    break;
                case MutationKind.Duplicate when parent is JsonObject && key is string name:
                    duplicates.Add((name, m.Choice % 2 == 0 ? node?.ToJsonString() ?? "null" : JsonSerializer.Serialize(m.Text)));
                    break;
                case MutationKind.WrongType:
                    Replace(root, parent, key, (m.Choice % 6) switch
                    {
                        0 => JsonValue.Create(m.Choice),
                        1 => JsonValue.Create(m.Choice % 2 == 0),
                        2 => JsonValue.Create(m.Text),
                        3 => new JsonArray(JsonValue.Create(m.Text), JsonValue.Create(m.Choice)),
                        4 => new JsonObject { ["x"] = m.Text },
                        _ => null,
                    }, ref root);
                    break;
                case MutationKind.ExtremeNumber:
                    Replace(root, parent, key, ExtremeNumbers[m.Choice % ExtremeNumbers.Length]?.DeepClone(), ref root);
                    break;
                case MutationKind.ExtremeDate:
                    Replace(root, parent, key, JsonValue.Create(ExtremeDates[m.Choice % ExtremeDates.Length]), ref root);
                    break;
                case MutationKind.RandomText:
                case MutationKind.ControlCharacters:
                    Replace(root, parent, key, JsonValue.Create(m.Text), ref root);
                    break;
                case MutationKind.DeepNesting:
                    JsonNode deep = JsonValue.Create(m.Text)!;
                    for (var i = 0; i < 10 + (m.Choice % 120); i++)
                    {
                        deep = m.Choice % 2 == 0 ? new JsonArray(deep) : new JsonObject { ["a"] = deep };
                    }

                    Replace(root, parent, key, deep, ref root);
                    break;
                case MutationKind.UnknownProperty when node is JsonObject o:
                    o["zz" + (m.Choice % 97).ToString(CultureInfo.InvariantCulture)] = m.Text;
                    break;
                case MutationKind.EmptyContainer:
                    Replace(root, parent, key, m.Choice % 2 == 0 ? new JsonArray() : new JsonObject(), ref root);
                    break;
            }
        }

        var text = root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1000 });
        foreach (var (name, value) in duplicates)
        {
            var at = text.IndexOf(JsonSerializer.Serialize(name) + ":", StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text[..at] + JsonSerializer.Serialize(name) + ":" + value + "," + text[at..];
            }
        }

        return text;
    }

    private static IEnumerable<(JsonNode? Parent, object? Key, JsonNode? Node)> Walk(JsonNode? root)
    {
        var stack = new Stack<(JsonNode?, object?, JsonNode?)>();
        stack.Push((null, null, root));
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            yield return item;
            switch (item.Item3)
            {
                case JsonObject o:
                    foreach (var (k, v) in o.Reverse())
                    {
                        stack.Push((o, k, v));
                    }

                    break;
                case JsonArray a:
                    for (var i = a.Count - 1; i >= 0; i--)
                    {
                        stack.Push((a, i, a[i]));
                    }

                    break;
            }
        }
    }

    private static void Remove(JsonNode parent, object? key)
    {
        if (parent is JsonObject o && key is string name)
        {
            o.Remove(name);
        }
        else if (parent is JsonArray a && key is int i)
        {
            a.RemoveAt(i);
        }
    }

    private static void Replace(JsonNode root, JsonNode? parent, object? key, JsonNode? value, ref JsonNode rootRef)
    {
        if (parent is JsonObject o && key is string name)
        {
            o[name] = value;
        }
        else if (parent is JsonArray a && key is int i)
        {
            a[i] = value;
        }
        else if (parent is null && value is not null)
        {
            rootRef = value;
        }
    }
}

/// <summary>The property for one mutated case file, run through <c>generate</c> as a user would.</summary>
internal static class CaseProperty
{
    public static void Check(string sample, string json, Mutation[] mutations)
    {
        var planted = new List<string>();
        var text = Mutations.Apply(json, mutations, planted);
        CheckText(text, planted);
    }

    /// <summary>Runs <c>generate</c> on the text; returns the exit code after checking every part of the property.</summary>
    public static int CheckText(string text, IReadOnlyList<string> planted)
    {
        var work = Repo.NewTempFolder();
        try
        {
            var casePath = Path.Combine(work, "case.json");
            File.WriteAllText(casePath, text, new UTF8Encoding(false));
            var run = Bounded.Run(() => CliRunner.RunIn(work, "generate", "case.json", "--out", "out"), seconds: 60);
            run.ExitCode.ShouldBeOneOf([0, 1, 2], run.All);
            run.All.ShouldNotContain("   at ");
            run.All.ShouldNotContain("Exception:");
            foreach (var value in planted)
            {
                run.All.Contains(value, StringComparison.Ordinal).ShouldBeFalse("a message quotes a value from the case");
            }

            // Nothing outside --out.
            Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).Order(StringComparer.Ordinal)
                .ShouldBeSubsetOf(["case.json", "out"]);
            var written = Directory.Exists(Path.Combine(work, "out")) ? Directory.EnumerateFiles(Path.Combine(work, "out")).ToList() : [];
            if (run.ExitCode == 0)
            {
                var document = written.Where(f => f.EndsWith(".docx", StringComparison.Ordinal)).ShouldHaveSingleItem(run.All);
                OpenXmlCheck.AssertValid(document);
            }
            else
            {
                written.ShouldBeEmpty(run.All);
            }

            return run.ExitCode;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

/// <summary>One change to the roster: a line and a field, and what to do there.</summary>
public enum RosterMutationKind
{
    DropField,
    DuplicateField,
    RandomText,
    ControlCharacters,
    StrayQuote,
    ExtremeDate,
    ExtremeYear,
    EmptyLine,
    DuplicateHeader,
    DropLine,
}

public sealed record RosterMutation(RosterMutationKind Kind, int Line, int Field, int Choice, string Text)
{
    public override string ToString() => $"{Kind}@{Line}:{Field}/{Choice} \"{Mutation.Escape(Text)}\"";
}

internal static class RosterMutations
{
    public static readonly Gen<RosterMutation[]> All = Gen.Select(
        Gen.Enum<RosterMutationKind>(), Gen.Int[0, 12], Gen.Int[0, 20], Gen.Int[0, 1000], Mutations.Text,
        (k, l, f, c, t) => new RosterMutation(k, l, f, c, t)).Array[1, 6];

    private static readonly string[] Dates = ["31/12/9999", "01/01/0001", "29/02/2019", "2020-12-24", "32/01/2020", "1/1/1900", "00/00/0000"];

    private static readonly string[] Years = ["Year 14", "N1", "Year -1", "2147483648", "Reception", "R", "Y7", "13", "0"];

    /// <summary>The first rows of the sample roster (a few families), mutated.</summary>
    public static string Apply(IReadOnlyList<RosterMutation> mutations, List<string> planted)
    {
        var lines = File.ReadLines(Repo.Sample("aup-roster.csv")).Take(10).Select(l => l.Split(',').ToList()).ToList();
        foreach (var m in mutations)
        {
            var line = lines[m.Line % lines.Count];
            var field = m.Field % Math.Max(1, line.Count);
            if (m.Text.Length >= 8)
            {
                planted.Add(m.Text);
            }

            switch (m.Kind)
            {
                case RosterMutationKind.DropField when line.Count > 0:
                    line.RemoveAt(field);
                    break;
                case RosterMutationKind.DuplicateField when line.Count > 0:
                    line.Insert(field, line[field]);
                    break;
                case RosterMutationKind.RandomText or RosterMutationKind.ControlCharacters when line.Count > 0:
                    line[field] = "\"" + m.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                    break;
                case RosterMutationKind.StrayQuote when line.Count > 0:
                    line[field] = m.Choice % 2 == 0 ? "\"" + line[field] : line[field] + "\"x";
                    break;
                case RosterMutationKind.ExtremeDate when line.Count > 6:
                    line[6] = Dates[m.Choice % Dates.Length];
                    break;
                case RosterMutationKind.ExtremeYear when line.Count > 4:
                    line[4] = Years[m.Choice % Years.Length];
                    break;
                case RosterMutationKind.EmptyLine:
                    lines.Insert(m.Line % lines.Count, []);
                    break;
                case RosterMutationKind.DuplicateHeader:
                    lines.Insert(1 + (m.Line % lines.Count), [.. lines[0]]);
                    break;
                case RosterMutationKind.DropLine when lines.Count > 1:
                    lines.RemoveAt(m.Line % lines.Count);
                    break;
            }
        }

        return string.Join("\r\n", lines.Select(l => string.Join(',', l))) + "\r\n";
    }
}

/// <summary>The property for one mutated roster, run through <c>pack</c> as the school office would.</summary>
internal static class RosterProperty
{
    public static void Check(RosterMutation[] mutations)
    {
        var planted = new List<string>();
        var roster = RosterMutations.Apply(mutations, planted);
        var work = Repo.NewTempFolder();
        try
        {
            File.Copy(Repo.Sample("aup-pack.json"), Path.Combine(work, "aup-pack.json"));
            File.WriteAllText(Path.Combine(work, "aup-roster.csv"), roster, new UTF8Encoding(false));
            var run = Bounded.Run(() => CliRunner.RunIn(work, "pack", "aup-pack.json", "--out", "out"), seconds: 60);
            run.ExitCode.ShouldBeOneOf([0, 2], run.All);
            run.All.ShouldNotContain("   at ");
            run.All.ShouldNotContain("Exception:");
            Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).Order(StringComparer.Ordinal)
                .ShouldBeSubsetOf(["aup-pack.json", "aup-roster.csv", "out"]);
            var written = Directory.Exists(Path.Combine(work, "out")) ? Directory.EnumerateFiles(Path.Combine(work, "out")).ToList() : [];
            foreach (var file in written)
            {
                if (file.EndsWith(".csv", StringComparison.Ordinal))
                {
                    var report = File.ReadAllText(file);
                    foreach (var value in planted)
                    {
                        report.Contains(value, StringComparison.Ordinal).ShouldBeFalse("the errors report quotes a value from the roster");
                    }
                }
                else
                {
                    OpenXmlCheck.AssertValid(file);
                }
            }

            foreach (var value in planted)
            {
                run.All.Contains(value, StringComparison.Ordinal).ShouldBeFalse("a message quotes a value from the roster");
            }

            if (run.ExitCode == 0)
            {
                written.ShouldContain(f => f.EndsWith("_print.docx", StringComparison.Ordinal));
                written.ShouldContain(f => f.EndsWith("_tracker.xlsx", StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
