using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Markup;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests;

public sealed class LoanLetterTemplateTests
{
    private static readonly DeviceAllocationCase Sample = Samples.Load<DeviceAllocationCase>("device-allocation.json");

    private static MarkupDocument Render(string template, DeviceAllocationCase c)
    {
        var found = Samples.Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", Samples.Catalog.Errors)}");
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    [Fact]
    public void Both_engines_produce_the_same_letter() =>
        Render("loan-letter.sbn", Sample).ShouldBe(Render("loan-letter", Sample));

    [Fact]
    public void Both_engines_produce_the_same_letter_for_permanent_equipment_without_contact_details()
    {
        var permanent = Sample with
        {
            Ownership = DeviceAllocationKind.Permanent,
            Owner = null,
            Provider = Sample.Provider! with { Phone = null },
            Recipient = Sample.Recipient! with { Role = null, Address = null },
            OnIssue = null,
            OnlineSafetyProcedure = "Coastal Council Online Safety Procedure",
        };
        var razor = Render("loan-letter", permanent);
        Render("loan-letter.sbn", permanent).ShouldBe(razor);
        MarkupText.Of(razor).ShouldContain("now belongs to Jordan Ellis-Price");
        MarkupText.Of(razor).ShouldContain("Coastal Council Online Safety Procedure");
    }

    /// <summary>Issue 11 item 5: a gift has no return or attendance condition, but the §7 safety steps still apply.</summary>
    [Fact]
    public void A_permanent_allocation_reads_as_a_gift_with_the_safety_steps_that_still_apply()
    {
        var gift = Sample with { Ownership = DeviceAllocationKind.Permanent, Owner = null, OnIssue = Sample.OnIssue! with { AnnualCheckDue = null } };
        var text = MarkupText.Of(Render("loan-letter", gift));
        text.ShouldContain("The equipment is a gift: it now belongs to Jordan Ellis-Price to keep. It is not on loan, so there is nothing to return, and it remains theirs whether or not they continue to attend your organisation.");
        text.ShouldContain("please keep the filtering software in place, connect the equipment to the internet every week");
        text.ShouldNotContain("while they attend");
        text.ShouldNotContain("while attending");
        text.ShouldNotContain("returned");
        text.ShouldNotContain("annual check");
        text.ShouldNotContain("reviewed regularly");
        text.ShouldContain("contact the Safe Schools and Communities Team (telephone 01202 222844, email ssct@dorset.pnn.police.uk)");
        text.ShouldContain("[x] Approved filtering software installed");
        Render("loan-letter.sbn", gift).ShouldBe(Render("loan-letter", gift));
    }

    /// <summary>Issue 11 item 6: "Dear Mr Okafor", or the case's own salutation.</summary>
    [Theory]
    [InlineData("Mr Daniel Okafor", null, "Dear Mr Okafor,")]
    [InlineData("Dr. Ana María de la Cruz", null, "Dear Dr. Cruz,")]
    [InlineData("Mrs Grant", null, "Dear Mrs Grant,")]
    [InlineData("Ms Ana de la Cruz", "Ms de la Cruz", "Dear Ms de la Cruz,")]
    [InlineData("Daniel Okafor", null, "Dear Daniel Okafor,")]
    public void The_salutation_is_title_and_surname_or_the_one_the_case_gives(string name, string? salutation, string expected)
    {
        var c = Sample with { Recipient = Sample.Recipient! with { Name = name, Salutation = salutation } };
        foreach (var template in new[] { "loan-letter", "loan-letter.sbn" })
        {
            MarkupText.Of(Render(template, c)).ShouldContain($"\n{expected}\n");
        }
    }

