using System.Runtime.CompilerServices;

namespace SafeguardDocs.TestSupport;

/// <summary>
/// A small snapshot helper in the manner of Verify: the expected text lives beside the test as
/// <c>{Class}.{Method}.verified.txt</c>. A difference writes <c>.received.txt</c> (ignored by git) and fails.
/// Set <c>SNAPSHOT_ACCEPT=1</c> locally to accept; under <c>CI=true</c> nothing is ever accepted.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string? name = null, [CallerFilePath] string testFile = "", [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var folder = Path.GetDirectoryName(testFile)!;
        var cls = Path.GetFileNameWithoutExtension(testFile);
        var stem = Path.Combine(folder, $"{cls}.{name ?? method}");
        var verified = stem + ".verified.txt";
        var received = stem + ".received.txt";
        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalised)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var accept = !inCi && Environment.GetEnvironmentVariable("SNAPSHOT_ACCEPT") == "1";
        if (accept)
        {
            File.WriteAllText(verified, normalised);
            return;
        }

        File.WriteAllText(received, normalised);
        throw new SnapshotMismatchException(expected is null
            ? $"No snapshot yet: review {received} and rename it to {Path.GetFileName(verified)} (or run with SNAPSHOT_ACCEPT=1)."
            : $"Snapshot differs: compare {received} with {verified}.\n{FirstDifference(expected, normalised)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return string.Empty;
    }
}

public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    public SnapshotMismatchException()
    {
    }

    public SnapshotMismatchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
