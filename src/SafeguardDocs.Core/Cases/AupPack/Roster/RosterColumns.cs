using System.Text;

namespace SafeguardDocs.Core.Cases.AupPack.Roster;

/// <summary>
/// One column the pack reads from the pupil export, whatever the MIS calls it.
/// </summary>
/// <param name="Name">The name used with <c>--map</c>, for example <c>Year</c> in <c>--map "Year=NC Year"</c>.</param>
/// <param name="Required">A required column that is missing stops the run before anything is written.</param>
/// <param name="Headers">The headers looked for, in order; the first found is used. Compared ignoring case, spaces and punctuation.</param>
/// <param name="Meaning">What the column holds, in a few words, for messages.</param>
public sealed record RosterColumn(string Name, bool Required, IReadOnlyList<string> Headers, string Meaning)
{
    /// <summary>The headers as a message lists them: <c>"Year", "NC Year" or "Year Group"</c>.</summary>
    public string HeadersListed =>
        Headers.Count == 1 ? $"\"{Headers[0]}\"" : $"{string.Join(", ", Headers.Take(Headers.Count - 1).Select(h => $"\"{h}\""))} or \"{Headers[^1]}\"";
}

/// <summary>
/// The columns of a school MIS pupil export that the pack uses, with the headers different MIS
/// products give them. Anything else in the export (gender, relationship, other contacts) is not read.
/// </summary>
public static class RosterColumns
{
    public static readonly RosterColumn Upn = new("UPN", true, ["UPN", "Unique Pupil Number", "Pupil UPN"], "the pupil's UPN");
    public static readonly RosterColumn Surname = new("Surname", true, ["Legal Surname", "Surname", "Pupil Surname", "Last Name", "Family Name"], "the pupil's surname");
    public static readonly RosterColumn Forename = new("Forename", true, ["Legal Forename", "Forename", "Pupil Forename", "First Name", "Given Name"], "the pupil's forename");
    public static readonly RosterColumn PreferredForename = new("PreferredForename", false, ["Preferred Forename", "Preferred Name", "Known As", "Chosen Name"], "the forename the pupil is known by");
    public static readonly RosterColumn Year = new("Year", true, ["Year", "NC Year", "Year Group", "National Curriculum Year", "Curriculum Year"], "the pupil's year group");
    public static readonly RosterColumn Reg = new("Reg", false, ["Reg", "Reg Group", "Registration Group", "Form", "Tutor Group", "Class"], "the pupil's registration group");
    public static readonly RosterColumn DateOfBirth = new("DOB", false, ["DOB", "Date of Birth", "Birth Date", "Birthdate"], "the pupil's date of birth");
    public static readonly RosterColumn ContactTitle = new("ContactTitle", false, ["Primary Contact Title", "Contact Title", "Contact 1 Title", "Priority 1 Contact Title", "Parent Title"], "the primary contact's title");
    public static readonly RosterColumn ContactForename = new("ContactForename", true, ["Primary Contact Forename", "Contact Forename", "Contact 1 Forename", "Priority 1 Contact Forename", "Parent Forename"], "the primary contact's forename");
    public static readonly RosterColumn ContactSurname = new("ContactSurname", true, ["Primary Contact Surname", "Contact Surname", "Contact 1 Surname", "Priority 1 Contact Surname", "Parent Surname"], "the primary contact's surname");
    public static readonly RosterColumn ContactEmail = new("ContactEmail", false, ["Primary Contact Email", "Contact Email", "Contact 1 Email", "Priority 1 Contact Email", "Parent Email"], "the primary contact's email address");
    public static readonly RosterColumn Address1 = new("Address1", false, ["Address Line 1", "Address 1", "Street"], "the first line of the family's address");
    public static readonly RosterColumn Address2 = new("Address2", false, ["Address Line 2", "Address 2", "Locality"], "the second line of the family's address");
    public static readonly RosterColumn Town = new("Town", false, ["Town", "Town/City", "City", "Post Town"], "the family's town");
    public static readonly RosterColumn Postcode = new("Postcode", false, ["Postcode", "Post Code", "Postal Code"], "the family's postcode");

    /// <summary>Every column, in the order the README lists them.</summary>
    public static IReadOnlyList<RosterColumn> All { get; } =
    [
        Upn, Surname, Forename, PreferredForename, Year, Reg, DateOfBirth,
        ContactTitle, ContactForename, ContactSurname, ContactEmail, Address1, Address2, Town, Postcode,
    ];

    /// <summary>The column a <c>--map</c> name means (any case), or null.</summary>
    public static RosterColumn? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The names <c>--map</c> accepts, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(c => c.Name));

    /// <summary>A header reduced to letters and digits in lower case, so "Reg Group", "reg_group" and "RegGroup" match.</summary>
    public static string Normalise(string? header)
    {
        var text = new StringBuilder();
        foreach (var c in header ?? string.Empty)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