    /// <summary>Issue 11 item 6: the team contact and websites from the case when it gives them.</summary>
    [Fact]
    public void The_team_contact_and_websites_come_from_the_case_when_it_gives_them()
    {
        var c = Sample with
        {
            SafeSchoolsTeam = new TeamContact { Email = "online.safety@coastal.example.org" },
            UsefulWebsites = [new Website { Name = "Coastal Council online safety pages", Address = "www.coastal.example.org/online-safety" }],
        };
        var text = MarkupText.Of(Render("loan-letter", c));
        text.ShouldContain("contact the Safe Schools and Communities Team (email online.safety@coastal.example.org).");
        text.ShouldContain("- Coastal Council online safety pages: www.coastal.example.org/online-safety");
        text.ShouldNotContain("01202 222844");
        text.ShouldNotContain("thinkuknow");
        Render("loan-letter.sbn", c).ShouldBe(Render("loan-letter", c));
    }

    [Fact]
    public void Another_procedure_without_a_team_contact_does_not_give_the_pan_dorset_one_and_no_websites_can_be_chosen()
    {
        var c = Sample with { OnlineSafetyProcedure = "Coastal Council Online Safety Procedure", UsefulWebsites = [] };
        var text = MarkupText.Of(Render("loan-letter", c));
        text.ShouldContain("contact the online-safety team named in the Coastal Council Online Safety Procedure.");
        text.ShouldNotContain("01202 222844");
        text.ShouldNotContain("These websites");
        Render("loan-letter.sbn", c).ShouldBe(Render("loan-letter", c));
    }

    /// <summary>Issue 12: a serial number not known before delivery is "To be confirmed" on the schedule.</summary>
    [Fact]
    public void An_unknown_serial_number_is_to_be_confirmed()
    {
        var c = Sample with { Equipment = [Sample.Equipment![0] with { SerialNumber = null }] };
        MarkupText.Of(Render("loan-letter", c)).ShouldContain("| 1 | Laptop, Dell Latitude 3440 | To be confirmed | WCS-00917 |");
        Render("loan-letter.sbn", c).ShouldBe(Render("loan-letter", c));
    }

    [Fact]
    public void The_letter_reads_as_appendix_d_requires()
    {
        Snapshot.Match(MarkupText.Of(Render("loan-letter", Sample)));
    }

    [Fact]
    public void The_chase_date_is_twenty_one_days_after_the_letter() =>
        MarkupText.Of(Render("loan-letter", Sample)).ShouldContain("*11 December 2026*");

    [Fact]
    public void A_loan_names_the_owner_and_the_annual_check()
    {
        var text = MarkupText.Of(Render("loan-letter", Sample));
        text.ShouldContain("remains the property of Westbrook Children's Services");
        text.ShouldContain("due by 19 November 2027");
    }

    [Fact]
    public void Checks_not_done_are_shown_unticked()
    {
        var c = Sample with { PreIssueChecks = Sample.PreIssueChecks! with { SafeSchoolsTeamInformed = false } };
        var text = MarkupText.Of(Render("loan-letter.sbn", c));
        text.ShouldContain("[ ] Safe Schools and Communities Team told");
        text.ShouldContain("[x] Cleaned, with nothing left on it");
    }

    [Fact]
    public void Special_characters_and_template_syntax_in_data_come_out_exactly()
    {
        const string name = "Siân Ó Súilleabháin <b>&amp; \"Jo\" 'Ali' 😀 مريم {{child.name}} @Case.Reference";
        var c = Sample with
        {
            Child = Sample.Child! with { Name = name },
            DeliveredTo = "R&D <Lab> {{{raw}}}",
            Equipment = [new EquipmentItem { Description = "Tablet \"Pro\" & case", SerialNumber = "@(1+1)", AssetTag = "{{#each x}}" }],
        };
        foreach (var template in new[] { "loan-letter", "loan-letter.sbn" })
        {
            var text = MarkupText.Of(Render(template, c));
            text.ShouldContain($"*Re: {name}, date of birth 14 March 2012*");
            text.ShouldContain("delivered directly to R&D <Lab> {{{raw}}}.");
            text.ShouldContain("| 1 | Tablet \"Pro\" & case | @(1+1) | {{#each x}} |");
        }

        Render("loan-letter.sbn", c).ShouldBe(Render("loan-letter", c));
    }
}
