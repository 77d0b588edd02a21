using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.TestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Cli.Tests;

/// <summary>Word templates end to end, as a school office uses them: make a starter, type tags, check, generate.</summary>
public sealed class WordTemplateCommandTests
{
    /// <summary>A letter typed from scratch in Word (no kind recorded), one paragraph per line, each line one run.</summary>
    private static string TypedLetter(string folder, params string[] lines)
    {
        var path = Path.Combine(folder, "my-letter.docx");
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body(lines.Select(l => new W.Paragraph(new W.Run(new W.Text(l) { Space = SpaceProcessingModeValues.Preserve })))));
        return path;
    }

    [Fact]
    public void A_school_makes_a_starter_checks_it_and_generates_a_valid_letter_from_it()
    {
        var folder = Repo.NewTempFolder();
        var made = CliRunner.RunIn(folder, "template", "new", "device-allocation", "--word", "my-letter.docx");
        made.ExitCode.ShouldBe(0, made.All);
        made.Out.ShouldContain("Wrote my-letter.docx: a starter Word template for device-allocation cases.");

        var check = CliRunner.RunIn(folder, "check", "my-letter.docx");
        check.ExitCode.ShouldBe(0, check.All);
        check.Out.ShouldBe("1 template checked, 0 errors." + Environment.NewLine);

        var run = CliRunner.RunIn(folder, "generate", Repo.Sample("device-allocation.json"), "--template", "my-letter.docx", "--out", "out");
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("(template my-letter.docx;");
        var file = Path.Combine(folder, "out", "DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldContain("| Laptop, Dell Latitude 3440 | DL3440-88231 | WCS-00917 |");
    }

    [Fact]
    public void Template_new_does_not_replace_a_file_and_refuses_an_unknown_kind()
    {
        var folder = Repo.NewTempFolder();
        File.WriteAllText(Path.Combine(folder, "letter.docx"), "mine");
        var replace = CliRunner.RunIn(folder, "template", "new", "device-allocation", "--word", "letter.docx");
        replace.ExitCode.ShouldBe(2);
        replace.Error.ShouldContain("already there");
        File.ReadAllText(Path.Combine(folder, "letter.docx")).ShouldBe("mine");

        var unknown = CliRunner.RunIn(folder, "template", "new", "loan", "--word", "new.docx");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("Use one of: device-allocation");
    }

    [Fact]
    public void A_letter_typed_from_scratch_is_checked_with_kind_and_a_misspelling_is_shown_where_it_is()
    {
        var folder = Repo.NewTempFolder();
        TypedLetter(folder, "Our ref {{ reference }}", "Dear {{ recipient.name }}", "About {{ child.nmae }}, born {{ child.dateOfBirth }}.");

        var noKind = CliRunner.RunIn(folder, "check", "my-letter.docx");
        noKind.ExitCode.ShouldBe(1, noKind.All);
        noKind.Out.ShouldContain("my-letter.docx: error SGT003: The template does not say which kind of case it is for.");

        var run = CliRunner.RunIn(folder, "check", "--kind", "device-allocation", "my-letter.docx");
        run.ExitCode.ShouldBe(1, run.All);
        run.Out.ShouldContain("my-letter.docx: error SGT001: In paragraph 3 of the body (\u201cAbout {{ child.nmae }}, born {{ child.dateOfBirth }}\u2026\u201d): `child.nmae` is not in the model");
        run.Out.ShouldContain("Did you mean `child.name`?");
        run.Out.ShouldEndWith("1 template checked, 1 error in 1 template." + Environment.NewLine);
    }

    [Fact]
    public void Generate_takes_the_kind_of_a_letter_typed_from_scratch_from_the_case_and_ignores_the_house_style()
    {
        var folder = Repo.NewTempFolder();
        TypedLetter(folder, "Our ref {{ reference }}", "Dear {{ recipient.name }}", "{{ for item in equipment }}", "{{ item.description }}", "{{ end }}");

        var run = CliRunner.RunIn(folder, "generate", Repo.Sample("device-allocation.json"), "--template", "my-letter.docx", "--out", "out", "--house-style", "nowhere.docx");
        run.ExitCode.ShouldBe(0, run.All);
        run.Error.ShouldContain("The house style is not used with a Word template");
        run.Out.ShouldContain("1 warning");
        var file = Path.Combine(folder, "out", "DA-2026-0042_JEP.docx");
        OpenXmlCheck.AssertValid(file);
        OpenXmlCheck.DocxText(file).ShouldBe("Our ref DA-2026-0042\nDear Mr Daniel Okafor\nLaptop, Dell Latitude 3440\nMobile broadband dongle\n".ReplaceLineEndings());
    }

    [Fact]
    public void Templates_lists_a_word_template_in_the_templates_folder_and_generate_finds_it_by_name()
    {
        var folder = Repo.NewTempFolder();
        var templates = Path.Combine(folder, "templates", "scriban");
        Directory.CreateDirectory(templates);
        CliRunner.RunIn(folder, "template", "new", "device-allocation", "--word", Path.Combine(templates, "school-letter.docx")).ExitCode.ShouldBe(0);

        var list = CliRunner.RunIn(folder, "templates");
        list.Out.ShouldMatch(@"(?m)^school-letter\.docx +device-allocation +word +templates/scriban/school-letter\.docx +Digital equipment");

        var run = CliRunner.RunIn(folder, "generate", Repo.Sample("device-allocation.json"), "--template", "school-letter.docx", "--out", "out");
        run.ExitCode.ShouldBe(0, run.All);
        OpenXmlCheck.AssertValid(Path.Combine(folder, "out", "DA-2026-0042_JEP.docx"));

        var wrongKind = CliRunner.RunIn(folder, "generate", Repo.Sample("strategy-meeting.json"), "--template", "school-letter.docx", "--out", "out");
        wrongKind.ExitCode.ShouldBe(2);
        wrongKind.Error.ShouldContain("Template 'school-letter.docx' is for device-allocation cases, but this case is strategy-meeting.");
    }
}
