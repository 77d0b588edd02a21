using SafeguardDocs.Excel.Writing;

namespace SafeguardDocs.Excel.Registers;

/// <summary>
/// A register or log that has been read and counted but not yet written: look at <see cref="Result"/>
/// first (a command may decide not to replace a good file with an empty one), then <see cref="Write(string)"/>.
/// </summary>
/// <typeparam name="TResult">What went in and what did not.</typeparam>
public sealed class PreparedWorkbook<TResult>
{
    private readonly WorkbookSpec workbook;
    private readonly WorkbookOptions options;

    internal PreparedWorkbook(TResult result, WorkbookSpec workbook, WorkbookOptions options)
    {
        Result = result;
        this.workbook = workbook;
        this.options = options;
    }

    public TResult Result { get; }

    /// <summary>Writes the workbook atomically: the file is replaced whole, never left half-written.</summary>
    public TResult Write(string outputPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        WorkbookWriter.Write(outputPath, workbook, options);
        return Result;
    }

    /// <summary>Writes the workbook to a stream (for a download); the caller owns the stream.</summary>
    public TResult Write(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WorkbookWriter.Write(output, workbook, options);
        return Result;
    }
}
