using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating.Tests.Scriban;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests;

public sealed class AupAgreementTemplateTests
{
    private static readonly AupAgreementCase Sample = Samples.Load<AupAgreementCase>("aup-agreement.json");

    /// <summary>The sample (staff) turned into each of the six versions, as the school office would issue them.</summary>
    private static AupAgreementCase For(string audience) => audience switch
    {
        AupAudiences.PupilEarlyYears => Sample with
        {
            Reference = "AUP-2026-EY-0001",
            Audience = audience,
            Signatory = new AupSignatory { Name = "Mia Ansah", YearGroup = 1 },
            Parent = new AupParent { Name = "Grace Ansah" },
        },
        AupAudiences.PupilKs2 => Sample with
        {
            Reference = "AUP-2026-KS2-0002",
            Audience = audience,
            Signatory = new AupSignatory { Name = "Leo Baptiste", YearGroup = 4 },
        },
        AupAudiences.PupilSecondary => Sample with
        {
            Reference = "AUP-2026-SEC-0003",
            Audience = audience,
            Signatory = new AupSignatory { Name = "Hana Kowalski", YearGroup = 9 },
            Parent = new AupParent { Name = "Piotr Kowalski" },
        },
        AupAudiences.Parent => Sample with
        {
            Reference = "AUP-2026-PAR-0005",
            Audience = audience,
            Signatory = new AupSignatory { Name = "Grace Ansah" },
        },
        AupAudiences.Visitor => Sample with
        {
            Reference = "AUP-2026-VIS-0006",
            Audience = audience,
            Signatory = new AupSignatory { Name = "Tom Hale", Role = "Visiting music tutor, Harbour Music Service" },
        },
        _ => Sample,
    };

    public static TheoryData<string> Audiences() => new(AupAudiences.All.Select(a => a.Value));

    private static MarkupDocument Render(string template, AupAgreementCase c)
    {
        var found = ScribanSamples.Catalog.Find(template).ShouldNotBeNull($"template {template}; catalogue errors: {string.Join("; ", ScribanSamples.Catalog.Errors)}");
        var result = found.Render(c, Samples.Context);
        result.Error.ShouldBeNull();
        return result.Document!;
    }

    private static string Text(AupAgreementCase c) => MarkupText.Of(Render("aup-agreement", c));

    [Fact]
    public void The_razor_template_is_the_default_for_the_kind() =>
        ScribanSamples.Catalog.DefaultFor(AupAgreementKind.Name).ShouldNotBeNull().Name.ShouldBe("aup-agreement");

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Razor_and_scriban_produce_the_same_agreement(string audience) =>
        Render("aup-agreement.sbn", For(audience)).ShouldBe(Render("aup-agreement", For(audience)));

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Razor_and_scriban_agree_without_the_optional_details(string audience)
    {
        var c = For(audience) with
        {
            School = Sample.School! with { Trust = null, DslName = null },
            Signatory = For(audience).Signatory! with { YearGroup = null },
            Parent = null,
        };
        Render("aup-agreement.sbn", c).ShouldBe(Render("aup-agreement", c));
    }

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Razor_and_scriban_agree_when_the_trust_dsl_and_device_are_blank(string audience)
    {
        var c = For(audience) with
        {
            School = Sample.School! with { Trust = "  ", DslName = " " },
            DeviceTakenHome = new AupDeviceTakenHome { Device = " ", PersonalUse = " " },
        };
        var razor = Render("aup-agreement", c);
        Render("aup-agreement.sbn", c).ShouldBe(razor);
        MarkupText.Of(razor).ShouldNotContain("Part of");
    }

    [Fact]
    public void The_scriban_agreement_is_listed_for_aup_agreement_from_the_templates_folder()
    {
        var template = ScribanSamples.Catalog.Find("aup-agreement.sbn").ShouldNotBeNull();
        template.Engine.ShouldBe(TemplateEngine.Scriban);
        template.Kind.ShouldBe(AupAgreementKind.Name);
        template.Source.ShouldBe(Path.Combine("templates", "scriban", "aup-agreement.sbn"));
    }

