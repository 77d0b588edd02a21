using System.Globalization;

namespace SafeguardDocs.Core.Diagnostics;

/// <summary>
/// The one diagnostic type: every problem SafeguardDocs reports, whatever found it (loading a case,
/// a rule, a template check, the markup parser, the roster reader, settings, the file system), is a
/// finding. It never quotes the value it is about: the value is personal data. It names where (file,
/// line and column, and a JSON path, roster cell or other locator), which rule, and what to do
/// (in the message, or apart in <see cref="WhatToDo"/> where a report shows it in a column of its own).
/// </summary>
/// <param name="Id">Rule or error id, for example <c>DA004</c> or <c>LD002</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Path">JSON path (<c>$.child.dateOfBirth</c>), or another locator such as <c>row 12, column Year</c>; empty when the file, line and column say it all (a template) or nothing locates it (a missing template).</param>
/// <param name="Message">What is wrong and what to do next. Never contains case data.</param>
/// <param name="Source">Where the requirement comes from (seed file and section), when it is a rule.</param>
public sealed record Finding(string Id, Severity Severity, string Path, string Message, string? Source = null)
{
    /// <summary>The file the finding is about, when known.</summary>
    public string? File { get; init; }

    /// <summary>1-based line, when known.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column, when known.</summary>
    public int? Column { get; init; }

    /// <summary>
    /// What to do, when it is kept apart from <see cref="Message"/> (a roster row's problem: the errors report
    /// has a column for each); null when the message says it. Printed after the message.
    /// </summary>
    public string? WhatToDo { get; init; }

    /// <summary>The cell of a table the user gave (a row of the pupil export), when the finding is about one.</summary>
    public CellLocation? Cell { get; init; }

    /// <summary>The message followed by what to do, as it is printed.</summary>
    public string FullMessage => WhatToDo is null ? Message : $"{Message} {WhatToDo}";

    public bool IsError => Severity == Severity.Error;

    /// <summary>True when the finding says where: a file or a path. One that does not is printed as its message alone.</summary>
    public bool IsLocated => File is not null || Path.Length > 0;

    /// <summary>A problem with the run rather than a place in an input (no template of that name, a run that stopped).</summary>
    public static Finding Problem(string id, string message, Severity severity = Severity.Error) => new(id, severity, string.Empty, message);

    /// <summary>
    /// A finding about a cell (or a whole line) of a table in <paramref name="file"/>: placed at its line and
    /// column, located by the cell (<c>column B (Legal Surname)</c>), with what to do kept apart.
    /// </summary>
    public static Finding AtCell(string id, Severity severity, string file, CellLocation cell, string message, string whatToDo)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new Finding(id, severity, cell.Locator, message)
        {
            File = file,
            Line = cell.Line,
            Column = cell.Column,
            Cell = cell,
            WhatToDo = whatToDo,
        };
    }

    /// <summary>
    /// Compiler-style text: <c>file(line,col): error ID: message [path]</c>, 1-based, the way
    /// editors and CI logs recognise.
    /// </summary>
    public override string ToString()
    {
        var where = File ?? "input";
        if (Line is int line)
        {
            where += Column is int col
                ? string.Create(CultureInfo.InvariantCulture, $"({line},{col})")
                : string.Create(CultureInfo.InvariantCulture, $"({line})");
        }

        var severity = Severity == Severity.Error ? "error" : "warning";
        var text = Path.Length == 0 ? $"{where}: {severity} {Id}: {FullMessage}" : $"{where}: {severity} {Id}: {FullMessage} [{Path}]";
        return Source is null ? text : $"{text} (source: {Source})";
    }
}
