using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SafeguardDocs.Cli;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Web.Tests;

/// <summary>An app with incident forms (one a draft with an error), loan letters and the accounts that use the registers.</summary>
public sealed class RegisterFixture : IAsyncLifetime
{
    public const string DraftReference = "INC-2026-0200";

    public WebHost Host { get; } = new();

    public Guid Draft { get; private set; }

    public string? DslKey { get; private set; }

    public string? AdminKey { get; private set; }

    public HttpClient Dsl { get; private set; } = null!;

    public HttpClient Office { get; private set; } = null!;

    /// <summary>The case files saved as records, in the order they were saved: the CLI's <c>log</c> is run over the same bytes.</summary>
    public List<byte[]> Saved { get; } = [];

    public async Task InitializeAsync()
    {
        await Host.AddUserAsync("office@school.example", ["office"]);
        DslKey = await Host.AddUserAsync("dsl@school.example", ["dsl"], twoFactor: true);
        AdminKey = await Host.AddUserAsync("admin@school.example", ["admin"], twoFactor: true);
        Saved.Add(await File.ReadAllBytesAsync(Samples.Path("incident-report.json")));
        Saved.Add(Samples.With("incident-report.json", n =>
        {
            n["reference"] = "INC-2026-0150";
            n["dateOfIncident"] = "2026-10-02";
            n["dateCompleted"] = "2026-10-05";
            n["agesOfChildren"] = new JsonArray(11);
        }));
        Saved.Add(Samples.With("incident-report.json", n =>
        {
            n["reference"] = DraftReference;
            n.Remove("dateOfIncident");
        }));
        Saved.Add(await File.ReadAllBytesAsync(Samples.Path("device-allocation.json")));
        Saved.Add(Samples.With("device-allocation.json", n => n["reference"] = "DA-2026-0077"));
        Saved.Add(await File.ReadAllBytesAsync(Samples.Path("viewing-decision.json")));
        foreach (var json in Saved)
        {
            var id = await Host.AddRecordAsync(json);
            if (System.Text.Encoding.UTF8.GetString(json).Contains(DraftReference, StringComparison.Ordinal))
            {
                Draft = id;
            }
        }

        Dsl = Host.Browser();
        await Session.SignInFully(Dsl, "dsl@school.example", DslKey);
        Office = Host.Browser();
        await Session.SignInFully(Office, "office@school.example", null);
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The registers page and API: who may make which register, the records left out, and workbooks equal to what <c>log</c> makes.</summary>
public sealed class RegisterTests(RegisterFixture fixture) : IClassFixture<RegisterFixture>, IDisposable
{
    private readonly string folder = Repo.NewTempFolder();

    private WebHost host => fixture.Host;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static FormUrlEncodedContent Dates(params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, params (string Name, string Value)[] fields) =>
        await Session.PostForm(client, url, [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))], "/registers");

    /// <summary>Posts with the antiforgery token of the home page (for a user who cannot open the registers page).</summary>
    private static async Task<HttpResponseMessage> PostFromHome(HttpClient client, string url) =>
        await Session.PostForm(client, url, [], "/");

