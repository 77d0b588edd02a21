using System.Globalization;
using SafeguardDocs.Core.Cases.AupAgreement;
using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Core.Naming;

namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>The pupils who share a primary contact, and so one pack.</summary>
/// <param name="Number">1-based, in the order of <see cref="AupFamilies.Group"/>.</param>
/// <param name="Contact">The primary contact the pack is addressed to (as on the family's first row in the export).</param>
/// <param name="Pupils">Eldest first.</param>
public sealed record AupFamily(int Number, RosterContact Contact, IReadOnlyList<RosterPupil> Pupils)
{
    /// <summary>The family's part of the pack's references and file names: <c>F0001</c>.</summary>
    public string Code => "F" + Number.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>Groups pupils into families and names what each family is sent.</summary>
public static class AupFamilies
{
    /// <summary>
    /// Pupils grouped by primary contact: the same email address (any case) is one family; without an
    /// email, the same contact name and postcode (or, without a postcode, the same first address line).
    /// A pupil whose contact has none of these is a family alone: two strangers' children must never share
    /// a pack. Families are numbered in order of the contact's surname, then forename, then key, so that the
    /// same export always gives the same numbers and the print file comes out in envelope order.
    /// </summary>
    public static IReadOnlyList<AupFamily> Group(IEnumerable<RosterPupil> pupils)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        var comparer = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        return [.. pupils
            .GroupBy(KeyOf, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Contact: g.First().Contact, Pupils: g
                .OrderByDescending(p => p.YearGroup)
                .ThenBy(p => p.DateOfBirth ?? DateOnly.MaxValue)
                .ThenBy(p => p.Forename, comparer)
                .ThenBy(p => p.Upn, StringComparer.Ordinal)
                .ToList()))
            .OrderBy(f => f.Contact.Surname, comparer)
            .ThenBy(f => f.Contact.Forename ?? string.Empty, comparer)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select((f, i) => new AupFamily(i + 1, f.Contact, f.Pupils))];
    }

    /// <summary>The grouping key of a pupil's contact. Never shown: it is personal data.</summary>
    internal static string KeyOf(RosterPupil pupil)
    {
        var contact = pupil.Contact;
        if (contact.HasEmail)
        {
            return "email:" + contact.Email!.Trim().ToUpperInvariant();
        }

        var name = Squash(contact.FullName);
        if (Squash(contact.Postcode) is { Length: > 0 } postcode)
        {
            return $"post:{name}|{postcode}";
        }

        return contact.Address.Count > 0 && Squash(contact.Address[0]) is { Length: > 0 } street
            ? $"street:{name}|{street}"
            : "line:" + pupil.Line.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The version of the agreement for a year group: Reception to Year 2, Years 3 to 6, Years 7 to 13.</summary>
    public static AupAudience AudienceFor(int yearGroup) =>
        AupAudiences.All.FirstOrDefault(a => a.IsPupil && a.Fits(yearGroup))
        ?? throw new ArgumentOutOfRangeException(nameof(yearGroup), "Year groups run from 0 (Reception) to 13.");

    /// <summary>A pupil version's short name, as the covering letter says it: "the Key Stage 2 version".</summary>
    public static string VersionName(AupAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience.Value switch
        {
            AupAudiences.PupilEarlyYears => "Early Years and Key Stage 1",
            AupAudiences.PupilKs2 => "Key Stage 2",
            AupAudiences.PupilSecondary => "secondary",
            _ => audience.Label,
        };
    }

    /// <summary>The family's pack file name without its extension (the document writer adds it): <c>{reference}_F0001_{contact initials}</c>. Never a name.</summary>
    public static string PackFileStem(string packReference, AupFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return OutputNaming.FileStem($"{packReference}_{family.Code}", OutputNaming.Initials(family.Contact.FullName));
    }

    /// <summary>The reference printed on the letter and the parent agreement: <c>{reference}-F0001</c>.</summary>
    public static string FamilyReference(string packReference, AupFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return $"{packReference}-{family.Code}";
    }

    /// <summary>
    /// The reference printed on a pupil's agreement, and in the tracker beside the pupil, so that the office
    /// can match a returned form to its row: <c>{reference}-F0001-2</c> for the family's second child.
    /// </summary>
    public static string PupilReference(string packReference, AupFamily family, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{FamilyReference(packReference, family)}-{index + 1}");

    private static string Squash(string? text) =>
        new([.. OutputNaming.FoldToAscii(text ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
