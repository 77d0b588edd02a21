using System.IO.Compression;
using System.Text.Json.Nodes;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Packs;
using SafeguardDocs.Core.Io;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>
/// The commands meeting hostile input and faults (issue 10): devices and pipes for files, a full or
/// read-only disk, two runs into one folder, calendar edges, and the README's promises kept.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostileInputCommandTests
{
    private static CliRun RunWithClock(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, new CliEnvironment(output, error, clock, Repo.Root, IsTerminal: false));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A copy of the sample pack and its roster in a folder of their own.</summary>
    private static string PackFolder(string? roster = null)
    {
        var folder = Repo.NewTempFolder();
        File.Copy(Repo.Sample("aup-pack.json"), Path.Combine(folder, "aup-pack.json"));
        if (roster is null)
        {
            File.Copy(Repo.Sample("aup-roster.csv"), Path.Combine(folder, "aup-roster.csv"));
        }
        else
        {
            File.WriteAllText(Path.Combine(folder, "aup-roster.csv"), roster);
        }

        return folder;
    }

    [Fact]
    public void Validate_dev_zero_exits_2_at_once_instead_of_reading_forever()
    {
        var run = Bounded.Run(() => CliRunner.Run("validate", "/dev/zero"));
        run.ExitCode.ShouldBe(2, run.All);
        run.All.ShouldContain("/dev/zero: error LD001: The case file is not an ordinary file");
    }

    [Fact]
    public void A_letter_dated_at_the_end_of_the_calendar_is_refused_with_its_path_not_a_crash()
    {
        var path = CliRunner.WriteCase(CliRunner.MutateSample("device-allocation.json", j => j["letterDate"] = "9999-12-31"));
        var run = CliRunner.RunIn(Path.GetDirectoryName(path)!, "generate", path, "--out", "out");
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("error LD014");
        run.Error.ShouldContain("[$.letterDate]");
        Directory.Exists(Path.Combine(Path.GetDirectoryName(path)!, "out")).ShouldBeFalse();
    }

    [Fact]
    public void Log_devices_leaves_out_a_file_dated_off_the_calendar_and_writes_the_rest()
    {
        var folder = Repo.NewTempFolder();
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "a.json"));
        File.WriteAllText(Path.Combine(folder, "b.json"), CliRunner.MutateSample("device-allocation.json", j =>
        {
            j["reference"] = "DA-2026-0099";
            j["letterDate"] = "9999-12-31";
        }));
        var output = Path.Combine(Repo.NewTempFolder(), "devices.xlsx");
        var run = CliRunner.Run("log", "devices", folder, "--out", output, "--as-of", "2026-11-22");
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("b.json(");
        run.Error.ShouldContain("error LD014");
        run.Out.ShouldContain("Read 2 files: 1 device allocation, 0 of other kinds skipped, 1 left out.");
        OpenXmlCheck.AssertValid(output);
    }

    [Fact]
    public void Log_counts_each_file_once_when_a_case_of_the_kind_has_errors()
    {
        var folder = Repo.NewTempFolder();
        File.Copy(Repo.Sample("device-allocation.json"), Path.Combine(folder, "a.json"));
        File.WriteAllText(Path.Combine(folder, "b.json"), CliRunner.MutateSample("device-allocation.json", j =>
        {
            j["reference"] = "DA-2026-0098";
            j.Remove("owner");
        }));
        File.Copy(Repo.Sample("incident-report.json"), Path.Combine(folder, "c.json"));
        var output = Path.Combine(Repo.NewTempFolder(), "devices.xlsx");
        var run = CliRunner.Run("log", "devices", folder, "--out", output, "--as-of", "2026-11-22");
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain("Read 3 files: 1 device allocation, 1 of other kinds skipped, 1 left out.");
    }

    [Fact]
    public void The_same_case_gives_the_same_bytes_whatever_the_time_it_is_generated()
    {
        var first = Repo.NewTempFolder();
        var second = Repo.NewTempFolder();
        RunWithClock(FixedClock.Default, "generate", "samples/device-allocation.json", "--out", first).ExitCode.ShouldBe(0);
        RunWithClock(new FixedClock(FixedClock.Default.GetUtcNow().AddHours(5).AddMinutes(17)), "generate", "samples/device-allocation.json", "--out", second).ExitCode.ShouldBe(0);
        File.ReadAllBytes(Path.Combine(first, "DA-2026-0042_JEP.docx")).ShouldBe(File.ReadAllBytes(Path.Combine(second, "DA-2026-0042_JEP.docx")));
        using var zip = ZipFile.OpenRead(Path.Combine(first, "DA-2026-0042_JEP.docx"));
        using var core = new StreamReader(zip.GetEntry("docProps/core.xml")!.Open());
        core.ReadToEnd().ShouldContain("2026-11-20T00:00:00Z"); // the letter's own date
    }

    [Fact]
    public void The_same_pack_gives_the_same_bytes_whatever_the_time_it_is_made()
    {
        var folder = PackFolder();
        var first = Path.Combine(folder, "first");
        var second = Path.Combine(folder, "second");
        RunWithClock(FixedClock.Default, "pack", Path.Combine(folder, "aup-pack.json"), "--out", first).ExitCode.ShouldBe(0);
        RunWithClock(new FixedClock(FixedClock.Default.GetUtcNow().AddDays(2)), "pack", Path.Combine(folder, "aup-pack.json"), "--out", second).ExitCode.ShouldBe(0);
        foreach (var name in new[] { "AUP-2026-HILLSIDE_print.docx", "AUP-2026-HILLSIDE_tracker.xlsx", "AUP-2026-HILLSIDE_F0001_" })
        {
            var a = Directory.EnumerateFiles(first, name + "*").Single();
            var b = Path.Combine(second, Path.GetFileName(a));
            File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b), name);
        }
    }

    [Fact]
    public void A_roster_with_a_header_and_no_rows_writes_the_errors_report_it_promises()
    {
        var folder = PackFolder(File.ReadLines(Repo.Sample("aup-roster.csv")).First() + "\n");
        var output = Path.Combine(folder, "out");
        var run = CliRunner.Run("pack", Path.Combine(folder, "aup-pack.json"), "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("The errors report says what is wrong");
        var report = Directory.EnumerateFiles(output, "*_roster-errors.csv").ShouldHaveSingleItem();
        File.ReadAllText(report).ShouldContain("no pupil rows");
    }

    [Fact]
    public void A_roster_that_links_outside_the_case_folder_is_refused()
    {
        var folder = PackFolder();
        var elsewhere = Path.Combine(Repo.NewTempFolder(), "roster.csv");
        File.Move(Path.Combine(folder, "aup-roster.csv"), elsewhere);
        File.CreateSymbolicLink(Path.Combine(folder, "aup-roster.csv"), elsewhere);
        var output = Path.Combine(folder, "out");
        var run = CliRunner.Run("pack", Path.Combine(folder, "aup-pack.json"), "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("[$.roster]");
        run.Error.ShouldContain("link to a file outside the case file's folder");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void A_roster_that_is_a_fifo_is_refused_without_hanging()
    {
        var folder = PackFolder();
        File.Delete(Path.Combine(folder, "aup-roster.csv"));
        Fifo.Make(Path.Combine(folder, "aup-roster.csv"));
        var run = Bounded.Run(() => CliRunner.Run("pack", Path.Combine(folder, "aup-pack.json"), "--out", Path.Combine(folder, "out")));
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("not an ordinary file");
    }

    [Fact]
    public void An_existing_read_only_document_is_refused_with_how_to_proceed()
    {
        var output = Repo.NewTempFolder();
        var letter = Path.Combine(output, "DA-2026-0042_JEP.docx");
        File.WriteAllText(letter, "the signed copy");
        File.SetUnixFileMode(letter, UnixFileMode.UserRead);
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("read-only");
        run.Error.ShouldContain("chmod u+w");
        File.ReadAllText(letter).ShouldBe("the signed copy");
    }

    [Fact]
    public void A_second_run_into_a_busy_folder_refuses_clearly_and_touches_nothing()
    {
        var folder = PackFolder();
        var output = Path.Combine(folder, "out");
        Directory.CreateDirectory(output);
        var otherRunsTemp = Path.Combine(output, $".AUP-2026-HILLSIDE_F0001_AA.docx.{Environment.ProcessId}.0123456789abcdef{AtomicFile.TempSuffix}");
        File.WriteAllText(otherRunsTemp, "being written");
        using (OutputFolderLock.Acquire(output))
        {
            var run = CliRunner.Run("pack", Path.Combine(folder, "aup-pack.json"), "--out", output);
            run.ExitCode.ShouldBe(2, run.All);
            run.Error.ShouldContain("Another safeguard-docs run is writing to");
            File.Exists(otherRunsTemp).ShouldBeTrue();
            Directory.EnumerateFiles(output, "*.docx").ShouldBeEmpty();
        }
    }

    [Fact]
    public void Pack_on_a_disk_that_fills_up_says_so_and_what_was_written()
    {
        var folder = PackFolder();
        var output = Path.Combine(folder, "out");
        CliRun run;
        using (WriteFaults.Inject(new FaultyDisk(bytesFree: 400_000)))
        {
            run = CliRunner.Run("pack", Path.Combine(folder, "aup-pack.json"), "--out", output);
        }

        run.ExitCode.ShouldBe(2, run.All);
        run.All.ShouldNotContain("AggregateException");
        run.All.ShouldNotContain("One or more errors");
        run.All.ShouldNotContain("   at ");
        run.Error.ShouldContain("The run stopped because the disk is full.");
        run.Error.ShouldMatch(@"\d+ family packs were written, each complete; the print file and the tracker were not\.");
        run.Error.ShouldNotContain("Nothing written.");
        run.Error.ShouldContain("Incomplete:");

        // What is left is complete: whole packs only, no temporary files, no print file or tracker.
        var packs = Directory.EnumerateFiles(output, "*_F*.docx").ToList();
        packs.ShouldNotBeEmpty();
        run.Error.ShouldContain($"{packs.Count} family packs were written");
        foreach (var pack in packs.Take(3))
        {
            OpenXmlCheck.AssertValid(pack);
        }

        Directory.EnumerateFiles(output, "*" + AtomicFile.TempSuffix).ShouldBeEmpty();
        File.Exists(Path.Combine(output, "AUP-2026-HILLSIDE_print.docx")).ShouldBeFalse();
        File.Exists(Path.Combine(output, "AUP-2026-HILLSIDE_tracker.xlsx")).ShouldBeFalse();

        // Space again: a rerun completes the set.
        CliRunner.Run("pack", Path.Combine(folder, "aup-pack.json"), "--out", output).ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(output, "AUP-2026-HILLSIDE_tracker.xlsx")).ShouldBeTrue();
    }

    [Fact]
    public void Pack_whose_tracker_cannot_be_renamed_into_place_says_the_print_file_was_written()
    {
        var folder = PackFolder();
        var output = Path.Combine(folder, "out");
        CliRun run;
        using (WriteFaults.Inject(new FaultyDisk(long.MaxValue, failRename: p => p.EndsWith("_tracker.xlsx", StringComparison.Ordinal))))
        {
            run = CliRunner.Run("pack", Path.Combine(folder, "aup-pack.json"), "--out", output);
        }

        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("the tracker was not.");
        File.Exists(Path.Combine(output, "AUP-2026-HILLSIDE_print.docx")).ShouldBeTrue();
        Directory.EnumerateFiles(output, "*" + AtomicFile.TempSuffix).ShouldBeEmpty();
    }

    [Fact]
    public void Generate_on_a_full_disk_names_the_cause_and_leaves_nothing()
    {
        var output = Repo.NewTempFolder();
        CliRun run;
        using (WriteFaults.Inject(new FaultyDisk(bytesFree: 1000)))
        {
            run = CliRunner.Run("generate", "samples/device-allocation.json", "--out", output);
        }

        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("because the disk is full");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
    }

    [Fact]
    public void Log_to_a_full_disk_says_the_disk_is_full_not_close_it_in_excel()
    {
        var output = Path.Combine(Repo.NewTempFolder(), "devices.xlsx");
        CliRun run;
        using (WriteFaults.Inject(new FaultyDisk(bytesFree: 2000)))
        {
            run = CliRunner.Run("log", "devices", "samples", "--out", output);
        }

        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("could not be saved because the disk is full");
        run.Error.ShouldNotContain("Excel");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void Log_over_a_read_only_register_says_it_is_read_only()
    {
        var output = Path.Combine(Repo.NewTempFolder(), "devices.xlsx");
        File.WriteAllText(output, "last term's register");
        File.SetUnixFileMode(output, UnixFileMode.UserRead);
        var run = CliRunner.Run("log", "devices", "samples", "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("read-only");
        File.ReadAllText(output).ShouldBe("last term's register");
    }

    [Fact]
    public void Log_into_a_read_only_folder_names_the_cause()
    {
        var folder = Repo.NewTempFolder();
        var output = Path.Combine(folder, "devices.xlsx");
        CliRun run;
        using (WriteFaults.Inject(new DeniedFolder()))
        {
            run = CliRunner.Run("log", "devices", "samples", "--out", output);
        }

        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("permission to write there was refused");
    }

    /// <summary>What a pack run printed as errors, in order, as the command prints them.</summary>
    private static List<string> Errors(AupPackResult result) => [.. result.Findings.Where(f => f.IsError).Select(f => f.ToString())];

    [Fact]
    public void A_template_that_fails_while_rendering_a_family_is_reported_as_generate_reports_it()
    {
        var folder = PackFolder();
        var output = Path.Combine(folder, "out");
        var catalog = Templating.Catalog.TemplateCatalog.Create([new ThrowingTemplate(), .. Templates.BuiltInTemplates.All], null);
        var result = new AupPackWriter(catalog, FixedClock.Default).Write(Path.Combine(folder, "aup-pack.json"), AupPackOptions.Default with { OutputFolder = output });
        result.Outcome.ShouldBe(RunOutcome.InputUnusable);
        Errors(result).ShouldHaveSingleItem().ShouldContain("error SGT006: template 'failing-letter' could not be rendered");
        Directory.EnumerateFiles(output, "*.docx").ShouldBeEmpty();
    }

    [Fact]
    public void A_template_that_fails_part_way_keeps_the_packs_written_and_reports_them()
    {
        var folder = PackFolder();
        var output = Path.Combine(folder, "out");
        var builtIn = Templates.BuiltInTemplates.All;
        var letter = builtIn.Single(t => t.Kind == Core.Cases.AupPack.AupPackKind.LetterName);
        var catalog = Templating.Catalog.TemplateCatalog.Create([new ThrowingTemplate(letter, rendersBeforeFailing: 40), .. builtIn.Where(t => t != letter)], null);
        var result = new AupPackWriter(catalog, FixedClock.Default).Write(
            Path.Combine(folder, "aup-pack.json"), AupPackOptions.Default with { OutputFolder = output, BatchSize = 4, MaxParallelism = 1 });

        result.Outcome.ShouldBe(RunOutcome.InputUnusable);
        Errors(result)[0].ShouldContain("error SGT006");
        result.PacksWritten.ShouldBeGreaterThan(0);
        result.PacksWritten.ShouldBeLessThan(result.Families);
        result.Findings.Where(f => f.IsError).ElementAt(1).Message.ShouldBe($"{result.PacksWritten} family packs were written, each complete; the print file and the tracker were not.");
        Directory.EnumerateFiles(output, "*_F*.docx").Count().ShouldBe(result.PacksWritten);
        File.Exists(Path.Combine(output, "AUP-2026-HILLSIDE_print.docx")).ShouldBeFalse();
        Directory.EnumerateFiles(output, "*" + AtomicFile.TempSuffix).ShouldBeEmpty();
    }

    /// <summary>A covering-letter template with a bug that shows only when rendering (after some renders, when given a template to imitate until then).</summary>
    private sealed class ThrowingTemplate(Templating.IDocumentTemplate? working = null, int rendersBeforeFailing = 0) : Templating.IDocumentTemplate
    {
        private int renders;

        public string Name => "failing-letter";

        public string Kind => Core.Cases.AupPack.AupPackKind.LetterName;

        public Templating.TemplateEngine Engine => Templating.TemplateEngine.Razor;

        public string Description => "fails";

        public string Source => "failing-letter.razor";

        public string RenderHtml(object source, Templating.RenderContext context) =>
            Interlocked.Increment(ref renders) <= rendersBeforeFailing && working is not null
                ? working.RenderHtml(source, context)
                : throw new InvalidOperationException("template bug");
    }

    /// <summary>A folder the user may not write to: the rename is refused.</summary>
    private sealed class DeniedFolder : IWriteFaults
    {
        public Stream Wrap(string path, Stream stream) => stream;

        public void BeforeRename(string path) => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostileTemplateAndStyleTests
{
    [Fact]
    public void Check_refuses_a_template_that_is_a_fifo_without_hanging()
    {
        var fifo = Path.Combine(Repo.NewTempFolder(), "letter.sbn");
        Fifo.Make(fifo);
        var run = Bounded.Run(() => CliRunner.Run("check", fifo));
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("not an ordinary file");
    }

    [Fact]
    public void Generate_refuses_a_house_style_that_is_a_link_to_a_device()
    {
        var link = Path.Combine(Repo.NewTempFolder(), "style.docx");
        File.CreateSymbolicLink(link, "/dev/zero");
        var run = Bounded.Run(() => CliRunner.Run("generate", "samples/device-allocation.json", "--out", Repo.NewTempFolder(), "--house-style", link));
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("not an ordinary file");
    }

    [Fact]
    public void Generate_refuses_a_template_file_that_is_a_link_to_a_device()
    {
        var link = Path.Combine(Repo.NewTempFolder(), "letter.sbn");
        File.CreateSymbolicLink(link, "/dev/zero");
        var run = Bounded.Run(() => CliRunner.Run("generate", "samples/device-allocation.json", "--out", Repo.NewTempFolder(), "--template", link));
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("not an ordinary file");
    }
}
