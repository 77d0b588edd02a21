namespace SafeguardDocs.Core.Io;

/// <summary>Says in words why a file could not be written or read: the cause, not a guess.</summary>
public static class IoFailure
{
    private const int NoSpaceOnUnix = 28;
    private const int ReadOnlyFileSystemOnUnix = 30;
    private const int QuotaExceededOnUnix = 122;
    private const int DiskFullOnWindows = unchecked((int)0x80070070);
    private const int HandleDiskFullOnWindows = unchecked((int)0x80070027);
    private const int SharingViolationOnWindows = unchecked((int)0x80070020);
    private const int LockViolationOnWindows = unchecked((int)0x80070021);

    /// <summary>True when the failure is a full disk (or a quota reached).</summary>
    public static bool IsDiskFull(Exception e) => Inner(e) is IOException { HResult: NoSpaceOnUnix or QuotaExceededOnUnix or DiskFullOnWindows or HandleDiskFullOnWindows };

    /// <summary>The cause, as a phrase to follow "because": "the disk is full".</summary>
    public static string Cause(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inner = Inner(e);
        return inner switch
        {
            OutputReadOnlyException => "the file there is read-only",
            OutputFolderBusyException => "another run is writing to the same folder",
            _ when IsDiskFull(inner) => "the disk is full",
            IOException { HResult: ReadOnlyFileSystemOnUnix } => "the disk is read-only",
            UnauthorizedAccessException => "permission to write there was refused (the folder or file is read-only, or belongs to someone else)",
            IOException { HResult: SharingViolationOnWindows or LockViolationOnWindows } => "the file is open in another program",
            DirectoryNotFoundException => "the folder does not exist",
            _ => $"of a file system error ({inner.GetType().Name}: {inner.Message})",
        };
    }

    /// <summary>What to do about it.</summary>
    public static string WhatToDo(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var inner = Inner(e);
        return inner switch
        {
            OutputReadOnlyException or OutputFolderBusyException => inner.Message,
            _ when IsDiskFull(inner) => "Free some space on the disk (or write elsewhere with --out) and run again.",
            IOException { HResult: ReadOnlyFileSystemOnUnix } => "Write to a disk that can be written (--out) and run again.",
            UnauthorizedAccessException => "Check that you may write to the folder and the file, or write elsewhere with --out, and run again.",
            IOException { HResult: SharingViolationOnWindows or LockViolationOnWindows } => "Close it (in Excel or Word) and run again.",
            _ => "Check the folder exists, you may write to it, no file in it is open in another program and the disk has space, then run again.",
        };
    }

    /// <summary>The exception that says what happened, unwrapped from task and parallel-loop wrappers.</summary>
    public static Exception Inner(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (true)
        {
            switch (e)
            {
                case AggregateException aggregate:
                    var flat = aggregate.Flatten().InnerExceptions;
                    e = flat.FirstOrDefault(x => x is not OperationCanceledException) ?? flat.FirstOrDefault() ?? aggregate;
                    if (e == aggregate)
                    {
                        return e;
                    }

                    continue;
                case { InnerException: { } inner } when e is not IOException and not UnauthorizedAccessException:
                    e = inner;
                    continue;
                default:
                    return e;
            }
        }
    }
}
