using static SafeguardDocs.Analyzers.Tests.AnalyzerHarness;

namespace SafeguardDocs.Analyzers.Tests;

/// <summary>SGD001: a [PersonalData] member must never reach a file or folder name.</summary>
public sealed class PersonalDataInFileNameTests
{
    private const string Id = "SGD001";

    [Fact]
    public void Child_name_in_file_path_is_an_error()
    {
        var diagnostics = ShouldReport(Id, """
            static class Letters
            {
                static string PathFor(DeviceAllocationCase c, string folder) =>
                    Path.Combine(folder, [|c.Child?.Name|] ?? "unnamed");
            }
            """);

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Severity.ShouldBe(Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            "'AllocatedChild.Name' is personal data and reaches a file or folder name through 'Path.Combine'; "
            + "name the file with the case reference and OutputNaming.Initials(...) instead");
        Describe(diagnostic.Id, diagnostic.Location.GetLineSpan().Span).ShouldBe("SGD001 (4,30)-(4,43)");
    }

    [Fact]
    public void Name_interpolated_into_a_file_name_is_an_error_once()
    {
        // File.WriteAllText's path is Path.Combine(...), itself a sink: one finding, at the name.
        ShouldReport(Id, """
            static class Letters
            {
                static void Save(DeviceAllocationCase c, string folder) =>
                    File.WriteAllText(Path.Combine(folder, $"{c.Reference}_{[|c.Child?.Name|]}.txt"), "letter");
            }
            """);
    }

    [Fact]
    public void Name_through_a_local_variable_is_an_error_at_the_use()
    {
        var diagnostics = ShouldReport(Id, """
            static class Letters
            {
                static FileStream Open(DeviceAllocationCase c, string folder)
                {
                    var name = c.Recipient?.Name ?? "recipient";
                    var fileName = name.Trim() + ".docx";
                    return new FileStream(Path.Join(folder, [|fileName|]), FileMode.Create);
                }
            }
            """);

        // The additional location points at where the personal data was read.
        var origin = diagnostics.ShouldHaveSingleItem().AdditionalLocations.ShouldHaveSingleItem();
        Describe("origin", origin.GetLineSpan().Span).ShouldBe("origin (5,20)-(5,37)");
    }

    [Fact]
    public void Date_of_birth_formatted_into_a_folder_name_is_an_error()
    {
        ShouldReport(Id, """
            static class Folders
            {
                static void Make(AllocatedChild child, string root)
                {
                    Directory.CreateDirectory(root + "/" + [|child.DateOfBirth|].ToString());
                    Directory.CreateDirectory(string.Format("{0}/{1}", root, [|child.Name|]));
                    _ = new DirectoryInfo(Path.ChangeExtension([|child.Name|] ?? "x", ".d"));
                }
            }
            """);
    }

    [Fact]
    public void Address_lines_and_emails_are_personal_too()
    {
        ShouldReport(Id, """
            static class Folders
            {
                static void Make(DeviceAllocationCase c, string root)
                {
                    foreach (var line in c.Recipient?.Address ?? [])
                    {
                        Directory.CreateDirectory(Path.Combine(root, [|line|]));
                    }

                    _ = new FileInfo(Path.GetFullPath([|c.Provider?.Email|] ?? "x"));
                    File.Move(Path.Combine(root, "a"), root + string.Join("-", [|c.Recipient?.Address|] ?? []));
                }
            }
            """);
    }

    [Fact]
    public void A_record_that_prints_personal_data_is_an_error_in_a_file_name()
    {
        // A record's generated ToString() prints every property: AllocatedChild { Name = ..., DateOfBirth = ... }.
        ShouldReport(Id, """
            static class Folders
            {
                static string Make(DeviceAllocationCase c, string root) => Path.Combine(root, $"{[|c.Child|]}");
            }
            """);
    }

    [Fact]
    public void Raw_name_into_the_output_naming_code_is_an_error()
    {
        ShouldReport(Id, """
            static class Naming
            {
                static string Stem(DeviceAllocationCase c) => OutputNaming.FileStem(c.Reference!, [|c.Child?.Name|]);

                static void Write(DeviceAllocationCase c, byte[] bytes) =>
                    AtomicFile.WriteAllBytes([|c.Child!.Name|] + ".docx", bytes);
            }
            """);
    }

    [Fact]
    public void Personal_data_parameter_in_a_path_is_an_error()
    {
        ShouldReport(Id, """
            static class Folders
            {
                static string Make(string root, [PersonalData] string childName) => Path.Combine(root, [|childName|]);
            }
            """);
    }

    [Fact]
    public void Initials_through_the_anonymising_method_are_fine()
    {
        ShouldReportNothing("""
            static class Naming
            {
                static string Stem(DeviceAllocationCase c) =>
                    OutputNaming.FileStem(c.Reference!, OutputNaming.Initials(c.Child?.Name));

                static string PathFor(DeviceAllocationCase c, string folder)
                {
                    var initials = OutputNaming.Initials(c.Child?.Name);
                    return Path.Combine(folder, $"{c.Reference}_{initials}.docx");
                }
            }
            """);
    }

    [Fact]
    public void A_method_of_our_own_marked_anonymising_is_fine()
    {
        // The attribute is recognised by its name, wherever it is declared.
        ShouldReportNothing("""
            namespace Elsewhere
            {
                [AttributeUsage(AttributeTargets.Method)]
                sealed class AnonymisesPersonalDataAttribute : Attribute;

                static class Hashing
                {
                    [AnonymisesPersonalData]
                    public static string Pseudonym(string? name) => (name?.Length ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);

                    static string PathFor(AllocatedChild child, string folder) => Path.Combine(folder, Pseudonym(child.Name));
                }
            }
            """);
    }

    [Fact]
    public void Non_personal_fields_in_a_path_are_fine()
    {
        ShouldReportNothing("""
            static class Folders
            {
                static string Make(DeviceAllocationCase c, string root) =>
                    Path.Combine(root, c.Reference ?? "none", c.Equipment?[0].SerialNumber ?? "x", c.Provider?.Organisation ?? "org");
            }
            """);
    }

    [Fact]
    public void Personal_data_written_into_a_file_is_not_a_file_name()
    {
        // A letter names the child; what matters is that the file's name does not.
        ShouldReportNothing("""
            static class Letters
            {
                static void Save(DeviceAllocationCase c, string path)
                {
                    File.WriteAllText(path, $"Re: {c.Child?.Name}");
                    using var writer = new StreamWriter(path);
                    writer.WriteLine(c.Child?.Name);
                }
            }
            """);
    }

    [Fact]
    public void A_yes_or_no_about_personal_data_is_not_personal_data()
    {
        ShouldReportNothing("""
            static class Folders
            {
                static string Make(AllocatedChild child, string root) =>
                    Path.Combine(root, string.IsNullOrEmpty(child.Name) ? "unnamed" : "named");
            }
            """);
    }
}
