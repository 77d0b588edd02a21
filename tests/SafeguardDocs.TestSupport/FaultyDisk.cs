using SafeguardDocs.Core.Io;

namespace SafeguardDocs.TestSupport;

/// <summary>
/// A disk that fills up: every output file is written through it, and once <paramref name="bytesFree"/>
/// bytes have been written in all, each further write fails the way a full Linux disk does (ENOSPC).
/// Optionally a file whose name matches fails at its rename instead.
/// </summary>
public sealed class FaultyDisk(long bytesFree, Func<string, bool>? failRename = null) : IWriteFaults
{
    private readonly long free = bytesFree;
    private long written;

    public static IOException DiskFull() => new("No space left on device", 28);

    public Stream Wrap(string path, Stream stream) => new Filling(this, stream);

    public void BeforeRename(string path)
    {
        if (failRename?.Invoke(path) == true)
        {
            throw DiskFull();
        }
    }

    private sealed class Filling(FaultyDisk disk, Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Interlocked.Add(ref disk.written, buffer.Length) > disk.free)
            {
                throw DiskFull();
            }

            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);
    }
}
