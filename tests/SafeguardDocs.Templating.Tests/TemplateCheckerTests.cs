using SafeguardDocs.Templates;
using SafeguardDocs.Templating.Catalog;
using SafeguardDocs.Templating.Handlebars;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests;

/// <summary>
/// Handlebars templates are checked against the case model before use (issue 6): every name, every
/// helper and every block, all at once, with line and column. The body of each template here starts
/// on line 5, after the four-line header.
/// </summary>
public sealed class TemplateCheckerTests
{
    private const string Header = "{{!--\nkind: device-allocation\ndescription: test\n--}}\n";

    private static IReadOnlyList<TemplateLoadError> Check(string body) =>
        HandlebarsDocumentTemplate.Parse(Header + body, "test.hbs", "test.hbs").Errors;

    private static TemplateLoadError Single(string body)
    {
        var errors = Check(body);
        errors.Count.ShouldBe(1, string.Join("\n", errors));
        return errors[0];
    }

    [Fact]
    public void A_misspelt_member_is_reported_at_its_line_and_column_with_the_real_member_suggested()
    {
        var error = Single("<p>{{date child.dateOfBrith}}</p>");
        error.ToString().ShouldStartWith("test.hbs(5,11): error SGT001: ");
        error.Message.ShouldContain("Did you mean `child.dateOfBirth`?");
    }

    [Fact]
    public void A_misspelt_member_inside_each_is_looked_up_on_the_items_of_the_list()
    {
        var error = Single("{{#each equipment}}\n  <td>{{serialNo}}</td>\n{{/each}}");
        (error.Id, error.Line, error.Column).ShouldBe((TemplateLoadError.UnknownMemberId, 6, 9));
        error.Message.ShouldContain("each item of `equipment`");
        error.Message.ShouldContain("Did you mean `serialNumber`?");
    }

    [Fact]
    public void A_misspelt_member_inside_with_is_looked_up_on_that_object()
    {
        var error = Single("{{#with provider}}{{name}}, {{organisaton}}{{/with}}");
        (error.Id, error.Line, error.Column).ShouldBe((TemplateLoadError.UnknownMemberId, 5, 31));
        error.Message.ShouldContain("Did you mean `organisation`?");
    }

    [Fact]
    public void Members_inside_each_and_with_and_parent_references_that_exist_pass() =>
        Check("""
            {{#each equipment}}{{inc @index}} {{description}} {{this.assetTag}} {{../reference}}{{#if @first}}first{{/if}}{{#if serialNumber}}{{../child.name}}{{/if}}{{else}}{{reference}}{{/each}}
            {{#with provider}}{{name}} {{../letterDate}} {{@root.child.dateOfBirth}}{{/with}}
            {{#each equipment as |item i|}}{{item.serialNumber}} {{i}}{{/each}}
            {{#each recipient.address}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}
            {{#if (and (eq ownership "loan") onIssue.annualCheckDue)}}{{date (addWorkingDays letterDate (setting "ladoMeetingWorkingDays"))}}{{else if owner}}{{owner}}{{/if}}
            {{today}} {{date (today)}} {{equipment.[0].serialNumber}} {{~child.name~}}
            """).ShouldBeEmpty();

    [Fact]
    public void A_misspelt_parent_reference_suggests_the_parent_member() =>
        Single("{{#each equipment}}{{../refrence}}{{/each}}").Message.ShouldContain("Did you mean `../reference`?");

    [Fact]
    public void A_parent_reference_above_the_case_is_an_error() =>
        Single("{{#with child}}{{../../reference}}{{/with}}").Id.ShouldBe(TemplateLoadError.UnknownMemberId);

    [Fact]
    public void Each_item_variables_exist_only_inside_each()
    {
        var error = Single("<p>{{@index}}</p>");
        (error.Id, error.Line, error.Column).ShouldBe((TemplateLoadError.UnknownMemberId, 5, 6));
        error.Message.ShouldContain("only set inside {{#each}}");
        Single("{{#each equipment}}{{@indx}}{{/each}}").Message.ShouldContain("Did you mean `@index`?");
    }

