using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Generation;
using SafeguardDocs.Generation.Packs;
using SafeguardDocs.TestSupport;
using SafeguardDocs.Web.Jobs;

namespace SafeguardDocs.Web.Tests;

/// <summary>The AUP pack page and <c>/api/packs</c>: roles, owners, bad rosters, runs that overlap, cancel, restart, delete, downloads.</summary>
public sealed partial class PackTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(3);

    internal static byte[] PackJson => File.ReadAllBytes(Samples.Path("aup-pack.json"));

    internal static byte[] Roster => File.ReadAllBytes(Samples.Path("aup-roster.csv"));

    /// <summary>The sample roster with the year group's heading changed to one no MIS uses, so it must be matched by hand.</summary>
    internal static byte[] RosterWithOddYearHeading()
    {
        var text = Encoding.UTF8.GetString(Roster);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text[..newline].Replace(",Year,", ",Curriculum Stage,", StringComparison.Ordinal) + text[newline..]);
    }

    private static MultipartFormDataContent Form(byte[] pack, byte[] roster, string rosterName = "export.csv", params string[] map)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(pack), "pack", "pack.json" },
            { new ByteArrayContent(roster), "roster", rosterName },
        };
        foreach (var m in map)
        {
            form.Add(new StringContent(m), "map");
        }

        return form;
    }

    private JobRunner Jobs => fixture.Host.Services.GetRequiredService<JobRunner>();

    private static async Task<Guid> PostPack(HttpClient client, byte[]? pack = null, byte[]? roster = null, params string[] map)
    {
        var response = await client.PostAsync("/api/packs", Form(pack ?? PackJson, roster ?? Roster, "export.csv", map));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> SignedIn(string email, string[] roles, bool twoFactor = false)
    {
        var key = await fixture.Host.AddUserAsync(email, roles, twoFactor);
        var client = fixture.Host.Browser();
        await Session.SignInFully(client, email, key);
        return client;
    }

    [Fact]
    public async Task The_api_makes_the_packs_the_library_makes_reports_progress_and_deletes_them()
    {
        var id = await PostPack(fixture.Api, map: ["Year=Year"]);
        var status = JsonDocument.Parse(await fixture.Api.GetStringAsync($"/api/packs/{id}")).RootElement;
        status.GetProperty("state").GetString().ShouldBeOneOf("queued", "running", "succeeded");
        (await Jobs.WaitAsync(id, Long))!.State.ShouldBe(JobState.Succeeded);

        status = JsonDocument.Parse(await fixture.Api.GetStringAsync($"/api/packs/{id}")).RootElement;
        status.GetProperty("state").GetString().ShouldBe("succeeded");
        var progress = status.GetProperty("progress");
        progress.GetProperty("percent").GetInt32().ShouldBe(100);
        progress.GetProperty("done").GetInt32().ShouldBe(progress.GetProperty("total").GetInt32());
        status.GetProperty("reference").GetString().ShouldBe("AUP-2026-HILLSIDE");
        status.GetProperty("download").GetString().ShouldBe($"/api/packs/{id}/download");

        // The library, run as the CLI runs it on the same input, makes exactly the files in the zip.
        var cli = Directory.CreateTempSubdirectory("sgd-pack-cli-").FullName;
        try
        {
            using var roster = new StringReader(Encoding.UTF8.GetString(Roster));
            var library = new AupPackWriter(TemplateLocations.Catalog(Directory.GetCurrentDirectory()), TimeProvider.System)
                .Write(PackJson, "pack.json", roster, AupPackOptions.Default with { OutputFolder = cli });
            library.Outcome.ShouldBe(RunOutcome.Written);
            progress.GetProperty("total").GetInt32().ShouldBe(library.Families);

            var response = await fixture.Api.GetAsync($"/api/packs/{id}/download");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
            response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("AUP-2026-HILLSIDE.zip");
            using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe(
                Directory.EnumerateFiles(cli).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal)!);
            zip.Entries.Count(e => e.Name.EndsWith(".docx", StringComparison.Ordinal)).ShouldBe(library.Families + 1, "one pack per family and the print file");
            zip.Entries.ShouldContain(e => e.Name == "AUP-2026-HILLSIDE_print.docx");
            zip.Entries.ShouldContain(e => e.Name == "AUP-2026-HILLSIDE_tracker.xlsx");
            var print = Path.Combine(cli, "from-zip.docx");
            zip.GetEntry("AUP-2026-HILLSIDE_print.docx")!.ExtractToFile(print);
            OpenXmlCheck.AssertValid(print);
        }
        finally
        {
            Directory.Delete(cli, recursive: true);
        }

        (await fixture.Api.DeleteAsync($"/api/packs/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await fixture.Api.GetAsync($"/api/packs/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Api.GetAsync($"/api/packs/{id}/download")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Directory.Exists(Jobs.JobFolder(id)).ShouldBeFalse("deleting a run removes its files");
    }

    [Fact]
    public async Task Roles_owners_sign_in_and_antiforgery_are_checked_on_every_call()
    {
        // Signed out: 401 from the API, the sign-in page for the page.
        var anonymous = fixture.Host.Browser();
        (await anonymous.PostAsync("/api/packs", Form(PackJson, Roster))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/packs/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await anonymous.GetAsync("/packs");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldStartWith("/sign-in");

        // An administrator's role does not include packs.
        var adminClient = fixture.Host.Browser();
        await Session.SignInFully(adminClient, "admin@school.example", fixture.AdminKey);
        (await adminClient.GetAsync("/packs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var adminToken = fixture.Host.Browser();
        adminToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Host.TokenAsync("admin@school.example"));
        (await adminToken.PostAsync("/api/packs", Form(PackJson, Roster))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The office, with its session: the antiforgery token is needed, in the header as the page's script sends it.
        (await fixture.Office.PostAsync("/api/packs", Form(PackJson, Roster))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/packs") { Content = Form(PackJson, Roster) };
        request.Headers.Add("RequestVerificationToken", await Session.HeaderTokenFrom(fixture.Office, "/packs"));
        var created = await fixture.Office.SendAsync(request);
        created.StatusCode.ShouldBe(HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var officeRun = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        (await fixture.Office.GetAsync($"/api/packs/{officeRun}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.Office.DeleteAsync($"/api/packs/{officeRun}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a delete with the session cookie needs the antiforgery token too");

        // Someone else's run: the DSL (another account) may not see, download or delete it, by page or API.
        (await fixture.Api.GetAsync($"/api/packs/{officeRun}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Api.GetAsync($"/api/packs/{officeRun}/download")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Api.DeleteAsync($"/api/packs/{officeRun}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Dsl.GetAsync($"/packs/{officeRun}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Dsl.GetAsync($"/packs/{officeRun}/download")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Session.PostForm(fixture.Dsl, $"/packs/{officeRun}/delete", [], "/packs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await adminClient.GetAsync($"/packs/{officeRun}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Jobs.FindAsync(officeRun)).ShouldNotBeNull();

        // A page form without the token is refused and changes nothing.
        (await fixture.Office.PostAsync($"/packs/{officeRun}/delete", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Jobs.FindAsync(officeRun)).ShouldNotBeNull();
        await Jobs.WaitAsync(officeRun, Long);
        (await Session.PostForm(fixture.Office, $"/packs/{officeRun}/delete", [], $"/packs/{officeRun}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Jobs.FindAsync(officeRun)).ShouldBeNull();
    }

    [Fact]
    public async Task A_bad_roster_gets_the_clis_diagnostics_without_a_value()
    {
        async Task<JsonElement> Refused(HttpStatusCode expected, byte[] roster, string name = "export.csv", params string[] map)
        {
            var response = await fixture.Api.PostAsync("/api/packs", Form(PackJson, roster, name, map));
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected, body);
            body.ShouldNotContain("Clarke", Case.Sensitive, "no value from the roster is quoted");
            body.ShouldNotContain("X631625887985", Case.Sensitive);
            return JsonDocument.Parse(body).RootElement;
        }

        // Not CSV: a workbook.
        var workbook = await Refused(HttpStatusCode.BadRequest, [.. "PK\u0003\u0004"u8, .. new byte[200]], "export.xlsx");
        workbook.GetProperty("findings")[0].GetProperty("id").GetString().ShouldBe("ROS001");
        workbook.GetProperty("findings")[0].GetProperty("message").GetString()!.ShouldContain("save the export as CSV");

        // A required column not found, and the CLI's advice to name it with a map field.
        var missing = await Refused(HttpStatusCode.UnprocessableEntity, RosterWithOddYearHeading());
        var finding = missing.GetProperty("findings")[0];
        finding.GetProperty("id").GetString().ShouldBe("ROS003");
        finding.GetProperty("line").GetInt32().ShouldBe(1);
        finding.GetProperty("message").GetString()!.ShouldContain("--map \"Year=Your header\"");

        // A map naming a column the pack does not read, or a header the roster does not have.
        (await Refused(HttpStatusCode.BadRequest, Roster, "export.csv", "Yeer=Year")).GetProperty("title").GetString()!.ShouldContain("not a column the pack reads");
        (await Refused(HttpStatusCode.UnprocessableEntity, Roster, "export.csv", "Year=NC Yr")).GetProperty("findings")[0].GetProperty("message").GetString()!.ShouldContain("no column headed");

        // No usable row: every row listed by line and column, with what to change in the MIS.
        var text = Encoding.UTF8.GetString(Roster).Split('\n');
        var broken = string.Join('\n', [text[0], .. text.Skip(1).Take(3).Select(l => "," + l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..])]);
        var none = await Refused(HttpStatusCode.UnprocessableEntity, Encoding.UTF8.GetBytes(broken));
        var findings = none.GetProperty("findings").EnumerateArray().ToList();
        findings[0].GetProperty("id").GetString().ShouldBe("GEN006");
        findings.Skip(1).Select(f => f.GetProperty("line").GetInt32()).ShouldBe([2, 3, 4]);
        findings.Skip(1).ShouldAllBe(f => f.GetProperty("column").GetInt32() == 1);

        // Too large for any school's export.
        var huge = new byte[Generation.Packs.Roster.RosterReader.MaxBytes + 10];
        Array.Fill(huge, (byte)'a');
        (await Refused(HttpStatusCode.RequestEntityTooLarge, huge)).GetProperty("findings")[0].GetProperty("message").GetString()!.ShouldContain("larger than 64 MB");

        // A case of another kind is not pack details.
        var other = await fixture.Api.PostAsync("/api/packs", Form(File.ReadAllBytes(Samples.Path("device-allocation.json")), Roster));
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadAsStringAsync()).ShouldContain("GEN004");
        (await Jobs.ListAsync("aup-pack", "none")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_runs_of_one_pack_never_overlap_the_second_is_refused_with_the_reason()
    {
        var first = await PostPack(fixture.Api);
        var second = await fixture.Api.PostAsync("/api/packs", Form(PackJson, Roster));
        var body = await second.Content.ReadAsStringAsync();
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
        body.ShouldContain("never overlap");
        second.Headers.Location!.OriginalString.ShouldBe($"/api/packs/{first}");
        (await Jobs.WaitAsync(first, Long))!.State.ShouldBe(JobState.Succeeded);
        var third = await PostPack(fixture.Api);
        (await Jobs.WaitAsync(third, Long))!.State.ShouldBe(JobState.Succeeded);
        await fixture.Api.DeleteAsync($"/api/packs/{first}");
        await fixture.Api.DeleteAsync($"/api/packs/{third}");
    }

    [Fact]
    public async Task A_run_cancelled_from_the_page_says_so_and_runs_again_to_the_end()
    {
        var id = await PostPack(fixture.Api);
        var dsl = fixture.Dsl;
        var cancelled = await Session.PostForm(dsl, $"/packs/{id}/cancel", [], $"/packs/{id}");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var job = (await Jobs.WaitAsync(id, Long))!;
        job.State.ShouldBe(JobState.Cancelled);
        var api = JsonDocument.Parse(await fixture.Api.GetStringAsync($"/api/packs/{id}")).RootElement;
        api.GetProperty("state").GetString().ShouldBe("cancelled");
        api.GetProperty("canRunAgain").GetBoolean().ShouldBeTrue();
        (await fixture.Api.GetAsync($"/api/packs/{id}/download")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await dsl.GetStringAsync($"/packs/{id}");
        page.ShouldContain("Cancelled");
        page.ShouldContain("Run again");
        page.ShouldNotContain("id=\"download-zip\"");

        (await Session.PostForm(dsl, $"/packs/{id}/run-again", [], $"/packs/{id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Jobs.WaitAsync(id, Long))!.State.ShouldBe(JobState.Succeeded);
        page = await dsl.GetStringAsync($"/packs/{id}");
        page.ShouldContain("id=\"download-zip\"");
        page.ShouldNotContain("Run again");
        (await dsl.GetAsync($"/packs/{id}/download")).Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        await fixture.Api.DeleteAsync($"/api/packs/{id}");
    }

    [GeneratedRegex("/packs/uploads/([0-9a-f-]{36})")]
    private static partial Regex UploadAddress();

    [Fact]
    public async Task The_page_matches_columns_lists_unusable_rows_before_the_run_and_offers_each_file()
    {
        var office = await SignedIn($"office-{Guid.NewGuid():N}@school.example", ["office"]);
        var record = await fixture.Host.AddRecordAsync(Samples.Path("aup-pack.json"));
        (await office.GetStringAsync("/")).ShouldContain("href=\"/packs\"");
        var index = await office.GetStringAsync("/packs");
        index.ShouldContain("AUP-2026-HILLSIDE");

        // A roster with an unfamiliar year heading and one row without a UPN.
        var text = Encoding.UTF8.GetString(RosterWithOddYearHeading()).TrimEnd('\n') + "\n,Nobody,Anne,,Year 3,3A,01/01/2019,F,Ms,Jo,Nobody,Mother,,1 Road,,Poole,BH1 1AA\n";
        var token = await Session.TokenFrom(office, "/packs");
        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(record.ToString()), "record" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "roster", "export.csv" },
        };
        var uploaded = await office.PostAsync("/packs/upload", upload);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var columnsUrl = uploaded.Headers.Location!.OriginalString;
        UploadAddress().IsMatch(columnsUrl).ShouldBeTrue();

        var columns = await office.GetStringAsync(columnsUrl);
        columns.ShouldContain("<option value=\"Legal Surname\" selected>", Case.Sensitive);
        columns.ShouldContain("<th scope=\"col\" class=\"govuk-table__header\">Curriculum Stage</th>", Case.Sensitive);
        columns.ShouldContain("No column was found for this");
        columns.ShouldContain("ROS003");
        (await fixture.Dsl.GetAsync(columnsUrl)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "an upload is its owner's");

        var fields = new List<KeyValuePair<string, string>> { new("map.Year", "Curriculum Stage"), new("action", "check") };
        var checkedPage = await (await Session.PostForm(office, columnsUrl, fields, columnsUrl)).Content.ReadAsStringAsync();
        checkedPage.ShouldContain("<option value=\"Curriculum Stage\" selected>", Case.Sensitive);
        checkedPage.ShouldContain("240 pupils can be used");
        checkedPage.ShouldContain("<td class=\"govuk-table__cell\">242</td><td class=\"govuk-table__cell\">A</td><td class=\"govuk-table__cell\">UPN</td>", Case.Sensitive);

        fields[1] = new("action", "run");
        var run = await Session.PostForm(office, columnsUrl, fields, columnsUrl);
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var runUrl = run.Headers.Location!.OriginalString;
        var id = Guid.Parse(runUrl["/packs/".Length..]);
        (await office.GetAsync(columnsUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the upload is gone once its run starts");

        var progress = await office.GetStringAsync(runUrl);
        progress.ShouldContain("<title>Make the packs – SafeguardDocs</title>");
        (await Jobs.WaitAsync(id, Long))!.State.ShouldBe(JobState.Succeeded);
        var done = await office.GetStringAsync(runUrl);
        done.ShouldContain("id=\"download-zip\"");
        done.ShouldContain("names and addresses: download them only to a school computer");
        done.ShouldContain($"jobs/{id:N}");
        done.ShouldContain("<td class=\"govuk-table__cell\">242</td>", Case.Sensitive);
        done.ShouldContain("Print file: AUP-2026-HILLSIDE_print.docx");
        var files = FileLink().Matches(done).Select(m => m.Groups[1].Value).ToList();
        files.Count.ShouldBeGreaterThan(3);
        var tracker = files.Single(f => done.Contains($"href=\"{f}\">Return tracker", StringComparison.Ordinal));
        var trackerResponse = await office.GetAsync(tracker);
        trackerResponse.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("AUP-2026-HILLSIDE_tracker.xlsx");
        var temp = Path.Combine(Path.GetTempPath(), $"sgd-tracker-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(temp, await trackerResponse.Content.ReadAsByteArrayAsync());
        try
        {
            OpenXmlCheck.AssertValid(temp);
        }
        finally
        {
            File.Delete(temp);
        }

        (await office.GetAsync($"/packs/{id}/files/9999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.GetStringAsync("/packs")).ShouldContain($"href=\"/packs/{id}\"");
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.EnumerateFiles(Jobs.JobFolder(id), "*", SearchOption.AllDirectories))
            {
                File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        (await Session.PostForm(office, $"/packs/{id}/delete", [], runUrl)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await office.GetAsync(runUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_upload_is_kept_only_a_day_while_columns_are_matched()
    {
        var token = await Session.TokenFrom(fixture.Office, "/packs");
        var uploaded = await fixture.Office.PostAsync("/packs/upload", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(PackJson), "pack", "pack.json" },
            { new ByteArrayContent(Roster), "roster", "export.csv" },
        });
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = uploaded.Headers.Location!.OriginalString;
        var id = Guid.Parse(UploadAddress().Match(url).Groups[1].Value);
        var file = Path.Combine(Jobs.JobsFolder, "uploads", id.ToString("N") + ".csv");
        File.Exists(file).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        (await fixture.Office.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var scope = fixture.Host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.WebDb>();
            var upload = db.PackUploads.Single(u => u.Id == id);
            upload.CreatedUtc = upload.CreatedUtc.AddDays(-1).AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        (await fixture.Office.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        File.Exists(file).ShouldBeFalse("the export goes with its upload");
    }

    [GeneratedRegex("href=\"(/packs/[0-9a-f-]{36}/files/[0-9]+)\"")]
    private static partial Regex FileLink();

    [Fact]
    public async Task The_upload_page_refuses_a_workbook_and_pack_details_with_errors_keeping_nothing()
    {
        var uploadsBefore = UploadCount();
        var token = await Session.TokenFrom(fixture.Office, "/packs");
        var workbook = await fixture.Office.PostAsync("/packs/upload", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(PackJson), "pack", "pack.json" },
            { new ByteArrayContent([.. "PK\u0003\u0004"u8, 1, 2, 3]), "roster", "export.xlsx" },
        });
        workbook.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await workbook.Content.ReadAsStringAsync()).ShouldContain("save the export as CSV");

        var pack = JsonDocument.Parse(PackJson).RootElement.GetRawText().Replace("\"returnBy\": \"2026-09-18\"", "\"returnBy\": \"2026-08-01\"", StringComparison.Ordinal);
        var errors = await fixture.Office.PostAsync("/packs/upload", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(pack)), "pack", "pack.json" },
            { new ByteArrayContent(Roster), "roster", "export.csv" },
        });
        var html = await errors.Content.ReadAsStringAsync();
        errors.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, html);
        html.ShouldContain("The pack details have errors");
        UploadCount().ShouldBe(uploadsBefore, "nothing is kept from a refused upload");
    }

    private int UploadCount()
    {
        using var scope = fixture.Host.Services.CreateScope();
        var uploads = Path.Combine(Jobs.JobsFolder, "uploads");
        return scope.ServiceProvider.GetRequiredService<Data.WebDb>().PackUploads.Count() + (Directory.Exists(uploads) ? Directory.EnumerateFiles(uploads).Count() : 0);
    }

    [Fact]
    public async Task A_run_interrupted_by_a_restart_is_shown_so_and_runs_again_from_the_page()
    {
        var data = Directory.CreateTempSubdirectory("sgd-web-packs-").FullName;
        try
        {
            Guid id;
            using (var first = new WebHost(dataFolder: data))
            {
                await first.AddUserAsync("office@school.example", ["office"]);
                var client = first.Browser();
                await Session.SignInFully(client, "office@school.example", null);
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/packs") { Content = Form(PackJson, Roster) };
                request.Headers.Add("RequestVerificationToken", await Session.HeaderTokenFrom(client, "/packs"));
                var created = await client.SendAsync(request);
                id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
                var runner = first.Services.GetRequiredService<JobRunner>();
                await runner.CancelAsync(id);
                await runner.WaitAsync(id, Long);
            }

            // As a process killed mid-run leaves it.
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, Data.DataFolder.DatabaseFile)};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "UPDATE Jobs SET State = 'running'";
                command.ExecuteNonQuery().ShouldBe(1);
            }

            using var second = new WebHost(dataFolder: data);
            var office = second.Browser();
            await Session.SignInFully(office, "office@school.example", null);
            var api = JsonDocument.Parse(await office.GetStringAsync($"/api/packs/{id}")).RootElement;
            api.GetProperty("state").GetString().ShouldBe("interrupted");
            api.GetProperty("canRunAgain").GetBoolean().ShouldBeTrue();
            var page = await office.GetStringAsync($"/packs/{id}");
            page.ShouldContain("Interrupted");
            page.ShouldContain("The app stopped while this ran");
            (await Session.PostForm(office, $"/packs/{id}/run-again", [], $"/packs/{id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await second.Services.GetRequiredService<JobRunner>().WaitAsync(id, Long))!.State.ShouldBe(JobState.Succeeded);
            (await office.GetAsync($"/api/packs/{id}/download")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
