using System.Text.Json.Nodes;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

public sealed class GenerateCommandTests
{
    private static string Mutate(Action<JsonObject> change) => CliRunner.MutateSample("device-allocation.json", change);

    [Fact]
    public void The_sample_letter_is_written_with_reference_and_initials()
    {
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("DA-2026-0042_JEP.docx");
        var file = Path.Combine(output, "DA-2026-0042_JEP.docx");
        File.Exists(file).ShouldBeTrue();
        OpenXmlCheck.AssertValid(file);
        Directory.EnumerateFiles(output).Select(Path.GetFileName).ShouldBe(["DA-2026-0042_JEP.docx"]);
    }

    [Fact]
    public void The_sample_letter_reads_as_a_letter_from_the_razor_template()
    {
        var output = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/device-allocation.json", "--out", output).ExitCode.ShouldBe(0);
        Snapshot.Match(OpenXmlCheck.DocxText(Path.Combine(output, "DA-2026-0042_JEP.docx")));
    }

    [Fact]
    public void The_scriban_template_writes_the_same_letter()
    {
        var razor = Repo.NewTempFolder();
        var scriban = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/device-allocation.json", "--out", razor).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--out", scriban, "--template", "loan-letter.sbn");
        run.ExitCode.ShouldBe(0, run.All);
        var file = Path.Combine(scriban, "DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);
        Snapshot.Match(OpenXmlCheck.DocxText(file));
        OpenXmlCheck.DocxText(file).ShouldBe(OpenXmlCheck.DocxText(Path.Combine(razor, "DA-2026-0042_JEP.docx")));
    }

    [Fact]
    public void The_same_case_gives_the_same_bytes()
    {
        var a = Repo.NewTempFolder();
        var b = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/device-allocation.json", "--out", a);
        CliRunner.Run("generate", "samples/device-allocation.json", "--out", b);
        File.ReadAllBytes(Path.Combine(a, "DA-2026-0042_JEP.docx")).ShouldBe(File.ReadAllBytes(Path.Combine(b, "DA-2026-0042_JEP.docx")));
    }

