using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation.Settings;
using SafeguardDocs.TestSupport;
using SafeguardDocs.Web.Api;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Tests;

/// <summary>Forms, rules by path, documents and records, through the pages and the API, as a DSL and the office use them.</summary>
public sealed class CaseTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private WebHost host => fixture.Host;

    private HttpClient dsl => fixture.Dsl;

    private HttpClient office => fixture.Office;

    private HttpClient api => fixture.Api;

    [Fact]
    public async Task Validate_returns_each_finding_with_its_rule_and_JSON_path()
    {
        var unwiped = Samples.With("device-allocation.json", c => c["preIssueChecks"]!["hardwareWiped"] = false);
        var response = await api.PostAsync("/api/validate", new ByteArrayContent(unwiped));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await response.Content.ReadFromJsonAsync<ValidationDto>())!;
        result.Errors.ShouldBe(1);
        var finding = result.Findings.Single();
        finding.Id.ShouldBe("DA019");
        finding.Severity.ShouldBe("error");
        finding.Path.ShouldBe("$.preIssueChecks.hardwareWiped");
        finding.Source!.ShouldContain("Prior to issuing digital equipment");
    }

    [Fact]
    public async Task Malformed_JSON_and_an_unknown_property_get_the_CLIs_diagnostics_with_line_and_path()
    {
        var malformed = await (await api.PostAsync("/api/validate", new StringContent("{\"kind\": \"device-allocation\",\n  \"reference\": }"))).Content.ReadFromJsonAsync<ValidationDto>();
        malformed!.Readable.ShouldBeFalse();
        malformed.Findings.Single().Line.ShouldBe(2);

        var unknown = Samples.With("device-allocation.json", c => c["chlid"] = "x");
        var result = await (await api.PostAsync("/api/validate", new ByteArrayContent(unknown))).Content.ReadFromJsonAsync<ValidationDto>();
        result!.Findings.ShouldContain(f => f.Path == "$.chlid" && f.Message.Contains("child", StringComparison.Ordinal));

        var imagery = Samples.With("viewing-decision.json", c => c["image"] = "data:image/png;base64,AAAA");
        var refused = await (await api.PostAsync("/api/validate", new ByteArrayContent(imagery))).Content.ReadFromJsonAsync<ValidationDto>();
        refused!.Findings.ShouldContain(f => f.Path == "$.image" && f.Severity == "error");
    }

    [Fact]
    public async Task Documents_gives_the_docx_under_the_CLIs_name_or_422_with_the_findings()
    {
        var ok = await api.PostAsync("/api/documents", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json"))));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Content.Headers.ContentDisposition!.FileName.ShouldBe("DA-2026-0042_JEP.docx");
        var file = Path.Combine(host.DataFolder, "api.docx");
        await File.WriteAllBytesAsync(file, await ok.Content.ReadAsByteArrayAsync());
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldContain("DA-2026-0042");

        var unwiped = Samples.With("device-allocation.json", c => c["preIssueChecks"]!["hardwareWiped"] = false);
        var refused = await api.PostAsync("/api/documents", new ByteArrayContent(unwiped));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await refused.Content.ReadFromJsonAsync<ProblemDto>())!;
        problem.Findings.ShouldContain(f => f.Id == "DA019" && f.Path == "$.preIssueChecks.hardwareWiped");
    }

    [Fact]
    public async Task A_record_saved_through_the_API_comes_back_byte_for_byte_and_can_be_replaced()
    {
        var bytes = await File.ReadAllBytesAsync(Samples.Path("strategy-meeting.json"));
        var created = await api.PostAsync("/api/records", new ByteArrayContent(bytes));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var record = (await created.Content.ReadFromJsonAsync<RecordDto>())!;
        created.Headers.Location!.OriginalString.ShouldBe($"/api/records/{record.Id}");
        (await api.GetByteArrayAsync($"/api/records/{record.Id}")).ShouldBe(bytes);

        var changed = Samples.With("strategy-meeting.json", c => c["reference"] = "SM-2026-0999");
        var put = await api.PutAsync($"/api/records/{record.Id}", new ByteArrayContent(changed));
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetByteArrayAsync($"/api/records/{record.Id}")).ShouldBe(changed);

        var otherKind = await api.PutAsync($"/api/records/{record.Id}", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json"))));
        otherKind.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await api.GetAsync($"/api/records/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_larger_than_any_case_file_is_refused_with_a_clear_message()
    {
        var huge = new byte[5 * 1024 * 1024];
        huge.AsSpan().Fill((byte)' ');
        var response = await api.PostAsync("/api/validate", new ByteArrayContent(huge));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<ProblemDto>())!.Title.ShouldContain("not a case file");
    }

    [Fact]
    public async Task Every_kind_has_a_form_made_from_its_model_and_the_viewing_form_has_no_upload()
    {
        foreach (var kind in CaseKinds.All)
        {
            var html = await dsl.GetStringAsync($"/cases/{kind.Name}/new");
            html.ShouldContain("id=\"case-form\"");
            html.ShouldContain("name=\"reference\"");
        }

        var viewing = await dsl.GetStringAsync("/cases/viewing-decision/new");
        viewing.ShouldNotContain("type=\"file\"");
        viewing.ShouldNotContain("multipart");
        viewing.ShouldContain("data-path=\"viewing.presentInRoom\"");
        viewing.ShouldContain("name=\"child.dateOfBirth-day\"");
        viewing.ShouldContain("<title>Decision to view imagery – SafeguardDocs</title>");

        // Questions the rules always need are marked; one needed only sometimes is not.
        var loan = CaseForm.For(CaseKinds.Find("device-allocation")!);
        loan.Required.ShouldContain("reference");
        loan.Required.ShouldContain("equipment[].description");
        loan.Required.ShouldNotContain("equipment[].serialNumber");
        loan.Required.ShouldContain("preIssueChecks.hardwareWiped");
        loan.Required.ShouldNotContain("equipment[].assetTag");
        loan.Required.ShouldNotContain("owner");
    }

    [Fact]
    public async Task An_unwiped_laptop_shows_the_error_beside_hardware_wiped_and_nothing_typed_is_lost()
    {
        var form = Fill(new Dictionary<string, string> { ["preIssueChecks.hardwareWiped"] = "false", ["child.dateOfBirth-day"] = "31", ["child.dateOfBirth-month"] = "2" });
        var response = await Session.PostForm(office, "/cases/device-allocation/new", [.. form, new("action", "check")]);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        var wiped = Section(html, "data-path=\"preIssueChecks.hardwareWiped\"");
        wiped.ShouldContain("govuk-form-group--error");
        wiped.ShouldContain("Wipe it");
        Section(html, "data-path=\"child.dateOfBirth\"").ShouldContain("must be a real date");
        html.ShouldContain("href=\"#f-preIssueChecks-hardwareWiped\"");
        html.ShouldContain("value=\"31\"");
        html.ShouldContain("value=\"DL3440-88231\"");
        html.ShouldNotContain("Jordan Ellis-Price</title>");
    }

    [Fact]
    public async Task A_complete_form_goes_to_check_your_answers_then_the_document_named_as_the_CLI_names_it()
    {
        var response = await Session.PostForm(office, "/cases/device-allocation/new", [.. Fill([]), new("action", "check")]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var check = response.Headers.Location!.OriginalString;
        check.ShouldMatch("^/records/[0-9a-f-]{36}/check$");
        var answers = await office.GetStringAsync(check);
        answers.ShouldContain("Check your answers");
        answers.ShouldContain("20 November 2026");
        answers.ShouldContain("Create document");

        var id = check.Split('/')[2];
        var document = await office.GetStringAsync($"/records/{id}/document");
        document.ShouldContain("DA-2026-0042_JEP.docx");
        document.ShouldContain("app-preview");
        var download = await office.GetAsync($"/records/{id}/download");
        download.Content.Headers.ContentDisposition!.FileName.ShouldBe("DA-2026-0042_JEP.docx");
        var file = Path.Combine(host.DataFolder, "page.docx");
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        OpenXmlCheck.AssertValid(file);

        // The case file saved from the form is the JSON the CLI reads, and says what the sample says.
        var saved = await office.GetByteArrayAsync($"/records/{id}/export");
        Samples.LoadsInTheCli(saved).ShouldBeTrue();
        JsonNode.DeepEquals(JsonNode.Parse(saved), JsonNode.Parse(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json")))).ShouldBeTrue();
    }

    [Fact]
    public async Task Rows_are_added_and_removed_without_script_and_later_rows_move_up()
    {
        var form = Fill([]).ToList();
        form.RemoveAll(p => p.Key == "rows:equipment");
        form.Add(new("rows:equipment", "2"));
        var added = await Session.PostForm(office, "/cases/device-allocation/new", [.. form, new("action", "add:equipment")]);
        var html = await added.Content.ReadAsStringAsync();
        html.ShouldContain("name=\"rows:equipment\" value=\"3\"");
        html.ShouldContain("id=\"f-equipment-2-description\" name=\"equipment[2].description\" type=\"text\" autofocus");
        html.ShouldNotContain("govuk-error-message");
        var record = System.Text.RegularExpressions.Regex.Match(html, "action=\"(/records/[0-9a-f-]+)\"").Groups[1].Value;

        var removed = await Session.PostForm(office, record, [.. form, new("action", "remove:equipment[0]")], record);
        var after = await removed.Content.ReadAsStringAsync();
        after.ShouldContain("name=\"rows:equipment\" value=\"1\"");
        after.ShouldMatch("name=\"equipment\\[0\\]\\.serialNumber\" type=\"text\"[^>]* value=\"MB-4471-2290\"");
        after.ShouldContain("value=\"add:equipment\" autofocus");
        (await Session.PostForm(office, record, [.. form, new("action", "remove:")], record)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_imported_case_file_is_listed_newest_first_found_by_reference_and_exported_unchanged()
    {
        var bytes = await File.ReadAllBytesAsync(Samples.Path("aup-agreement.json"));
        var token = await Session.TokenFrom(office, "/import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "caseFile", "agreement.json" },
        };
        var imported = await office.PostAsync("/import", upload);
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = imported.Headers.Location!.OriginalString.Split('/')[2];
        (await office.GetByteArrayAsync($"/records/{id}/export")).ShouldBe(bytes);

        var reference = JsonNode.Parse(bytes)!["reference"]!.GetValue<string>();
        var list = await office.GetStringAsync("/cases/aup-agreement?reference=" + Uri.EscapeDataString(reference[..4].ToLowerInvariant()));
        list.ShouldContain($"/records/{id}");
        (await office.GetStringAsync("/cases/aup-agreement?reference=no-such-reference")).ShouldNotContain($"/records/{id}");

        var duplicate = await Session.PostForm(office, $"/records/{id}/duplicate", [], $"/records/{id}");
        var copy = duplicate.Headers.Location!.OriginalString;
        copy.ShouldNotBe($"/records/{id}");
        var newest = await office.GetStringAsync("/cases/aup-agreement");
        newest.IndexOf(copy, StringComparison.Ordinal).ShouldBeLessThan(newest.IndexOf($"/records/{id}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_cookies_are_strict()
    {
        var response = await host.Browser().GetAsync("/sign-in");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("style=\"");

        var signIn = await Session.SignIn(host.Browser(), "office@school.example");
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldContain(c => c.StartsWith("sgd.session=", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_data_folder_is_readable_by_its_owner_only()
    {
        _ = host.Services;
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(host.DataFolder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(Path.Combine(host.DataFolder, Data.DataFolder.DatabaseFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Settings_are_Core_settings_seen_by_the_documents_and_export_as_a_file_the_CLI_reads()
    {
        var adminKey = fixture.AdminKey;
        var admin = host.Browser();
        await Session.SignInFully(admin, "admin@school.example", adminKey);
        KeyValuePair<string, string>[] Form(string lado, string teamPhone) =>
        [
            new("ladoMeetingWorkingDays", lado), new("annualCheckMonths", "12"), new("deliveryChaseDays", "21"), new("extraClosureDays", "2026-12-21\n2026-12-22"),
            new("safeguardingUnitName", "Westbrook Safeguarding Hub"), new("safeguardingUnitPhone", "01000 000001"), new("safeguardingUnitEmail", string.Empty),
            new("safeSchoolsTeamName", "Safe Schools and Communities Team"), new("safeSchoolsTeamPhone", teamPhone), new("safeSchoolsTeamEmail", "ssct@westbrook.example"),
            new("usefulWebsites", "UK Safer Internet Centre | www.saferinternet.org.uk\nWestbrook Online Safety | www.westbrook.example/online-safety"),
        ];

        var bad = await Session.PostForm(admin, "/admin/settings", Form("many", "01000 000002"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("must be a whole number from 1 to 30");
        var noName = await Session.PostForm(admin, "/admin/settings", [.. Form("5", "01000 000002").Where(f => f.Key != "safeSchoolsTeamName")]);
        noName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        try
        {
            var saved = await Session.PostForm(admin, "/admin/settings", Form("3", "01000 000002"));
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);

            // The export is a settings file: `safeguard-docs validate --settings FILE` reads it to the same settings.
            var exported = SettingsFile.Parse(await admin.GetByteArrayAsync("/admin/settings/export"), "settings.json");
            exported.Errors.ShouldBeEmpty();
            exported.Settings!.ShouldBe(OrganisationSettings.Default with
            {
                LadoMeetingWorkingDays = 3,
                ExtraClosureDays = [new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 22)],
                SafeguardingUnit = new OrganisationContact("Westbrook Safeguarding Hub", "01000 000001"),
                SafeSchoolsTeam = new OrganisationContact("Safe Schools and Communities Team", "01000 000002", "ssct@westbrook.example"),
                UsefulWebsites = [new UsefulWebsite("UK Safer Internet Centre", "www.saferinternet.org.uk"), new UsefulWebsite("Westbrook Online Safety", "www.westbrook.example/online-safety")],
            });

            // The loan letter made in the web gives the team contact and websites from the settings.
            var made = await api.PostAsync("/api/documents", new ByteArrayContent(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json"))));
            made.StatusCode.ShouldBe(HttpStatusCode.OK);
            var file = Path.Combine(host.DataFolder, "settings-letter.docx");
            await File.WriteAllBytesAsync(file, await made.Content.ReadAsByteArrayAsync());
            OpenXmlCheck.AssertValid(file);
            var text = OpenXmlCheck.DocxText(file);
            text.ShouldContain("01000 000002");
            text.ShouldContain("www.westbrook.example/online-safety");
        }
        finally
        {
            var defaults = OrganisationSettings.Default;
            (await Session.PostForm(admin, "/admin/settings",
            [
                new("ladoMeetingWorkingDays", "5"), new("annualCheckMonths", "12"), new("deliveryChaseDays", "21"), new("extraClosureDays", string.Empty),
                new("safeguardingUnitName", defaults.SafeguardingUnit.Name), new("safeSchoolsTeamName", defaults.SafeSchoolsTeam.Name),
                new("safeSchoolsTeamPhone", defaults.SafeSchoolsTeam.Phone!), new("safeSchoolsTeamEmail", defaults.SafeSchoolsTeam.Email!),
                new("usefulWebsites", string.Join('\n', defaults.UsefulWebsites.Select(w => $"{w.Name} | {w.Address}"))),
            ])).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        SettingsFile.Parse(await admin.GetByteArrayAsync("/admin/settings/export"), "settings.json").Settings.ShouldBe(OrganisationSettings.Default);
    }

    [Fact]
    public void The_template_choices_are_the_CLIs_catalogue_Scriban_templates_included()
    {
        var kind = CaseKinds.Find("device-allocation")!;
        var cli = Generation.TemplateLocations.Catalog(Directory.GetCurrentDirectory()).ForKind(kind.Name).ToList();
        cli.ShouldContain(t => t.Engine == Templating.TemplateEngine.Scriban);
        var web = new CasePipeline(TimeProvider.System).TemplatesFor(kind);
        web.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(cli.Select(t => t.Name).Order(StringComparer.Ordinal));
        CasePipeline.Kinds.Where(k => k.MakesManyDocuments).ShouldAllBe(k => new CasePipeline(TimeProvider.System).TemplatesFor(k).Count == 0);
    }

    [Fact]
    public void Listening_beyond_this_machine_over_plain_HTTP_is_refused_unless_a_TLS_proxy_is_in_front()
    {
        Should.Throw<WebStartupException>(() => WebApp.CheckUrls("http://0.0.0.0:5080", behindTlsProxy: false)).Message.ShouldContain("--behind-tls-proxy");
        Should.Throw<WebStartupException>(() => WebApp.CheckUrls("http://192.168.1.10:5080", behindTlsProxy: false));
        WebApp.CheckUrls("http://0.0.0.0:5080", behindTlsProxy: true);
        WebApp.CheckUrls("http://127.0.0.1:5080;http://localhost:5081;http://[::1]:5082", behindTlsProxy: false);
        WebApp.CheckUrls("https://0.0.0.0:5443", behindTlsProxy: false);
    }

    [Fact]
    public void A_form_reads_a_sample_and_writes_the_same_case_for_every_kind()
    {
        foreach (var kind in CaseKinds.All)
        {
            var sample = Directory.GetFiles(Repo.Samples, "*.json").Select(File.ReadAllBytes).FirstOrDefault(b => CasePipeline.PeekKind(b) == kind.Name);
            if (sample is null)
            {
                continue;
            }

            var form = CaseForm.For(kind);
            var (json, problems) = FormCodec.ToJson(form, FormCodec.FromJson(form, sample));
            problems.ShouldBeEmpty(kind.Name);
            Samples.LoadsInTheCli(json).ShouldBeTrue(kind.Name);
            var expected = JsonNode.Parse(sample)!.AsObject();
            RemoveNulls(expected);
            var written = JsonNode.Parse(json)!.AsObject();
            AsListsOfOne(expected, written);
            JsonNode.DeepEquals(written, expected).ShouldBeTrue($"{kind.Name}: {System.Text.Encoding.UTF8.GetString(json)}");
        }
    }

    /// <summary>A single value the model reads as a list of one (incident-report's <c>involved</c>) is written back by the form as that list.</summary>
    private static void AsListsOfOne(JsonObject expected, JsonObject written)
    {
        foreach (var key in expected.Select(p => p.Key).ToList())
        {
            if (expected[key] is JsonValue single && written[key] is JsonArray { Count: 1 } list && JsonNode.DeepEquals(list[0], single))
            {
                expected[key] = new JsonArray(single.DeepClone());
            }
            else if (expected[key] is JsonObject inner && written[key] is JsonObject innerWritten)
            {
                AsListsOfOne(inner, innerWritten);
            }
        }
    }

    private static void RemoveNulls(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, child) in obj)
            {
                RemoveNulls(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                RemoveNulls(child);
            }
        }
    }

    /// <summary>The part of a page from a marker to the next question.</summary>
    private static string Section(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, marker);
        var start = html.LastIndexOf("<div", at, StringComparison.Ordinal);
        var end = html.IndexOf("data-path=", at + marker.Length, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    /// <summary>The sample loan letter as the form posts it, with some inputs changed.</summary>
    private static List<KeyValuePair<string, string>> Fill(Dictionary<string, string> changes)
    {
        var form = CaseForm.For(CaseKinds.Find("device-allocation")!);
        var state = FormCodec.FromJson(form, File.ReadAllBytes(Samples.Path("device-allocation.json")));
        foreach (var (name, value) in changes)
        {
            state.Values[name] = value;
        }

        return [.. state.Values.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)), .. state.Rows.Select(r => new KeyValuePair<string, string>(FormCodec.RowsPrefix + r.Key, r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
