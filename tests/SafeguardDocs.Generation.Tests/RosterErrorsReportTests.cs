using SafeguardDocs.Generation.Packs;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests;

public sealed class RosterErrorsReportTests
{
    private const string Header = "UPN,Legal Surname,Legal Forename,Preferred Forename,Year,Reg,DOB,Primary Contact Title,Primary Contact Forename,Primary Contact Surname,Primary Contact Email,Address Line 1,Town,Postcode";

    private static string Row(string upn = "A123456789012", string year = "Year 4", string dob = "01/05/2018") =>
        $"{upn},Okafor,Tobi,,{year},4C,{dob},Mrs,Ada,Okafor,parent@example.net,20 Kings Close,Wimborne,BH11 6ZU";

    [Fact]
    public void The_errors_report_names_line_column_and_what_to_do_but_never_the_value()
    {
        var result = RosterReader.Read(new StringReader(string.Join('\n', Header, Row(year: "Year 14"), Row(upn: "B123456789012", dob: "32/01/2019"), Row(upn: "C123456789012") + ",extra") + "\n"), "roster.csv");
        var path = Path.Combine(Repo.NewTempFolder(), RosterErrorsReport.FileName("AUP-1"));
        RosterErrorsReport.Write(path, result.Problems);
        var lines = File.ReadAllLines(path);
        lines[0].ShouldBe("Line,Column,Heading,Problem,What to do");
        lines[1].ShouldStartWith("2,E,Year,");
        lines[2].ShouldBe("3,G,DOB,The date of birth is not a date written day/month/year.,Correct the date of birth in the MIS (for example 24/12/2020) and export again.");
        lines[3].ShouldBe("4,(whole line),,\"This line has 15 fields but the header has 14, so the values may be in the wrong columns.\",\"Check the line for a stray or missing comma, or export the roster again.\"");
        lines.Length.ShouldBe(4);
        string.Join('\n', lines).ShouldNotContain("Year 14");
        string.Join('\n', lines).ShouldNotContain("32/01/2019");
    }
}
