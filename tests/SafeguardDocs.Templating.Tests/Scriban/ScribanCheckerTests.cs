using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Scriban.Checking;

namespace SafeguardDocs.Templating.Tests.Scriban;

/// <summary>
/// The checker reads a template with Scriban's own parser and resolves every name against the model
/// type, the way a compiler would: inside loops (nested too), conditions and with blocks.
/// </summary>
public sealed class ScribanCheckerTests
{
    private static IReadOnlyList<TemplateLoadError> Check<T>(string text) =>
        ScribanTemplateChecker.Check(text, typeof(T), "t.sbn", typeof(Core.Settings.OrganisationSettings));

    private static TemplateLoadError Single<T>(string text)
    {
        var errors = Check<T>(text);
        errors.Count.ShouldBe(1, string.Join("\n", errors));
        return errors[0];
    }

    [Fact]
    public void A_template_that_uses_only_real_names_passes() =>
        Check<DeviceAllocationCase>("""
            {{ reference }} {{ date letterDate }} {{ child.name }} {{ date child.dateOfBirth }}
            {{ for item in equipment }}{{ for.index + 1 }} {{ item.serialNumber }} {{ if for.last }}.{{ end }}{{ else }}none{{ end }}
            {{ if isLoan && onIssue?.annualCheckDue }}{{ onIssue.annualCheckDue | date }}{{ else if owner }}{{ owner }}{{ end }}
            {{ with provider }}{{ name }} {{ organisation }} {{ reference }}{{ end }}
            {{ for line in recipient.address }}{{ line }}{{ end }} {{ equipment.size }} {{ equipment[0].assetTag }}
            {{ addWorkingDays letterDate settings.ladoMeetingWorkingDays | date }} {{ today | date }} {{ checked preIssueChecks?.hardwareWiped }}
            {{ count = equipment.size }}{{ count }} {{ array.size equipment }} {{ string.upcase procedureName }}
            {{ case ownership }}{{ when "loan" }}loan{{ else }}other{{ end }}
            """).ShouldBeEmpty();

    [Fact]
    public void Lists_inside_lists_bind_each_loop_variable_to_its_own_items()
    {
        Check<School>("{{ for c in classes }}{{ c.name }}{{ for p in c.pupils }}{{ p.name }} {{ date p.dateOfBirth }} {{ c.name }}{{ end }}{{ end }}").ShouldBeEmpty();
        var error = Single<School>("{{ for c in classes }}\n{{ for p in c.pupils }}{{ p.dateOfBrith }}{{ end }}{{ end }}");
        (error.Line, error.Column, error.Id).ShouldBe((2, 27, TemplateLoadError.UnknownMemberId));
        error.Message.ShouldContain("Did you mean `p.dateOfBirth`?");
    }

    [Fact]
    public void A_loop_variable_is_gone_after_its_loop() =>
        Single<School>("{{ for c in classes }}{{ c.name }}{{ end }}{{ c.name }}").Message.ShouldStartWith("`c` is not in the model");

    [Fact]
    public void A_name_inside_a_condition_is_checked() =>
        Single<School>("{{ if reception && reception.pupils.size > 0 && reception.nme }}x{{ end }}").Message.ShouldContain("Did you mean `reception.name`?");

    [Fact]
    public void With_looks_names_up_on_its_object_first_then_outside() =>
        Check<School>("{{ with reception }}{{ name }} {{ opened }}{{ for p in pupils }}{{ p.name }}{{ end }}{{ end }}").ShouldBeEmpty();

    [Fact]
    public void Names_are_case_sensitive_and_camel_case() =>
        Single<DeviceAllocationCase>("{{ Reference }}").Message.ShouldContain("Did you mean `reference`?");

    [Fact]
    public void Fields_and_methods_of_the_model_are_not_visible()
    {
        Single<School>("{{ motto }}").Id.ShouldBe(TemplateLoadError.UnknownMemberId);
        Single<School>("{{ shout }}").Id.ShouldBe(TemplateLoadError.UnknownMemberId);
        Single<School>("{{ name.getType }}").Message.ShouldContain("is text, so it has no member `getType`");
    }

    [Fact]
    public void An_unknown_setting_is_reported_with_the_nearest_setting() =>
        Single<DeviceAllocationCase>("{{ settings.deliveryChaseDay }}").Message.ShouldContain("Did you mean `settings.deliveryChaseDays`?");

    [Fact]
    public void Loop_variables_outside_a_loop_are_reported() =>
        Single<School>("{{ for.index }}").Message.ShouldContain("only set inside a {{ for }} loop");

