using SafeguardDocs.Core.Io;
using SafeguardDocs.Excel.Writing.Internal;

namespace SafeguardDocs.Excel.Writing;

/// <summary>
/// Writes a <see cref="WorkbookSpec"/> as an .xlsx file. Data sheets stream (memory does not grow with
/// the number of rows); dates are real dates; formulas carry cached values and recalculate on open;
/// the same spec and clock give byte-for-byte the same file. Thread-safe: each call is independent.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>The extension of the files this writer makes.</summary>
    public const string Extension = ".xlsx";

    /// <summary>
    /// Writes the workbook to <paramref name="path"/> atomically: the file is complete or absent, never
    /// half-written. A mistake in the spec (a bad sheet name, an unknown formula token) throws
    /// <see cref="ArgumentException"/> and leaves no file.
    /// </summary>
    public static void Write(string path, WorkbookSpec workbook, WorkbookOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(workbook);
        AtomicFile.Write(path, stream => Write(stream, workbook, options));
    }

    /// <summary>Writes the workbook to a stream (left open). Use the path overload for files: it is atomic.</summary>
    public static void Write(Stream stream, WorkbookSpec workbook, WorkbookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(workbook);
        PackageWriter.Write(stream, workbook, options ?? WorkbookOptions.Default);
    }
}
