using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Cli;
using SafeguardDocs.Records;
using SafeguardDocs.TestSupport;
using SafeguardDocs.Web.Data;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// An administrator uploads the school's own Word template: checked before it is accepted, kept in the data
/// folder, listed, chosen by office staff when they make a letter, and removed. Only administrators may.
/// </summary>
public sealed class TemplateUploadTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private WebHost host => fixture.Host;

    /// <summary>A letter typed in Word with tags, one paragraph a line (no kind recorded: the administrator chooses it).</summary>
    public static byte[] TypedLetter(params string[] lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(lines.Select(l => new W.Paragraph(new W.Run(new W.Text(l) { Space = SpaceProcessingModeValues.Preserve })))));
            document.PackageProperties.Title = "Hillside loan letter";
        }

        return stream.ToArray();
    }

    private static readonly byte[] GoodLetter = TypedLetter(
        "Our ref {{ reference }}", "Dear {{ salutation }},", "We are lending equipment to {{ child.name }}:", "{{ for item in equipment }}", "{{ item.description }}", "{{ end }}");

    private async Task<HttpClient> Admin()
    {
        var admin = host.Browser();
        await Session.SignInFully(admin, "admin@school.example", fixture.AdminKey);
        return admin;
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] docx, string fileName, string kind, bool withToken = true)
    {
        var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await Session.TokenFrom(client, "/admin/templates")), "__RequestVerificationToken");
        }

        form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "template", fileName);
        return await client.PostAsync("/admin/templates", form);
    }

    private string Folder => Path.Combine(host.DataFolder, "templates");

    private List<UploadedTemplate> Rows()
    {
        using var scope = host.Services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<WebDb>().UploadedTemplates];
    }

    [Fact]
    public async Task Only_an_administrator_may_see_upload_or_remove_templates()
    {
        var id = Guid.NewGuid();
        foreach (var client in new[] { fixture.Office, fixture.Dsl })
        {
            (await client.GetAsync("/admin/templates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            // With the client's own valid antiforgery token, so that only the role refuses it.
            var token = await Session.TokenFrom(client, "/import");
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("device-allocation"), "kind" }, { new ByteArrayContent(GoodLetter), "template", "letter.docx" } };
            (await client.PostAsync("/admin/templates", form)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsync($"/admin/templates/{id}/remove", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetStringAsync("/")).ShouldNotContain("/admin/templates");
        }

        var visitor = host.Browser();
        var anonymous = await visitor.GetAsync("/admin/templates");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldStartWith("/sign-in");
        Rows().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_nothing_is_kept()
    {
        var admin = await Admin();
        var response = await Upload(admin, GoodLetter, "no-token.docx", "device-allocation", withToken: false);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Rows().ShouldNotContain(r => r.Name == "no-token.docx");
        File.Exists(Path.Combine(Folder, "no-token.docx")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_template_with_problems_is_refused_with_each_problem_where_it_is_and_is_not_kept()
    {
        var admin = await Admin();
        var bad = TypedLetter("Dear {{ salutation }},", "About {{ child.nmae }}, born {{ child.dateOfBirth }}.", "{{ for item in equipment }}", "{{ item.serialNo }}", "{{ end }}");

        var response = await Upload(admin, bad, "Bad Letter.docx", "device-allocation");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("The template was not accepted.");
        page.ShouldContain("In paragraph 2 of the body (\u201cAbout {{ child.nmae }}, born {{ child.dateOfBirth }}\u2026\u201d): `child.nmae` is not in the model");
        page.ShouldContain("Did you mean `child.name`?");
        page.ShouldContain("In paragraph 4 of the body (\u201c{{ item.serialNo }}\u201d): `item.serialNo` is not in the model");
        page.ShouldContain("Did you mean `item.serialNumber`?");
        Rows().ShouldNotContain(r => r.Name == "bad-letter.docx");
        File.Exists(Path.Combine(Folder, "bad-letter.docx")).ShouldBeFalse();

        // A loop never closed, a file that is not a Word document at all, and a template for the wrong kind of case.
        var unclosed = await Upload(admin, TypedLetter("Dear {{ salutation }},", "{{ for item in equipment }}", "{{ item.description }}"), "unclosed.docx", "device-allocation");
        unclosed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await unclosed.Content.ReadAsStringAsync()).ShouldContain("In paragraph 2 of the body (\u201c{{ for item in equipment }}\u201d): `for` is never closed");
        var notWord = await Upload(admin, "not a zip"u8.ToArray(), "letter.docx", "device-allocation");
        notWord.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notWord.Content.ReadAsStringAsync()).ShouldContain("not a Word document SafeguardDocs can read");
        var wrongKind = await Upload(admin, GoodLetter, "agenda.docx", "strategy-meeting");
        wrongKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await wrongKind.Content.ReadAsStringAsync()).ShouldContain("`salutation` is not in the model");
        var notDocx = await Upload(admin, GoodLetter, "letter.doc", "device-allocation");
        (await notDocx.Content.ReadAsStringAsync()).ShouldContain("Choose a Word document (.docx)");
        Rows().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_accepted_template_is_listed_chosen_by_office_staff_makes_a_valid_letter_and_can_be_removed()
    {
        var admin = await Admin();
        var response = await Upload(admin, GoodLetter, "C:\\Users\\office\\Hillside Letter (final).docx", "device-allocation");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("The template hillside-letter-final.docx was checked and added.");
        page.ShouldContain("Loan letter for equipment");
        page.ShouldContain("admin@school.example");
        var row = Rows().ShouldHaveSingleItem();
        row.Name.ShouldBe("hillside-letter-final.docx");
        row.Kind.ShouldBe("device-allocation");
        var stored = Path.Combine(Folder, row.Name);
        (await File.ReadAllBytesAsync(stored)).ShouldBe(GoodLetter);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(stored).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Office staff see it among the versions of the document, and make the letter with it.
        var check = WebUtility.HtmlDecode(await fixture.Office.GetStringAsync($"/records/{fixture.LoanRecord}/check"));
        check.ShouldContain("value=\"hillside-letter-final.docx\"");
        check.ShouldContain("Hillside loan letter, uploaded by admin@school.example");
        var document = WebUtility.HtmlDecode(await fixture.Office.GetStringAsync($"/records/{fixture.LoanRecord}/document?template=hillside-letter-final.docx"));
        document.ShouldContain("DA-2026-0042_JEP.docx");
        document.ShouldContain("Dear Mr Okafor,");
        document.ShouldContain("Laptop, Dell Latitude 3440");
        var download = await fixture.Office.GetAsync($"/records/{fixture.LoanRecord}/download?template=hillside-letter-final.docx");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("DA-2026-0042_JEP.docx");
        var file = Path.Combine(Repo.NewTempFolder(), "letter.docx");
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldBe("Our ref DA-2026-0042\nDear Mr Okafor,\nWe are lending equipment to Jordan Ellis-Price:\nLaptop, Dell Latitude 3440\nMobile broadband dongle\n".ReplaceLineEndings());

        // Issued like every document: entered in the register under the office's account, with the uploaded
        // template's name and the SHA-256 of its content, so 'safeguard-docs verify' finds it.
        var output = new StringWriter();
        var exit = CliApp.Run(["verify", file, "--data", host.DataFolder], new CliEnvironment(output, new StringWriter(), TimeProvider.System, host.DataFolder, IsTerminal: false));
        exit.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("It is byte for byte the document of register entry");
        output.ToString().ShouldContain("device-allocation DA-2026-0042");
        output.ToString().ShouldContain($"Made with template hillside-letter-final.docx (its content's SHA-256 {Sha256.Of(GoodLetter)}).");

        // Removed: gone from the list, the folder and the choice; asking for it by name is refused.
        var removed = await Session.PostForm(admin, $"/admin/templates/{row.Id}/remove", [], "/admin/templates");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.Content.ReadAsStringAsync()).ShouldContain("The template hillside-letter-final.docx was removed.");
        Rows().ShouldBeEmpty();
        File.Exists(stored).ShouldBeFalse();
        (await fixture.Office.GetStringAsync($"/records/{fixture.LoanRecord}/check")).ShouldNotContain("hillside-letter-final.docx");
        var gone = await fixture.Office.GetAsync($"/records/{fixture.LoanRecord}/document?template=hillside-letter-final.docx");
        gone.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await gone.Content.ReadAsStringAsync()).ShouldContain("not one of those for this kind of document");
    }

    [Fact]
    public async Task A_template_named_by_path_in_the_address_is_refused()
    {
        var outside = Path.Combine(Repo.NewTempFolder(), "outside.docx");
        await File.WriteAllBytesAsync(outside, GoodLetter);
        foreach (var name in new[] { outside, "../templates/x.docx", "loan-letter.docx" })
        {
            var response = await fixture.Office.GetAsync($"/records/{fixture.LoanRecord}/document?template={Uri.EscapeDataString(name)}");
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await response.Content.ReadAsStringAsync()).ShouldContain("not one of those for this kind of document");
        }

        // The API too: a path is refused; no template (or an empty one) is the kind's default.
        var json = await File.ReadAllBytesAsync(Samples.Path("device-allocation.json"));
        var byPath = await fixture.Api.PostAsync($"/api/documents?template={Uri.EscapeDataString(outside)}", new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        byPath.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await byPath.Content.ReadAsStringAsync()).ShouldContain("not one of those for this kind of document");
        var empty = await fixture.Api.PostAsync("/api/documents?template=", new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Names_are_made_from_the_uploaded_name_never_a_path()
    {
        Pipeline.TemplateUploads.Stem("../../etc/passwd.docx").ShouldBe("passwd");
        Pipeline.TemplateUploads.Stem("C:\\Users\\me\\Lettre d'été.docx").ShouldBe("lettre-d-ete");
        Pipeline.TemplateUploads.Stem("....docx").ShouldBe("word-template");
        Pipeline.TemplateUploads.Stem(new string('a', 200) + ".docx").Length.ShouldBe(60);
        Pipeline.TemplateUploads.IsMadeName("../x.docx").ShouldBeFalse();
        Pipeline.TemplateUploads.IsMadeName("letter-2.docx").ShouldBeTrue();
    }
}
