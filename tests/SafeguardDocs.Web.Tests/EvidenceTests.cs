using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Cli;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Records;
using SafeguardDocs.TestSupport;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// Records that can be trusted, in the web app (issue 16): every document issued is in the register the CLI
/// uses and verifies with <c>safeguard-docs verify</c>; a DSL signs an evidence record, which then cannot
/// change (pages and API); a change is a new version with its reason; every opening of an evidence record is
/// logged for DSLs; the verify page answers as the CLI does.
/// </summary>
public sealed partial class EvidenceTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const string Dsl = "dsl@school.example";

    private WebHost host => fixture.Host;

    private HttpClient dsl => fixture.Dsl;

    private HttpClient office => fixture.Office;

    private HttpClient api => fixture.Api;

    private static (int Exit, string Out, string Error) Cli(string folder, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, new CliEnvironment(output, error, TimeProvider.System, folder, IsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary><c>safeguard-docs verify FILE --data DATA</c> on these bytes.</summary>
    private (int Exit, string Out, string Error) VerifyWithCli(byte[] document, string extension = ".docx")
    {
        var file = Path.Combine(host.DataFolder, "check-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(file, document);
        try
        {
            return Cli(host.DataFolder, "verify", file, "--data", host.DataFolder);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private DocumentRegister Register() => DocumentRegister.Open(host.DataFolder, TimeProvider.System);

    private static int Count(DocumentRegister register, EntryType type) => register.All().Count(e => e.Type == type);

    private async Task<byte[]> Download(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/records/{id}/download");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var file = Path.Combine(host.DataFolder, Guid.NewGuid().ToString("N") + ".docx");
        await File.WriteAllBytesAsync(file, bytes);
        OpenXmlCheck.AssertValid(file);
        File.Delete(file);
        return bytes;
    }

    private static async Task<HttpResponseMessage> Sign(HttpClient client, Guid id) =>
        await Session.PostForm(client, $"/records/{id}/sign", [new("template", string.Empty)], $"/records/{id}/document");

    [GeneratedRegex("<table class=\"govuk-table\" id=\"access-log\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex AccessLog();

    [Fact]
    public async Task A_document_downloaded_from_the_web_is_entered_in_the_CLI_register_and_verifies_by_the_account()
    {
        var id = await host.AddRecordAsync(Samples.Path("viewing-decision.json"));
        var before = Count(Register(), EntryType.Reserved);

        var first = await Download(dsl, id);
        var verified = VerifyWithCli(first);
        verified.Exit.ShouldBe(0, verified.Out + verified.Error);
        verified.Out.ShouldContain("issued. It is byte for byte the document of register entry");
        verified.Out.ShouldContain("viewing-decision");
        verified.Out.ShouldContain("by " + Dsl);

        // The seal: the footer names the entry, and the register holds the document's hash.
        var register = Register();
        var issue = register.All().Last(e => e.Type == EntryType.Reserved);
        issue.By.ShouldBe(Dsl);
        var file = Path.Combine(host.DataFolder, "sealed.docx");
        await File.WriteAllBytesAsync(file, first);
        DocumentVerifier.ReadSeal(file).ShouldBe(issue.Id);
        OpenXmlCheck.DocxText(file).ShouldContain($"Register entry {issue.Id} · case data {RegisterEntry.ShortHash(Sha256.Of(await File.ReadAllBytesAsync(Samples.Path("viewing-decision.json"))))}");
        File.Delete(file);

        // The same case downloaded again is the same document: the same entry, the same bytes, nothing new in the register.
        var again = await Download(dsl, id);
        again.ShouldBe(first);
        Count(Register(), EntryType.Reserved).ShouldBe(before + 1);
        Register().Check().Intact.ShouldBeTrue();
    }

    [Fact]
    public void The_office_role_opens_no_evidence_kind()
    {
        EvidenceRecords.Kinds.Count.ShouldBe(4);
        foreach (var kind in EvidenceRecords.Kinds)
        {
            Data.Roles.OfficeKinds.ShouldNotContain(kind);
        }
    }

    [Fact]
    public async Task The_API_enters_the_documents_it_makes_in_the_register_in_the_token_account_name()
    {
        var response = await api.PostAsync("/api/documents", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("strategy-meeting.json"))));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var verified = VerifyWithCli(await response.Content.ReadAsByteArrayAsync());
        verified.Exit.ShouldBe(0, verified.Out + verified.Error);
        verified.Out.ShouldContain("strategy-meeting");
        verified.Out.ShouldContain("by " + Dsl);
    }

    [Fact]
    public async Task The_CLI_and_the_web_app_writing_to_the_register_at_once_lose_no_entry()
    {
        const int Each = 4;
        var ids = new List<Guid>();
        for (var i = 0; i < Each; i++)
        {
            ids.Add(await host.AddRecordAsync(Samples.Path("device-allocation.json")));
        }

        var before = Count(Register(), EntryType.Issued);
        var web = ids.Select(id => Task.Run(() => Download(office, id)));
        var cli = Enumerable.Range(0, Each).Select(i => Task.Run(() =>
            Cli(host.DataFolder, "generate", Samples.Path("incident-report.json"), "--out", Path.Combine(host.DataFolder, "cli-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "--data", host.DataFolder)));
        var webDocuments = await Task.WhenAll(web);
        var cliRuns = await Task.WhenAll(cli);

        cliRuns.ShouldAllBe(r => r.Exit == 0);
        var register = Register();
        var chain = register.Check();
        chain.Intact.ShouldBeTrue(string.Join("; ", chain.Breaks.Select(b => b.Problem)));
        chain.Unfinished.ShouldBeEmpty();
        Count(register, EntryType.Issued).ShouldBe(before + (2 * Each));
        foreach (var document in webDocuments)
        {
            VerifyWithCli(document).Exit.ShouldBe(0);
        }

        for (var i = 0; i < Each; i++)
        {
            var folder = Path.Combine(host.DataFolder, "cli-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var written = Directory.GetFiles(folder, "*.docx").ShouldHaveSingleItem();
            Cli(host.DataFolder, "verify", written, "--data", host.DataFolder).Exit.ShouldBe(0);
        }
    }

    [Fact]
    public async Task A_signed_record_cannot_be_changed_by_the_pages_or_the_API_and_a_change_is_a_new_version_with_its_reason()
    {
        var id = await host.AddRecordAsync(Samples.Path("viewing-decision.json"));
        var documentPage = await dsl.GetStringAsync($"/records/{id}/document");
        documentPage.ShouldContain($"action=\"/records/{id}/sign\"");

        var signed = await Sign(dsl, id);
        signed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signed.Headers.Location!.OriginalString.ShouldBe($"/records/{id}");

        // The record's page: who signed and when, the signed document, no way to edit.
        var page = await dsl.GetStringAsync($"/records/{id}");
        page.ShouldContain("Version 1, signed by " + Dsl);
        page.ShouldContain("A signed version cannot be changed.");
        page.ShouldNotContain("Save draft");
        page.ShouldNotContain($"<form method=\"post\" novalidate id=\"case-form\"");
        page.ShouldNotContain(">Change<");
        page.ShouldContain("Start a new version");
        var signedDocument = Regex.Match(page, $"href=\"(/records/{id}/documents/[0-9a-f-]+)\"").Groups[1].Value;
        var signedBytes = await dsl.GetByteArrayAsync(signedDocument);
        VerifyWithCli(signedBytes).Out.ShouldContain("by " + Dsl);
        (await dsl.GetStringAsync($"/records/{id}/check")).ShouldNotContain(">Change<");

        // A change posted anyway is refused, and nothing is saved.
        var json = await api.GetByteArrayAsync($"/api/records/{id}");
        var post = await Session.PostForm(dsl, $"/records/{id}", [new("action", "save"), new("reference", "VR-CHANGED")], $"/records/{id}");
        post.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await post.Content.ReadAsStringAsync()).ShouldContain("This version is signed");
        var changed = Samples.With("viewing-decision.json", c => c["viewing"]!["location"] = "Deputy Headteacher's office");
        var put = await api.PutAsync($"/api/records/{id}", new ByteArrayContent(changed));
        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await put.Content.ReadFromJsonAsync<ProblemDto>())!.Title.ShouldContain("is signed");
        (await api.GetByteArrayAsync($"/api/records/{id}")).ShouldBe(json);
        (await Sign(dsl, id)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A new version needs its reason.
        var noReason = await Session.PostForm(dsl, $"/records/{id}/versions", [new("reason", "  ")], $"/records/{id}");
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Enter the reason for the change");
        (await api.PostAsJsonAsync($"/api/records/{id}/versions", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var opened = await Session.PostForm(dsl, $"/records/{id}/versions", [new("reason", "The location was recorded wrongly")], $"/records/{id}");
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Version 2 can be changed (here through the API) and signed in its turn; both versions stay listed.
        (await api.PutAsync($"/api/records/{id}", new ByteArrayContent(changed))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var draft = await dsl.GetStringAsync($"/records/{id}");
        draft.ShouldContain("Save draft");
        draft.ShouldContain("Not signed yet: being changed");
        (await Sign(dsl, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var final = await dsl.GetStringAsync($"/records/{id}");
        final.ShouldContain("Version 2, signed by " + Dsl);
        final.ShouldContain("The location was recorded wrongly (started by " + Dsl);
        final.ShouldContain("First version");
        var documents = Regex.Matches(final, $"href=\"(/records/{id}/documents/[0-9a-f-]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        documents.Count.ShouldBe(2);
        var bytes = await Task.WhenAll(documents.Select(d => dsl.GetByteArrayAsync(d)));
        bytes[0].ShouldNotBe(bytes[1]);
        bytes.ShouldAllBe(b => VerifyWithCli(b, ".docx").Exit == 0);

        // And the API refuses again once version 2 is signed.
        (await api.PutAsync($"/api/records/{id}", new ByteArrayContent(json))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.PostAsJsonAsync($"/api/records/{Guid.NewGuid()}/versions", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_a_DSL_signed_in_with_the_second_factor_signs_and_every_other_request_is_refused()
    {
        var id = await host.AddRecordAsync(Samples.Path("online-safety-plan.json"));

        // Office: evidence is not theirs at all; a loan letter is not signed here.
        (await Session.PostForm(office, $"/records/{id}/sign", [], "/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Session.PostForm(office, $"/records/{fixture.LoanRecord}/sign", [], "/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Session.PostForm(office, $"/records/{id}/versions", [new("reason", "x")], "/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.GetAsync($"/records/{id}/documents/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Administrator: not a DSL.
        var admin = host.Browser();
        await Session.SignInFully(admin, "admin@school.example", fixture.AdminKey);
        (await Session.PostForm(admin, $"/records/{id}/sign", [], "/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // An API token (a system, no second factor) cannot sign.
        (await api.PostAsync($"/records/{id}/sign", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // No antiforgery token: refused before anything happens.
        (await dsl.PostAsync($"/records/{id}/sign", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await dsl.PostAsync($"/records/{id}/versions", new FormUrlEncodedContent([new("reason", "x")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cookieApi = await dsl.PostAsJsonAsync($"/api/records/{id}/versions", new { reason = "x" });
        cookieApi.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Signed out: to the sign-in page (pages) or 401 (API).
        var visitor = host.Browser();
        var anonymous = await Session.PostForm(visitor, $"/records/{id}/sign", [], "/sign-in");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldStartWith("/sign-in");
        (await visitor.PostAsJsonAsync($"/api/records/{id}/versions", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Nothing was signed by any of them; a new version of an unsigned record is refused as not needed.
        (await dsl.GetStringAsync($"/records/{id}")).ShouldContain("Not signed yet");
        (await api.PostAsJsonAsync($"/api/records/{id}/versions", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Session.PostForm(dsl, $"/records/{id}/versions", [new("reason", "x")], $"/records/{id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Every_opening_and_download_of_an_evidence_record_is_logged_and_shown_to_DSLs()
    {
        var id = await host.AddRecordAsync(Samples.Path("incident-report.json"));
        (await dsl.GetAsync($"/records/{id}/check")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/records/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Download(dsl, id);
        (await dsl.GetAsync($"/records/{id}/export")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await dsl.GetStringAsync($"/records/{id}");
        page.ShouldContain("Who has opened this");
        var log = AccessLog().Match(page).Value;
        var rows = Regex.Count(log, "<tr class=\"govuk-table__row\"><td");
        rows.ShouldBe(5);
        foreach (var what in new[] { AccessWhat.Viewed, AccessWhat.ViewedAnswers, AccessWhat.OpenedThroughApi, AccessWhat.DownloadedDocx, AccessWhat.ExportedJson })
        {
            log.ShouldContain($"<td class=\"govuk-table__cell\">{Dsl}</td><td class=\"govuk-table__cell\">{System.Net.WebUtility.HtmlEncode(what).Replace("&#39;", "&#x27;", StringComparison.Ordinal)}</td>");
        }

        // Newest first: the page view that shows the log is its first row.
        log.IndexOf(AccessWhat.Viewed + "</td>", StringComparison.Ordinal).ShouldBeLessThan(log.IndexOf(AccessWhat.ExportedJson, StringComparison.Ordinal));

        // Refused requests are not openings; the office never reaches the record, nor its log.
        (await office.GetAsync($"/records/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var again = AccessLog().Match(await dsl.GetStringAsync($"/records/{id}")).Value;
        Regex.Count(again, "<tr class=\"govuk-table__row\"><td").ShouldBe(6);
        again.ShouldNotContain("office@school.example");

        // A loan letter is not evidence: no log.
        (await office.GetStringAsync($"/records/{fixture.LoanRecord}")).ShouldNotContain("Who has opened this");
    }

    private static MultipartFormDataContent Upload(byte[] document, string token, string fileName = "upload.docx")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "document", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }

    private static async Task<string> VerifyOnPage(HttpClient client, byte[] document, string fileName = "upload.docx")
    {
        var token = await Session.TokenFrom(client, "/verify");
        var response = await client.PostAsync("/verify", Upload(document, token, fileName));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Changes one word of the document's text (the footer, with its seal, stays).</summary>
    private static byte[] ChangeText(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var part = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(part.Open()))
            {
                xml = reader.ReadToEnd();
            }

            part.Delete();
            var changed = zip.CreateEntry("word/document.xml");
            using var writer = new StreamWriter(changed.Open());
            writer.Write(new Regex("<w:t( [^>]*)?>").Replace(xml, m => m.Value + "X", 1));
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task The_verify_page_gives_the_CLI_answer_for_an_issued_a_changed_and_a_never_issued_document()
    {
        var id = await host.AddRecordAsync(Samples.Path("viewing-decision.json"));
        var issued = await Download(dsl, id);
        var entry = Register().All().Last(e => e.Type == EntryType.Reserved && e.By == Dsl && e.Kind == "viewing-decision");

        var answer = await VerifyOnPage(dsl, issued, "VR-secret-name.docx");
        answer.ShouldContain(">Issued</strong>");
        answer.ShouldContain($"issued under register entry {entry.Id}");
        answer.ShouldContain("(viewing-decision)");
        answer.ShouldContain(entry.Reference!);
        answer.ShouldContain(Dsl);
        answer.ShouldContain(Sha256.Of(issued));
        answer.ShouldNotContain("VR-secret-name");

        var changed = ChangeText(issued);
        VerifyWithCli(changed).Exit.ShouldBe(1);
        var changedAnswer = await VerifyOnPage(dsl, changed);
        changedAnswer.ShouldContain(">Changed</strong>");
        changedAnswer.ShouldContain($"Its footer names register entry {entry.Id}");

        var marker = "A-PRIVATE-MARKER-" + Guid.NewGuid().ToString("N");
        var never = await VerifyOnPage(dsl, System.Text.Encoding.UTF8.GetBytes(marker));
        never.ShouldContain(">Not issued</strong>");
        never.ShouldContain("No document with this content is in the register");
        never.ShouldNotContain(marker);
        Directory.GetFiles(Path.Combine(host.DataFolder, "verify")).ShouldBeEmpty();

        // An administrator may verify too.
        var admin = host.Browser();
        await Session.SignInFully(admin, "admin@school.example", fixture.AdminKey);
        (await VerifyOnPage(admin, issued)).ShouldContain(">Issued</strong>");
    }

    [Fact]
    public async Task The_verify_page_refuses_the_office_a_post_without_antiforgery_a_visitor_and_no_file()
    {
        (await office.GetAsync("/verify")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var officeToken = await Session.TokenFrom(office, "/");
        (await office.PostAsync("/verify", Upload([1, 2, 3], officeToken))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.GetStringAsync("/")).ShouldNotContain("/verify");
        (await dsl.GetStringAsync("/")).ShouldContain("href=\"/verify\"");

        (await dsl.PostAsync("/verify", Upload([1, 2, 3], "not-the-token"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var visitor = host.Browser();
        var page = await visitor.GetAsync("/verify");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldStartWith("/sign-in");

        var token = await Session.TokenFrom(dsl, "/verify");
        var empty = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var none = await dsl.PostAsync("/verify", empty);
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await none.Content.ReadAsStringAsync()).ShouldContain("Choose the document (.docx or .pdf) to check.");

        var tooLarge = await dsl.PostAsync("/verify", Upload(new byte[CasePipeline.MaxCaseBytes + 1024], await Session.TokenFrom(dsl, "/verify")));
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await tooLarge.Content.ReadAsStringAsync()).ShouldContain("the most this page takes");
    }

    [Fact]
    public async Task The_verify_page_says_the_register_is_broken_and_names_the_break()
    {
        using var own = new WebHost();
        var key = await own.AddUserAsync("dsl2@school.example", ["dsl"], twoFactor: true);
        var client = own.Browser();
        await Session.SignInFully(client, "dsl2@school.example", key);
        var id = await own.AddRecordAsync(Samples.Path("strategy-meeting.json"));
        var response = await client.GetAsync($"/records/{id}/download");
        var issued = await response.Content.ReadAsByteArrayAsync();
        (await VerifyOnPage(client, issued)).ShouldContain(">Issued</strong>");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(own.DataFolder, DocumentRegister.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE entries SET by = 'someone else' WHERE id = 1";
            command.ExecuteNonQuery();
        }

        var broken = await VerifyOnPage(client, issued);
        broken.ShouldContain("Cannot be verified: the register is broken");
        broken.ShouldContain("entry 1 has been altered");
    }
}
