using Microsoft.Data.Sqlite;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Records.Tests;

/// <summary>The register: an append-only chain that finds any entry deleted or altered, safe with several writers at once.</summary>
public sealed class DocumentRegisterTests
{
    private static IssueRequest Request(string reference = "VR-2026-0007", string kind = "viewing-decision", DateOnly? retainUntil = null) => new()
    {
        Reference = reference,
        Kind = kind,
        Template = "viewing-record",
        TemplateSha256 = Sha256.Of("template"),
        CaseSha256 = Sha256.Of("case " + reference),
        By = "dsl",
        RetainUntil = retainUntil ?? new DateOnly(2036, 3, 14),
    };

    /// <summary>A register in a fresh folder with three documents issued: entries 1–6.</summary>
    private static (DocumentRegister Register, string Folder) WithThreeIssues()
    {
        var folder = Repo.NewTempFolder();
        var register = DocumentRegister.Open(folder, FixedClock.Default);
        foreach (var reference in new[] { "VR-2026-0001", "VR-2026-0002", "VR-2026-0003" })
        {
            var issue = register.Reserve(Request(reference));
            register.Complete(issue, Path.Combine(folder, reference + ".docx"), Sha256.Of("document " + reference));
        }

        return (register, folder);
    }

    private static void Sql(DocumentRegister register, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = register.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBeGreaterThan(0, sql);
    }

