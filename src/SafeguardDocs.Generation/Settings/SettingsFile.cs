using System.Globalization;
using System.Text.Json;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Generation.Settings;

/// <summary>Organisation settings as read, or why they could not be.</summary>
public sealed record SettingsReadResult(OrganisationSettings? Settings, IReadOnlyList<Finding> Errors, string? File)
{
    public bool Succeeded => Settings is not null && Errors.Count == 0;
}

/// <summary>
/// Reads <see cref="OrganisationSettings"/> from a JSON file (every property optional; what is left out
/// keeps the default from the seeds). Strict: malformed JSON, an unknown property, a value of the wrong
/// type or out of range are each reported with the file, line, column and JSON path, and what to do.
/// </summary>
public static class SettingsFile
{
    public const string FileName = "settings.json";

    public const string UnreadableId = "SET001";
    public const string MalformedId = "SET002";
    public const string UnknownPropertyId = "SET003";
    public const string BadValueId = "SET004";

    private const string Known = "ladoMeetingWorkingDays, annualCheckMonths, deliveryChaseDays, extraClosureDays, safeguardingUnit, safeSchoolsTeam, usefulWebsites, retentionYearsAfterBirth, retentionYears";

    /// <summary>
    /// The settings to use: the file given (<c>--settings</c>), which must exist; else <c>settings.json</c>
    /// in <paramref name="dataFolder"/> when there is one; else the defaults.
    /// </summary>
    public static SettingsReadResult Locate(string? settingsPath, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        if (settingsPath is not null)
        {
            return Read(settingsPath);
        }

        var inData = Path.Combine(dataFolder, FileName);
        return File.Exists(inData) ? Read(inData) : new SettingsReadResult(OrganisationSettings.Default, [], null);
    }

    /// <summary>Reads a settings file.</summary>
    public static SettingsReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (!File.Exists(path))
            {
                return Failed(path, new Finding(UnreadableId, Severity.Error, string.Empty, "The settings file does not exist. Check the path given to --settings, or leave it out to use the data folder's settings.json or the defaults.") { File = path });
            }

