using System.Diagnostics;
using System.Globalization;
using SafeguardDocs.Core.Naming;

namespace SafeguardDocs.Core.Io;

/// <summary>
/// Writes a file so that it is either complete or absent: the bytes go to a temporary file in the
/// same folder, which is flushed and then renamed over the target. A crash or a kill mid-write leaves
/// at most a hidden temporary file (its name carries the writing process's id), never a half-written
/// document, and a batch can simply be run again.
/// <para>
/// An existing file that is read-only is never replaced: <see cref="OutputReadOnlyException"/> says
/// so. The file's mode is looked at here, because the file system lets root (as CI runs) replace it.
/// </para>
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
        RefuseReadOnly(full);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            using (var stream = WriteFaults.Wrap(full, file))
            {
                write(stream);
                stream.Flush();
                file.Flush(flushToDisk: durable);
            }

            WriteFaults.BeforeRename(full);
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

    /// <summary>
    /// Deletes an output file (one a run no longer makes), unless it is read-only. Returns true when removed.
    /// </summary>
    public static bool Delete([BecomesFileName] string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return false;
        }

        RefuseReadOnly(Path.GetFullPath(path));
        File.Delete(path);
        return true;
    }

    /// <summary>True when the file exists and is marked read-only (no write permission for its owner, or the read-only attribute).</summary>
    public static bool IsReadOnly([BecomesFileName] string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0;
        }

        return (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0;
    }

    private static void RefuseReadOnly(string full)
    {
        if (IsReadOnly(full))
        {
            throw new OutputReadOnlyException(full);
        }
    }

    /// <summary>
    /// Removes temporary files left in a folder by runs that were killed: only those whose process is no
    /// longer running, so a run never deletes the files another run is still writing.
    /// </summary>
    public static int CleanLeftovers([BecomesFileName] string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*" + TempSuffix))
        {
            if (WriterIsAlive(Path.GetFileName(file)))
            {
                continue;
            }

            if (TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The temporary file's name is <c>.{name}.{pid}.{guid}.sgtmp</c>: true when that process is still running.</summary>
    internal static bool WriterIsAlive(string tempName)
    {
        var parts = tempName[..^TempSuffix.Length].Split('.');
        if (parts.Length < 3 || !int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false; // An older name without a process id: from a run that is long gone.
        }

        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
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

/// <summary>An output file exists and is read-only, so it is not replaced. The message says how to proceed.</summary>
public sealed class OutputReadOnlyException : IOException
{
    public OutputReadOnlyException()
    {
    }

    public OutputReadOnlyException(string path)
        : base($"{path} already exists and is read-only, so it was not replaced. If it may be replaced, make it writable (chmod u+w, or untick Read-only in its properties) and run again; otherwise write somewhere else with --out.")
    {
        FilePath = path;
    }

    public OutputReadOnlyException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string? FilePath { get; }
}
