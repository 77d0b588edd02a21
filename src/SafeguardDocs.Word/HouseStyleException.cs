namespace SafeguardDocs.Word;

/// <summary>
/// A house-style reference document could not be used. The message names the file, says what is
/// wrong in plain words and what to do next; it is meant to be shown to the user as it is (no stack
/// trace). The underlying error, if any, is kept in <see cref="Exception.InnerException"/> for logs.
/// </summary>
public sealed class HouseStyleException : Exception
{
    public HouseStyleException()
    {
    }

    public HouseStyleException(string message)
        : base(message)
    {
    }

    public HouseStyleException(string message, Exception inner)
        : base(message, inner)
    {
    }

    private HouseStyleException(string path, string message, Exception? inner)
        : base(message, inner)
    {
        FilePath = path;
    }

    /// <summary>The reference document, as the caller named it.</summary>
    public string? FilePath { get; }

    private const string SaveAsDocx = "Open it in Word (or LibreOffice), save it as a Word document (.docx) and try again.";

    internal static HouseStyleException NotFound(string path) =>
        new(path, $"The house-style reference document '{path}' was not found. Check the path and try again.", null);

    internal static HouseStyleException NotAFile(string path, Core.Io.InputFileException inner) =>
        new(path, $"The house-style reference document '{path}' cannot be used: {inner.Message}", inner);

    internal static HouseStyleException Unreadable(string path, Exception inner) =>
        new(path, $"The house-style reference document '{path}' could not be read ({inner.GetType().Name}). Check that it exists, is not open in another program and that you may read it, then try again.", inner);

    internal static HouseStyleException NotADocx(string path, Exception? inner = null) =>
        new(path, $"The house-style reference document '{path}' is not a Word .docx file (it may be an older .doc, a PDF, or a file renamed to .docx). {SaveAsDocx}", inner);

    internal static HouseStyleException NotAWordDocument(string path) =>
        new(path, $"The house-style reference document '{path}' is an Office file but not a Word document (perhaps a spreadsheet or presentation). {SaveAsDocx}", null);

    internal static HouseStyleException Corrupt(string path, string part, Exception? inner = null) =>
        new(path, $"The house-style reference document '{path}' is damaged: its part '{part}' cannot be read. {SaveAsDocx}", inner);

    internal static HouseStyleException TooLarge(string path, string part) =>
        new(path, $"The house-style reference document '{path}' has a part '{part}' that is too large for a house style (over 32 MB). Remove large images from its header and footer, save it as a .docx and try again.", null);
}
