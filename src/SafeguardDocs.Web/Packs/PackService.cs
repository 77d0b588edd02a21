using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Generation;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Jobs;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Packs;

/// <summary>
/// A pack's details and MIS export uploaded on the pack page, kept while the office matches columns.
/// The export itself is a file (owner-only) under <c>{data}/jobs/uploads/</c>; both go once the run
/// starts, when the upload is deleted, or a day after the upload at the latest.
/// </summary>
public sealed class PackUpload
{
    public Guid Id { get; set; }

    public required string OwnerId { get; set; }

    /// <summary>The aup-pack case, UTF-8 JSON (checked: no errors).</summary>
    public required byte[] CaseJson { get; set; }

    /// <summary>The pack's reference (not personal data).</summary>
    public required string Reference { get; set; }

    /// <summary>The columns matched so far, <c>{"Year": "NC Year"}</c> (header names, not values).</summary>
    public string? MapJson { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>What the pack page shows of an export before the run: its headings, first rows, each column's match and the rows that cannot be used.</summary>
public sealed record RosterPreview(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> FirstRows,
    IReadOnlyDictionary<RosterColumn, string?> Chosen,
    IReadOnlyList<Finding> Errors,
    IReadOnlyList<Finding> Problems,
    int Pupils)
{
    /// <summary>True when the run can start: the export maps and at least one row can be used.</summary>
    public bool Usable => Errors.Count == 0 && Pupils > 0;
}

/// <summary>
/// The web side of AUP packs: checks an upload as the CLI would (same reader, same messages), keeps it
/// while columns are matched, and queues the run as a job (<see cref="PackJob"/>). The pack itself is
/// made by the generation library's <see cref="Generation.Packs.AupPackWriter"/>.
/// </summary>
public sealed class PackService(WebDb db, JobRunner jobs, CasePipeline pipeline, SettingsStore settings, TimeProvider clock)
{
    public const string Kind = AupPackKind.Name;

    /// <summary>How long an upload waits for its run before it is removed.</summary>
    public static readonly TimeSpan UploadKeptFor = TimeSpan.FromDays(1);

    /// <summary>The largest request the pack upload and <c>POST /api/packs</c> accept: the roster limit plus a case file.</summary>
    public static long MaxRequestBytes => RosterReader.MaxBytes + CasePipeline.MaxCaseBytes + (256 * 1024);

    private string UploadsFolder => Path.Combine(jobs.JobsFolder, "uploads");

    public string UploadFile(Guid id) => Path.Combine(UploadsFolder, id.ToString("N") + ".csv");

    /// <summary>
    /// Lets the pack upload routes take a roster up to <see cref="RosterReader.MaxBytes"/>; every other
    /// request keeps the app's small limits. Runs before the antiforgery check, which reads the form.
    /// </summary>
    public static IApplicationBuilder UseLargerUploadsForPacks(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            && (http.Request.Path.Equals("/packs/upload", StringComparison.Ordinal) || http.Request.Path.Equals("/api/packs", StringComparison.Ordinal)))
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MaxRequestBytes;
            }

            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = MaxRequestBytes,
                ValueCountLimit = 256,
                ValueLengthLimit = 64 * 1024,
            }));
        }

        await next(http);
    });

    /// <summary>Reads the <c>map</c> fields (<c>Column=Header</c>) as <c>--map</c> does; a name the pack does not know is refused.</summary>
    public static (IReadOnlyDictionary<RosterColumn, string> Map, string? Problem) ParseMap(IEnumerable<string> values) =>
        RosterColumnMap.Parse(values, "A map field", "\"Year=NC Year\"", "map");

    public static string MapToJson(IReadOnlyDictionary<RosterColumn, string> map) =>
        JsonSerializer.Serialize(map.ToDictionary(p => p.Key.Name, p => p.Value, StringComparer.Ordinal));

    public static IReadOnlyDictionary<RosterColumn, string> MapFromJson(string? json)
    {
        var result = new Dictionary<RosterColumn, string>();
        if (string.IsNullOrEmpty(json))
        {
            return result;
        }

        foreach (var (name, header) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        {
            if (RosterColumns.Find(name) is { } column)
            {
                result[column] = header;
            }
        }

        return result;
    }

    /// <summary>Why an uploaded file is not a CSV export (a workbook, a PDF, binary), or null when it may be one.</summary>
    public static Finding? NotCsv(byte[] bytes, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var workbook = extension is ".xlsx" or ".xls" or ".ods" || bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 });
        var binary = workbook || bytes.AsSpan().StartsWith("%PDF"u8) || bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)).Contains((byte)0);
        if (!binary)
        {
            return null;
        }

        var what = workbook ? "a spreadsheet workbook" : "not text";
        return new Finding(RosterReader.UnreadableId, Severity.Error, "$",
            $"The roster is {what}, not a CSV export. In the MIS (or the spreadsheet), save the export as CSV (comma separated values), then upload that file.") { File = "roster" };
    }

    /// <summary>Reads an export as the CLI does (UTF-8, else Windows-1252) and checks it with the given columns.</summary>
    public static RosterPreview Preview(byte[] bytes, string name, IReadOnlyDictionary<RosterColumn, string> map)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(map);
        if (bytes.LongLength > RosterReader.MaxBytes)
        {
            return new RosterPreview([], [], new Dictionary<RosterColumn, string?>(), [TooLarge(name)], [], 0);
        }

        var read = RosterReader.Read(Decode(bytes), name, map);
        var (headers, rows) = FirstRows(bytes, 5);
        var chosen = new Dictionary<RosterColumn, string?>();
        foreach (var column in RosterColumns.All)
        {
            chosen[column] = map.TryGetValue(column, out var wanted) && headers.FirstOrDefault(h => RosterColumns.Normalise(h) == RosterColumns.Normalise(wanted)) is { } mapped
                ? mapped
                : read.Mapping?.HeaderOf(column) ?? Guess(column, headers);
        }

        return new RosterPreview(headers, rows, chosen, read.Errors, read.Problems, read.Pupils.Count);
    }

    public static Finding TooLarge(string name) => new(RosterReader.UnreadableId, Severity.Error, "$",
        $"The roster file is larger than {RosterReader.MaxBytes / 1024 / 1024} MB, more than any school's export; check that it is the pupil export, then upload that.") { File = name };

    /// <summary>The export as text, decoded as the CLI decodes it.</summary>
    public static TextReader Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Encoding encoding;
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            encoding = new UTF8Encoding(false);
        }
        else
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            encoding = Encoding.GetEncoding(1252);
        }

        return new StreamReader(new MemoryStream(bytes, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The first header found for a column among the export's headings, as the reader would pick it.</summary>
    private static string? Guess(RosterColumn column, IReadOnlyList<string> headers) =>
        column.Headers.Select(h => headers.FirstOrDefault(x => RosterColumns.Normalise(x) == RosterColumns.Normalise(h))).FirstOrDefault(h => h is not null);

    private static (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) FirstRows(byte[] bytes, int count)
    {
        using var text = Decode(bytes);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t", "|"],
            BadDataFound = null,
            MissingFieldFound = null,
        });
        string[] header = [];
        while (parser.Read())
        {
            header = parser.Record ?? [];
            if (!header.All(string.IsNullOrWhiteSpace))
            {
                break;
            }
        }

        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < count && parser.Read())
        {
            var record = parser.Record ?? [];
            if (!record.All(string.IsNullOrWhiteSpace))
            {
                rows.Add(record);
            }
        }

        return (header, rows);
    }

    /// <summary>Checks a pack case as <c>validate</c> does: it must be an aup-pack case without errors. Returns the findings to show when it is not.</summary>
    public async Task<(CaseCheck Check, IReadOnlyList<Finding>? Problems)> CheckCaseAsync(byte[] json)
    {
        var check = pipeline.Check(json, await settings.GetAsync());
        if (!check.Readable)
        {
            return (check, check.Findings);
        }

        if (check.Kind?.Name != Kind)
        {
            return (check, [new Finding(GenerationDiagnostics.NotAPackCaseId, Severity.Error, "$.kind",
                $"This is a {check.Kind?.Name} case. Packs are made from an aup-pack case (the pack details); choose or upload one of those.") { File = CasePipeline.InputName }]);
        }

        return check.HasErrors ? (check, [.. check.Findings.Where(f => f.IsError)]) : (check, null);
    }

    /// <summary>Keeps an upload for column matching; uploads older than a day are removed first.</summary>
    public async Task<PackUpload> KeepUploadAsync(string ownerId, byte[] caseJson, string reference, byte[] roster, IReadOnlyDictionary<RosterColumn, string> map)
    {
        await RemoveOldUploadsAsync();
        var upload = new PackUpload
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            CaseJson = caseJson,
            Reference = reference,
            MapJson = MapToJson(map),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        JobRunner.CreatePrivateFolder(UploadsFolder);
        Core.Io.AtomicFile.WriteAllBytes(UploadFile(upload.Id), roster);
        JobRunner.Restrict(UploadsFolder);
        db.PackUploads.Add(upload);
        await db.SaveChangesAsync();
        return upload;
    }

    /// <summary>The upload, or null when there is none or it is older than <see cref="UploadKeptFor"/> (it is then removed).</summary>
    public async Task<PackUpload?> FindUploadAsync(Guid id)
    {
        var upload = await db.PackUploads.FirstOrDefaultAsync(u => u.Id == id);
        if (upload is not null && upload.CreatedUtc < clock.GetUtcNow().UtcDateTime - UploadKeptFor)
        {
            await DeleteUploadAsync(upload);
            return null;
        }

        return upload;
    }

    public async Task<byte[]?> ReadUploadAsync(PackUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = UploadFile(upload.Id);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path) : null;
    }

    public async Task SaveMapAsync(PackUpload upload, IReadOnlyDictionary<RosterColumn, string> map)
    {
        ArgumentNullException.ThrowIfNull(upload);
        upload.MapJson = MapToJson(map);
        await db.SaveChangesAsync();
    }

    public async Task DeleteUploadAsync(PackUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        File.Delete(UploadFile(upload.Id));
        db.PackUploads.Remove(upload);
        await db.SaveChangesAsync();
    }

    private async Task RemoveOldUploadsAsync()
    {
        var before = clock.GetUtcNow().UtcDateTime - UploadKeptFor;
        foreach (var old in await db.PackUploads.Where(u => u.CreatedUtc < before).ToListAsync())
        {
            File.Delete(UploadFile(old.Id));
            db.PackUploads.Remove(old);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Queues the run. Two runs of one pack (the same reference) never overlap: while one is queued or
    /// running, another is refused with the reason (<see cref="JobSubmission.Refusal"/>).
    /// </summary>
    public Task<JobSubmission> StartAsync(string ownerId, byte[] caseJson, string reference, byte[] roster, IReadOnlyDictionary<RosterColumn, string> map) =>
        jobs.SubmitAsync(
            new JobRequest(Kind, ownerId) { ExclusiveKey = reference, Label = reference, Parameters = MapToJson(map) },
            async (folder, ct) =>
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, PackJob.CaseFile), caseJson, ct);
                await File.WriteAllBytesAsync(Path.Combine(folder, PackJob.RosterFile), roster, ct);
            });

    /// <summary>The reference of a checked pack case.</summary>
    public static string ReferenceOf(CaseCheck check) => (check?.Case as AupPackCase)?.Reference ?? "pack";
}
