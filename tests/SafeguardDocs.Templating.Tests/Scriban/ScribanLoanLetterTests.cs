using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Markup;

namespace SafeguardDocs.Templating.Tests.Scriban;

/// <summary>
/// The Scriban loan letter (<c>templates/scriban/loan-letter.sbn</c>) makes the same document as the
/// Razor one: the same markup, block for block, for the sample and its variations.
/// </summary>
public sealed class ScribanLoanLetterTests
{
    private static readonly DeviceAllocationCase Sample = Samples.Load<DeviceAllocationCase>("device-allocation.json");

    private static MarkupDocument Render(string template, DeviceAllocationCase c)
    {
        var found = ScribanSamples.Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", ScribanSamples.Catalog.Errors)}");
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static void SameAsRazor(DeviceAllocationCase c)
    {
        var razor = Render("loan-letter", c);
        var scriban = Render("loan-letter.sbn", c);
        MarkupText.Of(scriban).ShouldBe(MarkupText.Of(razor));
        scriban.ShouldBe(razor);
    }

    [Fact]
    public void The_shipped_template_is_listed_for_device_allocation_and_loads_without_errors()
    {
        ScribanSamples.Catalog.Errors.ShouldBeEmpty(string.Join("\n", ScribanSamples.Catalog.Errors));
        var template = ScribanSamples.Catalog.Find("loan-letter.sbn").ShouldNotBeNull();
        template.Engine.ShouldBe(TemplateEngine.Scriban);
        template.Kind.ShouldBe(DeviceAllocationKind.Name);
        template.Source.ShouldBe(Path.Combine("templates", "scriban", "loan-letter.sbn"));
        ScribanSamples.Catalog.DefaultFor(DeviceAllocationKind.Name)!.Engine.ShouldBe(TemplateEngine.Razor);
    }

    [Fact]
    public void The_sample_letter_is_the_same_as_the_razor_letter() => SameAsRazor(Sample);

    [Fact]
    public void The_letter_for_permanent_equipment_without_contact_details_is_the_same_as_the_razor_letter()
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
        SameAsRazor(permanent);
        MarkupText.Of(Render("loan-letter.sbn", permanent)).ShouldContain("now belongs to Jordan Ellis-Price");
    }

    [Fact]
    public void A_loan_without_an_annual_check_or_email_and_with_checks_not_done_is_the_same_as_the_razor_letter()
    {
        var c = Sample with
        {
            Provider = Sample.Provider! with { Email = null },
            OnIssue = Sample.OnIssue! with { AnnualCheckDue = null, WeeklyUpdateAdvised = false },
            PreIssueChecks = Sample.PreIssueChecks! with { SafeSchoolsTeamInformed = false, FilteringProduct = null },
        };
        SameAsRazor(c);
        var text = MarkupText.Of(Render("loan-letter.sbn", c));
        text.ShouldContain("[ ] Safe Schools and Communities Team told");
        text.ShouldContain("[ ] Annual check of use arranged");
    }

    [Fact]
    public void The_chase_date_comes_from_the_settings()
    {
        var context = Samples.Context with { Options = Samples.Context.Options with { DeliveryChaseDays = 10 } };
        var text = MarkupText.Of(ScribanSamples.Catalog.Find("loan-letter.sbn")!.Render(Sample, context).Document!);
        text.ShouldContain("*30 November 2026*, 10 days from the date of this letter");
    }

    [Fact]
    public void The_team_contact_and_websites_come_from_the_settings_in_both_engines_when_the_case_gives_none()
    {
        var context = Samples.Context with
        {
            Options = Samples.Context.Options with
            {
                SafeSchoolsTeam = new Core.Settings.OrganisationContact("Schools Liaison Team", "01000 000000"),
                UsefulWebsites = [new Core.Settings.UsefulWebsite("Childnet", "www.childnet.com")],
            },
        };
        var razor = ScribanSamples.Catalog.Find("loan-letter")!.Render(Sample, context).Document!;
        var scriban = ScribanSamples.Catalog.Find("loan-letter.sbn")!.Render(Sample, context).Document!;
        MarkupText.Of(scriban).ShouldBe(MarkupText.Of(razor));
        var text = MarkupText.Of(scriban);
        text.ShouldContain("(telephone 01000 000000)");
        text.ShouldContain("Childnet: www.childnet.com");
        text.ShouldNotContain("ThinkUknow");
        text.ShouldNotContain("01202 222844");
    }

    [Fact]
    public void Special_characters_and_template_syntax_in_data_come_out_exactly()
    {
        const string name = "Siân Ó Súilleabháin <b>&amp; \"Jo\" 'Ali' 😀 مريم {{ child.name }} {% raw %} @Case.Reference";
        var c = Sample with
        {
            Child = Sample.Child! with { Name = name },
            DeliveredTo = "R&D <Lab> {{ include '../x' }}",
            Equipment = [new EquipmentItem { Description = "Tablet \"Pro\" & case", SerialNumber = "@(1+1)", AssetTag = "{{ for x in 1..9 }}" }],
        };
        var text = MarkupText.Of(Render("loan-letter.sbn", c));
        text.ShouldContain($"*Re: {name}, date of birth 14 March 2012*");
        text.ShouldContain("delivered directly to R&D <Lab> {{ include '../x' }}.");
        text.ShouldContain("| 1 | Tablet \"Pro\" & case | @(1+1) | {{ for x in 1..9 }} |");
        SameAsRazor(c);
    }
}
