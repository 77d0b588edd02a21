using System.Text;
using System.Text.Json.Nodes;
using SafeguardDocs.Excel.Registers;
using SafeguardDocs.Generation.Registers;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests;

/// <summary>The registers over case files held in memory (the web app's saved records) read and count exactly as over a folder of the same files.</summary>
public sealed class RegisterRunsTests : IDisposable
{
    private readonly string folder = Repo.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] Sample(string name, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.Sample(name)))!.AsObject();
        change?.Invoke(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private List<RegisterInput> Cases()
    {
        List<RegisterInput> cases =
        [
            new("a.json", Sample("incident-report.json")),
            new("b.json", Sample("incident-report.json", n => { n["reference"] = "INC-2026-0300"; n.Remove("dateOfIncident"); })),
            new("c.json", Sample("device-allocation.json")),
            new("d.json", Encoding.UTF8.GetBytes("""{ "kind": "no-such-kind" }""")),
            new("e.json", Encoding.UTF8.GetBytes("{ not json")),
        ];
        foreach (var input in cases)
        {
            File.WriteAllBytes(Path.Combine(folder, input.Name), input.Json.ToArray());
        }

        return cases;
    }

    [Fact]
    public void The_incident_log_from_memory_counts_and_reports_as_the_log_from_a_folder_and_names_each_case_as_given()
    {
        var cases = Cases();
        var options = IncidentLogOptions.Default with { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)) };
        var memory = RegisterRuns.PrepareIncidentLog(cases, options).Result;
        var files = RegisterRuns.PrepareIncidentLog([folder], options).Result;

        memory.FilesRead.ShouldBe(5);
        memory.FormsRead.ShouldBe(2);
        memory.IncidentsListed.ShouldBe(1);
        memory.OtherKindsSkipped.ShouldBe(2);
        memory.FilesLeftOut.ShouldBe(2);
        var none = Array.Empty<Core.Diagnostics.Finding>();
        (memory with { Findings = none }).ShouldBe(files with { Findings = none });
        memory.Findings.Select(f => (f.Id, f.Path, f.File)).ShouldBe(files.Findings.Select(f => (f.Id, f.Path, Path.GetFileName(f.File))));
        memory.Findings.ShouldContain(f => f.Id == "INC003" && f.File == "b.json");
    }

    [Fact]
    public void The_device_register_from_memory_writes_the_same_workbook_to_a_stream_as_to_a_file()
    {
        var options = DeviceRegisterOptions.Default with { AsOf = new DateOnly(2027, 11, 22), Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)) };
        var prepared = RegisterRuns.PrepareDeviceRegister(Cases(), options);
        prepared.Result.ItemsListed.ShouldBe(2);
        using var stream = new MemoryStream();
        prepared.Write(stream);
        var fromStream = Path.Combine(folder, "stream.xlsx");
        File.WriteAllBytes(fromStream, stream.ToArray());
        OpenXmlCheck.AssertValid(fromStream);

        var fromFolder = Path.Combine(folder, "folder.xlsx");
        RegisterRuns.PrepareDeviceRegister([folder], options).Write(fromFolder);
        File.ReadAllBytes(fromStream).ShouldBe(File.ReadAllBytes(fromFolder));
    }
}
