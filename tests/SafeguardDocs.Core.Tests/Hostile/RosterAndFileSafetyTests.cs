using System.Diagnostics;
using SafeguardDocs.Core.Io;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Core.Tests.Hostile;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RosterAndFileSafetyTests
{
    [Fact]
    public void Only_a_regular_file_is_a_regular_file()
    {
        SafeFile.KindOf(Repo.Sample("aup-roster.csv")).ShouldBe(FileKind.Regular);
        SafeFile.KindOf(Repo.Samples).ShouldBe(FileKind.Directory);
        SafeFile.KindOf("/dev/null").ShouldBe(FileKind.Special);
        SafeFile.KindOf(Path.Combine(Repo.NewTempFolder(), "missing")).ShouldBe(FileKind.Missing);
    }

    [Fact]
    public void Reading_counts_the_bytes_rather_than_trusting_the_reported_length()
    {
        // /proc files report a length of 0 but have content: the limit must still hold.
        var e = Should.Throw<InputFileException>(() => SafeFile.ReadAllBytes("/proc/self/maps", 10, "The file"));
        e.TooLarge.ShouldBeTrue();
        e.Message.ShouldContain("larger than");
    }

    [Fact]
    public void A_link_out_of_a_folder_is_seen_through()
    {
        var outside = Repo.NewTempFolder();
        var secret = Path.Combine(outside, "secret.csv");
        File.WriteAllText(secret, "x");
        var folder = Repo.NewTempFolder();
        var link = Path.Combine(folder, "roster.csv");
        File.CreateSymbolicLink(link, secret);
        SafeFile.IsInside(link, folder).ShouldBeFalse();
        SafeFile.IsInside(Path.Combine(folder, "roster-real.csv"), folder).ShouldBeTrue();
        Directory.CreateSymbolicLink(Path.Combine(folder, "exports"), outside);
        SafeFile.IsInside(Path.Combine(folder, "exports", "secret.csv"), folder).ShouldBeFalse();
    }

    [Fact]
    public void An_existing_read_only_output_file_is_not_replaced_even_by_root()
    {
        var path = Path.Combine(Repo.NewTempFolder(), "DA-1_AB.docx");
        File.WriteAllText(path, "signed copy");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var e = Should.Throw<OutputReadOnlyException>(() => AtomicFile.WriteAllBytes(path, [1, 2, 3]));
        e.Message.ShouldContain("read-only");
        e.Message.ShouldContain("chmod u+w");
        File.ReadAllText(path).ShouldBe("signed copy");
        Should.Throw<OutputReadOnlyException>(() => AtomicFile.Delete(path));
        File.Exists(path).ShouldBeTrue();
        Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*" + AtomicFile.TempSuffix).ShouldBeEmpty();
    }

    [Fact]
    public void Leftovers_of_a_dead_run_are_removed_and_those_of_a_live_run_kept()
    {
        var folder = Repo.NewTempFolder();
        using var live = Process.Start(new ProcessStartInfo("sleep", ["30"]) { UseShellExecute = false })!;
        try
        {
            var dead = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
            dead.WaitForExit();
            var deadPid = dead.Id;
            dead.Dispose();
            var liveTemp = Path.Combine(folder, $".X_F0001_AB.docx.{live.Id}.0123456789abcdef{AtomicFile.TempSuffix}");
            var deadTemp = Path.Combine(folder, $".X_F0002_AB.docx.{deadPid}.0123456789abcdef{AtomicFile.TempSuffix}");
            var oldStyle = Path.Combine(folder, $".X_F0003_AB.docx.0123456789abcdef{AtomicFile.TempSuffix}");
            File.WriteAllText(liveTemp, "x");
            File.WriteAllText(deadTemp, "x");
            File.WriteAllText(oldStyle, "x");

            AtomicFile.CleanLeftovers(folder).ShouldBe(2);
            File.Exists(liveTemp).ShouldBeTrue();
            File.Exists(deadTemp).ShouldBeFalse();
            File.Exists(oldStyle).ShouldBeFalse();
        }
        finally
        {
            live.Kill();
        }
    }

    [Fact]
    public void A_second_run_waits_for_the_folder_lock_then_refuses_clearly()
    {
        var folder = Repo.NewTempFolder();
        using (OutputFolderLock.Acquire(folder))
        {
            var e = Should.Throw<OutputFolderBusyException>(() => OutputFolderLock.Acquire(folder, TimeSpan.FromMilliseconds(300)));
            e.Message.ShouldContain("Another safeguard-docs run is writing to");
            e.Message.ShouldContain("--out");
        }

        using (OutputFolderLock.Acquire(folder, TimeSpan.Zero))
        {
            File.Exists(Path.Combine(folder, OutputFolderLock.FileName)).ShouldBeTrue();
        }

        Directory.EnumerateFileSystemEntries(folder).ShouldBeEmpty();
    }

    [Fact]
    public void A_waiting_run_gets_the_lock_when_the_first_finishes()
    {
        var folder = Repo.NewTempFolder();
        var first = OutputFolderLock.Acquire(folder);
        var started = Environment.TickCount64;
        using var release = new Timer(_ => first.Dispose(), null, 500, Timeout.Infinite);
        using var second = Bounded.Run(() => OutputFolderLock.Acquire(folder, TimeSpan.FromSeconds(10)));
        (Environment.TickCount64 - started).ShouldBeGreaterThanOrEqualTo(400);
    }

    [Fact]
    public void Io_failures_are_named_by_their_cause()
    {
        IoFailure.Cause(new IOException("No space left on device", 28)).ShouldBe("the disk is full");
        IoFailure.Cause(new AggregateException(new IOException("No space left on device", 28))).ShouldBe("the disk is full");
        IoFailure.Cause(new IOException("Read-only file system", 30)).ShouldBe("the disk is read-only");
        IoFailure.Cause(new UnauthorizedAccessException()).ShouldStartWith("permission to write there was refused");
        IoFailure.Cause(new OutputReadOnlyException("/x/y.xlsx")).ShouldBe("the file there is read-only");
    }
}
