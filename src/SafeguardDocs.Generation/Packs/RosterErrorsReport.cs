using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Core.Io;

namespace SafeguardDocs.Generation.Packs;

/// <summary>
/// The rows of the export that could not be used, as a CSV a school office opens in a spreadsheet:
/// <c>Line, Column, Heading, Problem, What to do</c>. The line and the column letter are where a
/// spreadsheet shows the cell when the export itself is opened. It never holds a value from the row.
/// </summary>
public static class RosterErrorsReport
{
    public static IReadOnlyList<string> Headers { get; } = ["Line", "Column", "Heading", "Problem", "What to do"];

    /// <summary>The report's file name: <c>{reference}_roster-errors.csv</c>.</summary>
    public static string FileName(string packReference) => $"{packReference}_roster-errors.csv";

    /// <summary>Writes the report atomically (UTF-8 with a byte order mark, so spreadsheets read it as UTF-8).</summary>
    public static void Write(string path, IEnumerable<RosterProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(true), 16 * 1024, leaveOpen: true);
            using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }, leaveOpen: true);
            foreach (var header in Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var p in problems)
            {
                csv.WriteField(p.Line.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(p.ColumnLetter ?? "(whole line)");
                csv.WriteField(p.Heading ?? string.Empty);
                csv.WriteField(p.Problem);
                csv.WriteField(p.WhatToDo);
                csv.NextRecord();
            }
        });
    }
}
