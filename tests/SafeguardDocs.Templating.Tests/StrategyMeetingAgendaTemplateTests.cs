using SafeguardDocs.Core.Cases.StrategyMeeting;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;
using SafeguardDocs.Templating.Tests.Scriban;

namespace SafeguardDocs.Templating.Tests;

/// <summary>
/// The strategy-meeting agenda (seed 001 "Referral and Strategy Discussion", "Responses to Adults Involved in
/// Online Sexual Abuse of Children"; seed 002 ¶17–19, 31) as a chair reads it, from both engines.
/// </summary>
public sealed class StrategyMeetingAgendaTemplateTests
{
    private static readonly StrategyMeetingCase Sample = Samples.Load<StrategyMeetingCase>("strategy-meeting.json");

    /// <summary>Not in a position of trust, no risk factor, images of children known to the adult: a same-day discussion.</summary>
    private static readonly StrategyMeetingCase KnownChildren = Sample with
    {
        Subject = Sample.Subject! with { PositionOfTrust = false, Occupation = null },
        Concerns = Sample.Concerns! with { ImagesOfKnownChildren = true },
        RiskFactors = new RiskFactors
        {
            PreviousHistory = false, PreviousContactAbuse = false, PartnerCapacityToProtectConcern = false,
            AbsenceOfCooperation = false, RiskUnderstandingConcern = false, KnownCriminalLifestyle = false,
        },
        Invitees = [.. Sample.Invitees!.Where(i => i.Agency != "LADO")],
    };

    /// <summary>A virtual discussion about own children, an independent chair, the LADO meeting already arranged, every risk factor.</summary>
    private static readonly StrategyMeetingCase Everything = Sample with
    {
        Format = StrategyMeetingKind.Discussion,
        Meeting = new MeetingDetails { DateTime = new DateTime(2026, 11, 16, 11, 15, 0), Virtual = true },
        Chair = new MeetingPerson { Name = "Priya Shah", Agency = "Safeguarding Partnership" },
        Subject = Sample.Subject! with { Arrested = false, DateOfBirth = null },
        Concerns = Sample.Concerns! with { ImagesOfKnownChildren = true, ImagesOfOwnChildren = true },
        RiskFactors = new RiskFactors
        {
            PreviousHistory = true, PreviousContactAbuse = true, PartnerCapacityToProtectConcern = true,
            AbsenceOfCooperation = true, RiskUnderstandingConcern = true, KnownCriminalLifestyle = true,
        },
        Invitees = [.. Sample.Invitees!, new MeetingPerson { Agency = "School Nurse", Role = "Named nurse" }],
        LadoMeetingDate = new DateOnly(2026, 11, 20),
    };

    private static MarkupDocument Render(string template, StrategyMeetingCase c)
    {
        var found = ScribanSamples.Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", ScribanSamples.Catalog.Errors)}");
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static string Agenda(StrategyMeetingCase c) => MarkupText.Of(Render("strategy-meeting-agenda", c));

    private static void ShouldBeGeneratable(StrategyMeetingCase c) =>
        StrategyMeetingKind.Kind.Rules.Check(c, ValidationContext.From(FixedClock.Default)).Where(f => f.IsError).ShouldBeEmpty();

    [Fact]
    public void The_agenda_is_the_default_for_its_kind() =>
        ScribanSamples.Catalog.DefaultFor(StrategyMeetingKind.Name).ShouldNotBeNull().Name.ShouldBe("strategy-meeting-agenda");

    [Fact]
    public void The_variants_are_cases_the_rules_allow()
    {
        ShouldBeGeneratable(KnownChildren);
        ShouldBeGeneratable(Everything);
    }

    [Fact]
    public void Both_engines_produce_the_same_agenda() =>
        Render("strategy-meeting-agenda.sbn", Sample).ShouldBe(Render("strategy-meeting-agenda", Sample));

    [Fact]
    public void Both_engines_produce_the_same_agenda_without_position_of_trust_or_risk_factors() =>
        Render("strategy-meeting-agenda.sbn", KnownChildren).ShouldBe(Render("strategy-meeting-agenda", KnownChildren));

    [Fact]
    public void Both_engines_produce_the_same_agenda_for_a_virtual_discussion_with_every_risk_factor() =>
        Render("strategy-meeting-agenda.sbn", Everything).ShouldBe(Render("strategy-meeting-agenda", Everything));

