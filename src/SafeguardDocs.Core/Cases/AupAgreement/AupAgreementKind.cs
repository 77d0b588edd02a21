namespace SafeguardDocs.Core.Cases.AupAgreement;

public static class AupAgreementKind
{
    public const string Name = "aup-agreement";

    /// <summary>File name: the reference and the signatory's initials.</summary>
    public static CaseKind<AupAgreementCase, AupAgreementView> Kind { get; } = new(
        Name,
        new AupAgreementRules(),
        "Acceptable Use Policy agreement for one person: pupil (three key-stage versions), parent, staff or visitor (seed 004)",
        c => c.Signatory?.Name,
        c => c.ReturnBy,
        AupAgreementView.Create);
}
