using System.Globalization;
using SafeguardDocs.Records;

namespace SafeguardDocs.Cli.Commands;

/// <summary>How entries of the register are shown: never the case data, only what the register holds.</summary>
internal static class RegisterPrinting
{
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"entry 12: viewing-decision VR-2026-0007, issued 22 November 2026 09:00 UTC by jsmith".</summary>
    public static string Issue(RegisterEntry issue) =>
        $"entry {issue.Id}: {issue.Kind} {issue.Reference ?? "(reference removed at the end of its retention)"}, issued {When(issue.At)} by {issue.By}"
        + (issue.RefersTo is { } replaced ? $", correcting entry {replaced} ({issue.Reason})" : string.Empty);

    /// <summary>The register in the data folder, or null (and the message printed) when there is none.</summary>
    public static DocumentRegister? OpenExisting(string dataFolder, CliEnvironment env)
    {
        if (DocumentRegister.ExistsIn(dataFolder))
        {
            return DocumentRegister.Open(dataFolder, env.Clock);
        }

        env.Error.WriteLine($"There is no register in {env.Show(dataFolder)} (no {DocumentRegister.FileName}). Give the data folder the documents were issued with: --data DIR.");
        return null;
    }
}
