namespace SafeguardDocs.Core.Io;

/// <summary>
/// What can go wrong while an output file is written, injected by tests: a full disk after so many bytes,
/// a rename that fails, a folder that turns read-only. Production code never sets one.
/// </summary>
public interface IWriteFaults
{
    /// <summary>The stream a writer writes <paramref name="path"/> through; return <paramref name="stream"/> to let it be.</summary>
    Stream Wrap(string path, Stream stream);

    /// <summary>Called when a file is complete, just before it is renamed into place; throw to make the rename fail.</summary>
    void BeforeRename(string path);
}

/// <summary>
/// The seam through which every output file is written (<see cref="AtomicFile"/>): tests inject
/// <see cref="IWriteFaults"/> to make any write fail at any point, then check the message and what is
/// left on disk. The injected faults follow the calling flow (an <see cref="AsyncLocal{T}"/>), tasks and
/// parallel loops it starts included, so tests running side by side do not see each other's faults.
/// </summary>
public static class WriteFaults
{
    private static readonly AsyncLocal<IWriteFaults?> Current = new();

    /// <summary>Injects <paramref name="faults"/> until the returned value is disposed.</summary>
    public static IDisposable Inject(IWriteFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var previous = Current.Value;
        Current.Value = faults;
        return new Restore(previous);
    }

    internal static Stream Wrap(string path, Stream stream) => Current.Value?.Wrap(path, stream) ?? stream;

    internal static void BeforeRename(string path) => Current.Value?.BeforeRename(path);

    private sealed class Restore(IWriteFaults? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
