using System.Diagnostics;

namespace SafeguardDocs.TestSupport;

/// <summary>Named pipes for tests (they run on Linux, as CI does): opening one for reading blocks until a writer comes.</summary>
public static class Fifo
{
    public static void Make(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo could not be started.");
        if (!process.WaitForExit(10_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException("mkfifo failed.");
        }
    }
}
