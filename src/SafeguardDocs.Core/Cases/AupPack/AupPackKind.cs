namespace SafeguardDocs.Core.Cases.AupPack;

public static class AupPackKind
{
    public const string Name = "aup-pack";

    /// <summary>
    /// A pack case is for a whole school, so it has no one person's initials: its files are named by the
    /// pack reference and a family number (<c>{reference}_F0001_{contact initials}.docx</c>).
    /// </summary>
    public static CaseKind<AupPackCase, CaseView<AupPackCase>> Kind { get; } = new(
        Name,
        new AupPackRules(),
        "Acceptable Use Policy packs for every family from the school's pupil export, with a print file and a return tracker (seed 004); made with 'safeguard-docs pack'",
        null,
        CaseView.Of)
    {
        MakesManyDocuments = true,
        DocumentKinds = [AupPackLetter.TemplateKind, AupAgreement.AupAgreementKind.Name],
    };
}
