using System.Text.Json.Nodes;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>The viewing record end to end: validate, generate, Open XML validity, and refusal when a rule is broken.</summary>
public sealed class ViewingRecordCommandTests
{
    private const string SamplePath = "samples/viewing-decision.json";
    private const string FileName = "VR-2026-0007_AB.docx";

    private static string Mutate(Action<JsonObject> change) => CliRunner.MutateSample("viewing-decision.json", change);

    [Fact]
    public void The_sample_validates_cleanly()
    {
        var run = CliRunner.Run("validate", SamplePath);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("viewing-decision, 0 errors, 0 warnings.");
    }

    [Fact]
    public void The_sample_record_is_written_with_reference_and_the_childs_initials()
    {
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", SamplePath, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain(FileName);
        run.Out.ShouldContain("template viewing-record");
        Directory.EnumerateFiles(output).Select(Path.GetFileName).ShouldBe([FileName]);
        var file = Path.Combine(output, FileName);
        OpenXmlCheck.AssertValid(file);
        Snapshot.Match(OpenXmlCheck.DocxText(file));
    }

    [Fact]
    public void A_decision_not_to_view_is_written_and_valid()
    {
        var casePath = CliRunner.WriteCase(Mutate(root =>
        {
            root["decision"] = "not-view";
            root.Remove("viewing");
            root["deviceAction"] = new JsonObject { ["confiscated"] = false };
        }));
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        var file = Path.Combine(output, FileName);
        OpenXmlCheck.AssertValid(file);
        var text = OpenXmlCheck.DocxText(file);
        text.ShouldContain("Record of a decision not to view youth-produced imagery");
        text.ShouldContain("The imagery was not viewed, so this record has no account of a viewing.");
        text.ShouldNotContain("present in the room");
    }

    [Fact]
    public void Viewing_alone_is_refused_with_the_rule_and_path_and_nothing_is_written()
    {
        var casePath = CliRunner.WriteCase(Mutate(root => root["viewing"]!["presentInRoom"] = new JsonArray()));
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("error VD021:");
        run.Error.ShouldContain("[$.viewing.presentInRoom]");
        run.Error.ShouldContain("Nothing written");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
        run.All.ShouldNotContain("Amara");
        run.All.ShouldNotContain("Dunmore");

        var validate = CliRunner.Run("validate", casePath);
        validate.ExitCode.ShouldBe(1);
        validate.Out.ShouldContain("error VD021:");
    }

    [Fact]
    public void Imagery_shared_without_the_police_advice_is_refused()
    {
        var casePath = CliRunner.WriteCase(Mutate(root => root["imageryHandling"]!["shared"] = true));
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("error VD037:");
        run.Error.ShouldContain("[$.imageryHandling.policeAdvice]");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
    }

    [Fact]
    public void Special_characters_in_names_come_out_exactly_in_word()
    {
        const string name = "Siân Ó Súilleabháin <b> & \"Jo\" 'Ali' 😀 مريم {{child.name}} @Case.Reference";
        var casePath = CliRunner.WriteCase(Mutate(root =>
        {
            root["child"]!["name"] = name;
            root["viewing"]!["presentInRoom"]![0]!["name"] = "אבי כהן & Co";
        }));
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        var file = Directory.EnumerateFiles(output, "*.docx").ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldBe("VR-2026-0007_SOSBJACC.docx");
        OpenXmlCheck.AssertValid(file);
        var text = OpenXmlCheck.DocxText(file);
        text.ShouldContain($"| Child | {name} |");
        text.ShouldContain("אבי כהן & Co, Deputy Headteacher, a member of the senior leadership team, was also present in the room.");
    }
}