    [Fact]
    public void The_items_of_a_list_of_text_have_no_members()
    {
        var error = Single("{{#each recipient.address}}{{this.line}}{{/each}}");
        error.Id.ShouldBe(TemplateLoadError.UnknownMemberId);
        error.Message.ShouldContain("is text");
    }

    [Fact]
    public void A_list_must_be_gone_through_with_each() =>
        Single("{{equipment.serialNumber}}").Message.ShouldContain("is a list");

    [Fact]
    public void Each_needs_a_list() =>
        Single("{{#each child.name}}{{this}}{{/each}}").Message.ShouldContain("not a list");

    [Fact]
    public void The_else_of_each_is_back_in_the_outer_context() =>
        Single("{{#each equipment}}{{serialNumber}}{{else}}{{serialNumber}}{{/each}}").Message.ShouldContain("the case has no member `serialNumber`");

    [Fact]
    public void Member_names_are_case_sensitive_as_in_the_case_file() =>
        Single("{{Reference}}").Message.ShouldContain("Did you mean `reference`?");

    [Fact]
    public void An_unknown_helper_is_reported_with_the_nearest_helper()
    {
        var error = Single("<p class=\"right\">{{dat letterDate}}</p>");
        error.ToString().ShouldStartWith("test.hbs(5,20): error SGT005: `dat` is not a helper. Did you mean `date`?");
    }

    [Fact]
    public void An_unknown_helper_in_a_subexpression_is_reported() =>
        Single("{{date (adDays letterDate 21)}}").Message.ShouldContain("Did you mean `addDays`?");

    [Fact]
    public void A_helper_used_as_a_value_must_be_called_in_brackets() =>
        Single("{{date today}}").Message.ShouldContain("(today)");

    [Fact]
    public void An_unknown_block_is_reported_with_the_nearest_block()
    {
        var error = Single("{{#iff owner}}x{{/iff}}");
        error.Id.ShouldBe(TemplateLoadError.UnknownHelperId);
        error.Message.ShouldContain("Did you mean `#if`?");
    }

    [Fact]
    public void An_unknown_setting_is_reported_with_the_nearest_setting() =>
        Single("{{setting \"deliveryChaseDay\"}}").Message.ShouldContain("Did you mean \"deliveryChaseDays\"?");

    [Fact]
    public void A_block_that_is_never_closed_is_reported_where_it_opens()
    {
        var error = Single("<p>\n  {{#if owner}}{{owner}}\n</p>");
        error.ToString().ShouldBe("test.hbs(6,3): error SGT002: {{#if}} is never closed. Add {{/if}} where the block should end.");
    }

    [Fact]
    public void A_close_that_does_not_match_its_block_is_reported_where_it_closes()
    {
        var error = Single("{{#each equipment}}\n{{serialNumber}}{{/if}}");
        (error.Id, error.Line, error.Column).ShouldBe((TemplateLoadError.SyntaxId, 6, 17));
        error.Message.ShouldContain("does not match the {{#each}} opened at line 5, column 1");
    }

    [Fact]
    public void A_close_without_an_open_block_is_reported() =>
        Single("{{owner}}{{/if}}").ToString().ShouldStartWith("test.hbs(5,10): error SGT002: {{/if}} closes a block that was never opened.");

    [Fact]
    public void A_second_else_and_an_else_outside_a_block_are_reported()
    {
        Single("{{#if owner}}a{{else}}b{{else}}c{{/if}}").Id.ShouldBe(TemplateLoadError.SyntaxId);
        Single("a{{else}}b").Id.ShouldBe(TemplateLoadError.SyntaxId);
    }

    [Theory]
    [InlineData("{{{child.name}}}")]
    [InlineData("{{& child.name}}")]
    [InlineData("{{~{child.name}~}}")]
    public void Raw_output_is_refused(string body)
    {
        var errors = Check(body);
        errors.ShouldContain(e => e.Id == TemplateLoadError.RawOutputId && e.Line == 5 && e.Column == 1, string.Join("\n", errors));
    }

