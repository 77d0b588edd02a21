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
        Render("loan-letter.hbs", Sample).ShouldBe(Render("loan-letter", Sample));

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
        Render("loan-letter.hbs", permanent).ShouldBe(razor);
        MarkupText.Of(razor).ShouldContain("now belongs to Jordan Ellis-Price");
        MarkupText.Of(razor).ShouldContain("Coastal Council Online Safety Procedure");
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
        var text = MarkupText.Of(Render("loan-letter.hbs", c));
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
        foreach (var template in new[] { "loan-letter", "loan-letter.hbs" })
        {
            var text = MarkupText.Of(Render(template, c));
            text.ShouldContain($"*Re: {name}, date of birth 14 March 2012*");
            text.ShouldContain("delivered directly to R&D <Lab> {{{raw}}}.");
            text.ShouldContain("| 1 | Tablet \"Pro\" & case | @(1+1) | {{#each x}} |");
        }

        Render("loan-letter.hbs", c).ShouldBe(Render("loan-letter", c));
    }
}
