using System.Runtime.InteropServices;

namespace SafeguardDocs.Core.Io;

/// <summary>What a path turned out to be, looked at before it is opened.</summary>
public enum FileKind
{
    /// <summary>Nothing at the path (or a link to nothing).</summary>
    Missing = 0,

    /// <summary>An ordinary file: the only kind that is read.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A device, pipe (FIFO), socket or anything else that is not a file on disk.</summary>
    Special,
}

/// <summary>Why an input could not be read by <see cref="SafeFile"/>; the message names the file, never its content.</summary>
public sealed class InputFileException : IOException
{
    public InputFileException()
    {
    }

    public InputFileException(string message)
        : base(message)
    {
    }

    public InputFileException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InputFileException(FileKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>What was found at the path, when that is why it was refused.</summary>
    public FileKind? Kind { get; }

    /// <summary>True when the file is larger than the limit it was read with.</summary>
    public bool TooLarge { get; init; }
}

/// <summary>
/// Reads input files (case files, rosters, templates, house styles) safely: only a regular file is
/// opened, so a FIFO (whose open blocks), a device such as <c>/dev/zero</c> (endless) or a link to one is
/// refused before anything is read; and the size limit counts the bytes as they are read, never trusting
/// the length the file system reports (which is 0 for a device).
/// </summary>
public static partial class SafeFile
{
    /// <summary>What is at <paramref name="path"/>, following links, without opening it.</summary>
    public static FileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsWindows())
        {
            var buffer = new byte[256];
            if (StatX(AtCurrentFolder, path, 0, StatxType, buffer) != 0)
            {
                return FileKind.Missing;
            }

            var mode = BitConverter.ToUInt16(buffer, 28) & FileTypeMask;
            return mode switch
            {
                RegularFileType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Special,
            };
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.Special : FileKind.Regular;
    }

    /// <summary>
    /// Opens a regular file for reading. Throws <see cref="FileNotFoundException"/> when there is nothing
    /// there and <see cref="InputFileException"/> when it is a folder, a device, a pipe or a socket.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, in words, for the message ("The case file").</param>
    public static FileStream OpenRead(string path, string what = "The file")
    {
        switch (KindOf(path))
        {
            case FileKind.Missing:
                throw new FileNotFoundException($"{what} does not exist.", path);
            case FileKind.Directory:
                throw new InputFileException(FileKind.Directory, $"{what} is a folder, not a file. Name the file itself.");
            case FileKind.Special:
                throw new InputFileException(FileKind.Special, $"{what} is not an ordinary file (it is a device, a pipe or a socket, or a link to one), so it is not read. Name a file saved on disk.");
            default:
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024);
        }
    }

    /// <summary>Reads a whole regular file, refusing it once more than <paramref name="maxBytes"/> have been read.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what = "The file")
    {
        using var stream = OpenRead(path, what);
        using var memory = new MemoryStream();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new InputFileException($"{what} is larger than {Describe(maxBytes)}, the most that is read.") { TooLarge = true };
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    /// <summary>
    /// The path with every link along it followed (like <c>realpath</c>): where a read would really go.
    /// Parts that do not exist are kept as they are.
    /// </summary>
    public static string RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var hops = 0;
        while (parts.Count > 0)
        {
            var next = Path.Combine(current, parts.Dequeue());
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists)
            {
                info = new DirectoryInfo(next);
            }

            if (info.Exists && info.LinkTarget is { } target && ++hops <= 40)
            {
                // Follow the link: its target replaces this part, and the rest of the path goes on from there.
                var resolved = Path.GetFullPath(target, current);
                var targetRoot = Path.GetPathRoot(resolved) ?? "/";
                var rest = parts.ToList();
                parts = new Queue<string>(resolved[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = targetRoot;
                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/>, links followed, is inside <paramref name="folder"/> (links followed) or below it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var real = RealPath(path);
        var realFolder = RealPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return real.StartsWith(realFolder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>A byte count in words: "4 MB".</summary>
    public static string Describe(long bytes) => bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{bytes / 1024} KB";

    /// <summary>A stream over another that fails once more than a limit has been read through it.</summary>
    public static Stream Limit(Stream inner, long maxBytes, string what = "The file") => new LimitedStream(inner, maxBytes, what);

    /// <summary>The file's identity (device and inode) on Linux, or null when it cannot be told (or elsewhere).</summary>
    internal static (ulong Device, ulong Inode)? IdentityOf(string path) => Identity(AtCurrentFolder, path, 0);

    /// <summary>The open file's identity (device and inode) on Linux, or null when it cannot be told (or elsewhere).</summary>
    internal static (ulong Device, ulong Inode)? IdentityOf(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Identity((int)handle.DangerousGetHandle(), string.Empty, EmptyPath);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static (ulong Device, ulong Inode)? Identity(int folder, string path, int flags)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        if (StatX(folder, path, flags, StatxInode, buffer) != 0)
        {
            return null;
        }

        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return (device, BitConverter.ToUInt64(buffer, 32));
    }

    private const int EmptyPath = 0x1000;
    private const uint StatxInode = 0x100;
    private const int AtCurrentFolder = -100;
    private const uint StatxType = 0x1;
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;
    private const int DirectoryType = 0x4000;

    // statx has the same layout on every Linux architecture (unlike stat); stx_mode is the 16 bits at offset 28.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int folder, string path, int flags, uint mask, [Out] byte[] buffer);

    private sealed class LimitedStream(Stream inner, long maxBytes, string what) : Stream
    {
        private long total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => total;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            total += read;
            if (total > maxBytes)
            {
                throw new InputFileException($"{what} is larger than {Describe(maxBytes)}, the most that is read.") { TooLarge = true };
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
