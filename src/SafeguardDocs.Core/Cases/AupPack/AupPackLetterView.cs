using SafeguardDocs.Core.Cases.AupPack.Roster;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases.AupPack;

/// <summary>
/// What the covering letter of one family's AUP pack renders (Razor as <c>View</c>): the pack case's
/// details under the pack file's names (<c>academicYear</c>, <c>school</c>, <c>letterDate</c>,
/// <c>returnBy</c>), the family's <c>reference</c>, <c>contact</c> and <c>children</c>, the facts the
/// wording depends on worked out once (<c>oneChild</c>, <c>hasSiblings</c>, the school's address lines
/// that are not blank, <c>trust</c>, <c>dslName</c>, <c>headName</c>), and <c>settings</c> and <c>today</c>.
/// </summary>
public sealed class AupPackLetterView
{
    private readonly AupPackLetter _letter;

    public AupPackLetterView(AupPackLetter letter, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(settings);
        _letter = letter;
        Settings = settings;
        Today = today;
        SchoolAddress = [.. (letter.Pack.School?.Address ?? []).Where(line => !string.IsNullOrWhiteSpace(line))];
    }

    /// <summary>The view factory the covering letter's templates are registered with.</summary>
    public static Func<AupPackLetter, OrganisationSettings, DateOnly, AupPackLetterView> Create { get; } = (l, s, t) => new(l, s, t);

    // ---- the pack and the family, under the pack file's names ---------------------------------------

    /// <summary>The family's reference, <c>{pack reference}-F0001</c>.</summary>
    public string? Reference => _letter.Reference;

    public string? AcademicYear => _letter.Pack.AcademicYear;

    public AupPackSchool? School => _letter.Pack.School;

    public DateOnly? LetterDate => _letter.Pack.LetterDate;

    public DateOnly? ReturnBy => _letter.Pack.ReturnBy;

    /// <summary>The parent or carer the letter is addressed to.</summary>
    public RosterContact Contact => _letter.Contact;

    /// <summary>Eldest first, each with the version of the agreement enclosed for them.</summary>
    public IReadOnlyList<AupPackLetterChild> Children => _letter.Children;

    // ---- derived facts ------------------------------------------------------------------------------

    /// <summary>True when the pack is for one child (the letter then says "your child").</summary>
    public bool OneChild => _letter.Children.Count == 1;

    /// <summary>True when the pack is for more than one child (one photograph answer covers them all).</summary>
    public bool HasSiblings => _letter.Children.Count > 1;

    /// <summary>The school's address lines that are not blank.</summary>
    public IReadOnlyList<string> SchoolAddress { get; }

    /// <summary>The school's trust, or null when it has none.</summary>
    public string? Trust => Blank(School?.Trust);

    /// <summary>The Designated Safeguarding Lead's name, or null when the pack gives none.</summary>
    [PersonalData]
    public string? DslName => Blank(School?.DslName);

    /// <summary>The Head of School's name, or null when the pack gives none (the letter is then signed for the school).</summary>
    [PersonalData]
    public string? HeadName => Blank(School?.HeadName);

    /// <summary>The school's telephone number, or null.</summary>
    public string? Phone => Blank(School?.Phone);

    /// <summary>The school's email address, or null.</summary>
    public string? Email => Blank(School?.Email);

    // ---- context --------------------------------------------------------------------------------------

    /// <summary>The organisation's settings this letter is written with.</summary>
    public OrganisationSettings Settings { get; }

    /// <summary>Today's date, from the injected clock.</summary>
    public DateOnly Today { get; }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