    [Fact]
    public void The_agenda_reads_as_the_guidance_requires() =>
        Snapshot.Match(Agenda(Sample));

    [Fact]
    public void The_agenda_for_a_same_day_discussion_reads_as_the_guidance_requires() =>
        Snapshot.Match(Agenda(KnownChildren));

    [Fact]
    public void The_lado_meeting_is_due_five_working_days_after_the_strategy_meeting()
    {
        var text = Agenda(Sample);
        text.ShouldContain("| LADO-chaired meeting | To be convened by 23 November 2026 (5 working days after this meeting on 16 November 2026) |");
        text.ShouldContain("A separate strategy meeting chaired by the LADO must be convened by *23 November 2026*, 5 working days after this meeting on 16 November 2026. Agree who will arrange it.");
        MarkupText.Of(Render("strategy-meeting-agenda.sbn", Sample)).ShouldContain("convened by *23 November 2026*");
    }

    /// <summary>Issue 12: SM029 counts from the strategy discussion or meeting, not the referral, and the agenda says which.</summary>
    [Fact]
    public void The_lado_meeting_counts_from_the_earlier_same_day_discussion_when_there_was_one()
    {
        var later = Sample with
        {
            ReferralReceived = new DateTime(2026, 11, 13, 16, 0, 0),
            SameDayDiscussion = new DateTime(2026, 11, 13, 17, 30, 0),
            Meeting = Sample.Meeting! with { DateTime = new DateTime(2026, 11, 18, 10, 0, 0) },
            Concerns = Sample.Concerns! with { ImagesOfOwnChildren = true },
        };
        ShouldBeGeneratable(later);
        var text = Agenda(later);
        text.ShouldContain("| Urgent strategy discussion | 13 November 2026 at 17:30 |");
        text.ShouldContain("convened by *20 November 2026*, 5 working days after the strategy discussion on 13 November 2026.");
        text.ShouldContain("The referral was received on 13 November 2026 at 16:00. An urgent strategy discussion was held on 13 November 2026 at 17:30, and this meeting follows it.");
        Render("strategy-meeting-agenda.sbn", later).ShouldBe(Render("strategy-meeting-agenda", later));

        var fromMeeting = Sample with { ReferralReceived = new DateTime(2026, 11, 13, 16, 0, 0), Meeting = later.Meeting };
        Agenda(fromMeeting).ShouldContain("convened by *25 November 2026*, 5 working days after this meeting on 18 November 2026.");
    }

    /// <summary>Issue 12: no identifiable child yet (seed 002 ¶15), images not yet analysed, a foster carer, arrested on a known date.</summary>
    [Fact]
    public void An_agenda_with_no_identified_child_and_images_not_yet_known_says_so_and_carries_the_review()
    {
        var early = Sample with
        {
            Children = [],
            Subject = Sample.Subject! with { PositionOfTrust = false, FosterCarer = true, Occupation = "Foster carer", LivesWithChildren = false, ArrestDate = new DateOnly(2026, 11, 16) },
            Concerns = Sample.Concerns! with { ImagesOfKnownChildren = null, ImagesOfOwnChildren = null },
            Invitees = [.. Sample.Invitees!.Where(i => i.Agency != "Education")],
        };
        StrategyMeetingKind.Kind.Rules.Check(early, ValidationContext.From(FixedClock.Default)).Where(f => f.IsError).ShouldBeEmpty();
        var text = Agenda(early);
        text.ShouldContain("No child has yet been identified.");
        text.ShouldNotContain("(the children listed above)");
        text.ShouldContain("It is not yet known whether the images include children known to the adult or the adult's own children");
        text.ShouldContain("Review when the analysis of the seized equipment is known");
        text.ShouldContain("The adult is a foster carer, which is a position of trust.");
        text.ShouldContain("### Position of trust: matters for the Local Authority Designated Officer (LADO)");
        text.ShouldContain("The adult has been arrested (16 November 2026). A strategy discussion or meeting is held on arrest");
        Render("strategy-meeting-agenda.sbn", early).ShouldBe(Render("strategy-meeting-agenda", early));
    }

