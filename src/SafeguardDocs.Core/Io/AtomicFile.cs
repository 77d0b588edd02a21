using SafeguardDocs.Core.Naming;

namespace SafeguardDocs.Core.Io;

/// <summary>
/// Writes a file so that it is either complete or absent: the bytes go to a temporary file in the
/// same folder, which is flushed and then renamed over the target. A crash or a kill mid-write leaves
/// at most a hidden <c>.tmp</c> file, never a half-written document, and a batch can simply be run again.
/// </summary>
public static class AtomicFile
{
    public const string TempSuffix = ".sgtmp";

    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <param name="durable">Also force the bytes to disk before the rename (slower; survives power loss, not just a kill).</param>
    public static void Write([BecomesFileName] string path, Action<Stream> write, bool durable = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static void WriteAllBytes([BecomesFileName] string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, s => s.Write(copy));
    }

    /// <summary>Removes temporary files left in a folder by a run that was killed.</summary>
    public static int CleanLeftovers([BecomesFileName] string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*" + TempSuffix))
        {
            if (TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