    [Fact]
    public void A_value_that_is_not_a_function_cannot_be_called() =>
        Single<School>("{{ name 3 }}").Id.ShouldBe(ScribanDiagnostics.UnknownFunctionId);

    [Fact]
    public void Every_problem_is_reported_in_one_pass_in_reading_order()
    {
        var errors = Check<DeviceAllocationCase>("{{ dat letterDate }}\n{{ for i in equipment }}{{ i.serialNo }}{{ end }}\n{{ child.nam }}\n{{ with provider }}{{ organisaton }}{{ end }}");
        errors.Select(e => (e.Id, e.Line)).ShouldBe([("SGT005", 1), ("SGT001", 2), ("SGT001", 3), ("SGT001", 4)]);
    }

    [Fact]
    public void A_syntax_error_stops_the_name_check_and_is_reported_with_its_position()
    {
        var error = Single<School>("<p>\n{{ for c in classes }}\n  {{ if c.name }}{{ c.nme }}\n{{ end }}");
        error.ToString().ShouldBe("t.sbn(2,4): error SGT002: `for` is never closed: its `end` is missing. Add {{ end }} where the loop should end.");
    }

    [Fact]
    public void An_end_without_a_block_is_reported() =>
        Single<School>("{{ name }}{{ end }}").ToString().ShouldBe("t.sbn(1,16): error SGT002: " + ScribanCheckMessages.EndWithoutBlock);

    [Theory]
    [InlineData("{{ include \"/etc/passwd.sbn\" }}")]
    [InlineData("{{ include \"../outside.sbn\" }}")]
    [InlineData("{{ include \"C:/x.sbn\" }}")]
    [InlineData("{{ include \"notes.txt\" }}")]
    [InlineData("{{ include name }}")]
    public void Include_takes_only_a_quoted_sbn_name_inside_the_templates_folder(string text)
    {
        var folder = SafeguardDocs.TestSupport.Repo.NewTempFolder();
        var errors = ScribanTemplateChecker.Check(text, typeof(School), "t.sbn", null, new TemplateFolderLoader(folder));
        errors.ShouldHaveSingleItem().Id.ShouldBe(TemplateLoadError.SyntaxId);
    }

    [Fact]
    public void Include_refuses_a_link_in_the_templates_folder_that_leads_outside_it()
    {
        var outside = SafeguardDocs.TestSupport.Repo.NewTempFolder();
        File.WriteAllText(Path.Combine(outside, "secret.sbn"), "{{ name }}");
        var folder = SafeguardDocs.TestSupport.Repo.NewTempFolder();
        File.CreateSymbolicLink(Path.Combine(folder, "_link.sbn"), Path.Combine(outside, "secret.sbn"));
        var errors = ScribanTemplateChecker.Check("{{ include \"_link.sbn\" }}", typeof(School), "t.sbn", null, new TemplateFolderLoader(folder));
        errors.ShouldHaveSingleItem().Message.ShouldBe("include can only read templates inside the templates folder.");
    }

    [Fact]
    public void Include_of_a_part_in_the_templates_folder_passes()
    {
        var folder = SafeguardDocs.TestSupport.Repo.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "parts"));
        File.WriteAllText(Path.Combine(folder, "parts", "_footer.sbn"), "<p>{{ name }}</p>");
        ScribanTemplateChecker.Check("{{ include \"parts/_footer.sbn\" }}", typeof(School), "t.sbn", null, new TemplateFolderLoader(folder)).ShouldBeEmpty();
    }

    [Fact]
    public void A_model_member_named_like_a_scriban_word_or_a_function_is_reported_clearly()
    {
        var errors = Check<Awkward>("{{ fine = 1 }}");
        errors.Select(e => e.Id).ShouldAllBe(id => id == ScribanDiagnostics.ModelNameId);
        var text = string.Join("\n", errors.Select(e => e.Message));
        text.ShouldContain("`Awkward.End` would be `end` in a template, a word Scriban keeps for itself");
        text.ShouldContain("`Awkward.Date` would be `date` in a template, which would hide the template function or value `date`");
        text.ShouldContain("`Inner.This` would be `this`");
        text.ShouldNotContain("Fine");
    }

    public static TheoryData<string> Kinds() => [.. CaseKinds.All.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_case_model_has_a_member_templates_could_not_use(string kind) =>
        ScribanNames.Collisions(CaseKinds.Find(kind)!.ModelType, ScribanFunctions.GlobalNames).ShouldBeEmpty();
}