    /// <summary>Issue 11 item 8: agenda items are headings (kept with what follows), and the confidentiality box closes the actions page.</summary>
    [Fact]
    public void Agenda_items_are_headings_and_the_confidentiality_box_is_never_alone_on_a_page()
    {
        var document = Render("strategy-meeting-agenda", Sample);
        var text = MarkupText.Of(document);
        text.ShouldContain("### Position of trust: matters for the Local Authority Designated Officer (LADO)\n1. ");
        text.ShouldContain("### Section 47 threshold\nWhether the threshold");
        var pageBreak = document.Blocks.ToList().FindLastIndex(b => b is PageBreak);
        document.Blocks.Skip(pageBreak).OfType<Table>().ShouldHaveSingleItem();
        MarkupText.Of(document).TrimEnd().ShouldEndWith("evidence could be destroyed.");
    }

    [Fact]
    public void The_lado_date_follows_the_local_setting_in_both_engines()
    {
        var context = Samples.Context with { Options = OrganisationSettings.Default with { LadoMeetingWorkingDays = 3 } };
        var razor = ScribanSamples.Catalog.Find("strategy-meeting-agenda")!.Render(Sample, context).Document!;
        var scriban = ScribanSamples.Catalog.Find("strategy-meeting-agenda.sbn")!.Render(Sample, context).Document!;
        scriban.ShouldBe(razor);
        MarkupText.Of(razor).ShouldContain("convened by *19 November 2026*, 3 working days after");
    }

    [Fact]
    public void A_lado_date_that_cannot_be_worked_out_is_said_not_left_blank()
    {
        var mistyped = Sample with { ReferralReceived = new DateTime(1926, 11, 16, 9, 30, 0) };
        var c = mistyped with { Meeting = mistyped.Meeting! with { DateTime = new DateTime(1926, 11, 16, 15, 0, 0) } };
        Agenda(c).ShouldContain("convened by *a date that cannot be worked out from the date of the discussion (check it)*");
        Render("strategy-meeting-agenda.sbn", c).ShouldBe(Render("strategy-meeting-agenda", c));
    }

    [Fact]
    public void Without_a_position_of_trust_there_are_no_lado_items() =>
        Agenda(KnownChildren).ShouldNotContain("LADO");

    [Fact]
    public void The_leave_home_item_names_the_risk_factors_present_and_the_four_matters_to_manage()
    {
        var text = Agenda(Sample);
        text.ShouldContain("Whether the adult should leave the home during the assessment");
        text.ShouldContain("Risk factor present: the assessment of the partner's capacity to protect suggests the children's safety is likely to be compromised.");
        text.ShouldNotContain("Risk factor present: known criminal lifestyle.");
        text.ShouldContain("  - supervision of contact with children;\n  - intimate care of children;\n  - entry to children's rooms;\n  - sleepovers.");
    }

    [Fact]
    public void Without_risk_factors_there_is_no_leave_home_item()
    {
        var text = Agenda(KnownChildren);
        text.ShouldNotContain("leave the home");
        text.ShouldNotContain("written or working agreement");
        text.ShouldContain("None of the key factors for the likelihood of significant harm is recorded as present.");
    }

    [Fact]
    public void Every_risk_factor_present_is_named_in_the_guidance_order()
    {
        var text = Agenda(Everything);
        var factors = text.Split('\n').Where(l => l.Contains("Risk factor present:", StringComparison.Ordinal)).ToList();
        factors.Count.ShouldBe(7);
        factors[2].ShouldContain("the images include the adult's own children");
        factors[6].ShouldContain("known criminal lifestyle");
    }

    [Fact]
    public void Images_of_known_children_call_for_a_same_day_discussion_held_on_the_referral_day() =>
        Agenda(KnownChildren).ShouldContain("*Same-day discussion required.* The images include children known to the adult. The guidance requires an urgent strategy discussion on the same day as the referral, with a view to starting a Section 47 enquiry. This meeting is held on 16 November 2026, the day the referral was received.");

    [Fact]
    public void The_standing_items_are_on_every_agenda()
    {
        foreach (var text in new[] { Agenda(Sample), Agenda(KnownChildren), Agenda(Everything) })
        {
            text.ShouldContain("The safety of every child in the adult's household, and of children in the extended family and social networks");
            text.ShouldContain("The safety of the children shown in the images");
            text.ShouldContain("allowing the police time to obtain and execute a warrant");
            text.ShouldContain("Whether the police will carry out a criminal investigation, and how and when it will be conducted.");
            text.ShouldContain("### Section 47 threshold");
            text.ShouldContain("### Initial child protection conference");
            text.ShouldContain("### Agencies in other areas");
            text.ShouldContain("[Notice] *Confidentiality.*");
            text.ShouldContain("could be destroyed");
        }
    }

