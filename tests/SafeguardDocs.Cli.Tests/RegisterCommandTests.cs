using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using SafeguardDocs.Records;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>The register from the command line: generate enters documents, verify and register check find tampering, holds and pruning, PDF.</summary>
public sealed class RegisterCommandTests
{
    private static (string Output, string Data) Folders() => (Repo.NewTempFolder(), Repo.NewTempFolder());

    private static CliRun RunAt(DateTimeOffset now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, new CliEnvironment(output, error, new FixedClock(now), Repo.Root, IsTerminal: false) { User = "office" });
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Changes one character of the document's text, as someone editing it in Word would.</summary>
    private static void ChangeOneCharacterOfText(string docx)
    {
        using var zip = ZipFile.Open(docx, ZipArchiveMode.Update);
        var part = zip.GetEntry("word/document.xml")!;
        string xml;
        using (var reader = new StreamReader(part.Open()))
        {
            xml = reader.ReadToEnd();
        }

        var at = xml.IndexOf("imagery", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        xml = string.Concat(xml.AsSpan(0, at), "Imagery", xml.AsSpan(at + "imagery".Length));
        part.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
        writer.Write(xml);
    }

    [Fact]
    public void The_sample_viewing_record_verifies_and_once_changed_does_not()
    {
        var (output, data) = Folders();
        var generate = CliRunner.Run("generate", "samples/viewing-decision.json", "--out", output, "--data", data);
        generate.ExitCode.ShouldBe(0, generate.All);
        generate.Out.ShouldContain("Entered in the register as entry 1");
        var file = Path.Combine(output, "VR-2026-0007_AB.docx");

        var verify = CliRunner.Run("verify", file, "--data", data);
        verify.ExitCode.ShouldBe(0, verify.All);
        verify.Out.ShouldContain("issued. It is byte for byte the document of register entry 1: viewing-decision VR-2026-0007, issued 22 November 2026 09:00 UTC by " + Environment.UserName);
        verify.Out.ShouldContain("chain of 2 entries is intact");

        ChangeOneCharacterOfText(file);
        OpenXmlCheck.DocxText(file).ShouldContain("Register entry 1");
        var changed = CliRunner.Run("verify", file, "--data", data);
        changed.ExitCode.ShouldBe(1, changed.All);
        changed.Out.ShouldContain("CHANGED. Its footer names register entry 1: viewing-decision VR-2026-0007");
    }

    [Fact]
    public void A_file_never_issued_is_said_so_and_a_missing_file_is_unreadable()
    {
        var (output, data) = Folders();
        CliRunner.Run("generate", "samples/viewing-decision.json", "--out", output, "--data", data).ExitCode.ShouldBe(0);
        var letter = CliRunner.Run("generate", "samples/device-allocation.json", "--out", output, "--data", data, "--no-register");
        letter.ExitCode.ShouldBe(0, letter.All);
        letter.Out.ShouldContain("Not entered in the register (--no-register)");

        var never = CliRunner.Run("verify", Path.Combine(output, "DA-2026-0042_JEP.docx"), "--data", data);
        never.ExitCode.ShouldBe(1, never.All);
        never.Out.ShouldContain("NOT ISSUED. No document with this content is in the register");

        var missing = CliRunner.Run("verify", Path.Combine(output, "no-such.docx"), "--data", data);
        missing.ExitCode.ShouldBe(2, missing.All);
        missing.Error.ShouldContain("there is no such file");
    }

    [Theory]
    [InlineData("viewing-decision.json")]
    [InlineData("strategy-meeting.json")]
    [InlineData("online-safety-plan.json")]
    [InlineData("incident-report.json")]
    public void No_register_is_refused_for_evidence_and_nothing_is_written(string sample)
    {
        var (output, data) = Folders();
        var run = CliRunner.Run("generate", "samples/" + sample, "--out", output, "--data", data, "--no-register");
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("is evidence: it is always entered in the register");
        run.Error.ShouldContain("Nothing written.");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
        DocumentRegister.ExistsIn(data).ShouldBeFalse();
    }

    [Fact]
    public void Register_check_names_a_deleted_row_and_an_edited_row()
    {
        var (output, data) = Folders();
        foreach (var sample in new[] { "viewing-decision.json", "strategy-meeting.json", "incident-report.json" })
        {
            CliRunner.Run("generate", "samples/" + sample, "--out", output, "--data", data).ExitCode.ShouldBe(0);
        }

        var intact = CliRunner.Run("register", "check", "--data", data);
        intact.ExitCode.ShouldBe(0, intact.All);
        intact.Out.ShouldContain("is intact: 6 entries");

        var register = Path.Combine(data, DocumentRegister.FileName);
        Sql(register, "UPDATE entries SET by = 'nobody' WHERE id = 5");
        var edited = CliRunner.Run("register", "check", "--data", data);
        edited.ExitCode.ShouldBe(1, edited.All);
        edited.Out.ShouldContain("entry 5 has been altered");

        Sql(register, "DELETE FROM entries WHERE id = 3");
        var deleted = CliRunner.Run("register", "check", "--data", data);
        deleted.ExitCode.ShouldBe(1, deleted.All);
        deleted.Out.ShouldContain("entry 3 is missing: it has been deleted from the register");

        // verify will not vouch for a document against a broken register, even one that matches.
        var verify = CliRunner.Run("verify", Path.Combine(output, "VR-2026-0007_AB.docx"), "--data", data);
        verify.ExitCode.ShouldBe(1, verify.All);
        verify.Out.ShouldContain("has been tampered with");
        verify.Out.ShouldContain("entry 3 is missing");
    }

    private static void Sql(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBe(1);
    }

    [Fact]
    public void The_command_line_and_another_writer_at_once_lose_no_entry()
    {
        var (output, data) = Folders();
        var web = DocumentRegister.Open(data, FixedClock.Default);
        var samples = new[] { "viewing-decision.json", "strategy-meeting.json", "online-safety-plan.json", "incident-report.json", "device-allocation.json", "aup-agreement.json" };
        var runs = new System.Collections.Concurrent.ConcurrentBag<CliRun>();
        Parallel.Invoke(
            () => Parallel.ForEach(samples, sample => runs.Add(CliRunner.Run("generate", "samples/" + sample, "--out", Path.Combine(output, sample), "--data", data))),
            () =>
            {
                // The web app's writes, through its own connection, at the same time.
                for (var i = 0; i < 20; i++)
                {
                    var issue = web.Reserve(new IssueRequest { Reference = $"WEB-{i}", Kind = "incident-report", Template = "t", TemplateSha256 = "t", CaseSha256 = "c", By = "web", RetainUntil = new DateOnly(2050, 1, 1) });
                    web.Complete(issue, null, Sha256.Of($"WEB-{i}"));
                }
            });

        runs.ShouldAllBe(r => r.ExitCode == 0);
        var report = web.Check();
        report.Intact.ShouldBeTrue(string.Join("; ", report.Breaks));
        report.Entries.ShouldBe((samples.Length + 20) * 2);
        report.Unfinished.ShouldBeEmpty();
        foreach (var sample in samples)
        {
            var file = Directory.EnumerateFiles(Path.Combine(output, sample), "*.docx").ShouldHaveSingleItem();
            CliRunner.Run("verify", file, "--data", data).ExitCode.ShouldBe(0);
        }
    }

    [Fact]
    public void Prune_lists_records_past_retention_keeps_held_ones_and_destroys_only_with_yes()
    {
        var (output, data) = Folders();
        CliRunner.Run("generate", "samples/viewing-decision.json", "--out", output, "--data", data).ExitCode.ShouldBe(0);
        CliRunner.Run("generate", "samples/online-safety-plan.json", "--out", output, "--data", data).ExitCode.ShouldBe(0);
        var record = Path.Combine(output, "VR-2026-0007_AB.docx");
        var later = new DateTimeOffset(2042, 1, 1, 9, 0, 0, TimeSpan.Zero); // past the record's 2 June 2036 and the plan's 9 February 2041

        var nothingYet = RunAt(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero), "register", "prune", "--data", data);
        nothingYet.ExitCode.ShouldBe(0, nothingYet.All);
        nothingYet.Out.ShouldContain("No record is past its retention date");

        RunAt(later, "register", "hold", "OSP-2026-0012", "--reason", "local authority review", "--data", data).ExitCode.ShouldBe(0);
        var list = RunAt(later, "register", "prune", "--data", data);
        list.ExitCode.ShouldBe(0, list.All);
        list.Out.ShouldContain("entry 1: viewing-decision VR-2026-0007");
        list.Out.ShouldContain("keep until 2 June 2036");
        list.Out.ShouldContain("HELD, kept: entry 3: online-safety-plan OSP-2026-0012");
        list.Out.ShouldContain("Nothing destroyed: run again with --yes");
        File.Exists(record).ShouldBeTrue();

        var destroy = RunAt(later, "register", "prune", "--yes", "--data", data);
        destroy.ExitCode.ShouldBe(0, destroy.All);
        destroy.Out.ShouldContain("Destroyed entry 1");
        File.Exists(record).ShouldBeFalse();
        File.Exists(Path.Combine(output, "OSP-2026-0012_LH.docx")).ShouldBeTrue();

        var check = CliRunner.Run("register", "check", "--data", data);
        check.ExitCode.ShouldBe(0, check.All);
        var register = DocumentRegister.Open(data, FixedClock.Default);
        register.Get(1)!.Reference.ShouldBeNull();
        register.All()[^1].Type.ShouldBe(EntryType.Tombstone);

        RunAt(later, "register", "release", "OSP-2026-0012", "--reason", "review closed", "--data", data).ExitCode.ShouldBe(0);
        RunAt(later, "register", "prune", "--data", data).Out.ShouldContain("1 record(s) past retention, 0 held");
    }

