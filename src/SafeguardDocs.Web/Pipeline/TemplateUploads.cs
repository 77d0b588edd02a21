using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>What an upload came to: the template accepted, or every reason it was refused (nothing is kept then).</summary>
public sealed record UploadResult(UploadedTemplate? Template, IReadOnlyList<string> Problems);

/// <summary>
/// Word templates uploaded by administrators. Each is checked exactly as <c>safeguard-docs check --kind KIND</c>
/// checks it (<see cref="WordDocumentTemplate.Parse"/>, with the same size and package limits) before it is
/// kept; one with problems is refused and nothing is written. Accepted files go to
/// <c>&lt;data&gt;/templates/</c> (readable by the owner only) under a name the app makes, with a row in the
/// database saying who uploaded it and when. Staff then choose them through <see cref="CasePipeline"/>.
/// </summary>
public sealed class TemplateUploads(WebDb db, WebSettings settings, TimeProvider clock)
{
    public const string FolderName = "templates";

    /// <summary>The most characters of a made-up name, before <c>.docx</c>.</summary>
    private const int MaxStemLength = 60;

    /// <summary>Where accepted templates are kept.</summary>
    public static string Folder(string dataFolder) => Path.Combine(dataFolder, FolderName);

    public async Task<IReadOnlyList<UploadedTemplate>> ListAsync() =>
        (await db.UploadedTemplates.AsNoTracking().ToListAsync()).OrderBy(t => t.Kind, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Checks an uploaded .docx for <paramref name="kindName"/> and keeps it when it has no problems.</summary>
    public async Task<UploadResult> AddAsync(byte[] docx, string? uploadedFileName, string? kindName, string uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(uploadedBy);
        var kind = CaseKinds.Find(kindName);
        if (kind is null || kind.MakesManyDocuments)
        {
            return new UploadResult(null, ["Choose the kind of document the template is for."]);
        }

        if (!string.Equals(Path.GetExtension(uploadedFileName ?? string.Empty), ".docx", StringComparison.OrdinalIgnoreCase))
        {
            return new UploadResult(null, ["Choose a Word document (.docx). In Word, use File \u203a Save As \u203a Word Document (*.docx)."]);
        }

        var name = await FreeNameAsync(Stem(uploadedFileName!));
        var (template, errors) = WordDocumentTemplate.Parse(docx, name, name, kind);
        if (template is null)
        {
            // The checker's own words: where in the document (paragraph, table, header…) and the nearest real name.
            return new UploadResult(null, errors.Count > 0 ? [.. errors.Select(e => e.Message)] : ["The template could not be used."]);
        }

        var folder = Folder(settings.DataFolder);
        CreateOwnerOnly(folder);
        var path = Path.Combine(folder, name);
        var row = new UploadedTemplate
        {
            Id = Guid.NewGuid(),
            Kind = kind.Name,
            Name = name,
            Description = template.Description,
            UploadedBy = uploadedBy,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)),
        };
        db.UploadedTemplates.Add(row);
        await db.SaveChangesAsync();
        try
        {
            AtomicFile.WriteAllBytes(path, docx);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch
        {
            db.UploadedTemplates.Remove(row);
            await db.SaveChangesAsync();
            throw;
        }

        return new UploadResult(row, []);
    }

    /// <summary>Removes a template (its file, then its row); null when there is no such template.</summary>
    public async Task<UploadedTemplate?> RemoveAsync(Guid id)
    {
        var row = await db.UploadedTemplates.FirstOrDefaultAsync(t => t.Id == id);
        if (row is null)
        {
            return null;
        }

        // The name was made by this class, so it is a plain file name in the folder; checked again all the same.
        if (IsMadeName(row.Name))
        {
            AtomicFile.Delete(Path.Combine(Folder(settings.DataFolder), row.Name));
        }

        db.UploadedTemplates.Remove(row);
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>A name made from an uploaded file's name: lower-case letters, digits and single hyphens, then <c>.docx</c>.</summary>
    public static string Stem(string uploadedFileName)
    {
        ArgumentNullException.ThrowIfNull(uploadedFileName);
        // Only the last part of whatever the browser sent: never a folder, on any system.
        var last = uploadedFileName.Split('/', '\\').Last();
        var stem = Path.GetFileNameWithoutExtension(last).Normalize(NormalizationForm.FormD);
        var made = new StringBuilder();
        foreach (var c in stem.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                made.Append(c);
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            else if (made.Length > 0 && made[^1] != '-')
            {
                made.Append('-');
            }

            if (made.Length >= MaxStemLength)
            {
                break;
            }
        }

        var result = made.ToString().Trim('-');
        return result.Length == 0 ? "word-template" : result;
    }

    public static bool IsMadeName(string name) =>
        name.EndsWith(".docx", StringComparison.Ordinal) && name.Length > 5 && name[..^5].All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary><c>stem.docx</c>, or <c>stem-2.docx</c>… when a template already has the name.</summary>
    private async Task<string> FreeNameAsync(string stem)
    {
        var taken = (await db.UploadedTemplates.AsNoTracking().Select(t => t.Name).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var folder = Folder(settings.DataFolder);
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? stem + ".docx" : $"{stem}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}.docx";
            if (!taken.Contains(name) && !File.Exists(Path.Combine(folder, name)))
            {
                return name;
            }
        }
    }

    private static void CreateOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
