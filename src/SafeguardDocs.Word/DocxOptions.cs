using System.IO.Compression;

namespace SafeguardDocs.Word;

/// <summary>
/// How <see cref="DocxWriter"/> writes packages. Immutable; start from <see cref="Default"/> and change
/// what you need with <c>with</c>. Nothing here depends on the clock or the machine, so the same markup
/// and options always give the same bytes.
/// </summary>
public sealed record DocxOptions
{
    /// <summary>No creation date, fast compression.</summary>
    public static DocxOptions Default { get; } = new();

    /// <summary>
    /// The creation and modification date written to the document properties (<c>docProps/core.xml</c>);
    /// none when null. Pass the injected clock's time, never <c>DateTimeOffset.Now</c>, to keep output deterministic.
    /// </summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Zip compression for the package's parts. <see cref="CompressionLevel.Fastest"/> is about twice as fast as Optimal for files a few per cent larger.</summary>
    public CompressionLevel Compression { get; init; } = CompressionLevel.Fastest;

    /// <summary>
    /// In a combined file, start every document on a right-hand (odd-numbered) page, with a blank page before
    /// it when the one before ends on a right-hand page: printed double-sided, no document is on the back of
    /// another. Pages are then numbered through the whole file rather than within each document (a reader
    /// such as LibreOffice decides the side of a page by its number). Off by default; single documents are
    /// not affected.
    /// </summary>
    public bool RightHandStarts { get; init; }
}
