using System.Diagnostics;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.TestSupport;

namespace SafeguardDocs.Templating.Tests.Scriban;

/// <summary>
/// Rendering is strict and bounded: an unknown member is an error, never empty text; a runaway
/// template is stopped by a limit with a message; every value is escaped; nothing escapes as an exception.
/// </summary>
public sealed class ScribanRenderTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static ScribanTemplate Parse<T>(string text, string? folder = null, ScribanLimits? limits = null)
    {
        var (template, errors) = ScribanTemplate.Parse(text, "t.sbn", typeof(T), typeof(Core.Settings.OrganisationSettings), folder, limits);
        errors.ShouldBeEmpty(string.Join("\n", errors));
        return template!;
    }

    private static string Html(ScribanRenderResult result)
    {
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        return result.Html!;
    }

    private static TemplateLoadError Failure(ScribanRenderResult result)
    {
        result.Html.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Any_model_renders_with_camel_case_names_nested_lists_and_dates_in_words()
    {
        var template = Parse<School>("{{ name }} opened {{ opened }}.{{ for c in classes }} {{ c.name }}:{{ for p in c.pupils }} {{ p.name }} ({{ date p.dateOfBirth }}){{ end }}{{ end }}");
        Html(template.Render(ScribanModels.School(2, 2), null, Today)).ShouldBe(
            "Westbrook Primary opened 7 September 1998. Class 1: Pupil 1.1 (11 February 2015) Pupil 1.2 (12 February 2015) Class 2: Pupil 2.1 (23 March 2015) Pupil 2.2 (24 March 2015)");
    }

    [Fact]
    public void Every_value_is_escaped_so_data_never_becomes_markup()
    {
        var school = ScribanModels.School() with { Name = "<b>Tom & \"Jerry\"</b> {{ name }}" };
        Html(Parse<School>("<p>{{ name }}</p>{{ \"<i>\" }}").Render(school, null, Today))
            .ShouldBe("<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; {{ name }}</p>&lt;i&gt;");
    }

    [Fact]
    public void The_functions_a_school_needs_work_from_the_render_context()
    {
        var template = Parse<School>(
            "{{ date today }}|{{ today | addDays 9 | date }}|{{ addWorkingDays \"2026-12-24\" 2 | date }}|{{ workingDaysBetween \"2026-12-24\" \"2026-12-31\" }}|{{ settings.deliveryChaseDays }}|{{ checked true }} {{ checked null }}|{{ yesNo false }} {{ yesNo null }}|{{ dateTime \"2026-11-18T10:40:00\" }}|{{ date reception?.name }}");
        Html(template.Render(ScribanModels.School(), Core.Settings.OrganisationSettings.Default with { DeliveryChaseDays = 14 }, Today))
            .ShouldBe("22 November 2026|1 December 2026|30 December 2026|3|14|checked unchecked|No Not recorded|18 November 2026 at 10:40|");
    }

    [Fact]
    public void A_member_the_object_does_not_have_is_an_error_at_render_never_empty_text()
    {
        // `extra` is typed object, so the checker cannot know its members: the render must catch it.
        var school = ScribanModels.School() with { Extra = new Pupil("Someone Private", new DateOnly(2015, 1, 1)) };
        var error = Failure(Parse<School>("<p>\n{{ extra.nmae }}</p>").Render(school, null, Today));
        error.ToString().ShouldStartWith("t.sbn(2,10): error SGT006: Cannot get member with name nmae.");
        error.Message.ShouldNotContain("Someone Private");
    }

    [Fact]
    public void Fields_and_methods_are_not_reachable_even_through_an_untyped_value()
    {
        var school = ScribanModels.School() with { Extra = ScribanModels.School() };
        Failure(Parse<School>("{{ extra.motto }}").Render(school, null, Today)).Id.ShouldBe(ScribanDiagnostics.RenderId);
        Failure(Parse<School>("{{ extra.shout }}").Render(school, null, Today)).Id.ShouldBe(ScribanDiagnostics.RenderId);
    }

    [Fact]
    public void A_member_of_a_part_the_case_leaves_out_says_to_write_a_question_mark_dot()
    {
        var error = Failure(Parse<School>("{{ reception.name }}").Render(ScribanModels.School(), null, Today));
        error.Message.ShouldStartWith("`reception` is left out of this case, so `reception.name` cannot be read. Write `reception?.`");
        Html(Parse<School>("[{{ reception?.name }}]").Render(ScribanModels.School(), null, Today)).ShouldBe("[]");
    }

    [Theory]
    [InlineData("", "blank")]
    [InlineData("   ", "blank")]
    [InlineData("\t\n ", "blank")]
    [InlineData("Westbrook", "named")]
    [InlineData("false", "named")]
    [InlineData("0", "named")]
    public void Text_that_is_empty_or_only_spaces_counts_as_false_as_in_the_razor_templates(string name, string expected)
    {
        var school = ScribanModels.School() with { Name = name };
        var template = Parse<School>("{{ if name }}named{{ else }}blank{{ end }}|{{ if !name }}blank{{ else }}named{{ end }}|{{ if name && opened }}named{{ else }}blank{{ end }}|{{ if name || reception }}named{{ else }}blank{{ end }}|{{ if extra }}x{{ else if name }}named{{ else }}blank{{ end }}");
        Html(template.Render(school, null, Today)).ShouldBe(string.Join('|', Enumerable.Repeat(expected, 5)));
    }

    [Fact]
    public void Values_other_than_text_keep_scriban_s_truth()
    {
        var template = Parse<School>("{{ if opened }}dated{{ end }}|{{ if reception }}reception{{ else }}none{{ end }}|{{ if classes }}classes{{ end }}|{{ if false }}yes{{ else }}no{{ end }}");
        Html(template.Render(ScribanModels.School(), null, Today)).ShouldBe("dated|none|classes|no");
    }

    [Fact]
    public void Three_nested_loops_over_300_items_stop_within_a_second_or_two_with_a_message()
    {
        var school = ScribanModels.School(classes: 300, pupils: 1);
        var template = Parse<School>("{{ for a in classes }}{{ for b in classes }}{{ for c in classes }}<p>{{ a.name }} {{ b.name }} {{ c.name }}</p>{{ end }}{{ end }}{{ end }}");
        var clock = Stopwatch.StartNew();
        var error = Failure(template.Render(school, null, Today));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "a runaway template must be stopped quickly, not run for minutes");
        error.Id.ShouldBe(ScribanDiagnostics.RenderId);
        error.Message.ShouldMatch("^(A loop went round more than|The document grew past)");
        error.Message.ShouldContain("a loop inside a loop multiplies");
    }

    [Fact]
    public void Silent_nested_loops_are_stopped_by_the_loop_limit() =>
        Failure(Parse<School>("{{ for a in classes }}{{ for b in classes }}{{ for c in classes }}{{ end }}{{ end }}{{ end }}")
                .Render(ScribanModels.School(classes: 300, pupils: 1), null, Today))
            .Message.ShouldStartWith("A loop went round more than 10,000 times");

    [Fact]
    public void A_document_that_grows_too_big_is_stopped_by_the_output_limit() =>
        Failure(Parse<School>("{{ for c in classes }}<p>{{ c.name }} and a long line of text to fill the page</p>{{ end }}", limits: new ScribanLimits { OutputLimit = 1_000 })
                .Render(ScribanModels.School(classes: 100), null, Today))
            .Message.ShouldStartWith("The document grew past 1,000 characters");

    [Fact]
    public void A_render_that_takes_too_long_is_stopped_by_the_time_limit()
    {
        var limits = new ScribanLimits { LoopLimit = 0, OutputLimit = 0, TimeLimit = TimeSpan.FromMilliseconds(200) };
        var template = Parse<School>("{{ for a in classes }}{{ for b in classes }}{{ for c in classes }}{{ end }}{{ end }}{{ end }}", limits: limits);
        var clock = Stopwatch.StartNew();
        var error = Failure(template.Render(ScribanModels.School(classes: 300, pupils: 1), null, Today));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        error.Message.ShouldStartWith("The document took longer than 0.2 seconds to make");
    }

    [Fact]
    public void A_cancelled_render_says_so()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Failure(Parse<School>("{{ for c in classes }}{{ c.name }}{{ end }}").Render(ScribanModels.School(), null, Today, cancelled.Token))
            .Message.ShouldBe("Making the document was cancelled.");
    }

    [Fact]
    public void A_template_that_includes_itself_is_stopped_by_the_recursion_limit()
    {
        var folder = Repo.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "_again.sbn"), "x{{ include \"_again.sbn\" }}");
        var error = Failure(Parse<School>("{{ include \"_again.sbn\" }}", folder).Render(ScribanModels.School(), null, Today));
        error.Message.ShouldStartWith("Includes or function calls nested more than 50 deep");
    }

    [Fact]
    public void Include_reads_a_part_from_the_templates_folder_with_the_same_model()
    {
        var folder = Repo.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "parts"));
        File.WriteAllText(Path.Combine(folder, "parts", "_name.sbn"), "<strong>{{ name }}</strong>");
        var template = Parse<School>("<p>{{ include \"parts/_name.sbn\" }}</p>", folder);
        Html(template.Render(ScribanModels.School(), null, Today)).ShouldBe("<p><strong>Westbrook Primary</strong></p>");
        Html(template.Render(ScribanModels.School() with { Name = "Second <b>" }, null, Today)).ShouldBe("<p><strong>Second &lt;b&gt;</strong></p>");
    }

    [Fact]
    public void A_function_given_something_it_cannot_use_is_a_diagnostic_not_an_exception()
    {
        var error = Failure(Parse<School>("<p>{{ date name }}</p>").Render(ScribanModels.School(), null, Today));
        error.ToString().ShouldStartWith("t.sbn(1,");
        error.Message.ShouldBe("date was given something that is not a date. Give it a date from the case, such as letterDate.");
        error.Message.ShouldNotContain("Westbrook");
    }

    [Fact]
    public void The_shared_functions_cannot_be_changed_by_a_template() =>
        Failure(Parse<School>("{{ string.upcase = 1 }}").Render(ScribanModels.School(), null, Today)).Id.ShouldBe(ScribanDiagnostics.RenderId);

    [Fact]
    public void One_parsed_template_renders_on_many_threads_at_once()
    {
        var template = Parse<School>("{{ name }}:{{ for c in classes }}{{ c.name }};{{ end }}");
        var results = new string?[64];
        Parallel.For(0, results.Length, i => results[i] = template.Render(ScribanModels.School(classes: i % 5) with { Name = $"S{i}" }, null, Today).Html);
        for (var i = 0; i < results.Length; i++)
        {
            results[i].ShouldBe($"S{i}:" + string.Concat(Enumerable.Range(1, i % 5).Select(c => $"Class {c};")));
        }
    }

    [Fact]
    public void A_model_of_the_wrong_type_is_refused() =>
        Should.Throw<ArgumentException>(() => Parse<School>("{{ name }}").Render(new Pupil("x", Today), null, Today));
}
