using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Generation.Settings;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>
/// Reads and saves the organisation's settings: Core's <see cref="OrganisationSettings"/>, kept in one row
/// of the database in the settings file format the CLI reads (<see cref="SettingsFile"/>), so the export
/// is that row and <c>--settings</c> accepts it.
/// </summary>
public sealed class SettingsStore(WebDb db)
{
    public async Task<OrganisationSettings> GetAsync()
    {
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync();
        if (row is null)
        {
            return OrganisationSettings.Default;
        }

        var read = SettingsFile.Parse(System.Text.Encoding.UTF8.GetBytes(row.Json), SettingsFile.FileName);
        return read.Settings ?? OrganisationSettings.Default;
    }

    /// <summary>The settings as a settings file, for <c>safeguard-docs … --settings FILE</c>.</summary>
    public async Task<byte[]> ExportAsync() => SettingsFile.Serialize(await GetAsync());

    public async Task SaveAsync(OrganisationSettings settings)
    {
        var json = System.Text.Encoding.UTF8.GetString(SettingsFile.Serialize(settings));
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
