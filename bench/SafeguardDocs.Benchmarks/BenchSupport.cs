using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace SafeguardDocs.Benchmarks;

/// <summary>The time every benchmark document is dated: 22 November 2026, after every sample's dates.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static FixedClock Default { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

internal static class Machine
{
    public static string RepoRoot
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "SafeguardDocs.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("Run the benchmark from inside the repository (SafeguardDocs.sln not found).");
        }
    }

    public static string Describe()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        return $"{Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, "
            + $"{(Debugger.IsAttached ? "debugger attached, " : string.Empty)}{(IsOptimized() ? "Release" : "DEBUG BUILD: numbers are meaningless")}";
    }

    public static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    public static string NewTempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "sgd-bench", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static bool IsOptimized() =>
        typeof(Machine).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];
}

/// <summary>Proves that what a benchmark wrote is right: every file complete, a sample valid.</summary>
internal static class OutputCheck
{
    /// <summary>
    /// Opens every .docx: the zip's central directory must read, every entry must inflate to its declared
    /// length, and every XML part must be well-formed to its end. A truncated or half-written file fails.
    /// </summary>
    public static IReadOnlyList<string> Complete(IEnumerable<string> files)
    {
        var problems = new List<string>();
        foreach (var file in files)
        {
            try
            {
                using var zip = ZipFile.OpenRead(file);
                if (zip.GetEntry("word/document.xml") is null || zip.GetEntry("[Content_Types].xml") is null)
                {
                    problems.Add($"{file}: not a Word package");
                    continue;
                }

                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                    {
                        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                        while (reader.Read())
                        {
                        }
                    }
                    else
                    {
                        stream.CopyTo(Stream.Null);
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or XmlException)
            {
                problems.Add($"{file}: {e.Message}");
            }
        }

        return problems;
    }

    /// <summary>Every validation error of the given .docx files under OpenXmlValidator (Office 2019).</summary>
    public static IReadOnlyList<string> Valid(IEnumerable<string> files)
    {
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        var problems = new List<string>();
        foreach (var file in files)
        {
            using var doc = WordprocessingDocument.Open(file, false);
            problems.AddRange(validator.Validate(doc).Select(e => $"{Path.GetFileName(file)} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        }

        return problems;
    }

    /// <summary>Every n-th file, plus the first and last: at most <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<string> Sample(IReadOnlyList<string> files, int count)
    {
        if (files.Count <= count)
        {
            return files;
        }

        var step = Math.Max(1, files.Count / count);
        return [.. files.Where((_, i) => i % step == 0).Take(count - 1).Append(files[^1]).Distinct()];
    }
}

/// <summary>A small fixed-width table for the console and the README.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params string[] cells) => rows.Add(cells);

    public void Print(TextWriter output)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        output.WriteLine("| " + string.Join(" | ", headers.Select((h, i) => h.PadRight(widths[i]))) + " |");
        output.WriteLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in rows)
        {
            output.WriteLine("| " + string.Join(" | ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |");
        }
    }

    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}