            return Parse(File.ReadAllBytes(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, new Finding(UnreadableId, Severity.Error, string.Empty, "The settings file could not be opened. Check that it is a file you have permission to read.") { File = path });
        }
    }

    /// <summary>Reads settings from UTF-8 JSON in memory; <paramref name="name"/> names it in diagnostics.</summary>
    public static SettingsReadResult Parse(ReadOnlySpan<byte> utf8, string name)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return Failed(name, new Finding(MalformedId, Severity.Error, "$", "The settings file is not valid JSON at this point. Look for a missing comma, quote or bracket just before it.")
            {
                File = name,
                Line = (int)(e.LineNumber ?? 0) + 1,
                Column = (int)(e.BytePositionInLine ?? 0) + 1,
            });
        }

        using (document)
        {
            var positions = JsonPositions.Read(utf8);
            var reader = new Reader(name, positions);
            var settings = reader.Root(document.RootElement);
            return reader.Errors.Count == 0 ? new SettingsReadResult(settings, [], name) : new SettingsReadResult(null, reader.Errors, name);
        }
    }

    private static SettingsReadResult Failed(string file, Finding error) => new(null, [error], file);

    private sealed class Reader(string file, JsonPositions positions)
    {
        public List<Finding> Errors { get; } = [];

        public OrganisationSettings Root(JsonElement root)
        {
            var settings = OrganisationSettings.Default;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error(MalformedId, "$", "A settings file is one JSON object, starting with '{'.");
                return settings;
            }

            foreach (var property in root.EnumerateObject())
            {
                var path = $"$.{property.Name}";
                var value = property.Value;
                switch (property.Name)
                {
                    case "ladoMeetingWorkingDays":
                        settings = settings with { LadoMeetingWorkingDays = Whole(value, path, 1, 30, settings.LadoMeetingWorkingDays) };
                        break;
                    case "retentionYearsAfterBirth":
                        settings = settings with { RetentionYearsAfterBirth = Whole(value, path, 18, 100, settings.RetentionYearsAfterBirth) };
                        break;
                    case "retentionYears":
                        settings = settings with { RetentionYears = Whole(value, path, 1, 100, settings.RetentionYears) };
                        break;
                    case "annualCheckMonths":
                        settings = settings with { AnnualCheckMonths = Whole(value, path, 1, 36, settings.AnnualCheckMonths) };
                        break;
                    case "deliveryChaseDays":
                        settings = settings with { DeliveryChaseDays = Whole(value, path, 1, 365, settings.DeliveryChaseDays) };
                        break;
                    case "extraClosureDays":
                        settings = settings with { ExtraClosureDays = Dates(value, path) };
                        break;
                    case "safeguardingUnit":
                        settings = settings with { SafeguardingUnit = Contact(value, path) ?? settings.SafeguardingUnit };
                        break;
                    case "safeSchoolsTeam":
                        settings = settings with { SafeSchoolsTeam = Contact(value, path) ?? settings.SafeSchoolsTeam };
                        break;
                    case "usefulWebsites":
                        settings = settings with { UsefulWebsites = Websites(value, path) };
                        break;
                    default:
                        Error(UnknownPropertyId, path, $"This is not a setting. Remove it, or check its spelling: the settings are {Known}.");
                        break;
                }
            }

            return settings;
        }

        private int Whole(JsonElement value, string path, int min, int max, int fallback)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max)
            {
                return n;
            }

            Error(BadValueId, path, string.Create(CultureInfo.InvariantCulture, $"This setting must be a whole number from {min} to {max}. Correct it, or remove it to use the default."));
            return fallback;
        }

        private List<DateOnly> Dates(JsonElement value, string path)
        {
            var dates = new List<DateOnly>();
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(BadValueId, path, "This setting must be a list of dates written YYYY-MM-DD, like [\"2026-12-29\"].");
                return dates;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(item.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(date);
                }
                else
                {
                    Error(BadValueId, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), "A closure day must be a real date written YYYY-MM-DD, in quotes.");
                }

                i++;
            }

            return [.. dates.Distinct().Order()];
        }

        private OrganisationContact? Contact(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(BadValueId, path, "This setting must be an object with \"name\" and, if known, \"phone\" and \"email\".");
                return null;
            }

            string? name = null, phone = null, email = null;
            foreach (var property in value.EnumerateObject())
            {
                var at = $"{path}.{property.Name}";
                switch (property.Name)
                {
                    case "name":
                        name = Text(property.Value, at);
                        break;
                    case "phone":
                        phone = Text(property.Value, at);
                        break;
                    case "email":
                        email = Text(property.Value, at);
                        break;
                    default:
                        Error(UnknownPropertyId, at, "A contact has \"name\", \"phone\" and \"email\" only. Remove this property or check its spelling.");
                        break;
                }
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                Error(BadValueId, path, "A contact needs a \"name\". Add it, or remove the contact to use the default.");
                return null;
            }

            return new OrganisationContact(name, phone, email);
        }

        private List<UsefulWebsite> Websites(JsonElement value, string path)
        {
            var sites = new List<UsefulWebsite>();
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(BadValueId, path, "This setting must be a list of websites, each with \"name\" and \"address\".");
                return sites;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(BadValueId, at, "A website must be an object with \"name\" and \"address\".");
                    continue;
                }

                string? name = null, address = null;
                foreach (var property in item.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "name":
                            name = Text(property.Value, $"{at}.name");
                            break;
                        case "address":
                            address = Text(property.Value, $"{at}.address");
                            break;
                        default:
                            Error(UnknownPropertyId, $"{at}.{property.Name}", "A website has \"name\" and \"address\" only. Remove this property or check its spelling.");
                            break;
                    }
                }

                if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(address))
                {
                    Error(BadValueId, at, "A website needs both \"name\" and \"address\".");
                    continue;
                }

                sites.Add(new UsefulWebsite(name, address));
            }

            return sites;
        }

        private string? Text(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            Error(BadValueId, path, "This must be text, in quotes.");
            return null;
        }

        private void Error(string id, string path, string message)
        {
            var position = positions.Find(path);
            Errors.Add(new Finding(id, Severity.Error, path, message) { File = file, Line = position?.Line, Column = position?.Column });
        }
    }
}
