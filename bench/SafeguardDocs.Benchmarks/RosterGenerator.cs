using System.Globalization;
using System.Text;

namespace SafeguardDocs.Benchmarks;

/// <summary>
/// A synthetic MIS export in the sample roster's columns: families of one to three children sharing a
/// primary contact and address, year groups Reception to Year 13 with dates of birth to match, unique UPNs.
/// Deterministic (fixed seed); the people are invented.
/// </summary>
internal static class RosterGenerator
{
    private static readonly string[] Surnames = ["Clarke", "Evans", "Patel", "Nowak", "Okafor", "Hughes", "Begum", "Murphy", "Khan", "Walsh", "Taylor", "Ahmed", "Jones", "Kowalski", "Mensah", "Reid"];
    private static readonly string[] Girls = ["Isla", "Chloe", "Amara", "Zofia", "Ruby", "Aisha", "Freya", "Siân", "Maya", "Niamh"];
    private static readonly string[] Boys = ["George", "Oliver", "Kacper", "Tomás", "Yusuf", "Leo", "Kwame", "Rhys", "Arjun", "Finn"];
    private static readonly string[] Adults = ["Emma", "Gemma", "David", "Priya", "Marek", "Grace", "Samuel", "Fatima"];
    private static readonly string[] Relationships = ["Mother", "Father", "Grandparent", "Carer"];
    private static readonly string[] Streets = ["Station Road", "The Crescent", "Church Lane", "Mill Street", "Park View"];
    private static readonly string[] Towns = ["Poole", "Ferndown", "Wimborne", "Bournemouth"];

    /// <returns>The number of families.</returns>
    public static int Write(string path, string header, int pupils)
    {
        var columns = header.Split(',');
        var random = new Random(20261122);
        var text = new StringBuilder(header).Append('\n');
        int written = 0, family = 0;
        while (written < pupils)
        {
            family++;
            var surname = Surnames[random.Next(Surnames.Length)];
            var contact = Adults[random.Next(Adults.Length)];
            var address = $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}";
            var town = Towns[random.Next(Towns.Length)];
            var postcode = $"BH{random.Next(1, 25)} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
            var email = $"{contact.ToLowerInvariant()}.{surname.ToLowerInvariant()}{family}@example.net";
            var children = Math.Min(pupils - written, random.Next(1, 4));
            for (var c = 0; c < children; c++, written++)
            {
                var girl = random.Next(2) == 0;
                var year = random.Next(0, 14);
                var born = new DateOnly(2021 - year, 9, 1).AddDays(random.Next(365));
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["UPN"] = $"{(char)('A' + random.Next(26))}{written + 100000000000L:D12}",
                    ["Legal Surname"] = surname,
                    ["Legal Forename"] = girl ? Girls[random.Next(Girls.Length)] : Boys[random.Next(Boys.Length)],
                    ["Preferred Forename"] = string.Empty,
                    ["Year"] = year == 0 ? "Reception" : $"Year {year}",
                    ["Reg"] = year == 0 ? "RA" : $"{year}{(char)('A' + random.Next(3))}",
                    ["DOB"] = born.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["Gender"] = girl ? "F" : "M",
                    ["Primary Contact Title"] = "Mx",
                    ["Primary Contact Forename"] = contact,
                    ["Primary Contact Surname"] = surname,
                    ["Primary Contact Relationship"] = Relationships[random.Next(Relationships.Length)],
                    ["Primary Contact Email"] = email,
                    ["Address Line 1"] = address,
                    ["Address Line 2"] = string.Empty,
                    ["Town"] = town,
                    ["Postcode"] = postcode,
                };
                text.AppendJoin(',', columns.Select(h => values.TryGetValue(h, out var v) ? v : string.Empty)).Append('\n');
            }
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return family;
    }
}
