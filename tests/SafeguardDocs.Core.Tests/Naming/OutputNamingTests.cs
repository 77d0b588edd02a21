using SafeguardDocs.Core.Naming;

namespace SafeguardDocs.Core.Tests.Naming;

public sealed class OutputNamingTests
{
    [Theory]
    [InlineData("Jordan Ellis-Price", "JEP")]
    [InlineData("Siân Ó Súilleabháin", "SOS")]
    [InlineData("  amara   bello ", "AB")]
    [InlineData("Zoë Łukasz-Øberg", "ZLO")]
    [InlineData("مريم Khan", "K")]
    [InlineData("", "")]
    public void Initials_are_first_letters_of_each_part_folded_to_a_to_z(string name, string expected) =>
        OutputNaming.Initials(name).ShouldBe(expected);

    [Theory]
    [InlineData("DA-2026-0042", true)]
    [InlineData("AUP_2026", true)]
    [InlineData("../x", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    [InlineData("C:x", false)]
    public void Only_letters_digits_hyphens_and_underscores_make_a_reference(string reference, bool safe) =>
        OutputNaming.IsSafeReference(reference).ShouldBe(safe);

    [Fact]
    public void The_file_stem_is_reference_and_initials() =>
        OutputNaming.FileStem("DA-2026-0042", "JEP").ShouldBe("DA-2026-0042_JEP");

    [Fact]
    public void An_unsafe_reference_never_becomes_a_file_name() =>
        Should.Throw<ArgumentException>(() => OutputNaming.FileStem("../../x", "AB"));
}
