using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Io;

namespace SafeguardDocs.Generation.Packs;

/// <summary>
/// The rows of the export that could not be used, as a CSV a school office opens in a spreadsheet:
/// <c>Line, Column, Heading, Problem, What to do</c>. The line and the column letter are where a
/// spreadsheet shows the cell when the export itself is opened. It never holds a value from the row.
/// Each line is one finding of the roster reader (<see cref="Roster.RosterReader"/>), placed at its cell.
/// </summary>
public static class RosterErrorsReport
{
    public static IReadOnlyList<string> Headers { get; } = ["Line", "Column", "Heading", "Problem", "What to do"];

    /// <summary>The report's file name: <c>{reference}_roster-errors.csv</c>.</summary>
    public static string FileName(string packReference) => $"{packReference}_roster-errors.csv";

    /// <summary>Writes the report atomically (UTF-8 with a byte order mark, so spreadsheets read it as UTF-8).</summary>
    /// <param name="path">The report to write.</param>
    /// <param name="problems">Findings about rows of the roster, each at its cell (<see cref="Finding.Cell"/>).</param>
    public static void Write(string path, IEnumerable<Finding> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var rows = problems.Select(p => (Finding: p, Cell: p.Cell ?? throw new ArgumentException($"Finding {p.Id} is not about a cell of the roster.", nameof(problems)))).ToList();
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(true), 16 * 1024, leaveOpen: true);
            using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }, leaveOpen: true);
            foreach (var header in Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var (finding, cell) in rows)
            {
                csv.WriteField(cell.Line.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(cell.ColumnLetter ?? "(whole line)");
                csv.WriteField(cell.Heading ?? string.Empty);
                csv.WriteField(finding.Message);
                csv.WriteField(finding.WhatToDo ?? string.Empty);
                csv.NextRecord();
            }
        });
    }
}
