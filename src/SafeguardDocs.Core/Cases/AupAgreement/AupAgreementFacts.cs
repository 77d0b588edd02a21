using System.Globalization;
using System.Text.RegularExpressions;

namespace SafeguardDocs.Core.Cases.AupAgreement;

/// <summary>One signature line on the agreement.</summary>
/// <param name="Label">Who signs, for example "Pupil" or "Parent or carer".</param>
/// <param name="Name">The name printed under the line, or null to leave it blank to fill in.</param>
/// <param name="Role">The signer's role where the version asks for one (staff, visitors).</param>
public sealed record SignatureLine(string Label, string? Name, string? Role);

/// <summary>Facts about an agreement that the rules and the templates both need, so that they agree.</summary>
public static partial class AupAgreementFacts
{
    /// <summary>
    /// The first calendar year of an academic year written <c>2026/27</c> (the second year must be the
    /// next one), or null when it is not written that way. Spaces around it are ignored.
    /// </summary>
    public static int? StartYearOf(string? academicYear)
    {
        var match = AcademicYearPattern().Match(academicYear?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return (start + 1) % 100 == end ? start : null;
    }

    /// <summary>The school year in England: 1 September to 31 August.</summary>
    public static (DateOnly First, DateOnly Last) DatesOf(int startYear) => (new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31));

    /// <summary>
    /// The signature lines, in order: for a pupil version the pupil's and a parent's or carer's (seed 004:
    /// parents endorse the pupil agreement by signature); otherwise the signer's alone, with their role
    /// for staff and visitors.
    /// </summary>
    public static IReadOnlyList<SignatureLine> SignatureLines(AupAgreementCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var audience = AupAudiences.Find(c.Audience);
        if (audience is null)
        {
            return [];
        }

        // Staff, volunteers and governors sign on a line labelled with their role ("Governor"), not "Member of staff".
        var role = audience.ShowsRole ? Blank(c.Signatory?.Role) : null;
        var signer = audience.Value == AupAudiences.Staff && role is not null
            ? new SignatureLine(role, Blank(c.Signatory?.Name), null)
            : new SignatureLine(audience.SignerLabel, Blank(c.Signatory?.Name), role);
        return audience.IsPupil
            ? [signer, new SignatureLine("Parent or carer", Blank(c.Parent?.Name), null)]
            : [signer];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^([0-9]{4})/([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex AcademicYearPattern();
}
