using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Core.Rules;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>
/// The organisation's settings, kept in the database and exported as a JSON file: the details its
/// documents use and the local numbers the rules depend on (<see cref="ValidationOptions"/>).
/// </summary>
public sealed record OrganisationSettings
{
    public static OrganisationSettings Default { get; } = new();

    /// <summary>The organisation's name, as its letterhead gives it.</summary>
    public string? OrganisationName { get; init; }

    /// <summary>The lines of the letterhead under the name: address, telephone, web site.</summary>
    public IReadOnlyList<string> Letterhead { get; init; } = [];

    /// <summary>How to reach the safeguarding unit (telephone or e-mail), for staff to find quickly.</summary>
    public string? SafeguardingUnitContact { get; init; }

    /// <summary>Days the organisation is closed besides weekends and bank holidays (INSET days), as YYYY-MM-DD.</summary>
    public IReadOnlyList<DateOnly> ExtraClosureDays { get; init; } = [];

    public int LadoMeetingWorkingDays { get; init; } = ValidationOptions.Default.LadoMeetingWorkingDays;

    public int AnnualCheckMonths { get; init; } = ValidationOptions.Default.AnnualCheckMonths;

    public int DeliveryChaseDays { get; init; } = ValidationOptions.Default.DeliveryChaseDays;

    public ValidationOptions ToValidationOptions() => ValidationOptions.Default with
    {
        LadoMeetingWorkingDays = LadoMeetingWorkingDays,
        AnnualCheckMonths = AnnualCheckMonths,
        DeliveryChaseDays = DeliveryChaseDays,
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Reads and saves the settings; one row in the database.</summary>
public sealed class SettingsStore(WebDb db)
{
    public async Task<OrganisationSettings> GetAsync()
    {
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync();
        return row is null ? OrganisationSettings.Default : JsonSerializer.Deserialize<OrganisationSettings>(row.Json, OrganisationSettings.Json) ?? OrganisationSettings.Default;
    }

    public async Task<ValidationOptions> ValidationOptionsAsync() => (await GetAsync()).ToValidationOptions();

    public async Task SaveAsync(OrganisationSettings settings)
    {
        var json = JsonSerializer.Serialize(settings, OrganisationSettings.Json);
        var row = await db.Settings.FirstOrDefaultAsync();
        if (row is null)
        {
            db.Settings.Add(new SettingsRow { Id = 1, Json = json });
        }
        else
        {
            row.Json = json;
        }

        await db.SaveChangesAsync();
    }
}