    [Fact]
    public void Entries_are_chained_and_the_chain_checks_intact()
    {
        var (register, _) = WithThreeIssues();
        var entries = register.All();
        entries.Select(e => e.Id).ShouldBe([1, 2, 3, 4, 5, 6]);
        entries[0].PreviousHash.ShouldBe(RegisterEntry.Genesis);
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i].PreviousHash.ShouldBe(entries[i - 1].EntryHash);
        }

        var report = register.Check();
        report.Intact.ShouldBeTrue(string.Join("; ", report.Breaks));
        report.Entries.ShouldBe(6);
        report.Unfinished.ShouldBeEmpty();
    }

    [Fact]
    public void A_document_is_found_by_its_hash_with_its_issue()
    {
        var (register, _) = WithThreeIssues();
        var found = register.FindDocument(Sha256.Of("document VR-2026-0002"));
        found.ShouldNotBeNull();
        found.Value.Issue.Id.ShouldBe(3);
        found.Value.Issue.Reference.ShouldBe("VR-2026-0002");
        found.Value.Issue.By.ShouldBe("dsl");
        found.Value.Issue.At.ShouldBe(FixedClock.Default.GetUtcNow());
        register.FindDocument(Sha256.Of("something else")).ShouldBeNull();
    }

    [Theory]
    [InlineData("UPDATE entries SET by = 'someone else' WHERE id = 3", 3)]
    [InlineData("UPDATE entries SET reference = 'VR-2026-9999' WHERE id = 3", 3)]
    [InlineData("UPDATE entries SET document_sha256 = 'aaaa' WHERE id = 4", 4)]
    [InlineData("UPDATE entries SET at = '2027-01-01T00:00:00.0000000Z' WHERE id = 5", 5)]
    [InlineData("UPDATE entries SET retain_until = '2020-01-01' WHERE id = 1", 1)]
    public void An_edited_row_is_named(string edit, long entry)
    {
        var (register, _) = WithThreeIssues();
        Sql(register, edit);
        var report = register.Check();
        report.Intact.ShouldBeFalse();
        report.Breaks[0].EntryId.ShouldBe(entry);
        report.Breaks[0].Problem.ShouldContain($"entry {entry} has been altered");
    }

    [Fact]
    public void An_edited_row_whose_hash_is_recomputed_breaks_the_link_to_the_next()
    {
        var (register, _) = WithThreeIssues();
        var forged = register.Get(3)! with { By = "someone else" };
        forged = forged with { EntryHash = forged.ComputeHash() };
        Sql(register, $"UPDATE entries SET by = 'someone else', entry_hash = '{forged.EntryHash}' WHERE id = 3");
        var report = register.Check();
        report.Breaks.ShouldHaveSingleItem().EntryId.ShouldBe(4);
        report.Breaks[0].Problem.ShouldContain("does not follow the entry before it");
    }

    [Fact]
    public void A_deleted_row_is_named()
    {
        var (register, _) = WithThreeIssues();
        Sql(register, "DELETE FROM entries WHERE id = 3");
        var report = register.Check();
        report.Intact.ShouldBeFalse();
        report.Breaks.Select(b => b.Problem).ShouldContain("entry 3 is missing: it has been deleted from the register");
    }

    [Fact]
    public void A_deleted_last_row_is_named_and_nothing_more_is_appended()
    {
        var (register, _) = WithThreeIssues();
        Sql(register, "DELETE FROM entries WHERE id = 6");
        var report = register.Check();
        report.Breaks.ShouldHaveSingleItem().Problem.ShouldBe("entry 6, the last one, is missing: it has been deleted from the register");
        Should.Throw<RegisterBrokenException>(() => register.Reserve(Request()));
    }

    [Fact]
    public void A_reserved_issue_never_completed_is_reported_as_unfinished_not_as_a_break()
    {
        var (register, _) = WithThreeIssues();
        var stopped = register.Reserve(Request("VR-2026-0004"));
        var report = register.Check();
        report.Intact.ShouldBeTrue();
        report.Unfinished.ShouldHaveSingleItem().Id.ShouldBe(stopped.Id);

        register.Abandon(stopped, "the document could not be written");
        register.Check().Unfinished.ShouldBeEmpty();
    }

    [Fact]
    public void A_correction_points_at_the_issue_it_replaces_with_its_reason()
    {
        var (register, _) = WithThreeIssues();
        var correction = register.Reserve(Request("VR-2026-0001") with { Replaces = 1, Reason = "wrong time of decision" });
        correction.RefersTo.ShouldBe(1);
        register.Get(correction.Id)!.Reason.ShouldBe("wrong time of decision");
        Should.Throw<ArgumentException>(() => register.Reserve(Request() with { Replaces = 2, Reason = "not an issue" }));
        register.Check().Intact.ShouldBeTrue();
    }

    [Fact]
    public void Writers_at_the_same_time_lose_no_entry_and_keep_one_chain()
    {
        var folder = Repo.NewTempFolder();
        DocumentRegister.Open(folder, FixedClock.Default);
        const int writers = 6;
        const int issuesEach = 15;
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            // Each writer opens its own register, as the command line and the web app do: its own connections.
            var register = DocumentRegister.Open(folder, FixedClock.Default);
            for (var i = 0; i < issuesEach; i++)
            {
                var issue = register.Reserve(Request($"W{w}-{i}"));
                ids.Add(issue.Id);
                ids.Add(register.Complete(issue, null, Sha256.Of($"W{w}-{i}")).Id);
            }
        });

        var all = DocumentRegister.Open(folder, FixedClock.Default);
        ids.Count.ShouldBe(writers * issuesEach * 2);
        ids.Order().ShouldBe(Enumerable.Range(1, writers * issuesEach * 2).Select(i => (long)i));
        var report = all.Check();
        report.Intact.ShouldBeTrue(string.Join("; ", report.Breaks));
        report.Entries.ShouldBe(writers * issuesEach * 2);
        report.Unfinished.ShouldBeEmpty();
    }

    [Fact]
    public void A_document_made_in_memory_records_no_file_and_a_file_is_recorded_only_by_its_full_path()
    {
        var folder = Repo.NewTempFolder();
        var register = DocumentRegister.Open(folder, FixedClock.Default);
        var fromMemory = register.Reserve(Request("VR-2000-0005", retainUntil: new DateOnly(2025, 1, 1)));
        Should.Throw<ArgumentException>(() => register.Complete(fromMemory, "VR-2000-0005_AB.docx", Sha256.Of("bare name")))
            .Message.ShouldContain("full path");
        register.Complete(fromMemory, null, Sha256.Of("handed out from memory")).FilePath.ShouldBeNull();
        register.AddPdf(fromMemory, null, Sha256.Of("pdf from memory")).FilePath.ShouldBeNull();

        // Destroying it deletes no file (it has none), and the chain still verifies.
        register.Destroy(fromMemory, "office").Type.ShouldBe(EntryType.Tombstone);
        register.Check().Intact.ShouldBeTrue();
    }

    [Fact]
    public void Prune_lists_what_is_past_retention_skips_holds_and_a_tombstone_keeps_the_chain()
    {
        var folder = Repo.NewTempFolder();
        var register = DocumentRegister.Open(folder, FixedClock.Default);
        var oldFile = Path.Combine(folder, "VR-2000-0001.docx");
        File.WriteAllText(oldFile, "document");
        var old = register.Reserve(Request("VR-2000-0001", retainUntil: new DateOnly(2025, 1, 1)));
        register.Complete(old, oldFile, Sha256.OfFile(oldFile));
        var heldOld = register.Reserve(Request("VR-2000-0002", retainUntil: new DateOnly(2025, 1, 1)));
        register.Complete(heldOld, Path.Combine(folder, "VR-2000-0002.docx"), Sha256.Of("held"));
        var current = register.Reserve(Request("VR-2026-0003", retainUntil: new DateOnly(2040, 1, 1)));
        register.Complete(current, Path.Combine(folder, "VR-2026-0003.docx"), Sha256.Of("current"));
        register.Hold("VR-2000-0002", "inquiry", "dsl");

        var due = register.PastRetention(new DateOnly(2026, 11, 22));
        due.Select(d => (d.Issue.Id, d.Held)).ShouldBe([(old.Id, false), (heldOld.Id, true)]);
        Should.Throw<InvalidOperationException>(() => register.Destroy(heldOld, "office"));

        var tombstone = register.Destroy(old, "office");
        tombstone.Type.ShouldBe(EntryType.Tombstone);
        tombstone.Kind.ShouldBe("viewing-decision");
        tombstone.CaseSha256.ShouldBe(old.CaseSha256);
        File.Exists(oldFile).ShouldBeFalse();
        var blanked = register.Get(old.Id)!;
        blanked.Reference.ShouldBeNull();
        blanked.RetainUntil.ShouldBeNull();
        register.Following(old.Id).ShouldAllBe(e => e.FilePath == null && e.Reference == null);
        var report = register.Check();
        report.Intact.ShouldBeTrue(string.Join("; ", report.Breaks));
        register.PastRetention(new DateOnly(2026, 11, 22)).ShouldHaveSingleItem().Held.ShouldBeTrue();

        register.Release("VR-2000-0002", "inquiry closed", "dsl");
        register.PastRetention(new DateOnly(2026, 11, 22)).ShouldHaveSingleItem().Held.ShouldBeFalse();
    }

    [Fact]
    public void Blanking_personal_data_without_a_tombstone_is_an_alteration()
    {
        var (register, _) = WithThreeIssues();
        Sql(register, "UPDATE entries SET reference = NULL, file_path = NULL, retain_until = NULL WHERE id = 1");
        register.Check().Breaks.ShouldHaveSingleItem().Problem.ShouldContain("entry 1 has been altered");
    }
}
