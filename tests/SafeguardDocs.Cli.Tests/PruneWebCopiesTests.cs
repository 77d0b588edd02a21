using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Records;
using SafeguardDocs.TestSupport;
using SafeguardDocs.Web;
using SafeguardDocs.Web.Data;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Cli.Tests;

/// <summary>
/// <c>register prune --yes</c> on documents the web app issued: it removes the web app's stored copies with the
/// record, and never deletes a file by a bare name (the web app's documents have no file of their own).
/// </summary>
public sealed class PruneWebCopiesTests
{
    private static CliRun RunAt(DateTimeOffset now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, new CliEnvironment(output, error, new FixedClock(now), Repo.Root, IsTerminal: false) { User = "office" });
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Issues a sample through the web app's pipeline and keeps its copies as the web app does (the .docx, and a PDF when asked).</summary>
    private static IssuedFile IssueFromTheWeb(CasePipeline pipeline, IServiceProvider services, string sample, bool withPdf)
    {
        var check = pipeline.Check(File.ReadAllBytes(Repo.Sample(sample)), OrganisationSettings.Default);
        var (made, problems) = pipeline.Make(check, null, OrganisationSettings.Default);
        problems.ShouldBeEmpty();
        var issued = pipeline.Issue(made!, "dsl@school.example");
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDb>();
        var record = Guid.NewGuid();
        foreach (var (format, bytes) in withPdf ? [(EvidenceStore.Docx, issued.Content), (EvidenceStore.Pdf, "%PDF-1.7 stand-in"u8.ToArray())] : new[] { (EvidenceStore.Docx, issued.Content) })
        {
            db.IssuedDocuments.Add(new IssuedDocument
            {
                Id = Guid.NewGuid(),
                RecordId = record,
                Format = format,
                FileName = Path.ChangeExtension(issued.FileName, format),
                TemplateName = made!.TemplateName,
                CaseSha256 = issued.Entry.CaseSha256!,
                SettingsSha256 = CasePipeline.SettingsSha256(OrganisationSettings.Default),
                EntryId = issued.Entry.Id,
                DocumentSha256 = Sha256.Of(bytes),
                Content = bytes,
                IssuedBy = issued.Entry.By,
            });
        }

        db.SaveChanges();
        return issued;
    }

    [Fact]
    public void Prune_removes_the_web_apps_copies_and_leaves_a_same_named_file_in_the_current_folder()
    {
        var data = Repo.NewTempFolder();
        var pipeline = new CasePipeline(FixedClock.Default, new WebSettings(data, false));
        IssuedFile record, plan;
        using (var services = WebApp.AccountServices(data))
        {
            record = IssueFromTheWeb(pipeline, services, "viewing-decision.json", withPdf: true);
            plan = IssueFromTheWeb(pipeline, services, "online-safety-plan.json", withPdf: false);
        }

        // A document handed out from memory has no file: the register records none, not its bare name.
        var register = DocumentRegister.Open(data, FixedClock.Default);
        register.Following(record.Entry.Id).Single(e => e.Type == EntryType.Issued).FilePath.ShouldBeNull();

        // An unrelated file with the document's name, in the folder the command runs in.
        var sameName = Path.Combine(Directory.GetCurrentDirectory(), record.FileName);
        File.Exists(sameName).ShouldBeFalse();
        File.WriteAllText(sameName, "someone else's file");
        CliRun prune;
        try
        {
            // Past the viewing record's retention (2 June 2036), not the plan's (9 February 2041).
            prune = RunAt(new DateTimeOffset(2037, 1, 1, 9, 0, 0, TimeSpan.Zero), "register", "prune", "--yes", "--data", data);
            File.ReadAllText(sameName).ShouldBe("someone else's file");
        }
        finally
        {
            File.Delete(sameName);
        }

        prune.ExitCode.ShouldBe(0, prune.All);
        prune.Out.ShouldContain($"Destroyed entry {record.Entry.Id}");
        prune.Out.ShouldContain("Removed the web app's stored copies of them: 1 document(s) and 1 PDF(s).");
        prune.Out.ShouldNotContain("VR-2026-0007_AB");

        using (var services = WebApp.AccountServices(data))
        using (var scope = services.CreateScope())
        {
            var left = scope.ServiceProvider.GetRequiredService<WebDb>().IssuedDocuments.AsNoTracking().ToList();
            left.ShouldHaveSingleItem().EntryId.ShouldBe(plan.Entry.Id);
        }

        CliRunner.Run("register", "check", "--data", data).ExitCode.ShouldBe(0);
        var nothingLeft = RunAt(new DateTimeOffset(2037, 1, 1, 9, 0, 0, TimeSpan.Zero), "register", "prune", "--yes", "--data", data);
        nothingLeft.Out.ShouldContain("No record is past its retention date");
    }

    [Fact]
    public void Remove_issued_copies_does_nothing_without_a_web_database_and_creates_none()
    {
        var data = Repo.NewTempFolder();
        WebRetention.RemoveIssuedCopies(data, [1, 2]).ShouldBe(new IssuedCopiesRemoved(0, 0));
        File.Exists(Path.Combine(data, DataFolder.DatabaseFile)).ShouldBeFalse();
    }
}
