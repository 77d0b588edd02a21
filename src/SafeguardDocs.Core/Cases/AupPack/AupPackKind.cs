namespace SafeguardDocs.Core.Cases.AupPack;

public static class AupPackKind
{
    public const string Name = "aup-pack";

    /// <summary>The template kind of the covering letter (not a case-file kind: letters are made by <c>pack</c>).</summary>
    public const string LetterName = "aup-pack-letter";

    /// <summary>
    /// The covering letter at the front of each family's pack: a document of the pack, made from the pack case
    /// and one family (<see cref="AupPackLetter.For"/>), rendered from <see cref="AupPackLetterView"/>.
    /// Declared before <see cref="Kind"/>, which lists it among its documents.
    /// </summary>
    public static DocumentKind<AupPackLetter, AupPackLetterView> Letter { get; } = new(
        LetterName,
        "Covering letter of a family's AUP pack (made by 'safeguard-docs pack')",
        AupPackLetterView.Create);

    /// <summary>
    /// A pack case is for a whole school, so it has no one person's initials: its files are named by the
    /// pack reference and a family number (<c>{reference}_F0001_{contact initials}.docx</c>).
    /// </summary>
    public static CaseKind<AupPackCase, CaseView<AupPackCase>> Kind { get; } = new(
        Name,
        new AupPackRules(),
        "Acceptable Use Policy packs for every family from the school's pupil export, with a print file and a return tracker (seed 004); made with 'safeguard-docs pack'",
        null,
        c => c.LetterDate,
        CaseView.Of)
    {
        MakesManyDocuments = true,
        Documents = [Letter, AupAgreement.AupAgreementKind.Kind.Document],
    };
}
