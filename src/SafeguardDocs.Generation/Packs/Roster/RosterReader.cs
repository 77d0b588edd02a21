using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SafeguardDocs.Core.Calendar;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Io;

namespace SafeguardDocs.Generation.Packs.Roster;

/// <summary>What reading the export gave: the usable pupils, the rows that could not be used, or why the file could not be read at all.</summary>
public sealed record RosterReadResult
{
    /// <summary>Why the export could not be used at all (unreadable, no header, a required column missing). Empty when it was read.</summary>
    public IReadOnlyList<Finding> Errors { get; init; } = [];

    public RosterMapping? Mapping { get; init; }

    /// <summary>The export's name in diagnostics (its path, as given), once it has been read.</summary>
    public string? File { get; init; }

    /// <summary>The pupils, in the order of the export.</summary>
    public IReadOnlyList<RosterPupil> Pupils { get; init; } = [];

    /// <summary>
    /// Rows that could not be used, in line order, several per row when several fields are wrong: warnings
    /// (the run goes on without the row) placed at their cell (<see cref="Finding.Cell"/>), each with what to do.
    /// </summary>
    public IReadOnlyList<Finding> Problems { get; init; } = [];

    /// <summary>How many data rows were skipped because of <see cref="Problems"/>.</summary>
    public int RowsSkipped { get; init; }

    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads a school MIS pupil export (CSV with a header row) with CsvHelper. The header is mapped by
/// name (<see cref="RosterMapping"/>); each row is checked and either becomes a <see cref="RosterPupil"/>
/// or a finding at its cell (<see cref="Finding.AtCell"/>) naming its line and column, never its value. UTF-8 (with or without a
/// byte order mark) is read as such; a file that is not valid UTF-8 is read as Windows-1252, which older
/// MIS exports use. Commas, semicolons, tabs and bars are recognised as separators.
/// </summary>
public static class RosterReader
{
    public const string UnreadableId = "ROS001";
    public const string NoHeaderId = "ROS002";
    public const string ColumnMissingId = "ROS003";

    /// <summary>A field of a row is missing or not valid (the row is not used).</summary>
    public const string RowFieldId = "ROS004";

    /// <summary>A line whose fields cannot be told apart: a quote out of place, or more or fewer fields than the header.</summary>
    public const string RowMalformedId = "ROS005";

    /// <summary>A UPN already on an earlier line.</summary>
    public const string DuplicateUpnId = "ROS006";

    /// <summary>A line read as part of an earlier one because of a quote out of place there.</summary>
    public const string SwallowedLineId = "ROS007";

    /// <summary>A header and no pupil rows.</summary>
    public const string NoRowsId = "ROS008";

    /// <summary>Dates of birth as exports write them: day first, as in England.</summary>
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy-MM-dd"];

    /// <summary>The largest export read: ample for the biggest school (about 300 bytes a pupil).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static RosterReadResult ReadFile(string path, IReadOnlyDictionary<RosterColumn, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var bytes = SafeFile.ReadAllBytes(path, MaxBytes, "The roster file");
            var encoding = IsUtf8(bytes) ? new UTF8Encoding(false) : Windows1252;
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
            return Read(reader, path, overrides);
        }
        catch (FileNotFoundException)
        {
            return Failed(UnreadableId, path, "The roster file does not exist. Check \"roster\" in the case file: it names a file in the case file's folder.");
        }
        catch (InputFileException e)
        {
            return Failed(UnreadableId, path, $"{e.Message} Check \"roster\" in the case file.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(UnreadableId, path, "The roster file could not be opened. Check that it is a file you have permission to read and that no other program has it locked, then run again.");
        }
    }

    /// <summary>Reads an export from text. <paramref name="file"/> names it in errors.</summary>
    public static RosterReadResult Read(TextReader text, string file, IReadOnlyDictionary<RosterColumn, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var badData = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            IgnoreBlankLines = false,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t", "|"],
            BadDataFound = _ => badData = true,
            MissingFieldFound = null,
        };

        using var parser = new CsvParser(text, configuration, leaveOpen: true);
        string[] header;
        do
        {
            if (!parser.Read())
            {
                return Failed(NoHeaderId, file, "The roster is empty: it needs a header row naming its columns, then one row per pupil. Export it again from the MIS.");
            }

            header = parser.Record ?? [];
        }
        while (header.All(string.IsNullOrWhiteSpace));

        var (mapping, problems) = RosterMapping.Map(header, overrides ?? new Dictionary<RosterColumn, string>());
        if (mapping is null)
        {
            return new RosterReadResult
            {
                Errors = [.. problems.Select(p => new Finding(ColumnMissingId, Severity.Error, "header", p) { File = file, Line = parser.RawRow })],
            };
        }

        var pupils = new List<RosterPupil>();
        var rowProblems = new List<Finding>();
        var upnLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var skipped = 0;
        var previousLine = parser.RawRow;
        badData = false;
        while (parser.Read())
        {
            var line = previousLine + 1;
            previousLine = parser.RawRow;
            var record = parser.Record ?? [];
            var wasBad = badData;
            badData = false;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue; // A blank line (often the last one) is not a pupil.
            }

