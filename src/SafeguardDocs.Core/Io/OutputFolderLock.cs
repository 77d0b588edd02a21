using System.Globalization;
using System.Text;
using SafeguardDocs.Core.Naming;

namespace SafeguardDocs.Core.Io;

/// <summary>
/// Keeps two runs from writing into the same output folder at once: each takes an exclusive lock on
/// <c>.safeguard-docs.lock</c> in the folder for as long as it writes. A second run waits a few seconds
/// for the first to finish, then gives up with <see cref="OutputFolderBusyException"/>. The operating
/// system drops the lock when a run ends, however it ends (even killed), so a stale lock never blocks.
/// The lock file is removed when the run finishes; a run that took the lock on a file another run had
/// just removed sees that the name no longer leads to its file and tries again.
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    public const string FileName = ".safeguard-docs.lock";

    /// <summary>How long a second run waits for the first before it refuses.</summary>
    public static TimeSpan DefaultWait { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// One gate per folder in this process: threads of one process queue here, in turn, instead of polling the
    /// lock file; the lock file keeps other processes out.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly FileStream stream;

    private readonly string path;

    private readonly SemaphoreSlim gate;

    private int disposed;

    private OutputFolderLock(FileStream stream, string path, SemaphoreSlim gate)
    {
        this.stream = stream;
        this.path = path;
        this.gate = gate;
    }

    /// <summary>Takes the lock on <paramref name="folder"/> (created when missing), waiting up to <paramref name="wait"/>.</summary>
    public static OutputFolderLock Acquire([BecomesFileName] string folder, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var limit = wait ?? DefaultWait;
        var gate = Gates.GetOrAdd(Path.GetFullPath(folder), _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(limit))
        {
            throw new OutputFolderBusyException(folder, new IOException("This process is still writing to the folder."));
        }

        try
        {
            return AcquireFile(folder, path, gate, Environment.TickCount64 + (long)limit.TotalMilliseconds);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private static OutputFolderLock AcquireFile(string folder, string path, SemaphoreSlim gate, long deadline)
    {
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (SafeFile.IdentityOf(stream.SafeFileHandle) is { } held && SafeFile.IdentityOf(path) != held)
                {
                    // The run before removed this lock file as it finished: lock the one at the name now.
                    stream.Dispose();
                    continue;
                }

                stream.SetLength(0);
                stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
                stream.Flush();
                return new OutputFolderLock(stream, path, gate);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && !IoFailure.IsDiskFull(e))
            {
                if (Environment.TickCount64 >= deadline)
                {
                    throw new OutputFolderBusyException(folder, e);
                }

                Thread.Sleep(100);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            File.Delete(path); // Removed while still held, so no other run can hold this file and see it vanish.
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        stream.Dispose();
        gate.Release();
    }
}

/// <summary>Another run is writing to the output folder; the message says what to do.</summary>
public sealed class OutputFolderBusyException : IOException
{
    public OutputFolderBusyException()
    {
    }

    public OutputFolderBusyException(string message)
        : base(message)
    {
    }

    public OutputFolderBusyException(string folder, Exception inner)
        : base($"Another safeguard-docs run is writing to {folder} and did not finish within a few seconds, so this run did not start. Wait for it to finish and run again, or write to another folder with --out.", inner)
    {
    }
}