    [Fact]
    public void Attendees_are_listed_by_agency_with_the_chair_first()
    {
        var text = Agenda(Sample);
        text.ShouldContain("|# Agency | Name | Role |\n| Children's Social Care | Marcus Webb | Chair, Team Manager |\n| Police | DS Karen Holt |  |\n| Health | Dr Imran Qureshi |  |\n| Education | Joanne Fry |  |\n| LADO | Peter Adeyemi |  |\n");
        Agenda(Everything).ShouldContain("| School Nurse | Not yet confirmed | Named nurse |");
    }

    [Fact]
    public void A_required_agency_not_invited_is_shown_as_not_yet_confirmed_by_both_engines()
    {
        var noHealth = Sample with { Invitees = [.. Sample.Invitees!.Where(i => i.Agency != "Health")] };
        Agenda(noHealth).ShouldContain("| Health | Not yet confirmed |  |");
        var noPoliceOrSocialCare = Sample with
        {
            Chair = Sample.Chair! with { Agency = "Safeguarding Partnership" },
            Invitees = [.. Sample.Invitees!.Where(i => i.Agency is not ("Police" or "Children's Social Care"))],
        };
        var text = MarkupText.Of(Render("strategy-meeting-agenda.sbn", noPoliceOrSocialCare));
        text.ShouldContain("| Police | Not yet confirmed |  |\n| Children's social care | Not yet confirmed |  |");
        Render("strategy-meeting-agenda.sbn", noHealth).ShouldBe(Render("strategy-meeting-agenda", noHealth));
        Render("strategy-meeting-agenda.sbn", noPoliceOrSocialCare).ShouldBe(Render("strategy-meeting-agenda", noPoliceOrSocialCare));
    }

    /// <summary>A meeting held days after the referral, not on the same day, with the images of known children: the agenda asks why.</summary>
    [Fact]
    public void A_same_day_meeting_held_later_says_so_in_both_engines()
    {
        var late = KnownChildren with { Meeting = KnownChildren.Meeting! with { DateTime = new DateTime(2026, 11, 18, 10, 0, 0), Location = null, Virtual = null } };
        var text = MarkupText.Of(Render("strategy-meeting-agenda.sbn", late));
        text.ShouldContain("not on the same day: record in the minutes why it could not be held sooner.");
        text.ShouldContain("| Place | To be confirmed |");
        Render("strategy-meeting-agenda.sbn", late).ShouldBe(Render("strategy-meeting-agenda", late));
    }

    [Fact]
    public void The_children_are_listed_with_age_relationship_and_household()
    {
        var text = Agenda(Sample);
        text.ShouldContain("| Tyler Lowe | 30 January 2015 | Son | Yes |");
        text.ShouldContain("| Ellie Lowe | 11 July 2018 | Daughter | Yes |");
    }

    [Fact]
    public void The_agenda_ends_with_an_empty_actions_table_for_the_minutes()
    {
        var document = Render("strategy-meeting-agenda", Sample);
        var actions = document.Blocks[^2].ShouldBeOfType<Table>();
        actions.Rows.Count.ShouldBe(7);
        document.Blocks[^5].ShouldBeOfType<PageBreak>();
        MarkupText.Of(document).ShouldContain("|# Action | Owner | By when |");
    }

    [Fact]
    public void Special_characters_and_template_syntax_in_data_come_out_exactly_from_both_engines()
    {
        const string name = "Siân Ó Súilleabháin <b>&amp; \"Jo\" 'Ali' 😀 مريم {{subject.name}} @Case.Reference";
        var c = Sample with
        {
            Subject = Sample.Subject! with { Name = name },
            Concerns = Sample.Concerns! with { Summary = "R&D <Lab> {{{raw}}} @x" },
        };
        foreach (var template in new[] { "strategy-meeting-agenda", "strategy-meeting-agenda.sbn" })
        {
            var text = MarkupText.Of(Render(template, c));
            text.ShouldContain($"| Adult the concerns are about | {name}, date of birth 22 September 1984 |");
            text.ShouldContain("Summary of the referral: R&D <Lab> {{{raw}}} @x");
        }

        Render("strategy-meeting-agenda.sbn", c).ShouldBe(Render("strategy-meeting-agenda", c));
    }
}