    private async Task<string> Save(HttpResponseMessage response, string name)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        OpenXmlCheck.AssertValid(path);
        return path;
    }

    /// <summary>The same case files, as files, through the command a person would run.</summary>
    private string Log(string register, params string[] options)
    {
        var cases = Path.Combine(folder, "cases-" + register);
        Directory.CreateDirectory(cases);
        for (var i = 0; i < fixture.Saved.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(cases, $"{i:D2}.json"), fixture.Saved[i]);
        }

        var output = Path.Combine(folder, $"cli-{register}.xlsx");
        var error = new StringWriter();
        var exit = CliApp.Run(["log", register, cases, "--out", output, .. options], new CliEnvironment(new StringWriter(), error, TimeProvider.System, folder, IsTerminal: false));
        exit.ShouldBe(register == "incidents" ? 1 : 0, error.ToString()); // the draft is left out, as on the page
        return output;
    }

    [Fact]
    public async Task The_DSL_downloads_an_incident_log_whose_every_sheet_equals_what_log_incidents_makes_from_the_same_case_files()
    {
        var web = await Save(await Post(fixture.Dsl, "/registers/incidents", ("from-day", "1"), ("from-month", "9"), ("from-year", "2026"), ("to-day", "31"), ("to-month", "12"), ("to-year", "2026")), "web-incidents.xlsx");
        var cli = Log("incidents", "--from", "2026-09-01", "--to", "2026-12-31");
        var cells = Workbook.Cells(web);
        Workbook.Lines(cells).ShouldBe(Workbook.Lines(Workbook.Cells(cli)));
        cells["Incidents"].Values.ShouldContain("INC-2026-0113");
        cells["Incidents"].Values.ShouldContain("INC-2026-0150");
        cells["Incidents"].Values.ShouldNotContain(RegisterFixture.DraftReference);
        string.Join(' ', cells.Values.SelectMany(s => s.Values)).ShouldNotContain("Dunmore");
    }

    [Fact]
    public async Task A_period_with_no_incidents_gives_a_valid_log_that_says_none_and_matches_the_CLI()
    {
        var web = await Save(await Post(fixture.Dsl, "/registers/incidents", ("from-day", "1"), ("from-month", "1"), ("from-year", "2020"), ("to-day", "31"), ("to-month", "12"), ("to-year", "2020")), "empty.xlsx");
        var cells = Workbook.Cells(web);
        Workbook.Lines(cells).ShouldBe(Workbook.Lines(Workbook.Cells(Log("incidents", "--from", "2020-01-01", "--to", "2020-12-31"))));
        cells["Incidents"].Values.ShouldNotContain("INC-2026-0113");
        cells["Summary"].Values.ShouldContain("Incidents");
    }

    [Fact]
    public async Task The_device_register_as_of_a_date_equals_what_log_devices_makes_and_the_office_may_download_it()
    {
        var web = await Save(await Post(fixture.Office, "/registers/devices", ("asOf-day", "22"), ("asOf-month", "11"), ("asOf-year", "2027")), "web-devices.xlsx");
        var cells = Workbook.Cells(web);
        Workbook.Lines(cells).ShouldBe(Workbook.Lines(Workbook.Cells(Log("devices", "--as-of", "2027-11-22"))));
        string.Join(' ', cells.Values.SelectMany(s => s.Values)).ShouldContain("DA-2026-0077");
    }

    [Fact]
    public async Task A_record_left_out_is_listed_by_reference_and_id_with_the_finding_log_prints_and_no_personal_data()
    {
        var page = await fixture.Dsl.GetStringAsync("/registers");
        page.ShouldContain("Incident log for governors");
        page.ShouldContain("Register of loaned equipment");
        page.ShouldContain("1 record left out with errors");
        page.ShouldContain($"href=\"/records/{fixture.Draft}\"");
        page.ShouldContain("Record " + RegisterFixture.DraftReference);
        page.ShouldContain("Error INC003: The form asks for the date of the incident.");
        page.ShouldContain("[$.dateOfIncident]");
        page.ShouldNotContain("Dunmore");
        page.ShouldContain("<title>Registers – SafeguardDocs</title>");

        var api = host.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync("dsl@school.example"));
        var response = await api.GetAsync("/api/registers/incidents?from=2026-01-01&to=2026-12-31");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Records-Left-Out").Single().ShouldBe("1");
        OpenXmlCheck.AssertValid(await Save(response, "api-incidents.xlsx"));
    }

    [Fact]
    public async Task The_office_sees_only_the_device_register_and_is_refused_the_incident_log_by_page_and_API()
    {
        var page = await fixture.Office.GetStringAsync("/registers");
        page.ShouldContain("Register of loaned equipment");
        page.ShouldNotContain("Incident log");
        page.ShouldNotContain(RegisterFixture.DraftReference);
        page.ShouldContain("href=\"/registers\"");

        var post = await Post(fixture.Office, "/registers/incidents", ("from-day", "1"), ("from-month", "9"), ("from-year", "2026"));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await post.Content.ReadAsStringAsync()).ShouldContain("You cannot open this page");

        var api = host.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync("office@school.example"));
        (await api.GetAsync("/api/registers/incidents")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync("/api/registers/devices?asOf=2026-11-22")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_without_the_DSL_role_has_no_registers_and_no_link_to_them()
    {
        var admin = host.Browser();
        await Session.SignInFully(admin, "admin@school.example", fixture.AdminKey);
        var response = await admin.GetAsync("/registers");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetStringAsync("/")).ShouldNotContain("href=\"/registers\"");
        (await PostFromHome(admin, "/registers/devices")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_posts_without_the_antiforgery_token_are_refused_and_the_API_answers_401()
    {
        var visitor = host.Browser();
        var page = await visitor.GetAsync("/registers");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldStartWith("/sign-in?returnUrl=");
        (await visitor.GetAsync("/api/registers/incidents")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await visitor.GetAsync("/api/registers/devices")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var forged = await fixture.Dsl.PostAsync("/registers/incidents", Dates(("from-day", "1"), ("from-month", "9"), ("from-year", "2026")));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("The form could not be sent");
        (await fixture.Office.PostAsync("/registers/devices", Dates())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_date_that_is_not_real_or_a_period_that_ends_before_it_starts_gives_the_page_back_with_the_error_and_what_was_typed()
    {
        var notReal = await Post(fixture.Dsl, "/registers/incidents", ("from-day", "31"), ("from-month", "2"), ("from-year", "2026"));
        notReal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await notReal.Content.ReadAsStringAsync();
        html.ShouldContain("There is a problem");
        html.ShouldContain("must be a real date");
        html.ShouldContain("href=\"#from-day\"");
        html.ShouldContain("value=\"31\"");

        var backwards = await Post(fixture.Dsl, "/registers/incidents", ("from-day", "1"), ("from-month", "9"), ("from-year", "2026"), ("to-day", "1"), ("to-month", "8"), ("to-year", "2026"));
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadAsStringAsync()).ShouldContain("on or after its start");

        var api = host.Browser();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync("dsl@school.example"));
        (await api.GetAsync("/api/registers/incidents?from=1-9-2026")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

/// <summary>The cell text of every worksheet of a workbook, by sheet name and cell reference.</summary>
public static class Workbook
{
    /// <summary>Every cell as one line, "Sheet!A1 = text", sheet by sheet in workbook order, for comparing two workbooks.</summary>
    public static List<string> Lines(Dictionary<string, Dictionary<string, string>> cells) =>
        [.. cells.SelectMany(sheet => sheet.Value.Select(cell => $"{sheet.Key}!{cell.Key} = {cell.Value}"))];

    public static Dictionary<string, Dictionary<string, string>> Cells(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var part = document.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheets = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in worksheet.Descendants<Cell>())
            {
                var text = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText
                    : cell.CellValue?.Text;
                cells[cell.CellReference!.Value!] = (text ?? string.Empty) + (cell.CellFormula is { } formula ? " =" + formula.Text : string.Empty);
            }

            sheets[sheet.Name!.Value!] = cells;
        }

        return sheets;
    }
}
