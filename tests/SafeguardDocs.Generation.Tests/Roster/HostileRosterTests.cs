using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests.Roster;

/// <summary>Hostile exports: stray quotes, dates off the calendar, a roster that is a FIFO or a link to a device.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostileRosterTests
{
    private const string Header = "UPN,Legal Surname,Legal Forename,Year,Primary Contact Forename,Primary Contact Surname,Primary Contact Email";

    private static string Row(int n) => $"A{n:D12},Okafor{n},Tobi,Year 4,Ada,Okafor{n},p{n}@example.net";

    [Fact]
    public void A_stray_quote_reports_every_line_it_swallows()
    {
        // Line 3's surname opens a quote that is only closed on line 6: lines 4 to 6 vanish into line 3's record.
        var lines = new[] { Header, Row(1), "A000000000002,\"Okafor2,Tobi,Year 4,Ada,Okafor2,p2@example.net", Row(4), Row(5), "A000000000006,Okafor6\",Tobi,Year 4,Ada,Okafor6,p6@example.net", Row(7) };
        var result = RosterReader.Read(new StringReader(string.Join('\n', lines) + "\n"), "roster.csv");
        result.Pupils.Select(p => p.Line).ShouldBe([2, 7]);
        result.Problems.Select(p => p.Line).Distinct().ShouldBe([3, 4, 5, 6]);
        result.Problems.Where(p => p.Line > 3).ShouldAllBe(p => p.Message.Contains("line 3") && p.Id == RosterReader.SwallowedLineId);
        result.RowsSkipped.ShouldBe(4);
    }

    [Fact]
    public void A_quote_never_closed_reports_every_line_to_the_end()
    {
        var lines = new[] { Header, Row(1), "A000000000002,\"Okafor2,Tobi,Year 4,Ada,Okafor2,p2@example.net", Row(4), Row(5) };
        var result = RosterReader.Read(new StringReader(string.Join('\n', lines) + "\n"), "roster.csv");
        result.Pupils.Select(p => p.Line).ShouldBe([2]);
        result.Problems.Select(p => p.Line).Distinct().ShouldBe([3, 4, 5]);
    }

    [Theory]
    [InlineData("01/01/0001")]
    [InlineData("31/12/9999")]
    public void A_date_of_birth_off_the_calendar_is_a_row_problem(string dob)
    {
        var csv = "UPN,Legal Surname,Legal Forename,Year,DOB,Primary Contact Forename,Primary Contact Surname\nA000000000001,Okafor,Tobi,Year 4," + dob + ",Ada,Okafor\n";
        var result = RosterReader.Read(new StringReader(csv), "roster.csv");
        result.Pupils.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().Cell!.Heading.ShouldBe("DOB");
    }

    [Fact]
    public void A_roster_that_is_a_fifo_or_a_link_to_a_device_is_refused_at_once()
    {
        var folder = Repo.NewTempFolder();
        var fifo = Path.Combine(folder, "fifo.csv");
        Fifo.Make(fifo);
        var link = Path.Combine(folder, "zero.csv");
        File.CreateSymbolicLink(link, "/dev/zero");
        foreach (var path in new[] { fifo, link })
        {
            Bounded.Run(() => RosterReader.ReadFile(path)).Errors.ShouldHaveSingleItem().Message.ShouldContain("not an ordinary file");
        }
    }
}