    public static TheoryData<string, string, string> BrokenRules() => new()
    {
        { "DA001", "$.reference", "reference=" },
        { "DA002", "$.reference", "reference=DA/2026/0042" },
        { "DA005", "$.provider.role", "provider.role=" },
        { "DA006", "$.provider.organisation", "provider.organisation=" },
        { "DA008", "$.recipient.name", "recipient.name=" },
        { "DA010", "$.child.name", "child.name=" },
        { "DA015", "$.equipment", "equipment=" },
        { "DA016", "$.equipment[0].description", "equipment[0].description=" },
        { "DA003", "$.letterDate", "letterDate=" },
        { "DA004", "$.provider.name", "provider.name=" },
        { "DA009", "$.recipient.organisation", "recipient.organisation=" },
        { "DA011", "$.child.dateOfBirth", "child.dateOfBirth=" },
        { "DA012", "$.child.dateOfBirth", "child.dateOfBirth=2030-01-01" },
        { "DA013", "$.letterDate", "letterDate=2010-01-01" },
        { "DA014", "$.deliveredTo", "deliveredTo=" },
        { "DA018", "$.ownership", "ownership=lease" },
        { "DA019", "$.preIssueChecks.hardwareWiped", "preIssueChecks.hardwareWiped=false" },
        { "DA020", "$.preIssueChecks.filteringInstalled", "preIssueChecks.filteringInstalled=false" },
        { "DA022", "$.owner", "owner=" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_case_that_breaks_a_rule_exits_1_names_the_rule_and_path_and_writes_nothing(string rule, string path, string change)
    {
        var json = Mutate(root => Apply(root, change));
        var casePath = CliRunner.WriteCase(json);
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain($"error {rule}:");
        run.Error.ShouldContain($"[{path}]");
        run.Error.ShouldContain("Nothing written");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
        run.All.ShouldNotContain("Jordan");
        run.All.ShouldNotContain("Ellis-Price");
    }

    [Fact]
    public void A_failed_run_leaves_an_earlier_document_untouched()
    {
        var output = Repo.NewTempFolder();
        CliRunner.Run("generate", "samples/device-allocation.json", "--out", output).ExitCode.ShouldBe(0);
        var file = Path.Combine(output, "DA-2026-0042_JEP.docx");
        var before = File.ReadAllBytes(file);
        var broken = CliRunner.WriteCase(Mutate(root => Apply(root, "preIssueChecks.hardwareWiped=false")));
        CliRunner.Run("generate", broken, "--out", output).ExitCode.ShouldBe(1);
        File.ReadAllBytes(file).ShouldBe(before);
    }

    [Fact]
    public void Warnings_are_printed_and_recorded_beside_the_document()
    {
        var casePath = CliRunner.WriteCase(Mutate(root => Apply(root, "onIssue.weeklyUpdateAdvised=false")));
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Error.ShouldContain("warning DA027:");
        run.Out.ShouldContain("1 warning");
        File.ReadAllText(Path.Combine(output, "DA-2026-0042_JEP.findings.txt")).ShouldContain("DA027");
    }

    [Fact]
    public void Malformed_json_exits_2_with_line_and_column()
    {
        var casePath = CliRunner.WriteCase("{\n  \"kind\": \"device-allocation\",\n  \"reference\": \"X\"\n  \"owner\": \"Y\"\n}");
        var run = CliRunner.Run("generate", casePath, "--out", Repo.NewTempFolder());
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("case.json(4,3): error LD002:");
    }

    [Fact]
    public void A_missing_case_file_exits_2_and_is_named()
    {
        var run = CliRunner.Run("generate", "samples/no-such-case.json");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no-such-case.json");
        run.Error.ShouldContain("LD001");
    }

    [Fact]
    public void An_unknown_property_exits_2_with_its_path()
    {
        var casePath = CliRunner.WriteCase(Mutate(root => root["child"]!["nickname"] = "JJ"));
        var run = CliRunner.Run("generate", casePath, "--out", Repo.NewTempFolder());
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("error LD005:");
        run.Error.ShouldContain("[$.child.nickname]");
        run.Error.ShouldNotContain("JJ");
    }

    [Fact]
    public void An_unknown_template_exits_2_and_lists_the_ones_there_are()
    {
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--template", "no-such", "--out", Repo.NewTempFolder());
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("loan-letter, loan-letter.sbn");
    }

    [Fact]
    public void A_house_style_that_is_not_a_word_document_exits_2_and_says_what_to_do()
    {
        var notDocx = CliRunner.WriteCase("not a document", "style.docx");
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--house-style", notDocx, "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("style.docx");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
    }

    [Fact]
    public void Special_characters_and_template_syntax_in_data_come_out_exactly_in_word()
    {
        const string name = "Siân Ó Súilleabháin <b> & \"Jo\" 'Ali' 😀 مريم {{child.name}} @Case.Reference";
        var casePath = CliRunner.WriteCase(Mutate(root =>
        {
            root["child"]!["name"] = name;
            root["deliveredTo"] = "R&D <Lab> {{{raw}}} @x";
            root["recipient"]!["name"] = "אבי כהן & Co";
        }));
        foreach (var template in new[] { "loan-letter", "loan-letter.sbn" })
        {
            var output = Repo.NewTempFolder();
            var run = CliRunner.Run("generate", casePath, "--out", output, "--template", template);
            run.ExitCode.ShouldBe(0, run.All);
            var file = Directory.EnumerateFiles(output, "*.docx").ShouldHaveSingleItem();
            Path.GetFileName(file).ShouldBe("DA-2026-0042_SOSBJACC.docx");
            OpenXmlCheck.AssertValid(file);
            var text = OpenXmlCheck.DocxText(file);
            text.ShouldContain($"Re: {name}, date of birth 14 March 2012");
            text.ShouldContain("delivered directly to R&D <Lab> {{{raw}}} @x.");
            text.ShouldContain("Dear אבי כהן & Co,");
        }
    }

    private static void Apply(JsonObject root, string change)
    {
        var (path, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        JsonNode parent = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            parent = part.EndsWith(']') ? parent[part[..part.IndexOf('[', StringComparison.Ordinal)]]![int.Parse(part[(part.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : parent[part]!;
        }

        JsonNode? newValue = value switch
        {
            "" => null,
            "true" => true,
            "false" => false,
            _ => value,
        };
        parent[parts[^1]] = newValue;
    }
}

public sealed class HouseStyleOptionTests
{
    [Fact]
    public void An_organisations_reference_document_supplies_the_letterhead()
    {
        // A reference document made in Word: here, a letter of another organisation with its own header.
        var reference = Path.Combine(Repo.NewTempFolder(), "coastal-letterhead.docx");
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(reference, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var header = main.AddNewPart<DocumentFormat.OpenXml.Packaging.HeaderPart>();
            header.Header = new DocumentFormat.OpenXml.Wordprocessing.Header(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Coastal Council · Children's Services"))));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Reference document"))),
                new DocumentFormat.OpenXml.Wordprocessing.SectionProperties(
                    new DocumentFormat.OpenXml.Wordprocessing.HeaderReference { Type = DocumentFormat.OpenXml.Wordprocessing.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new DocumentFormat.OpenXml.Wordprocessing.PageSize { Width = 11906U, Height = 16838U },
                    new DocumentFormat.OpenXml.Wordprocessing.PageMargin { Top = 1440, Bottom = 1440, Left = 1800U, Right = 1800U, Header = 708U, Footer = 708U, Gutter = 0U })));
        }

        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--house-style", reference, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        var file = Path.Combine(output, "DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);
        var text = OpenXmlCheck.DocxText(file);
        text.ShouldContain("[header] Coastal Council · Children's Services");
        text.ShouldContain("Re: Jordan Ellis-Price, date of birth 14 March 2012");
    }
}