    [Fact]
    public void Razor_and_scriban_agree_on_a_reception_pupil()
    {
        var c = For(AupAudiences.PupilEarlyYears) with { Signatory = new AupSignatory { Name = "Mia Ansah", YearGroup = 0 } };
        var razor = Render("aup-agreement", c);
        Render("aup-agreement.sbn", c).ShouldBe(razor);
        MarkupText.Of(razor).ShouldContain("> Mia Ansah, Reception");
    }

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Every_version_names_the_school_year_dsl_and_return_date(string audience)
    {
        var text = Text(For(audience));
        text.ShouldContain("[letterhead] Hillside Academy");
        text.ShouldContain("[letterhead] Part of Timberline Academy Trust");
        text.ShouldContain("# Acceptable use agreement 2026/27 — ");
        text.ShouldContain("Claire Dunmore, our Designated Safeguarding Lead");
        if (audience == AupAudiences.Visitor)
        {
            text.ShouldContain("sign below when you arrive at Hillside Academy, and hand this agreement to reception.");
            text.ShouldNotContain("18 September 2026");
        }
        else
        {
            text.ShouldContain("return this agreement to Hillside Academy by *18 September 2026*.");
        }
    }

    [Theory]
    [InlineData(AupAudiences.PupilEarlyYears, "Early Years and Key Stage 1")]
    [InlineData(AupAudiences.PupilKs2, "Key Stage 2")]
    [InlineData(AupAudiences.PupilSecondary, "Secondary")]
    [InlineData(AupAudiences.Parent, "Parents and carers")]
    [InlineData(AupAudiences.Staff, "Staff")]
    [InlineData(AupAudiences.Visitor, "Visitors")]
    public void The_title_names_the_year_and_the_reader(string audience, string reader)
    {
        var document = Render("aup-agreement", For(audience));
        document.Title.ShouldBe($"Acceptable use agreement 2026/27 — {reader}");
        MarkupText.Of(document).ShouldContain($"# Acceptable use agreement 2026/27 — {reader}\n");
    }

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Each_version_reads_as_written_for_its_reader(string audience) =>
        Snapshot.Match(Text(For(audience)), $"{nameof(Each_version_reads_as_written_for_its_reader)}.{audience}");

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Everyone_who_signs_has_a_line_with_the_date_and_their_name_under_it(string audience)
    {
        var c = For(audience);
        var document = Render("aup-agreement", c);
        // One block holds every line, so no one's line is left alone on a page.
        var block = document.Blocks.OfType<SignatureBlock>().ShouldHaveSingleItem();
        var signed = block.Content.OfType<SignHere>().Where(s => s.WithDate).ToList();
        var lines = AupAgreementFacts.SignatureLines(c);
        signed.Select(s => s.Label).ShouldBe(lines.Select(l => l.Label));
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Name is { } name)
            {
                MarkupText.Of(document).ShouldContain($"> {name}");
            }
            else
            {
                var place = block.Content.ToList().IndexOf(signed[i]);
                block.Content[place + 1].ShouldBe(new SignHere("Name in capitals", false));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Audiences))]
    public void The_return_by_date_opens_the_first_signature_block_so_it_stays_with_it(string audience)
    {
        var first = Render("aup-agreement", For(audience)).Blocks.OfType<SignatureBlock>().First();
        var notice = first.Content[0].ShouldBeOfType<Paragraph>();
        notice.Kind.ShouldBe(ParagraphKind.Notice);
        string.Concat(notice.Content.OfType<TextRun>().Select(r => r.Text)).ShouldBe(audience == AupAudiences.Visitor
            ? "Please sign below when you arrive at Hillside Academy, and hand this agreement to reception."
            : "Please sign below and return this agreement to Hillside Academy by 18 September 2026.");
    }

    [Fact]
    public void A_pupil_version_has_a_line_for_the_parent_to_print_their_name_when_the_case_has_none()
    {
        var text = Text(For(AupAudiences.PupilKs2));
        text.ShouldContain("> Pupil: ________  Date: ____\n> Leo Baptiste, Year 4\n");
        text.ShouldContain("> Parent or carer: ________  Date: ____\n> Name in capitals: ________\n");
    }

    [Fact]
    public void Staff_sign_on_a_line_named_by_their_role_and_visitors_give_theirs_after_the_name()
    {
        Text(For(AupAudiences.Staff)).ShouldContain("> Teacher of Computing: ________  Date: ____\n> Owen Pryce\n");
        Text(For(AupAudiences.Visitor)).ShouldContain("> Visitor: ________  Date: ____\n> Tom Hale, Visiting music tutor, Harbour Music Service\n");
    }

    [Fact]
    public void A_governor_signs_as_a_governor_in_razor_and_scriban()
    {
        var c = Sample with { Signatory = new AupSignatory { Name = "Ruth Adeyemi", Role = "Governor" } };
        var razor = Render("aup-agreement", c);
        Render("aup-agreement.sbn", c).ShouldBe(razor);
        var text = MarkupText.Of(razor);
        text.ShouldContain("> Governor: ________  Date: ____\n> Ruth Adeyemi\n");
        text.ShouldNotContain("Member of staff:");
    }

    [Fact]
    public void A_visitor_is_given_no_return_by_date_and_signs_on_arrival_in_razor_and_scriban()
    {
        var c = For(AupAudiences.Visitor) with { ReturnBy = null };
        var razor = Render("aup-agreement", c);
        Render("aup-agreement.sbn", c).ShouldBe(razor);
        MarkupText.Of(razor).ShouldContain("when you arrive at Hillside Academy");
        MarkupText.Of(razor).ShouldNotContain("return this agreement");
    }

    [Fact]
    public void A_key_stage_2_agreement_without_the_parents_name_keeps_both_lines_in_one_block()
    {
        var c = For(AupAudiences.PupilKs2);
        c.Parent.ShouldBeNull();
        var block = Render("aup-agreement", c).Blocks.OfType<SignatureBlock>().ShouldHaveSingleItem();
        block.Content.OfType<SignHere>().Select(s => s.Label).ShouldBe(["Pupil", "Parent or carer", "Name in capitals"]);
        Render("aup-agreement.sbn", c).ShouldBe(Render("aup-agreement", c));
    }

    [Theory]
    [InlineData("Occasional personal use by you only; no use by family members.")]
    [InlineData(null)]
    public void Staff_who_take_a_laptop_home_sign_for_its_personal_use_in_razor_and_scriban(string? personalUse)
    {
        var c = Sample with { DeviceTakenHome = new AupDeviceTakenHome { Device = "school laptop", PersonalUse = personalUse } };
        var razor = Render("aup-agreement", c);
        Render("aup-agreement.sbn", c).ShouldBe(razor);
        var text = MarkupText.Of(razor);
        text.ShouldContain("## Taking a school device home");
        text.ShouldContain("I will take the school laptop home only to work.");
        text.ShouldContain(personalUse is null
            ? "I will use it for work only: no personal use by me, and no use by my family or anyone else."
            : "Personal use allowed by the school: " + personalUse);
        Text(Sample).ShouldNotContain("Taking a school device home");
    }

    [Theory]
    [InlineData(AupAudiences.PupilKs2)]
    [InlineData(AupAudiences.PupilSecondary)]
    [InlineData(AupAudiences.Parent)]
    [InlineData(AupAudiences.Staff)]
    public void The_agreement_covers_cameras_webcams_and_games_consoles(string audience)
    {
        var text = Text(For(audience));
        text.ShouldContain("webcam");
        text.ShouldContain("games consoles");
    }

    [Fact]
    public void The_parent_version_asks_for_image_consent_as_an_unticked_choice()
    {
        var checks = Render("aup-agreement", For(AupAudiences.Parent)).Blocks.OfType<CheckList>().ShouldHaveSingleItem();
        checks.Items.Count.ShouldBe(2);
        checks.Items.ShouldAllBe(item => !item.Checked);
        var text = Text(For(AupAudiences.Parent));
        text.ShouldContain("[ ] I give consent for my child's photograph to be used");
        text.ShouldContain("[ ] I do not give consent for my child's photograph to be used");
        text.ShouldContain("Please tick one box:");
    }

    [Fact]
    public void The_parent_version_endorses_the_childs_agreement() =>
        Text(For(AupAudiences.Parent)).ShouldContain("I have read my child's acceptable use agreement, talked it through with them, and signed it");

    [Fact]
    public void Early_years_promises_are_short_enough_to_read_to_a_five_year_old()
    {
        var promises = Render("aup-agreement", For(AupAudiences.PupilEarlyYears)).Blocks.OfType<ListBlock>().ShouldHaveSingleItem();
        promises.Items.Count.ShouldBeInRange(6, 8);
        foreach (var item in promises.Items)
        {
            var words = string.Concat(item.Content.OfType<TextRun>().Select(r => r.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            words.Length.ShouldBeLessThanOrEqualTo(12, string.Join(' ', words));
            words[0].ShouldBe("I");
        }
    }

    [Fact]
    public void Key_stage_2_promises_are_in_the_pupils_own_voice()
    {
        var promises = Render("aup-agreement", For(AupAudiences.PupilKs2)).Blocks.OfType<ListBlock>().ShouldHaveSingleItem();
        promises.Items.Count.ShouldBeInRange(10, 12);
        promises.Items.ShouldAllBe(item => item.Content.OfType<TextRun>().First().Text.StartsWith("I ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_secondary_version_says_nude_images_of_under_18s_are_against_the_law_and_what_to_do()
    {
        var text = Text(For(AupAudiences.PupilSecondary));
        text.ShouldContain("*Creating, having or sharing a nude or sexual image or video of anyone under 18 is against the law*");
        text.ShouldContain("I will not forward it or show it to anyone. As soon as I can, I will tell a trusted adult or Claire Dunmore, our Designated Safeguarding Lead.");
        text.ShouldContain("CEOP");
        text.ShouldContain("mobile phones");
        text.ShouldContain("monitors the websites I visit");
    }

    [Fact]
    public void The_staff_version_carries_the_full_obligations()
    {
        var text = Text(For(AupAudiences.Staff));
        text.ShouldContain("only through the school's official systems");
        text.ShouldContain("*never on my own phone, camera or other personal device*");
        text.ShouldContain("data protection law (UK GDPR)");
        text.ShouldContain("suspected data breach");
        text.ShouldContain("to Claire Dunmore, our Designated Safeguarding Lead, without delay");
        text.ShouldContain("monitors the use of its systems, internet and email, including mine");
        text.ShouldContain("disciplinary procedures");
        text.ShouldContain("allegations against staff");
    }

    [Fact]
    public void Without_a_dsl_name_the_role_is_still_named()
    {
        var c = Sample with { School = Sample.School! with { DslName = null } };
        Text(c).ShouldContain("to our Designated Safeguarding Lead, without delay");
    }

    [Fact]
    public void Special_characters_and_template_syntax_in_data_come_out_exactly()
    {
        const string name = "Siân Ó Súilleabháin <b>&amp; \"Jo\" 'Ali' {{signatory.name}} @Case.Reference";
        var c = Sample with
        {
            School = Sample.School! with { Name = "St Mary's & St John's <CE> {{{raw}}}", DslName = name },
            Signatory = Sample.Signatory! with { Name = name },
        };
        foreach (var template in new[] { "aup-agreement", "aup-agreement.sbn" })
        {
            var text = MarkupText.Of(Render(template, c));
            text.ShouldContain("[letterhead] St Mary's & St John's <CE> {{{raw}}}");
            text.ShouldContain($"> Teacher of Computing: ________  Date: ____\n> {name}\n");
            text.ShouldContain($"to {name}, our Designated Safeguarding Lead, without delay");
        }

        Render("aup-agreement.sbn", c).ShouldBe(Render("aup-agreement", c));
    }
}
