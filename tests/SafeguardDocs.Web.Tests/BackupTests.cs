using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardDocs.Cli;
using SafeguardDocs.Web.Data;

namespace SafeguardDocs.Web.Tests;

/// <summary>
/// <c>backup</c> while the app and the command line are writing, then <c>restore</c> into a new folder: the app
/// starts on it with every record and account, and the register checks out. And every refusal.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sgd-backup-test-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error), TimeProvider.System, folder, IsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }

    private static byte[] Incident(string reference) => Samples.With("incident-report.json", n => n["reference"] = reference);

    /// <summary>Issues an incident form with the command line into the data folder's register.</summary>
    private void Issue(string dataFolder, string reference)
    {
        var file = Path.Combine(folder, reference + ".json");
        File.WriteAllBytes(file, Incident(reference));
        var run = Run("generate", file, "--out", Path.Combine(folder, "issued"), "--data", dataFolder);
        run.Exit.ShouldBe(0, run.Error);
    }

    private static async Task<Guid> Save(HttpClient api, byte[] json)
    {
        var response = await api.PostAsync("/api/records", new ByteArrayContent(json));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<Api.RecordDto>();
        return created!.Id;
    }

    [Fact]
    public async Task A_backup_taken_while_records_are_saved_and_documents_issued_restores_into_a_new_folder_where_the_app_starts_with_every_record_and_account()
    {
        var zip = Path.Combine(folder, "backups", "safeguard-docs.zip");
        var restored = Path.Combine(folder, "restored");
        var before = new Dictionary<Guid, byte[]>();
        string? dslKey;
        string[] accounts;
        Dictionary<Guid, byte[]> original;
        string[] keys;
        using (var host = new WebHost())
        {
            dslKey = await host.AddUserAsync("dsl@school.example", ["dsl"], twoFactor: true);
            await host.AddUserAsync("office@school.example", ["office"]);
            // Signing in in the browser makes the keys that protect sign-in cookies (keys/ in the data folder).
            await Session.SignInFully(host.Browser(), "office@school.example", null);
            var api = host.Browser();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync("dsl@school.example"));
            for (var i = 0; i < 5; i++)
            {
                var json = Incident($"INC-BK-{i:D3}");
                before[await Save(api, json)] = json;
            }

            Issue(host.DataFolder, "INC-BK-ISSUED-1");
            Issue(host.DataFolder, "INC-BK-ISSUED-2");

            // The app and the command line keep writing while the backup runs.
            var rounds = 0;
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var n = 100; !stop.IsCancellationRequested; n++)
                {
                    await Save(api, Incident($"INC-BK-{n:D3}"));
                    var document = await api.PostAsync("/api/documents", new ByteArrayContent(Incident($"INC-BK-{n:D3}")));
                    document.StatusCode.ShouldBe(HttpStatusCode.OK);
                    Issue(host.DataFolder, $"INC-BK-ISSUED-{n:D3}");
                    Interlocked.Increment(ref rounds);
                }
            });
            while (Volatile.Read(ref rounds) < 1)
            {
                await Task.Delay(20);
            }

            var backup = await Task.Run(() => Run("backup", "--data", host.DataFolder, "--to", zip));
            var atEnd = Volatile.Read(ref rounds);
            while (Volatile.Read(ref rounds) < atEnd + 1 && !writer.IsCompleted)
            {
                await Task.Delay(20);
            }

            await stop.CancelAsync();
            await writer;
            backup.Exit.ShouldBe(0, backup.Error);
            backup.Out.ShouldContain("2 databases copied with SQLite's online backup");
            backup.Out.ShouldContain("safeguard-docs.db");
            backup.Out.ShouldContain("register.sqlite");
            backup.Out.ShouldNotContain("INC-BK");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(zip).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using (var archive = ZipFile.OpenRead(zip))
            {
                archive.Entries.Select(e => e.FullName).ShouldContain("safeguard-docs-backup.json");
                archive.Entries.ShouldContain(e => e.FullName.StartsWith("keys/", StringComparison.Ordinal));
                archive.Entries.ShouldNotContain(e => e.FullName.EndsWith("-wal", StringComparison.Ordinal) || e.FullName.EndsWith("-shm", StringComparison.Ordinal));
            }

            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            original = await db.Records.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Json);
            accounts = [.. (await db.Users.AsNoTracking().Select(u => u.Email!).ToListAsync()).Order(StringComparer.Ordinal)];
            keys = [.. Directory.GetFiles(Path.Combine(host.DataFolder, "keys")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
        }

        var restore = Run("restore", "--from", zip, "--data", restored);
        restore.Exit.ShouldBe(0, restore.Error);
        restore.Out.ShouldContain("2 databases passing SQLite's integrity check");
        restore.Out.ShouldContain("the register's chain intact");
        var check = Run("register", "check", "--data", restored);
        check.Exit.ShouldBe(0, check.Out + check.Error);
        check.Out.ShouldContain("is intact");
        Directory.GetFiles(Path.Combine(restored, "keys")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ShouldBe(keys);

        using var again = new WebHost(dataFolder: restored);
        var dsl = again.Browser();
        await Session.SignInFully(dsl, "dsl@school.example", dslKey);
        foreach (var (id, json) in before)
        {
            var response = await dsl.GetAsync($"/api/records/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(json);
        }

        var office = again.Browser();
        await Session.SignInFully(office, "office@school.example", null);
        using (var scope = again.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebDb>();
            var records = await db.Records.AsNoTracking().ToListAsync();
            records.Count.ShouldBeGreaterThanOrEqualTo(before.Count);
            foreach (var record in records)
            {
                original.ShouldContainKey(record.Id);
                record.Json.ShouldBe(original[record.Id]);
            }

            (await db.Users.AsNoTracking().Select(u => u.Email!).ToListAsync()).Order(StringComparer.Ordinal).ShouldBe(accounts);
            (await scope.ServiceProvider.GetRequiredService<UserManager<WebUser>>().FindByEmailAsync("dsl@school.example"))!.TwoFactorEnabled.ShouldBeTrue();
        }
    }

    /// <summary>A small data folder made with the command line: the web database (an account) and the register (one document issued).</summary>
    private string DataFolder(string name)
    {
        var data = Path.Combine(folder, name);
        Run("users", "add", "office@school.example", "--role", "office", "--data", data).Exit.ShouldBe(0);
        Issue(data, "INC-BK-" + name.ToUpperInvariant());
        Directory.CreateDirectory(Path.Combine(data, "templates"));
        File.WriteAllText(Path.Combine(data, "templates", "letter.sbn"), "a template");
        return data;
    }

    [Fact]
    public void An_existing_backup_is_never_replaced_unless_asked_and_a_missing_data_folder_is_refused()
    {
        var data = DataFolder("data");
        var zip = Path.Combine(folder, "backup.zip");
        File.WriteAllText(zip, "an older backup");
        var refused = Run("backup", "--data", data, "--to", zip);
        refused.Exit.ShouldBe(2);
        refused.Error.ShouldContain("already exists");
        refused.Error.ShouldContain("--force");
        File.ReadAllText(zip).ShouldBe("an older backup");

        var forced = Run("backup", "--data", data, "--to", zip, "--force");
        forced.Exit.ShouldBe(0, forced.Error);
        using (var archive = ZipFile.OpenRead(zip))
        {
            archive.GetEntry("templates/letter.sbn").ShouldNotBeNull();
        }

        var missing = Run("backup", "--data", Path.Combine(folder, "no-such-folder"), "--to", Path.Combine(folder, "other.zip"));
        missing.Exit.ShouldBe(2);
        missing.Error.ShouldContain("there is no data folder");
        File.Exists(Path.Combine(folder, "other.zip")).ShouldBeFalse();

        var inside = Run("backup", "--data", data, "--to", Path.Combine(data, "self.zip"));
        inside.Exit.ShouldBe(2);
        inside.Error.ShouldContain("inside the data folder");
        Directory.EnumerateFiles(folder, "*.sgtmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void A_damaged_or_foreign_zip_is_refused_before_anything_is_written()
    {
        var data = DataFolder("data");
        var zip = Path.Combine(folder, "backup.zip");
        Run("backup", "--data", data, "--to", zip).Exit.ShouldBe(0);
        var bytes = File.ReadAllBytes(zip);

        var garbage = Path.Combine(folder, "garbage.zip");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
        var truncated = Path.Combine(folder, "truncated.zip");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var altered = Path.Combine(folder, "altered.zip");
        var changed = (byte[])bytes.Clone();
        for (var i = 200; i < 260; i++)
        {
            changed[i] ^= 0x5A;
        }

        File.WriteAllBytes(altered, changed);
        var foreign = Path.Combine(folder, "foreign.zip");
        using (var archive = ZipFile.Open(foreign, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("safeguard-docs.db").Open());
            writer.Write("not a database");
        }

        foreach (var bad in new[] { garbage, truncated, altered, foreign })
        {
            var target = Path.Combine(folder, "restored-" + Path.GetFileNameWithoutExtension(bad));
            var restore = Run("restore", "--from", bad, "--data", target);
            restore.Exit.ShouldBe(2, bad);
            restore.Error.ShouldContain("nothing was restored", customMessage: bad);
            restore.Error.ShouldContain("Use another backup", customMessage: bad);
            Directory.Exists(target).ShouldBeFalse(bad);
        }

        Directory.EnumerateDirectories(folder, ".restored-*").ShouldBeEmpty();
        var none = Run("restore", "--from", Path.Combine(folder, "none.zip"), "--data", Path.Combine(folder, "x"));
        none.Exit.ShouldBe(2);
        none.Error.ShouldContain("there is no file");
    }

    [Fact]
    public void A_folder_that_already_holds_a_database_is_only_replaced_with_force_and_is_moved_aside_not_deleted()
    {
        var data = DataFolder("data");
        var zip = Path.Combine(folder, "backup.zip");
        Run("backup", "--data", data, "--to", zip).Exit.ShouldBe(0);
        var other = DataFolder("other");

        var refused = Run("restore", "--from", zip, "--data", other);
        refused.Exit.ShouldBe(2);
        refused.Error.ShouldContain("already holds a database");
        refused.Error.ShouldContain("--force");

        var forced = Run("restore", "--from", zip, "--data", other, "--force");
        forced.Exit.ShouldBe(0, forced.Error);
        var aside = Directory.GetDirectories(folder, "other.before-restore-*").ShouldHaveSingleItem();
        File.Exists(Path.Combine(aside, "register.sqlite")).ShouldBeTrue();
        forced.Out.ShouldContain("delete it once the restore is checked");
        Run("register", "check", "--data", other).Exit.ShouldBe(0);
        File.ReadAllText(Path.Combine(other, "templates", "letter.sbn")).ShouldBe("a template");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(other).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(Path.Combine(other, "safeguard-docs.db")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
