using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Cli.Tests;

/// <summary>--settings and --data: the organisation's settings reach the rules and the documents; a bad file stops the run.</summary>
public sealed class SettingsOptionTests
{
    private const string Agenda = "SM-2026-0031_GL.docx";

    private static string SettingsFile(string json)
    {
        var folder = Repo.NewTempFolder();
        var path = Path.Combine(folder, "settings.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_lado_working_days_and_closure_days_from_the_settings_file_are_on_the_agenda()
    {
        // Meeting Monday 16 November 2026: 3 working days with Wednesday 18th closed is Friday 20th.
        var settings = SettingsFile("""{ "ladoMeetingWorkingDays": 3, "extraClosureDays": ["2026-11-18"] }""");
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/strategy-meeting.json", "--settings", settings, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        OpenXmlCheck.DocxText(Path.Combine(output, Agenda)).ShouldContain("must be convened by 20 November 2026, 3 working days after this meeting on 16 November 2026.");
    }

    [Fact]
    public void Settings_json_in_the_data_folder_is_used_when_no_file_is_given()
    {
        var data = Path.GetDirectoryName(SettingsFile("""{ "ladoMeetingWorkingDays": 4 }"""))!;
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/strategy-meeting.json", "--data", data, "--out", output);
        run.ExitCode.ShouldBe(0, run.All);
        OpenXmlCheck.DocxText(Path.Combine(output, Agenda)).ShouldContain("4 working days after this meeting");
    }

    [Fact]
    public void A_bad_settings_file_exits_2_with_where_and_what_to_do_and_writes_nothing()
    {
        var settings = SettingsFile("{\n  \"deliveryChaseDays\": -1\n}");
        var output = Repo.NewTempFolder();
        var run = CliRunner.Run("generate", "samples/device-allocation.json", "--settings", settings, "--out", output);
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldContain("settings.json(2,3): error SET004: This setting must be a whole number from 1 to 365.");
        run.Error.ShouldContain("[$.deliveryChaseDays]");
        run.Error.ShouldContain("Nothing written");
        Directory.EnumerateFiles(output).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_uses_the_settings_too()
    {
        // With 3 LADO working days, the sample's arranged date is too late; with the default 5 it is not.
        var sample = CliRunner.WriteCase(CliRunner.MutateSample("strategy-meeting.json", c => c["ladoMeetingDate"] = "2026-11-23"));
        CliRunner.Run("validate", sample).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("validate", sample, "--settings", SettingsFile("""{ "ladoMeetingWorkingDays": 3 }"""));
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain("error SM029");
    }
}
