using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Core.Cases.OnlineSafetyPlan;
using SafeguardDocs.Core.Cases.StrategyMeeting;
using SafeguardDocs.Core.Cases.ViewingDecision;

namespace SafeguardDocs.Core.Tests.Views;

/// <summary>
/// Each kind's descriptor says which of the case's own dates its documents are dated by (their creation
/// date, so the same case gives the same bytes): the letter, the record, the form, the plan, the meeting.
/// </summary>
public sealed class DocumentDateTests
{
    private static DateTimeOffset Midnight(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? DateOf(CaseFile c) => CaseKinds.For(c).DocumentDate(c);

    [Fact]
    public void Every_sample_is_dated_by_its_own_date_at_midnight_utc()
    {
        var letter = CaseFiles.Sample<DeviceAllocationCase>("device-allocation.json");
        DateOf(letter).ShouldBe(Midnight(letter.LetterDate!.Value.Year, letter.LetterDate.Value.Month, letter.LetterDate.Value.Day));

        var pack = CaseFiles.Sample<AupPackCase>("aup-pack.json");
        DateOf(pack).ShouldBe(Midnight(2026, 9, 3));

        var agreement = CaseFiles.Sample<AupAgreementCase>("aup-agreement.json");
        DateOf(agreement).ShouldBe(Midnight(agreement.ReturnBy!.Value.Year, agreement.ReturnBy.Value.Month, agreement.ReturnBy.Value.Day));

        var plan = CaseFiles.Sample<OnlineSafetyPlanCase>("online-safety-plan.json");
        DateOf(plan).ShouldBe(Midnight(plan.StartDate!.Value.Year, plan.StartDate.Value.Month, plan.StartDate.Value.Day));

        foreach (var kind in CaseKinds.All)
        {
            var sample = Core.Loading.CaseLoader.LoadFile(TestSupport.Repo.Sample(kind.Name + ".json")).Case!;
            var date = kind.DocumentDate(sample).ShouldNotBeNull(kind.Name);
            date.Offset.ShouldBe(TimeSpan.Zero);
            date.TimeOfDay.ShouldBe(TimeSpan.Zero);
        }
    }

    [Fact]
    public void Where_a_case_has_no_date_of_its_own_the_next_one_is_used_or_none()
    {
        var form = CaseFiles.Sample<IncidentReportCase>("incident-report.json");
        DateOf(form with { DateCompleted = null, DateOfIncident = new DateOnly(2026, 3, 2) }).ShouldBe(Midnight(2026, 3, 2));
        DateOf(form with { DateCompleted = null, DateOfIncident = null }).ShouldBeNull();

        var meeting = CaseFiles.Sample<StrategyMeetingCase>("strategy-meeting.json");
        DateOf(meeting with { Meeting = null, ReferralReceived = new DateTime(2026, 5, 6, 15, 30, 0) }).ShouldBe(Midnight(2026, 5, 6));

        var record = CaseFiles.Sample<ViewingDecisionCase>("viewing-decision.json");
        DateOf(record with { Signature = null, Viewing = record.Viewing! with { DateTime = new DateTime(2026, 7, 8, 9, 0, 0) } }).ShouldBe(Midnight(2026, 7, 8));
    }

    [Fact]
    public void A_kind_refuses_to_date_a_case_of_another_kind() =>
        Should.Throw<ArgumentException>(() => DeviceAllocationKind.Kind.DocumentDate(CaseFiles.Sample<AupPackCase>("aup-pack.json")));
}
