using SafeguardDocs.Core.Cases.ViewingDecision;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests;

/// <summary>The viewing record (seed 001 "If it is necessary to view the imagery"; seed 000 §4) as a DSL reads it.</summary>
public sealed class ViewingRecordTemplateTests
{
    private static readonly ViewingDecisionCase Sample = Samples.Load<ViewingDecisionCase>("viewing-decision.json");

    /// <summary>A decision not to view: no viewing, parents not told (with the reason), nothing confiscated.</summary>
    private static readonly ViewingDecisionCase NotViewed = Sample with
    {
        Decision = ViewingDecisionKind.NotView,
        ReasonForDecision = "The pupil and the recipient both described the image consistently, so there was no need to view it.",
        Viewing = null,
        DeviceAction = new DeviceAction { Confiscated = false },
        ParentsInformed = new ParentsInformed { Informed = false, ReasonIfNot = "Informing the parents would put the pupil at risk of harm at home." },
        SubsequentActions = ["Pupil asked to delete the image from every device and account, and confirmed it was deleted", "Referral to children's social care through the MASH"],
    };

    private static MarkupDocument Render(ViewingDecisionCase c)
    {
        var found = Samples.Catalog.Find("viewing-record").ShouldNotBeNull();
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static void ShouldBeGeneratable(ViewingDecisionCase c) =>
        ViewingDecisionKind.Kind.Rules.Check(c, ValidationContext.From(FixedClock.Default))
            .Where(f => f.IsError).ShouldBeEmpty();

    [Fact]
    public void The_viewing_record_is_the_default_for_its_kind() =>
        Samples.Catalog.DefaultFor(ViewingDecisionKind.Name).ShouldNotBeNull().Name.ShouldBe("viewing-record");

    [Fact]
    public void The_record_reads_as_the_guidance_requires() =>
        Snapshot.Match(MarkupText.Of(Render(Sample)));

    [Fact]
    public void A_decision_not_to_view_has_no_viewing_section_and_says_so()
    {
        ShouldBeGeneratable(NotViewed);
        var document = Render(NotViewed);
        var text = MarkupText.Of(document);
        document.Title.ShouldBe("Record of a decision not to view youth-produced imagery");
        text.ShouldContain("# Record of a decision not to view youth-produced imagery");
        text.ShouldContain("It was decided that the imagery would not be viewed.");
        text.ShouldContain("The imagery was not viewed, so this record has no account of a viewing.");
        text.ShouldNotContain("The viewing");
        text.ShouldNotContain("Description of what was seen");
        text.ShouldNotContain("present in the room");
        text.ShouldContain("## 3. Copying, printing, sharing and saving");
        text.ShouldContain("The child's parents or carers were not informed.");
        text.ShouldContain("Informing the parents would put the pupil at risk of harm at home.");
        text.ShouldContain("No device was confiscated.");
        Snapshot.Match(text);
    }

    [Fact]
    public void The_record_states_that_the_imagery_was_not_copied_printed_shared_or_saved() =>
        MarkupText.Of(Render(Sample)).ShouldContain("\nThe imagery was not copied, printed, shared or saved.\n");

    [Fact]
    public void When_the_imagery_was_shared_the_record_says_exactly_what_happened_and_the_police_advice()
    {
        const string advice = "PC 1234 Jones advised deleting nothing and keeping the device switched off until collection.";
        var shared = Sample with { ImageryHandling = new ImageryHandling { Copied = false, Printed = false, Shared = true, Saved = true, PoliceAdvice = advice } };
        ShouldBeGeneratable(shared);
        var text = MarkupText.Of(Render(shared));
        text.ShouldContain("The imagery was shared and saved. It was not copied or printed.");
        text.ShouldContain("The police were contacted for advice");
        text.ShouldContain(advice);
        text.ShouldNotContain("The imagery was not copied, printed, shared or saved.");
    }

    [Fact]
    public void The_record_shows_who_viewed_who_was_present_where_and_on_what_device()
    {
        var text = MarkupText.Of(Render(Sample));
        text.ShouldContain("The imagery was viewed by Claire Dunmore, Designated Safeguarding Lead. As the Designated Safeguarding Lead (or equivalent), they had the authority to view it.");
        text.ShouldContain("Sarah Patel, Deputy Headteacher, a member of the senior leadership team, was also present in the room.");
        text.ShouldContain("The viewing took place on 18 November 2026 at 10:40, in the following place on the premises of Hillside Academy: Headteacher's office.");
        text.ShouldContain("The member of staff who viewed the imagery is of the same sex as the child");
        text.ShouldContain("The decision was discussed with Helen Marsh, Headteacher, a member of the senior leadership team.");
        text.ShouldContain("It is not a reproduction of the imagery.");
    }

    [Fact]
    public void A_delegated_viewer_off_the_premises_of_the_other_sex_is_recorded_with_the_reasons_and_signs_too()
    {
        var delegated = Sample with
        {
            Viewing = Sample.Viewing! with
            {
                ViewedBy = new Viewer { Name = "Tom Reed", Role = "Head of Year 10", Sex = "male" },
                DelegatedBy = new StaffMember { Name = "Helen Marsh", Role = "Headteacher", SeniorLeader = true },
                OnPremises = false,
                OffPremisesReason = "The pupil was on a residential trip.",
                SameSexAsChild = false,
                SameSexReason = "No female member of the safeguarding team was on the trip.",
            },
        };
        ShouldBeGeneratable(delegated);
        var text = MarkupText.Of(Render(delegated));
        text.ShouldContain("The imagery was viewed by Tom Reed, Head of Year 10, a member of the safeguarding team acting with authority delegated by Helen Marsh, Headteacher of the senior leadership team.");
        text.ShouldContain("away from the premises of Hillside Academy");
        text.ShouldContain("The reason it was viewed elsewhere: The pupil was on a residential trip.");
        text.ShouldContain("The reason this was not possible: No female member of the safeguarding team was on the trip.");
        text.ShouldContain("> I viewed the imagery as recorded above.");
        text.ShouldContain("> Tom Reed / Head of Year 10");
    }

    [Fact]
    public void The_record_is_signed_by_the_dsl_and_everyone_present()
    {
        var text = MarkupText.Of(Render(Sample));
        text.ShouldContain("> Signed: ________\n> Claire Dunmore / Designated Safeguarding Lead / Date: 18 November 2026");
        text.ShouldContain("> I was present in the room when the imagery was viewed.\n> Signed: ________  Date: ____\n> Sarah Patel / Deputy Headteacher");
        text.ShouldNotContain("I viewed the imagery as recorded above.");
    }

    [Fact]
    public void The_record_is_marked_confidential_and_never_holds_the_imagery()
    {
        var text = MarkupText.Of(Render(Sample));
        text.ShouldStartWith("[letterhead] Hillside Academy\n[letterhead] 12 Station Road, Poole, BH15 1AA\n[Notice] *Confidential safeguarding record.*");
        text.ShouldContain("[Notice] This record never contains the imagery.");
    }

    [Fact]
    public void Special_characters_in_names_come_out_exactly()
    {
        const string name = "Siân Ó Súilleabháin <b>&amp; \"Jo\" 'Ali' 😀 مريم {{child.name}} @Case.Reference";
        var c = Sample with
        {
            Child = Sample.Child! with { Name = name },
            Viewing = Sample.Viewing! with { Location = "R&D <Lab> {{{raw}}}" },
        };
        var text = MarkupText.Of(Render(c));
        text.ShouldContain($"| Child | {name} |");
        text.ShouldContain("premises of Hillside Academy: R&D <Lab> {{{raw}}}.");
    }
}
