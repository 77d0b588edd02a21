using SafeguardDocs.Core.Cases.ViewingDecision;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;
using SafeguardDocs.Templating.Tests.Scriban;

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

    /// <summary>
    /// The record from the built-in Razor template, checked on every call to be the same markup, block for
    /// block, as the Scriban twin (templates/scriban/viewing-record.sbn) makes for the same case: so every
    /// variation below is also a comparison of the two engines.
    /// </summary>
    private static MarkupDocument Render(ViewingDecisionCase c)
    {
        var razor = RenderWith("viewing-record", c);
        var scriban = RenderWith("viewing-record.sbn", c);
        MarkupText.Of(scriban).ShouldBe(MarkupText.Of(razor));
        scriban.ShouldBe(razor);
        return razor;
    }

    private static MarkupDocument RenderWith(string template, ViewingDecisionCase c)
    {
        var found = ScribanSamples.Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", ScribanSamples.Catalog.Errors)}");
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    [Fact]
    public void The_scriban_twin_is_listed_for_viewing_decisions_and_makes_the_same_record_for_the_sample()
    {
        var template = ScribanSamples.Catalog.Find("viewing-record.sbn").ShouldNotBeNull(string.Join("; ", ScribanSamples.Catalog.Errors));
        template.Engine.ShouldBe(TemplateEngine.Scriban);
        template.Kind.ShouldBe(ViewingDecisionKind.Name);
        RenderWith("viewing-record.sbn", Sample).ShouldBe(RenderWith("viewing-record", Sample));
        RenderWith("viewing-record.sbn", NotViewed).ShouldBe(RenderWith("viewing-record", NotViewed));
    }

    /// <summary>Sections are numbered as they appear: with a same-day referral section every later number moves on one, in both engines.</summary>
    [Fact]
    public void Sections_are_numbered_in_order_with_and_without_the_referral_section()
    {
        var referred = Sample with { AdultInvolved = true, Coercion = true, Referral = new Referral { DateTime = new DateTime(2026, 11, 19, 9, 0, 0), MadeTo = "Police" } };
        var text = MarkupText.Of(Render(referred));
        text.ShouldContain("## 2. Same-day referral");
        text.ShouldContain("An immediate referral is required because an adult is involved and there is reason to believe the child was coerced, blackmailed or groomed.");
        text.ShouldContain("to Police. This was not on the day of the decision.");
        text.ShouldContain("## 10. Signatures");
        MarkupText.Of(Render(Sample)).ShouldContain("## 9. Signatures");
    }

    [Fact]
    public void When_every_kind_of_handling_happened_the_list_is_in_the_guidance_order_in_both_engines()
    {
        var all = Sample with { ImageryHandling = new ImageryHandling { Copied = true, Printed = true, Shared = true, Stored = true, Saved = true, PoliceAdvice = "Advice." } };
        MarkupText.Of(Render(all)).ShouldContain("staff copied, printed, shared, stored and saved the imagery.\n");
        var some = Sample with { ImageryHandling = new ImageryHandling { Copied = false, Printed = false, Shared = true, Stored = false, Saved = false, PoliceAdvice = "Advice." } };
        MarkupText.Of(Render(some)).ShouldContain("staff shared the imagery. They did not copy, print, store or save it.");
        var unrecorded = Sample with { ImageryHandling = null, Setting = Sample.Setting! with { Address = null }, IncidentReference = null, DiscussedWith = null };
        MarkupText.Of(Render(unrecorded)).ShouldContain("Whether it was copied, printed, shared or saved is not fully recorded");
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
        MarkupText.Of(Render(Sample)).ShouldContain("\nStaff of the setting did not copy, print, share or save the imagery.\n");

    [Fact]
    public void When_the_imagery_was_shared_the_record_says_exactly_what_happened_and_the_police_advice()
    {
        const string advice = "PC 1234 Jones advised deleting nothing and keeping the device switched off until collection.";
        var shared = Sample with { ImageryHandling = new ImageryHandling { Copied = false, Printed = false, Shared = true, Saved = true, PoliceAdvice = advice } };
        ShouldBeGeneratable(shared);
        var text = MarkupText.Of(Render(shared));
        text.ShouldContain("After it came to the setting's attention, staff shared and saved the imagery. They did not copy or print it.");
        text.ShouldContain("The police were contacted for advice");
        text.ShouldContain(advice);
        text.ShouldNotContain("did not copy, print, share or save the imagery");
    }

    [Fact]
    public void The_record_shows_who_viewed_who_was_present_where_and_on_what_device()
    {
        var text = MarkupText.Of(Render(Sample));
        text.ShouldContain("The imagery was viewed by Claire Dunmore, Designated Safeguarding Lead, who had the authority to view it in that role.");
        text.ShouldContain("| Date and time of the decision | 18 November 2026 at 10:15 |");
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
        text.ShouldContain("The imagery was viewed by Tom Reed, Head of Year 10, a member of the safeguarding team acting under authority to view delegated by Helen Marsh, Headteacher, a member of the senior leadership team.");
        text.ShouldContain("away from the premises of Hillside Academy");
        text.ShouldContain("The reason it was viewed elsewhere: The pupil was on a residential trip.");
        text.ShouldContain("The reason this was not possible: No female member of the safeguarding team was on the trip.");
        text.ShouldContain("> I viewed the imagery as recorded above.");
        text.ShouldContain("> Tom Reed / Head of Year 10");
    }

    /// <summary>Issue 11 item 1: a deputy acting under delegation is never called the DSL, and the delegating leader is named.</summary>
    [Fact]
    public void A_deputy_dsl_with_a_delegation_is_recorded_as_acting_under_it()
    {
        var deputy = Sample with
        {
            Viewing = Sample.Viewing! with
            {
                ViewedBy = new Viewer { Name = "Ravi Kumar", Role = "Deputy DSL", Sex = "female" },
                DelegatedBy = new StaffMember { Name = "Helen Marsh", Role = "Headteacher", SeniorLeader = true },
            },
        };
        ShouldBeGeneratable(deputy);
        var text = MarkupText.Of(Render(deputy));
        text.ShouldContain("The imagery was viewed by Ravi Kumar, Deputy DSL, a member of the safeguarding team acting under authority to view delegated by Helen Marsh, Headteacher, a member of the senior leadership team.");
        text.ShouldNotContain("As the Designated Safeguarding Lead");
    }

    [Fact]
    public void A_viewer_stated_to_be_the_dsl_is_called_the_dsl()
    {
        var lead = Sample with { Viewing = Sample.Viewing! with { ViewedBy = Sample.Viewing.ViewedBy! with { Role = "Assistant Head", SafeguardingLead = true } } };
        ShouldBeGeneratable(lead);
        MarkupText.Of(Render(lead)).ShouldContain("The imagery was viewed by Claire Dunmore, Assistant Head. As the Designated Safeguarding Lead (or equivalent), they had the authority to view it.");
    }

    /// <summary>Issue 12: a decision not to view about a young person the setting does not know, with no senior-leadership discussion.</summary>
    [Fact]
    public void A_decision_not_to_view_about_an_unknown_young_person_says_what_is_not_known()
    {
        var unknown = NotViewed with { Child = new ViewingChild(), DiscussedWith = null };
        ShouldBeGeneratable(unknown);
        var text = MarkupText.Of(Render(unknown));
        text.ShouldContain("| Child | Not known to the setting |");
        text.ShouldContain("| Date of birth | Not known |");
        text.ShouldContain("No discussion with the senior leadership team is recorded.");
    }

    /// <summary>Issue 12: the same-day referral, with its reasons and when it was made.</summary>
    [Fact]
    public void A_record_for_a_child_under_13_carries_the_same_day_referral()
    {
        var under13 = Sample with
        {
            Child = Sample.Child! with { DateOfBirth = new DateOnly(2014, 1, 5) },
            AdultInvolved = true,
            Referral = new Referral { DateTime = new DateTime(2026, 11, 18, 12, 5, 0), MadeTo = "Police and children's social care through the MASH" },
        };
        ShouldBeGeneratable(under13);
        var text = MarkupText.Of(Render(under13));
        text.ShouldContain("## 2. Same-day referral");
        text.ShouldContain("An immediate referral is required because an adult is involved and the child is under 13.");
        text.ShouldContain("A referral was made on 18 November 2026 at 12:05 to Police and children's social care through the MASH.");
        text.ShouldContain("## 3. Discussion with the senior leadership team");
        MarkupText.Of(Render(Sample)).ShouldNotContain("Same-day referral");
    }

    /// <summary>Issue 12: a device left on on police advice, with the reason printed.</summary>
    [Fact]
    public void A_device_left_on_says_so_and_why()
    {
        var leftOn = Sample with { DeviceAction = Sample.DeviceAction! with { SwitchedOff = false, NotSwitchedOffReason = "The police asked for it to be left on in flight mode." } };
        ShouldBeGeneratable(leftOn);
        var text = MarkupText.Of(Render(leftOn));
        text.ShouldContain("It was not switched off. It was disconnected from Wi-Fi and mobile data.");
        text.ShouldContain("The reason: The police asked for it to be left on in flight mode.");
    }

    /// <summary>Issue 12 review: the place and device are not asked for by the seed, so a record without them is written and says so.</summary>
    [Fact]
    public void A_viewing_without_place_or_device_says_they_are_not_recorded()
    {
        var bare = Sample with { Viewing = Sample.Viewing! with { Location = null, Device = " " } };
        ShouldBeGeneratable(bare);
        var text = MarkupText.Of(Render(bare));
        text.ShouldContain("on the premises of Hillside Academy: not recorded.");
        text.ShouldContain("The imagery was viewed on the following device: not recorded.");
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