    [Fact]
    public void A_long_comment_must_end_with_two_dashes_and_braces() =>
        Single("{{!-- x --~}}").ToString().ShouldStartWith("test.hbs(5,1): error SGT002: This comment is never closed. End it with --}}.");

    [Fact]
    public void An_unclosed_tag_is_reported_where_it_opens() =>
        Single("<p>{{child.name</p>\n<p>{{reference}}</p>").ToString().ShouldStartWith("test.hbs(5,4): error SGT002: This tag is never closed.");

    [Fact]
    public void Comments_and_escaped_tags_are_not_checked() =>
        Check("{{!-- {{nonsense}} {{/if}} --}}{{! {{nope}}\\{{literal}} {{~!-- x --}}").ShouldBeEmpty();

    [Fact]
    public void Every_problem_is_reported_in_one_pass()
    {
        var errors = Check("{{dat letterDate}}\n{{#each equipment}}{{serialNo}}{{/each}}\n{{child.nam}}\n{{#if owner}}");
        errors.Select(e => (e.Id, e.Line)).ShouldBe([("SGT005", 5), ("SGT001", 6), ("SGT001", 7), ("SGT002", 8)]);
    }

    [Fact]
    public void A_template_for_an_unknown_kind_still_has_its_syntax_checked()
    {
        var errors = HandlebarsDocumentTemplate.Parse("{{!--\nkind: no-such-kind\n--}}\n{{#if x}}{{whatever}}", "t.hbs", "t.hbs").Errors;
        errors.Select(e => e.Id).ShouldBe(["SGT003", "SGT002"]);
    }

    [Fact]
    public void The_checker_can_be_called_on_its_own_with_a_model_type() =>
        HandlebarsTemplateChecker.Check("{{child.dateOfBrith}}", typeof(Core.Cases.DeviceAllocation.DeviceAllocationCase), "x.hbs")
            .ShouldHaveSingleItem().ToString().ShouldStartWith("x.hbs(1,3): error SGT001:");

    public static TheoryData<string> RealTemplates() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repo.Templates, "handlebars"), "*.hbs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repo.Root, f))];

    [Theory]
    [MemberData(nameof(RealTemplates))]
    public void Every_shipped_template_passes_the_check(string template)
    {
        var (loaded, errors) = HandlebarsDocumentTemplate.Load(Path.Combine(Repo.Root, template), template);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        loaded.ShouldNotBeNull();
    }

    public static TheoryData<string> BrokenFixtures() =>
        [.. Directory.EnumerateFiles(BrokenTemplates.Folder, "*.hbs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>Each fixture in <c>BrokenTemplates/</c> sits beside the exact errors it must give (<c>.errors.txt</c>).</summary>
    [Theory]
    [MemberData(nameof(BrokenFixtures))]
    public void Each_broken_fixture_gives_exactly_its_expected_errors(string fixture)
    {
        var (loaded, errors) = HandlebarsDocumentTemplate.Load(Path.Combine(BrokenTemplates.Folder, fixture), fixture);
        loaded.ShouldBeNull();
        var expected = File.ReadAllLines(Path.Combine(BrokenTemplates.Folder, Path.ChangeExtension(fixture, ".errors.txt")));
        errors.Select(e => e.ToString()).ShouldBe(expected);
    }

    [Fact]
    public void The_catalogue_leaves_out_a_broken_template_and_lists_its_errors()
    {
        var catalog = TemplateCatalog.Create(BuiltInTemplates.All, BrokenTemplates.Folder, BrokenTemplates.Folder);
        catalog.Templates.ShouldAllBe(t => t.Engine == TemplateEngine.Razor);
        catalog.Errors.ShouldContain(e => e.File == "misspelt-root-member.hbs" && e.Id == TemplateLoadError.UnknownMemberId);
    }
}

/// <summary>Deliberately broken templates, each with the errors it must give: <c>tests/SafeguardDocs.Templating.Tests/BrokenTemplates</c>.</summary>
internal static class BrokenTemplates
{
    public static string Folder => Path.Combine(Repo.Root, "tests", "SafeguardDocs.Templating.Tests", "BrokenTemplates");
}
