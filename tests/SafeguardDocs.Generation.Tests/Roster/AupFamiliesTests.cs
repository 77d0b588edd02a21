using System.Text.RegularExpressions;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.AupPack;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Generation.Packs.Roster;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Generation.Tests.Roster;

public sealed class AupFamiliesTests
{
    private static readonly Lazy<IReadOnlyList<RosterPupil>> SamplePupils = new(() => RosterReader.ReadFile(Repo.Sample("aup-roster.csv")).Pupils);

    private static RosterPupil Pupil(int line, string? email, string contactForename = "Ada", string contactSurname = "Okafor", string? postcode = "BH11 6ZU", int year = 4, string upn = "") => new(
        line,
        upn.Length > 0 ? upn : $"U{line:D12}",
        "Okafor",
        "Tobi",
        year,
        null,
        null,
        new RosterContact { Forename = contactForename, Surname = contactSurname, Email = email, Postcode = postcode, Address = postcode is null ? [] : [postcode] });

    [Fact]
    public void The_sample_school_is_175_families_of_240_pupils()
    {
        var families = AupFamilies.Group(SamplePupils.Value);
        families.Count.ShouldBe(175);
        families.Sum(f => f.Pupils.Count).ShouldBe(240);
        families.Count(f => f.Pupils.Count == 2).ShouldBe(51);
        families.Count(f => f.Pupils.Count == 3).ShouldBe(7);
        families.Select(f => f.Number).ShouldBe(Enumerable.Range(1, 175));
    }

    [Fact]
    public void Brothers_and_sisters_share_one_pack_eldest_first()
    {
        // Lines 2-4 of the sample roster: three children of one contact.
        var family = AupFamilies.Group(SamplePupils.Value).Single(f => f.Pupils.Any(p => p.Line == 2));
        family.Pupils.Select(p => p.Line).ShouldBe([4, 2, 3]);
        family.Pupils.Select(p => p.YearGroup).ShouldBe([13, 1, 0]);
    }

    [Fact]
    public void The_same_email_in_another_case_is_the_same_family()
    {
        AupFamilies.Group([Pupil(2, "Ada@Example.net"), Pupil(3, "ada@example.NET", contactSurname: "Okafor-Smith")]).ShouldHaveSingleItem().Pupils.Count.ShouldBe(2);
    }

    [Fact]
    public void Without_email_the_contact_name_and_postcode_make_the_family()
    {
        var families = AupFamilies.Group([Pupil(2, null), Pupil(3, ""), Pupil(4, null, postcode: "BH1 1AA"), Pupil(5, null, contactForename: "Bola")]);
        families.Count.ShouldBe(3);
        families.Single(f => f.Pupils.Count == 2).Pupils.Select(p => p.Line).Order().ShouldBe([2, 3]);
    }

    [Fact]
    public void Contacts_with_nothing_to_tell_them_apart_are_never_put_in_one_pack()
    {
        AupFamilies.Group([Pupil(2, null, postcode: null), Pupil(3, null, postcode: null)]).Count.ShouldBe(2);
    }

    [Fact]
    public void The_same_roster_in_another_order_gives_the_same_families()
    {
        var forward = AupFamilies.Group(SamplePupils.Value);
        var backward = AupFamilies.Group(SamplePupils.Value.Reverse());
        backward.Select(f => (f.Number, string.Join(",", f.Pupils.Select(p => p.Upn)))).ShouldBe(forward.Select(f => (f.Number, string.Join(",", f.Pupils.Select(p => p.Upn)))));
    }

    [Theory]
    [InlineData(0, AupAudiences.PupilEarlyYears)]
    [InlineData(1, AupAudiences.PupilEarlyYears)]
    [InlineData(2, AupAudiences.PupilEarlyYears)]
    [InlineData(3, AupAudiences.PupilKs2)]
    [InlineData(6, AupAudiences.PupilKs2)]
    [InlineData(7, AupAudiences.PupilSecondary)]
    [InlineData(13, AupAudiences.PupilSecondary)]
    public void Each_child_gets_the_agreement_for_their_key_stage(int year, string audience) =>
        AupFamilies.AudienceFor(year).Value.ShouldBe(audience);

    [Fact]
    public void Pack_file_names_hold_the_reference_a_number_and_initials_never_a_name()
    {
        foreach (var family in AupFamilies.Group(SamplePupils.Value))
        {
            var name = AupFamilies.PackFileStem("AUP-2026-HILLSIDE", family);
            name.ShouldMatch(@"^AUP-2026-HILLSIDE_F[0-9]{4}_[A-Z]{1,4}$");
            name.ShouldNotContain(family.Contact.Surname.Replace(" ", string.Empty, StringComparison.Ordinal), Case.Insensitive);
            foreach (var pupil in family.Pupils)
            {
                Regex.IsMatch(name, $"_{Regex.Escape(pupil.Forename)}", RegexOptions.IgnoreCase).ShouldBeFalse();
            }
        }
    }

    [Fact]
    public void Every_agreement_built_for_the_sample_passes_the_agreement_rules()
    {
        var pack = Core.Loading.CaseLoader.LoadFile(Repo.Sample("aup-pack.json")).Case.ShouldBeOfType<AupPackCase>();
        var rules = new AupAgreementRules();
        var context = ValidationContext.From(FixedClock.Default);
        foreach (var family in AupFamilies.Group(SamplePupils.Value))
        {
            var agreements = AupPackAgreements.For(pack, family).ToList();
            agreements.Count.ShouldBe(1 + family.Pupils.Count);
            agreements[0].Audience.ShouldBe(AupAudiences.Parent);
            agreements[0].Signatory!.Name.ShouldBe(family.Contact.FullName);
            for (var i = 0; i < family.Pupils.Count; i++)
            {
                var pupil = agreements[i + 1];
                pupil.Signatory!.YearGroup.ShouldBe(family.Pupils[i].YearGroup);
                pupil.Parent!.Name.ShouldBe(family.Contact.FullName);
                pupil.Reference.ShouldBe($"AUP-2026-HILLSIDE-{family.Code}-{i + 1}");
            }

            foreach (var agreement in agreements)
            {
                rules.Check(agreement, context).ShouldBeEmpty();
            }
        }
    }
}
