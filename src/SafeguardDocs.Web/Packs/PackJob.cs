using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Packs;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Jobs;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Packs;

/// <summary>The pack writer the web app shares: the CLI's template catalogue, made once.</summary>
public sealed class PackWriterSource(TimeProvider clock)
{
    public AupPackWriter Writer { get; } = new(TemplateLocations.Catalog(Directory.GetCurrentDirectory()), clock);
}

/// <summary>
/// A pack run as a background job (lane <see cref="JobLane.Heavy"/>: one at a time, it uses every core).
/// Input: the pack case and the export. Result: the library's files under <c>result/files/</c>, the zip
/// of them all named by the pack reference, and the run's findings (<c>findings.json</c>).
/// </summary>
public sealed class PackJob(PackWriterSource source, SettingsStore settings) : IJobHandler
{
    public const string CaseFile = "pack.json";
    public const string RosterFile = "roster.csv";
    public const string FilesFolder = "files";
    public const string FindingsFile = "findings.json";

    public string Kind => PackService.Kind;

    public JobLane Lane => JobLane.Heavy;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caseJson = await File.ReadAllBytesAsync(Path.Combine(context.InputFolder, CaseFile), cancellationToken);
        var roster = await File.ReadAllBytesAsync(Path.Combine(context.InputFolder, RosterFile), cancellationToken);
        var options = AupPackOptions.Default with
        {
            OutputFolder = Path.Combine(context.ResultFolder, FilesFolder),
            ColumnMap = PackService.MapFromJson(context.Parameters),
            Progress = new Reporter(context),
            Settings = await settings.GetAsync(),
        };

        using var text = PackService.Decode(roster);
        var result = await Task.Run(() => source.Writer.Write(caseJson, CasePipeline.InputName, text, options, cancellationToken), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        await File.WriteAllTextAsync(Path.Combine(context.ResultFolder, FindingsFile), JsonSerializer.Serialize(result.Findings.Select(FindingDto.From).ToList()), cancellationToken);
        if (result.Outcome != RunOutcome.Written)
        {
            var errors = result.Findings.Where(f => f.IsError).Select(f => f.Message).ToList();
            return JobOutcome.Failure(errors.Count > 0 ? string.Join(' ', errors) : "The packs could not be made.");
        }

        var reference = PackFiles.ReferenceFromPrintFile(result.PrintFile);
        WriteZip(options.OutputFolder, Path.Combine(context.ResultFolder, PackFiles.ZipName(reference)));
        context.Report(result.PacksWritten, result.Families);
        return JobOutcome.Success(string.Create(CultureInfo.InvariantCulture,
            $"Packs made for {Plural(result.Families, "family", "families")} ({Plural(result.Pupils, "pupil", "pupils")}); {Plural(result.RowsSkipped, "row", "rows")} of the export could not be used."));
    }

    private static string Plural(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    /// <summary>Every file of the run in one zip, written atomically.</summary>
    private static void WriteZip(string folder, string zipPath) =>
        Core.Io.AtomicFile.Write(zipPath, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in PackFiles.List(folder))
            {
                // .docx and .xlsx are zips already: stored as they are, which is as small and much faster.
                var packed = file.EndsWith(".docx", StringComparison.Ordinal) || file.EndsWith(".xlsx", StringComparison.Ordinal);
                zip.CreateEntryFromFile(file, Path.GetFileName(file), packed ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
            }
        });

    /// <summary>Passes the library's family counts to the job's progress.</summary>
    private sealed class Reporter(JobContext context) : IProgress<PackProgress>
    {
        public void Report(PackProgress value) => context.Report(value.FamiliesDone, value.Families);
    }
}

/// <summary>The files of a finished run, in a fixed order (so a file can be asked for by its number, not its name).</summary>
public static class PackFiles
{
    /// <summary>The run's files (packs, print file, tracker, errors report), by name; the library's lock and temporary files are not among them.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".tmp", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];

    public static string ZipName(string reference) => reference + ".zip";

    /// <summary>The pack reference from the print file's name (<c>{reference}_print.docx</c>).</summary>
    public static string ReferenceFromPrintFile(string? printFile)
    {
        var name = Path.GetFileNameWithoutExtension(printFile ?? "pack_print");
        return name.EndsWith("_print", StringComparison.Ordinal) ? name[..^"_print".Length] : name;
    }

    /// <summary>The zip in a run's result folder, or null.</summary>
    public static string? Zip(string resultFolder) =>
        Directory.Exists(resultFolder) ? Directory.EnumerateFiles(resultFolder, "*.zip").FirstOrDefault() : null;

    /// <summary>The run's findings as saved, or none.</summary>
    public static IReadOnlyList<FindingDto> Findings(string resultFolder)
    {
        var path = Path.Combine(resultFolder, PackJob.FindingsFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<FindingDto>>(File.ReadAllText(path)) ?? [] : [];
    }

    /// <summary>The rows the errors report lists, read back from it.</summary>
    public static IReadOnlyList<string[]> ErrorRows(string resultFolder)
    {
        var report = List(Path.Combine(resultFolder, PackJob.FilesFolder)).FirstOrDefault(f => f.EndsWith("_roster-errors.csv", StringComparison.Ordinal));
        if (report is null)
        {
            return [];
        }

        using var reader = new StreamReader(report);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        csv.Read();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, 5).Select(i => csv.GetField(i) ?? string.Empty)]);
        }

        return rows;
    }
}