    [Fact]
    public void Every_sample_makes_a_pdf_holding_its_reference_registered_like_the_document()
    {
        var samples = new Dictionary<string, string>
        {
            ["device-allocation.json"] = "DA-2026-0042",
            ["viewing-decision.json"] = "VR-2026-0007",
            ["strategy-meeting.json"] = "SM-2026-0031",
            ["online-safety-plan.json"] = "OSP-2026-0012",
            ["incident-report.json"] = "INC-2026-0113",
            ["aup-agreement.json"] = "AUP-2026-STAFF-0004",
        };
        var data = Repo.NewTempFolder();
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, (CliRun Run, string Output)>();
        Parallel.ForEach(samples.Keys, new ParallelOptions { MaxDegreeOfParallelism = 3 }, sample =>
        {
            var output = Repo.NewTempFolder();
            results[sample] = (CliRunner.Run("generate", "samples/" + sample, "--out", output, "--data", data, "--pdf"), output);
        });

        foreach (var (sample, reference) in samples)
        {
            var (run, output) = results[sample];
            run.ExitCode.ShouldBe(0, sample + ": " + run.All);
            var pdf = Directory.EnumerateFiles(output, "*.pdf").ShouldHaveSingleItem();
            run.Out.ShouldContain("(PDF/A)");
            PdfText(pdf).ShouldContain(reference, customMessage: sample);
            File.ReadAllText(pdf).ShouldContain("<pdfaid:part>2</pdfaid:part>", customMessage: sample);
            var verify = CliRunner.Run("verify", pdf, "--data", data);
            verify.ExitCode.ShouldBe(0, verify.All);
            verify.Out.ShouldContain("byte for byte the PDF of register entry");
        }
    }

    private static string PdfText(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, "pdftotext (poppler-utils) must be installed; .ci/run installs it");
        return text;
    }

    [Fact]
    public void Without_libreoffice_pdf_exits_2_saying_how_to_install_it_and_writes_nothing()
    {
        var (output, data) = Folders();
        var before = Environment.GetEnvironmentVariable("SAFEGUARD_DOCS_SOFFICE");
        try
        {
            Environment.SetEnvironmentVariable("SAFEGUARD_DOCS_SOFFICE", Path.Combine(output, "no-soffice-here"));
            var run = CliRunner.Run("generate", "samples/device-allocation.json", "--out", output, "--data", data, "--pdf");
            run.ExitCode.ShouldBe(2, run.All);
            run.Error.ShouldContain("apt-get install libreoffice-writer-nogui");
            Directory.EnumerateFiles(output).ShouldBeEmpty();
        }
        finally
        {
            Environment.SetEnvironmentVariable("SAFEGUARD_DOCS_SOFFICE", before);
        }
    }
}
