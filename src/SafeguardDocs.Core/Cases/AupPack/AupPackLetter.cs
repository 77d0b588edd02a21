using SafeguardDocs.Core.Cases.AupPack.Roster;

namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>
/// What the covering letter at the front of one family's pack is made from: the pack case and the
/// family (its reference, its primary contact, and each child with the version of the agreement enclosed
/// for them). Built by the pack, never read from a file: the letter is a document of the
/// <c>aup-pack</c> kind (<see cref="AupPackKind.Letter"/>), not a case.
/// </summary>
public sealed record AupPackLetter
{
    /// <summary>The family's reference, <c>{pack reference}-F0001</c>, printed on the letter.</summary>
    public required string Reference { get; init; }

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
