using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Cli;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Web.Jobs;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Tests;

/// <summary>"Download PDF": a background job with progress, the PDF registered like the .docx; without LibreOffice, how to install it.</summary>
public sealed partial class PdfTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly Lock EnvironmentGate = new();

    private WebHost host => fixture.Host;

    [GeneratedRegex("/records/[0-9a-f-]+/pdf/([0-9a-f-]+)$")]
    private static partial Regex JobAddress();

    [GeneratedRegex("href=\"(/records/[0-9a-f-]+/documents/[0-9a-f-]+)\"")]
    private static partial Regex DocumentLink();

    private static (int Exit, string Out) Verify(string data, byte[] file, string extension)
    {
        var path = Path.Combine(data, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, file);
        var output = new StringWriter();
        var exit = CliApp.Run(["verify", path, "--data", data], new CliEnvironment(output, new StringWriter(), TimeProvider.System, data, IsTerminal: false));
        File.Delete(path);
        return (exit, output.ToString());
    }

    private static async Task<Guid> StartPdf(HttpClient client, Guid record)
    {
        var started = await Session.PostForm(client, $"/records/{record}/pdf", [new("template", string.Empty)], $"/records/{record}/document");
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync());
        return Guid.Parse(JobAddress().Match(started.Headers.Location!.OriginalString).Groups[1].Value);
    }

    [Fact]
    public async Task Download_PDF_converts_with_LibreOffice_in_a_job_and_the_PDF_verifies_against_the_register()
    {
        var dsl = fixture.Dsl;
        var id = await host.AddRecordAsync(Samples.Path("viewing-decision.json"));
        (await dsl.GetStringAsync($"/records/{id}/document")).ShouldContain("Download PDF");
        var job = await StartPdf(dsl, id);
        var finished = await host.Services.GetRequiredService<JobRunner>().WaitAsync(job, TimeSpan.FromSeconds(180));
        finished!.State.ShouldBe(JobState.Succeeded, finished.Message);

        var page = await dsl.GetStringAsync($"/records/{id}/pdf/{job}");
        page.ShouldContain("The PDF (PDF/A) is ready");
        var link = DocumentLink().Match(page).Groups[1].Value;
        var response = await dsl.GetAsync(link);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("VR-2026-0007_AB.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        Encoding.Latin1.GetString(pdf).ShouldContain("pdfaid:part");

        var verified = Verify(host.DataFolder, pdf, ".pdf");
        verified.Exit.ShouldBe(0, verified.Out);
        verified.Out.ShouldContain("byte for byte the PDF of register entry");
        verified.Out.ShouldContain("by dsl@school.example");

        // Asked again, the PDF made is given at once; the download is in the access log.
        var again = await Session.PostForm(dsl, $"/records/{id}/pdf", [new("template", string.Empty)], $"/records/{id}/document");
        again.Headers.Location!.OriginalString.ShouldBe(link);
        (await dsl.GetStringAsync($"/records/{id}")).ShouldContain(AccessWhat.DownloadedPdf);

        // The status for the page's script, and refusals: the office, a job that is not there, no antiforgery.
        var status = JsonDocument.Parse(await dsl.GetStringAsync($"/records/{id}/pdf/{job}/status")).RootElement;
        status.GetProperty("state").GetString().ShouldBe("succeeded");
        status.GetProperty("finished").GetBoolean().ShouldBeTrue();
        (await fixture.Office.GetAsync($"/records/{id}/pdf/{job}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Session.PostForm(fixture.Office, $"/records/{id}/pdf", [], "/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dsl.GetAsync($"/records/{id}/pdf/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dsl.PostAsync($"/records/{id}/pdf", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>A stand-in for soffice that waits for a file to appear, then writes a small PDF: the job's progress can be seen.</summary>
    private static string SlowSoffice(string folder, string go)
    {
        var script = Path.Combine(folder, "soffice");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            out=""
            while [ $# -gt 0 ]; do
              if [ "$1" = "--outdir" ]; then out="$2"; fi
              last="$1"
              shift
            done
            i=0
            while [ ! -f "{{go}}" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
            name=$(basename "$last" .docx)
            printf '%%PDF-1.7\n%% stand-in\n' > "$out/$name.pdf"
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    private static PdfConverter? FindWith(string? program)
    {
        lock (EnvironmentGate)
        {
            var before = Environment.GetEnvironmentVariable("SAFEGUARD_DOCS_SOFFICE");
            Environment.SetEnvironmentVariable("SAFEGUARD_DOCS_SOFFICE", program);
            try
            {
                return program is null ? null : PdfConverter.Find();
            }
            finally
            {
                Environment.SetEnvironmentVariable("SAFEGUARD_DOCS_SOFFICE", before);
            }
        }
    }

    [Fact]
    public async Task The_page_shows_the_job_s_progress_until_the_PDF_is_ready_and_says_how_to_install_LibreOffice_when_it_is_missing()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var tools = Directory.CreateTempSubdirectory("sgd-soffice-").FullName;
        var go = Path.Combine(tools, "go");
        string? program = SlowSoffice(tools, go);
        using var own = new WebHost(services: s => s.AddSingleton(new PdfTool(() => FindWith(program))));
        await own.AddUserAsync("office@school.example", ["office"]);
        await own.AddUserAsync("office2@school.example", ["office"]);
        var id = await own.AddRecordAsync(Samples.Path("device-allocation.json"));
        var office = own.Browser();
        await Session.SignInFully(office, "office@school.example", null);

        var job = await StartPdf(office, id);
        var waiting = await office.GetStringAsync($"/records/{id}/pdf/{job}");
        waiting.ShouldContain("id=\"job-bar\"");
        waiting.ShouldContain("/static/job-progress.js");
        waiting.ShouldContain($"data-status=\"/records/{id}/pdf/{job}/status\"");
        waiting.ShouldNotContain("Download PDF</a>");
        var status = JsonDocument.Parse(await office.GetStringAsync($"/records/{id}/pdf/{job}/status")).RootElement;
        status.GetProperty("finished").GetBoolean().ShouldBeFalse();

        // Only its owner sees the job.
        var other = own.Browser();
        await Session.SignInFully(other, "office2@school.example", null);
        (await other.GetAsync($"/records/{id}/pdf/{job}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/records/{id}/pdf/{job}/status")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await File.WriteAllTextAsync(go, "go");
        (await own.Services.GetRequiredService<JobRunner>().WaitAsync(job, TimeSpan.FromSeconds(60)))!.State.ShouldBe(JobState.Succeeded);
        var ready = await office.GetStringAsync($"/records/{id}/pdf/{job}");
        ready.ShouldContain("Download PDF</a>");
        var pdf = await office.GetByteArrayAsync(DocumentLink().Match(ready).Groups[1].Value);
        Encoding.ASCII.GetString(pdf).ShouldStartWith("%PDF-1.7");
        Verify(own.DataFolder, pdf, ".pdf").Exit.ShouldBe(0);

        // Without LibreOffice: nothing is queued, and the page says how to install it.
        program = null;
        var second = await own.AddRecordAsync(Samples.Path("aup-agreement.json"));
        var refused = await Session.PostForm(office, $"/records/{second}/pdf", [new("template", string.Empty)], $"/records/{second}/document");
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var text = await refused.Content.ReadAsStringAsync();
        text.ShouldContain("A PDF cannot be made on this server");
        text.ShouldContain("sudo apt-get install libreoffice-writer-nogui");
        Directory.Delete(tools, recursive: true);
    }
}
