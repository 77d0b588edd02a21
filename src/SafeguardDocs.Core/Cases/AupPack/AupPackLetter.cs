using SafeguardDocs.Core.Cases.AupPack.Roster;

namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>
/// The covering letter at the front of one family's pack: what the agreements are, which are enclosed
/// for which child, how and by when to return them, photographs, and whom to contact. Built by the pack
/// from the pack case and one family; not read from a file.
/// </summary>
public sealed record AupPackLetter : CaseFile
{
    /// <summary>The template kind of the covering letter (not a case-file kind: letters are made by <c>pack</c>).</summary>
    public const string TemplateKind = "aup-pack-letter";

    public required AupPackCase Pack { get; init; }

    public required RosterContact Contact { get; init; }

    /// <summary>Eldest first, each with the version of the agreement enclosed for them.</summary>
    public required IReadOnlyList<AupPackLetterChild> Children { get; init; }

    /// <summary>The letter for one family; its reference is the family's (<c>{reference}-F0001</c>).</summary>
    public static AupPackLetter For(AupPackCase pack, AupFamily family)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(family);
        return new AupPackLetter
        {
            Kind = TemplateKind,
            Reference = AupFamilies.FamilyReference(pack.Reference!, family),
            Pack = pack,
            Contact = family.Contact,
            Children = [.. family.Pupils.Select(p => new AupPackLetterChild
            {
                Forename = p.Forename,
                Year = YearGroups.Label(p.YearGroup),
                Version = AupFamilies.VersionName(AupFamilies.AudienceFor(p.YearGroup)),
            })],
        };
    }
}

/// <summary>One child as the letter lists them.</summary>
public sealed record AupPackLetterChild
{
    /// <summary>The name the child is known by.</summary>
    [PersonalData]
    public required string Forename { get; init; }

    /// <summary>"Reception" or "Year 7".</summary>
    public required string Year { get; init; }

    /// <summary>The version of the agreement enclosed, as the letter names it: "Early Years and Key Stage 1", "Key Stage 2" or "secondary".</summary>
    public required string Version { get; init; }
}
