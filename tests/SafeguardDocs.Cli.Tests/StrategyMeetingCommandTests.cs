using System.Text.Json.Nodes;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>The strategy-meeting agenda end to end, from the built-in template and the Scriban file.</summary>
public sealed class StrategyMeetingCommandTests
{
    private const string SamplePath = "samples/strategy-meeting.json";
    private const string FileName = "SM-2026-0031_GL.docx";

    private static string Mutate(Action<JsonObject> change) => CliRunner.MutateSample("strategy-meeting.json", change);

    [Fact]
    public void The_sample_validates_cleanly()
    {
        var run = CliRunner.Run("validate", SamplePath);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("strategy-meeting, 0 errors, 0 warnings.");
    }

    [Fact]
    public void The_sample_agenda_is_written_with_reference_and_the_subjects_initials()
    {
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", SamplePath, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain(FileName);
        run.Out.ShouldContain("template strategy-meeting-agenda");
        Directory.EnumerateFiles(output).Select(Path.GetFileName).ShouldBe([FileName]);
        var file = Path.Combine(output, FileName);
        OpenXmlCheck.AssertValid(file);
        Snapshot.Match(OpenXmlCheck.DocxText(file));
    }

    [Fact]
    public void The_scriban_template_writes_the_same_agenda()
    {
        var razor = Repo.NewTempFolder();
        var scriban = Repo.NewTempFolder();
        CliRunner.Run("generate", SamplePath, "--out", razor).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("generate", SamplePath, "--out", scriban, "--template", "strategy-meeting-agenda.sbn");
        run.ExitCode.ShouldBe(0, run.All);
        var file = Path.Combine(scriban, FileName);
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldBe(OpenXmlCheck.DocxText(Path.Combine(razor, FileName)));
        File.ReadAllBytes(file).ShouldBe(File.ReadAllBytes(Path.Combine(razor, FileName)));
    }

    [Fact]
    public void The_agenda_gives_the_lado_meeting_date_in_words()
    {
        var output = Repo.NewTempFolder();
        CliRunner.Run("generate", SamplePath, "--out", output).ExitCode.ShouldBe(0);
        OpenXmlCheck.DocxText(Path.Combine(output, FileName)).ShouldContain("must be convened by 23 November 2026, 5 working days after this meeting on 16 November 2026.");
    }

    [Fact]
    public void A_meeting_without_the_police_is_refused_with_the_rule_and_path_and_nothing_is_written()
    {
        var casePath = CliRunner.WriteCase(Mutate(root => root["invitees"]!.AsArray().RemoveAt(0)));
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("error SM022:");
        run.Error.ShouldContain("[$.invitees]");
        run.Error.ShouldContain("Nothing written");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
        run.All.ShouldNotContain("Gareth");
        run.All.ShouldNotContain("Lowe");

        var validate = CliRunner.Run("validate", casePath);
        validate.ExitCode.ShouldBe(1);
        validate.Out.ShouldContain("error SM022:");
    }

    [Fact]
    public void Images_of_known_children_with_a_meeting_on_a_later_day_are_refused()
    {
        var casePath = CliRunner.WriteCase(Mutate(root =>
        {
            root["concerns"]!["imagesOfKnownChildren"] = true;
            root["meeting"]!["dateTime"] = "2026-11-17T10:00:00";
        }));
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", casePath, "--out", output);
        run.ExitCode.ShouldBe(1, run.All);
        run.Error.ShouldContain("error SM026:");
        run.Error.ShouldContain("[$.meeting.dateTime]");
        Directory.EnumerateFileSystemEntries(output).ShouldBeEmpty();
    }

    [Fact]
    public void Special_characters_in_names_come_out_exactly_in_word_from_both_templates()
    {
        const string name = "Siân Ó Súilleabháin <b> & \"Jo\" 'Ali' 😀 مريم {{subject.name}} @Case.Reference";
        var casePath = CliRunner.WriteCase(Mutate(root =>
        {
            root["subject"]!["name"] = name;
            root["children"]![0]!["name"] = "אבי כהן & Co";
            root["invitees"]![0]!["name"] = "DS O'Brien-Ní Dhónaill {{#each x}}";
        }));
        foreach (var template in new[] { "strategy-meeting-agenda", "strategy-meeting-agenda.sbn" })
        {
            var output = Repo.NewTempFolder();
            var run = CliRunner.Run("generate", casePath, "--out", output, "--template", template);
            run.ExitCode.ShouldBe(0, run.All);
            var file = Directory.EnumerateFiles(output, "*.docx").ShouldHaveSingleItem();
            Path.GetFileName(file).ShouldBe("SM-2026-0031_SOSBJASC.docx");
            OpenXmlCheck.AssertValid(file);
            var text = OpenXmlCheck.DocxText(file);
            text.ShouldContain($"| Adult the concerns are about | {name}, date of birth 22 September 1984 |");
            text.ShouldContain("| אבי כהן & Co | 30 January 2015 | Son | Yes |");
            text.ShouldContain("| Police | DS O'Brien-Ní Dhónaill {{#each x}} |  |");
        }
    }
}
