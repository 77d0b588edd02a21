using SafeguardDocs.Core.Cases.AupAgreement;

namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>The agreements in a family's pack, as <see cref="AupAgreementCase"/>s for the <c>aup-agreement</c> template.</summary>
public static class AupPackAgreements
{
    /// <summary>The parent agreement (signed by the primary contact), then each child's at their key stage, eldest first.</summary>
    public static IEnumerable<AupAgreementCase> For(AupPackCase pack, AupFamily family)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(family);
        yield return Parent(pack, family);
        for (var i = 0; i < family.Pupils.Count; i++)
        {
            yield return Pupil(pack, family, i);
        }
    }

    /// <summary>The parent and carer agreement, for the primary contact to sign; its reference is the family's.</summary>
    public static AupAgreementCase Parent(AupPackCase pack, AupFamily family)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(family);
        return Common(pack) with
        {
            Reference = AupFamilies.FamilyReference(pack.Reference!, family),
            Audience = AupAudiences.Parent,
            Signatory = new AupSignatory { Name = family.Contact.FullName },
        };
    }

    /// <summary>
    /// The agreement of the family's child at <paramref name="index"/>: the version for their year group,
    /// signed by them and endorsed by the primary contact (seed 004, Parents).
    /// </summary>
    public static AupAgreementCase Pupil(AupPackCase pack, AupFamily family, int index)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(family);
        var pupil = family.Pupils[index];
        return Common(pack) with
        {
            Reference = AupFamilies.PupilReference(pack.Reference!, family, index),
            Audience = AupFamilies.AudienceFor(pupil.YearGroup).Value,
            Signatory = new AupSignatory { Name = pupil.FullName, YearGroup = pupil.YearGroup },
            Parent = new AupParent { Name = family.Contact.FullName },
        };
    }

    private static AupAgreementCase Common(AupPackCase pack) => new()
    {
        Kind = AupAgreementKind.Name,
        AcademicYear = pack.AcademicYear,
        School = new AupSchool { Name = pack.School?.Name, Trust = pack.School?.Trust, DslName = pack.School?.DslName },
        ReturnBy = pack.ReturnBy,
    };
}
