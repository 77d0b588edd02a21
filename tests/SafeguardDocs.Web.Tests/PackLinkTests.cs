using System.Net;

namespace SafeguardDocs.Web.Tests;

/// <summary>The way to the pack page: the header names the saved pack details and the pack page apart, and the details' list leads on to the packs.</summary>
public sealed class PackLinkTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_header_and_the_pack_details_list_lead_to_the_pack_page_for_those_who_may_make_packs()
    {
        foreach (var client in new[] { fixture.Office, fixture.Dsl })
        {
            var home = await client.GetStringAsync("/");
            home.ShouldContain("<a class=\"govuk-header__link\" href=\"/cases/aup-pack\">AUP pack details</a>", Case.Sensitive);
            home.ShouldContain("<a class=\"govuk-header__link\" href=\"/packs\">Make AUP packs</a>", Case.Sensitive);

            var list = await client.GetStringAsync("/cases/aup-pack");
            list.ShouldContain("<title>AUP pack details – SafeguardDocs</title>", Case.Sensitive);
            list.ShouldContain("<a class=\"govuk-button govuk-button--secondary\" draggable=\"false\" href=\"/packs\" id=\"make-packs\">Make the packs</a>", Case.Sensitive);
            (await client.GetAsync("/packs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Other kinds' lists have no such button.
        (await fixture.Office.GetStringAsync("/cases/device-allocation")).ShouldNotContain("Make the packs");

        // An administrator may not make packs: no link to a page that would refuse them.
        var admin = fixture.Host.Browser();
        await Session.SignInFully(admin, "admin@school.example", fixture.AdminKey);
        var adminHome = await admin.GetStringAsync("/");
        adminHome.ShouldNotContain("href=\"/packs\"");
        adminHome.ShouldNotContain("href=\"/cases/aup-pack\"");
        (await admin.GetAsync("/packs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
