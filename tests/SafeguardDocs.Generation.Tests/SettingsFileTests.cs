using System.Text;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation.Settings;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests;

public sealed class SettingsFileTests
{
    private static SettingsReadResult Parse(string json) => SettingsFile.Parse(Encoding.UTF8.GetBytes(json), "settings.json");

    [Fact]
    public void The_defaults_come_from_the_seeds()
    {
        var settings = OrganisationSettings.Default;
        settings.LadoMeetingWorkingDays.ShouldBe(5);
        settings.DeliveryChaseDays.ShouldBe(21);
        settings.AnnualCheckMonths.ShouldBe(12);
        settings.ExtraClosureDays.ShouldBeEmpty();
        settings.SafeSchoolsTeam.Name.ShouldBe("Safe Schools and Communities Team");
        settings.SafeSchoolsTeam.Phone.ShouldBe("01202 222844");
        settings.UsefulWebsites.Select(w => w.Address).ShouldContain("www.thinkuknow.co.uk");
    }

    [Fact]
    public void What_the_file_leaves_out_keeps_its_default()
    {
        var read = Parse("""{ "ladoMeetingWorkingDays": 3, "extraClosureDays": ["2026-12-31", "2026-12-29"] }""");
        read.Succeeded.ShouldBeTrue();
        read.Settings!.LadoMeetingWorkingDays.ShouldBe(3);
        read.Settings.ExtraClosureDays.ShouldBe([new DateOnly(2026, 12, 29), new DateOnly(2026, 12, 31)]);
        read.Settings.DeliveryChaseDays.ShouldBe(21);
        read.Settings.SafeSchoolsTeam.ShouldBe(OrganisationSettings.Default.SafeSchoolsTeam);
    }

    [Fact]
    public void Contacts_and_websites_are_read()
    {
        var read = Parse("""
            {
              "safeSchoolsTeam": { "name": "Schools Liaison Team", "phone": "01000 000000" },
              "safeguardingUnit": { "name": "MASH", "email": "mash@example.org" },
              "usefulWebsites": [ { "name": "Childnet", "address": "www.childnet.com" } ]
            }
            """);
        read.Succeeded.ShouldBeTrue();
        read.Settings!.SafeSchoolsTeam.ShouldBe(new OrganisationContact("Schools Liaison Team", "01000 000000"));
        read.Settings.SafeguardingUnit.Email.ShouldBe("mash@example.org");
        read.Settings.UsefulWebsites.ShouldBe([new UsefulWebsite("Childnet", "www.childnet.com")]);
    }

    [Fact]
    public void Retention_periods_are_read()
    {
        var read = Parse("""{ "retentionYearsAfterBirth": 30, "retentionYears": 7 }""");
        read.Succeeded.ShouldBeTrue();
        read.Settings!.RetentionYearsAfterBirth.ShouldBe(30);
        read.Settings.RetentionYears.ShouldBe(7);
        OrganisationSettings.Default.RetentionYearsAfterBirth.ShouldBe(25);
    }

    [Fact]
    public void An_unknown_setting_is_named_with_its_line_and_column()
    {
        var read = Parse("{\n  \"ladoWorkingDays\": 3\n}");
        read.Succeeded.ShouldBeFalse();
        var error = read.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(SettingsFile.UnknownPropertyId);
        error.ToString().ShouldStartWith("settings.json(2,3): error SET003:");
        error.Path.ShouldBe("$.ladoWorkingDays");
        error.Message.ShouldContain("ladoMeetingWorkingDays");
    }

    [Theory]
    [InlineData("""{ "deliveryChaseDays": 0 }""", "$.deliveryChaseDays")]
    [InlineData("""{ "retentionYearsAfterBirth": 10 }""", "$.retentionYearsAfterBirth")]
    [InlineData("""{ "deliveryChaseDays": "21" }""", "$.deliveryChaseDays")]
    [InlineData("""{ "extraClosureDays": ["2026-02-30"] }""", "$.extraClosureDays[0]")]
    [InlineData("""{ "extraClosureDays": "2026-12-29" }""", "$.extraClosureDays")]
    [InlineData("""{ "safeSchoolsTeam": { "phone": "01000 000000" } }""", "$.safeSchoolsTeam")]
    public void A_value_of_the_wrong_type_or_out_of_range_is_an_error_at_its_path(string json, string path)
    {
        var read = Parse(json);
        read.Settings.ShouldBeNull();
        var error = read.Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(SettingsFile.BadValueId);
        error.Path.ShouldBe(path);
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_place()
    {
        var error = Parse("{\n  \"ladoMeetingWorkingDays\": 3\n  \"deliveryChaseDays\": 7\n}").Errors.ShouldHaveSingleItem();
        error.Id.ShouldBe(SettingsFile.MalformedId);
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void The_data_folder_settings_are_used_when_no_file_is_given_and_the_defaults_when_there_are_none()
    {
        var data = Repo.NewTempFolder();
        SettingsFile.Locate(null, data).Settings.ShouldBe(OrganisationSettings.Default);

        File.WriteAllText(Path.Combine(data, SettingsFile.FileName), """{ "deliveryChaseDays": 14 }""");
        SettingsFile.Locate(null, data).Settings!.DeliveryChaseDays.ShouldBe(14);

        var given = Path.Combine(Repo.NewTempFolder(), "mine.json");
        File.WriteAllText(given, """{ "deliveryChaseDays": 10 }""");
        SettingsFile.Locate(given, data).Settings!.DeliveryChaseDays.ShouldBe(10);
    }

    [Fact]
    public void A_settings_file_that_is_not_there_is_an_error_not_the_defaults()
    {
        var read = SettingsFile.Locate(Path.Combine(Repo.NewTempFolder(), "missing.json"), Repo.NewTempFolder());
        read.Succeeded.ShouldBeFalse();
        read.Errors.ShouldHaveSingleItem().Id.ShouldBe(SettingsFile.UnreadableId);
    }
}