            var row = new RowReader(record, header, mapping, line, file);
            var lastLine = line + parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            if (wasBad || (lastLine > line && (record.Length != header.Length || SwallowedLines(record, parser.Delimiter, header.Length))))
            {
                row.Problem(RowMalformedId, null, "A quote mark on this line is out of place, so its fields cannot be told apart reliably.", "Correct the line in the export (or the MIS record it came from) and run again.");
            }
            else if (record.Length != header.Length)
            {
                row.Problem(RowMalformedId, null, string.Create(CultureInfo.InvariantCulture, $"This line has {record.Length} fields but the header has {header.Length}, so the values may be in the wrong columns."), "Check the line for a stray or missing comma, or export the roster again.");
            }
            else
            {
                var pupil = row.Pupil();
                if (pupil is not null && upnLines.TryGetValue(pupil.Upn, out var first))
                {
                    row.Problem(DuplicateUpnId, RosterColumns.Upn, string.Create(CultureInfo.InvariantCulture, $"This UPN is already on line {first}: the same pupil appears twice. The row on line {first} is used."), "Remove the repeated row from the export, or correct the UPN in the MIS.");
                }
                else if (pupil is not null)
                {
                    upnLines[pupil.Upn] = line;
                    pupils.Add(pupil);
                }
            }

            if (row.Problems.Count > 0)
            {
                rowProblems.AddRange(row.Problems);
                skipped++;

                // A stray quote makes the reader run on over the following lines until the next quote:
                // each line it swallowed is reported too, so no pupil goes missing without a word.
                for (var swallowed = line + 1; swallowed <= lastLine; swallowed++)
                {
                    rowProblems.Add(Finding.AtCell(
                        SwallowedLineId,
                        Severity.Warning,
                        file,
                        new CellLocation(swallowed, null, null),
                        string.Create(CultureInfo.InvariantCulture, $"This line was read as part of line {line} because of a quote mark out of place there, so it was not used."),
                        string.Create(CultureInfo.InvariantCulture, $"Correct the quote marks on line {line} in the export (or the MIS record it came from) and run again.")));
                    skipped++;
                }
            }
        }

        return new RosterReadResult { Mapping = mapping, File = file, Pupils = pupils, Problems = rowProblems, RowsSkipped = skipped };
    }

    /// <summary>
    /// True when a quoted field runs over line breaks that look like whole rows of the export (many
    /// separators on a line): a quote out of place, not an address written over two lines.
    /// </summary>
    private static bool SwallowedLines(string[] record, string delimiter, int columns) =>
        record.Any(field => field.Contains('\n', StringComparison.Ordinal)
            && field.Split('\n').Skip(1).Any(l => l.Split(delimiter).Length - 1 >= Math.Max(2, columns / 2)));

    private static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>True when the whole export decodes as UTF-8.</summary>
    private static bool IsUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static RosterReadResult Failed(string id, string file, string message) =>
        new() { Errors = [new Finding(id, Severity.Error, "$", message) { File = file }] };

    /// <summary>Reads and checks one row; collects its problems.</summary>
    private sealed class RowReader(string[] record, string[] header, RosterMapping mapping, int line, string file)
    {
        public List<Finding> Problems { get; } = [];

        public void Problem(string id, RosterColumn? column, string problem, string whatToDo)
        {
            var index = column is null ? null : mapping.IndexOf(column);
            Problems.Add(Finding.AtCell(id, Severity.Warning, file, new CellLocation(line, index + 1, index is { } i ? header[i] : null), problem, whatToDo));
        }

        public RosterPupil? Pupil()
        {
            var upn = Required(RosterColumns.Upn, "There is no UPN.", "Add the pupil's UPN in the MIS, or remove the row, then export again.");
            var surname = Required(RosterColumns.Surname, "There is no surname.", "Add the pupil's surname in the MIS and export again.");
            var forename = Text(RosterColumns.PreferredForename) ?? Text(RosterColumns.Forename);
            if (forename is null)
            {
                Problem(RowFieldId, RosterColumns.Forename, "There is no forename.", "Add the pupil's forename in the MIS and export again.");
            }

            var yearText = Text(RosterColumns.Year);
            var year = YearGroups.Parse(yearText);
            if (year is null)
            {
                Problem(RowFieldId, RosterColumns.Year, yearText is null ? "There is no year group." : "The year group is not one the agreements cover.",
                    "Give a year from Reception to Year 13 (written \"Reception\" or \"R\", \"Year 7\", \"Y7\" or \"7\"). Nursery pupils have no agreement: leave them out of the export.");
            }

            DateOnly? dateOfBirth = null;
            if (Text(RosterColumns.DateOfBirth) is { } dob)
            {
                if (DateOnly.TryParseExact(dob, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && PlausibleDates.Contains(parsed))
                {
                    dateOfBirth = parsed;
                }
                else
                {
                    Problem(RowFieldId, RosterColumns.DateOfBirth, "The date of birth is not a date written day/month/year.", "Correct the date of birth in the MIS (for example 24/12/2020) and export again.");
                }
            }

            var contactSurname = Required(RosterColumns.ContactSurname, "There is no surname for the primary contact, to whom the pack is addressed.", "Add the primary contact's surname in the MIS and export again.");
            if (Problems.Count > 0)
            {
                return null;
            }

            var address = new[] { Text(RosterColumns.Address1), Text(RosterColumns.Address2), Text(RosterColumns.Town), Text(RosterColumns.Postcode) }
                .OfType<string>()
                .ToList();
            var contact = new RosterContact
            {
                Title = Text(RosterColumns.ContactTitle),
                Forename = Text(RosterColumns.ContactForename),
                Surname = contactSurname!,
                Email = Text(RosterColumns.ContactEmail),
                Address = address,
                Postcode = Text(RosterColumns.Postcode),
            };
            return new RosterPupil(line, upn!, surname!, forename!, year!.Value, Text(RosterColumns.Reg), dateOfBirth, contact);
        }

        private string? Required(RosterColumn column, string problem, string whatToDo)
        {
            var value = Text(column);
            if (value is null)
            {
                Problem(RowFieldId, column, problem, whatToDo);
            }

            return value;
        }

        private string? Text(RosterColumn column) =>
            mapping.IndexOf(column) is { } i && i < record.Length && !string.IsNullOrWhiteSpace(record[i]) ? record[i].Trim() : null;
    }
}
