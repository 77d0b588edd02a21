using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SafeguardDocs.Web.Data;

/// <summary>A member of staff who signs in. The e-mail address is the user name.</summary>
public sealed class WebUser : IdentityUser
{
    /// <summary>True when an administrator has removed the account: it can no longer sign in or use a token.</summary>
    public bool Disabled { get; set; }
}

/// <summary>One saved case (a draft or finished), addressed by an opaque id, never by a name or reference.</summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }

    /// <summary>The case kind, for example <c>device-allocation</c>; it decides which roles may see the record.</summary>
    public required string Kind { get; set; }

    /// <summary>The case reference, for listing and search (not personal data).</summary>
    public string? Reference { get; set; }

    /// <summary>The case file exactly as the CLI reads it (UTF-8 JSON).</summary>
    public required byte[] Json { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The user who last saved it (an account id).</summary>
    public string? UpdatedBy { get; set; }
}

/// <summary>An API token for a system such as an MIS integration. Only its hash is kept; it can be revoked.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}

/// <summary>One change to accounts or settings: who, when, what (never a password or token).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime WhenUtc { get; set; }

    /// <summary>The account that made the change, or "console" for the command line.</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    /// <summary>The account changed, when the change is to an account.</summary>
    public string? TargetUserId { get; set; }
}

/// <summary>The organisation's settings, as one JSON document in the settings file format the CLI reads (see <see cref="Pipeline.SettingsStore"/>).</summary>
public sealed class SettingsRow
{
    public int Id { get; set; }

    public required string Json { get; set; }
}

/// <summary>
/// A Word template an administrator uploaded for a kind, checked before it was accepted. The file is
/// <c>&lt;data&gt;/templates/{Name}</c>; <see cref="Name"/> is made by the app from the uploaded file's name
/// (lower-case letters, digits and hyphens, then <c>.docx</c>), never a path from the user.
/// </summary>
public sealed class UploadedTemplate
{
    public Guid Id { get; set; }

    /// <summary>The case kind it fills in, for example <c>device-allocation</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Its file name in the templates folder, and the name staff choose it by.</summary>
    public required string Name { get; set; }

    /// <summary>The document's title, or a default: shown when staff choose a template.</summary>
    public required string Description { get; set; }

    /// <summary>The e-mail address of the administrator who uploaded it.</summary>
    public required string UploadedBy { get; set; }

    public DateTime UploadedUtc { get; set; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public required string Sha256 { get; set; }
}

public sealed class WebDb(DbContextOptions<WebDb> options) : IdentityDbContext<WebUser>(options)
{
    public DbSet<CaseRecord> Records => Set<CaseRecord>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<SettingsRow> Settings => Set<SettingsRow>();

    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();

    public DbSet<RecordVersion> RecordVersions => Set<RecordVersion>();

    public DbSet<RecordSignature> RecordSignatures => Set<RecordSignature>();

    public DbSet<RecordAccess> RecordAccesses => Set<RecordAccess>();

    /// <summary>Background jobs (<see cref="Jobs.JobRunner"/>).</summary>
    public DbSet<Jobs.JobRecord> Jobs => Set<Jobs.JobRecord>();

    public DbSet<UploadedTemplate> UploadedTemplates => Set<UploadedTemplate>();

    /// <summary>Pack uploads waiting for their columns to be matched (<see cref="Packs.PackService"/>).</summary>
    public DbSet<Packs.PackUpload> PackUploads => Set<Packs.PackUpload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<CaseRecord>().HasIndex(r => new { r.Kind, r.UpdatedUtc });
        builder.Entity<ApiToken>().HasIndex(t => t.Hash).IsUnique();
        var job = builder.Entity<Jobs.JobRecord>();
        job.ToTable("Jobs");
        job.Property(j => j.State).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<Jobs.JobState>(s, true)).HasMaxLength(16);
        job.Property(j => j.Kind).HasMaxLength(64);
        job.Property(j => j.ExclusiveKey).HasMaxLength(200);
        job.Ignore(j => j.IsActive);
        job.Ignore(j => j.CanRunAgain);
        job.HasIndex(j => new { j.State, j.CreatedUtc });
        job.HasIndex(j => new { j.OwnerId, j.Kind, j.CreatedUtc });
        job.HasIndex(j => new { j.Kind, j.ExclusiveKey });
        builder.Entity<UploadedTemplate>().HasIndex(t => t.Name).IsUnique();
        builder.Entity<Packs.PackUpload>().ToTable("PackUploads").HasIndex(u => u.CreatedUtc);
    }
}

/// <summary>The role names, and what each may open.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Dsl = "dsl";
    public const string Office = "office";

    public static IReadOnlyList<string> All { get; } = [Admin, Dsl, Office];

    /// <summary>Kinds the school office works with; a DSL may open every kind.</summary>
    public static IReadOnlySet<string> OfficeKinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Core.Cases.DeviceAllocation.DeviceAllocationKind.Name,
        Core.Cases.AupAgreement.AupAgreementKind.Name,
        Core.Cases.AupPack.AupPackKind.Name,
    };

    /// <summary>Roles that must sign in with a second factor before they can open anything.</summary>
    public static bool NeedsSecondFactor(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Admin) || user.IsInRole(Dsl);

    public static bool MayOpen(System.Security.Claims.ClaimsPrincipal user, string? kind) =>
        kind is not null && (user.IsInRole(Dsl) || (user.IsInRole(Office) && OfficeKinds.Contains(kind)));
}

/// <summary>Creates the SQLite database in the data folder, readable by its owner only.</summary>
public static class DataFolder
{
    public const string DatabaseFile = "safeguard-docs.db";

    public static string Prepare(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return full;
    }

    public static string ConnectionString(string folder) => $"Data Source={Path.Combine(folder, DatabaseFile)}";

    /// <summary>The database file (and SQLite's journal files) readable by the owner only.</summary>
    public static void Restrict(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, DatabaseFile + "*"))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

/// <summary>Identity's password rules and lockout, shared by the app and the <c>users</c> command.</summary>
public static class IdentitySetup
{
    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // NCSC password guidance: length over composition rules.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
