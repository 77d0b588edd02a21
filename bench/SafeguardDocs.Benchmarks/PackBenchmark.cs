using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Packs;

namespace SafeguardDocs.Benchmarks;

/// <summary>
/// The AUP pack through the generation library (<see cref="AupPackWriter"/>, what the <c>pack</c> command
/// calls), in this process over a generated roster: seconds, documents a second and peak memory. Peak
/// memory is the process's own high water mark, so run <c>pack</c> on its own (as <c>all</c> does, in a
/// child process) for the 10,000-pupil figure.
/// </summary>
internal static class PackBenchmark
{
    public static int Run(int pupils, TextWriter output)
    {
        output.WriteLine($"AUP pack over a generated roster of {pupils} pupils");

        var folder = Machine.NewTempFolder($"pack-{pupils}");
        try
        {
            var packCase = PrepareInputs(folder, pupils, out var families);
            var outputFolder = Path.Combine(folder, "out");
            var clock = Stopwatch.StartNew();
            var writer = new AupPackWriter(TemplateLocations.Catalog(Machine.RepoRoot), FixedClock.Default);
            var result = writer.Write(packCase, AupPackOptions.Default with { OutputFolder = outputFolder });
            clock.Stop();
            var peak = Machine.PeakWorkingSetMb();
            var docx = Directory.Exists(outputFolder) ? Directory.GetFiles(outputFolder, "*.docx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];

            var table = new Table("pupils", "families", "seconds", "documents", "documents/s", "peak working set MB");
            table.Add(Table.N(pupils), Table.N(families), Table.N(clock.Elapsed.TotalSeconds, "N2"), Table.N(docx.Count), Table.N(docx.Count / clock.Elapsed.TotalSeconds), Table.N(peak));
            table.Print(output);

            var problems = new List<string>();
            if (result.Outcome != RunOutcome.Written)
            {
                problems.Add($"the pack run ended {result.Outcome}: {string.Join("; ", DiagnosticPrinter.Lines(result.Findings))}");
            }

            problems.AddRange(OutputCheck.Complete(docx));
            var sample = OutputCheck.Sample(docx, 10);
            problems.AddRange(OutputCheck.Valid(sample));
            output.WriteLine(problems.Count == 0
                ? $"checked: all {docx.Count} documents complete; {sample.Count} sampled pass OpenXmlValidator"
                : $"FAILED: {problems.Count} problem(s):\n  " + string.Join("\n  ", problems.Take(20)));
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static int WriteRoster(int pupils, string path, TextWriter output)
    {
        var header = File.ReadLines(Path.Combine(Machine.RepoRoot, "samples", "aup-roster.csv")).First();
        var families = RosterGenerator.Write(Path.GetFullPath(path), header, pupils);
        output.WriteLine($"Wrote {path}: {pupils} pupils in {families} families.");
        return 0;
    }

    /// <summary>Runs <c>pack</c> in a fresh process, so that its peak memory is the pack's alone.</summary>
    public static int RunInChildProcess(int pupils, TextWriter output)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PackBenchmark).Assembly.Location);
        }

        foreach (var arg in (string[])["pack", "--pupils", pupils.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        output.Write(child.StandardOutput.ReadToEnd());
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>The sample pack case with its roster replaced by a generated one of <paramref name="pupils"/> pupils.</summary>
    private static string PrepareInputs(string folder, int pupils, out int families)
    {
        var samples = Path.Combine(Machine.RepoRoot, "samples");
        var pack = JsonNode.Parse(File.ReadAllText(Path.Combine(samples, "aup-pack.json")))!.AsObject();
        var header = File.ReadLines(Path.Combine(samples, "aup-roster.csv")).First();
        families = RosterGenerator.Write(Path.Combine(folder, "roster.csv"), header, pupils);
        pack["roster"] = "roster.csv";
        var path = Path.Combine(folder, "aup-pack.json");
        File.WriteAllText(path, pack.ToJsonString());
        return path;
    }
}

/// <summary>
/// A synthetic MIS export in the sample roster's columns: families of one to three children sharing a
/// primary contact and address, year groups Reception to Year 13 with dates of birth to match, unique UPNs.
/// Deterministic (fixed seed); the people are invented.
/// </summary>
internal static class RosterGenerator
{
    private static readonly string[] Surnames = ["Clarke", "Evans", "Patel", "Nowak", "Okafor", "Hughes", "Begum", "Murphy", "Khan", "Walsh", "Taylor", "Ahmed", "Jones", "Kowalski", "Mensah", "Reid"];
    private static readonly string[] Girls = ["Isla", "Chloe", "Amara", "Zofia", "Ruby", "Aisha", "Freya", "Siân", "Maya", "Niamh"];
    private static readonly string[] Boys = ["George", "Oliver", "Kacper", "Tomás", "Yusuf", "Leo", "Kwame", "Rhys", "Arjun", "Finn"];
    private static readonly string[] Adults = ["Emma", "Gemma", "David", "Priya", "Marek", "Grace", "Samuel", "Fatima"];
    private static readonly string[] Relationships = ["Mother", "Father", "Grandparent", "Carer"];
    private static readonly string[] Streets = ["Station Road", "The Crescent", "Church Lane", "Mill Street", "Park View"];
    private static readonly string[] Towns = ["Poole", "Ferndown", "Wimborne", "Bournemouth"];

    /// <returns>The number of families.</returns>
    public static int Write(string path, string header, int pupils)
    {
        var columns = header.Split(',');
        var random = new Random(20261122);
        var text = new StringBuilder(header).Append('\n');
        int written = 0, family = 0;
        while (written < pupils)
        {
            family++;
            var surname = Surnames[random.Next(Surnames.Length)];
            var contact = Adults[random.Next(Adults.Length)];
            var address = $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}";
            var town = Towns[random.Next(Towns.Length)];
            var postcode = $"BH{random.Next(1, 25)} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
            var email = $"{contact.ToLowerInvariant()}.{surname.ToLowerInvariant()}{family}@example.net";
            var children = Math.Min(pupils - written, random.Next(1, 4));
            for (var c = 0; c < children; c++, written++)
            {
                var girl = random.Next(2) == 0;
                var year = random.Next(0, 14);
                var born = new DateOnly(2021 - year, 9, 1).AddDays(random.Next(365));
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["UPN"] = $"{(char)('A' + random.Next(26))}{written + 100000000000L:D12}",
                    ["Legal Surname"] = surname,
                    ["Legal Forename"] = girl ? Girls[random.Next(Girls.Length)] : Boys[random.Next(Boys.Length)],
                    ["Preferred Forename"] = string.Empty,
                    ["Year"] = year == 0 ? "Reception" : $"Year {year}",
                    ["Reg"] = year == 0 ? "RA" : $"{year}{(char)('A' + random.Next(3))}",
                    ["DOB"] = born.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["Gender"] = girl ? "F" : "M",
                    ["Primary Contact Title"] = "Mx",
                    ["Primary Contact Forename"] = contact,
                    ["Primary Contact Surname"] = surname,
                    ["Primary Contact Relationship"] = Relationships[random.Next(Relationships.Length)],
                    ["Primary Contact Email"] = email,
                    ["Address Line 1"] = address,
                    ["Address Line 2"] = string.Empty,
                    ["Town"] = town,
                    ["Postcode"] = postcode,
                };
                text.AppendJoin(',', columns.Select(h => values.TryGetValue(h, out var v) ? v : string.Empty)).Append('\n');
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return family;
    }
}
