using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Records;

namespace SafeguardDocs.Cli.Commands;

/// <summary>
/// <c>backup --data DIR --to FILE</c> and <c>restore --from FILE --data DIR</c>: the whole data folder in one
/// zip, taken while the app runs. Every SQLite database in it (the web app's <c>safeguard-docs.db</c>, the
/// register <c>register.sqlite</c>, any other) is copied with SQLite's online backup, so the copy is of one
/// moment and never half a transaction; every other file is copied as it is, and SQLite's side files
/// (<c>-wal</c>, <c>-shm</c>, <c>-journal</c>), locks and temporary files are left out. A manifest in the zip
/// lists each file with its size and SHA-256; <c>restore</c> checks them, runs <c>PRAGMA integrity_check</c>
/// on every database and the register's chain before it writes anything. Exit codes: 0 done, 2 cannot.
/// Nothing printed names a case or a person: only counts, sizes and the app's own file names.
/// </summary>
internal static class BackupCommand
{
    public const string ManifestName = "safeguard-docs-backup.json";

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private static readonly string[] SkippedEndings = ["-wal", "-shm", "-journal", AtomicFile.TempSuffix, ".tmp", ".lock"];

    public static Command Backup(CliEnvironment env)
    {
        var data = new Option<string>("--data") { Description = "The data folder to back up (the one 'serve' and 'generate' use).", DefaultValueFactory = _ => "data" };
        var to = new Option<string>("--to") { Description = "The zip file to write. It holds personal data: keep it on encrypted storage.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it already exists." };
        var command = new Command("backup", "Copy the data folder (web database, register, keys and every other file) into one zip, consistently, while the app runs.") { data, to, force };
        command.SetAction(parse => RunBackup(env, env.Resolve(parse.GetValue(data)!), env.Resolve(parse.GetValue(to)!), parse.GetValue(force)));
        return command;
    }

    public static Command Restore(CliEnvironment env)
    {
        var from = new Option<string>("--from") { Description = "The zip made by 'safeguard-docs backup'.", Required = true };
        var data = new Option<string>("--data") { Description = "The data folder to restore into (created when missing).", DefaultValueFactory = _ => "data" };
        var force = new Option<bool>("--force") { Description = "Restore even though DIR already holds data: what is there is moved aside (DIR.before-restore-…), not deleted." };
        var command = new Command("restore", "Check a backup (every file, both databases, the register's chain), then restore it into the data folder. Stop the app first.") { from, data, force };
        command.SetAction(parse => RunRestore(env, env.Resolve(parse.GetValue(from)!), env.Resolve(parse.GetValue(data)!), parse.GetValue(force)));
        return command;
    }

    private sealed record ManifestFile(string Path, long Size, string Sha256, bool Database);

    private sealed record Manifest(int Format, DateTimeOffset CreatedUtc, IReadOnlyList<ManifestFile> Files);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static int RunBackup(CliEnvironment env, string dataFolder, string target, bool force)
    {
        dataFolder = Path.TrimEndingDirectorySeparator(dataFolder);
        if (!Directory.Exists(dataFolder))
        {
            env.Error.WriteLine($"safeguard-docs: there is no data folder at {env.Show(dataFolder)}. Give the folder the app uses: --data DIR.");
            return ExitCodes.InputUnusable;
        }

        if (Directory.Exists(target))
        {
            env.Error.WriteLine($"safeguard-docs: --to names a folder ({env.Show(target)}); it must name the zip file to write, for example --to backups/safeguard-docs-2026-11-29.zip.");
            return ExitCodes.InputUnusable;
        }

        if (IsInside(target, dataFolder))
        {
            env.Error.WriteLine("safeguard-docs: --to is inside the data folder; the backup would copy itself. Write it somewhere else.");
            return ExitCodes.InputUnusable;
        }

        if (File.Exists(target) && !force)
        {
            env.Error.WriteLine($"safeguard-docs: {env.Show(target)} already exists, so nothing was written. Give another file name, or add --force to replace it.");
            return ExitCodes.InputUnusable;
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var staging = Directory.CreateTempSubdirectory("sgd-backup-").FullName;
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}{AtomicFile.TempSuffix}");
        try
        {
            var files = new List<ManifestFile>();
            var skipped = 0;
            using (var stream = new FileStream(temp, OwnerOnly(FileMode.CreateNew)))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var (full, relative) in Walk(dataFolder, string.Empty))
                    {
                        if (Skipped(Path.GetFileName(full)))
                        {
                            skipped++;
                            continue;
                        }

                        if (IsSqlite(full))
                        {
                            var copy = Path.Combine(staging, files.Count.ToString(CultureInfo.InvariantCulture) + ".db");
                            CopyDatabase(full, copy);
                            using var source = File.OpenRead(copy);
                            files.Add(Add(zip, relative, source, database: true));
                            continue;
                        }

                        try
                        {
                            using var source = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                            files.Add(Add(zip, relative, source, database: false));
                        }
                        catch (FileNotFoundException)
                        {
                            // Removed by the app between listing and copying (a finished job's temporary file): not part of the data any more.
                            skipped++;
                        }
                    }

                    var manifest = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
                    using var writer = manifest.Open();
                    JsonSerializer.Serialize(writer, new Manifest(1, env.Clock.GetUtcNow(), files), Json);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: force);
            RestrictFile(target);
            var databases = files.Where(f => f.Database).ToList();
            var others = files.Where(f => !f.Database).ToList();
            env.Out.WriteLine($"Backed up {env.Show(dataFolder)} to {env.Show(target)} ({Size(new FileInfo(target).Length)}, readable by its owner only).");
            env.Out.WriteLine($"{FindingPrinter.Count(databases.Count, "database")} copied with SQLite's online backup{(databases.Count > 0 ? ": " + string.Join(", ", databases.Select(d => $"{d.Path} ({Size(d.Size)})")) : string.Empty)}.");
            env.Out.WriteLine($"{FindingPrinter.Count(others.Count, "other file")} ({Size(others.Sum(f => f.Size))}){Folders(others)}; {skipped} SQLite side, lock or temporary files left out.");
            env.Out.WriteLine("The backup holds personal data: keep it on encrypted storage, and delete it when your retention period ends.");
            return ExitCodes.Success;
        }
        finally
        {
            File.Delete(temp);
            SqliteConnection.ClearAllPools();
            Directory.Delete(staging, recursive: true);
        }
    }

    private static int RunRestore(CliEnvironment env, string backup, string dataFolder, bool force)
    {
        dataFolder = Path.TrimEndingDirectorySeparator(dataFolder);
        if (!File.Exists(backup))
        {
            env.Error.WriteLine($"safeguard-docs: there is no file at {env.Show(backup)}. Give the zip 'safeguard-docs backup' wrote: --from FILE.");
            return ExitCodes.InputUnusable;
        }

        var existing = Directory.Exists(dataFolder) ? Directory.EnumerateFileSystemEntries(dataFolder).Select(Path.GetFileName).ToList() : [];
        if (existing.Count > 0 && !force)
        {
            var what = existing.Contains(DocumentRegister.FileName, StringComparer.Ordinal) || existing.Contains(Web.Data.DataFolder.DatabaseFile, StringComparer.Ordinal) ? "a database" : "files";
            env.Error.WriteLine($"safeguard-docs: {env.Show(dataFolder)} already holds {what}, so nothing was restored. Restore into a new folder, or stop the app and add --force: what is there is then moved aside, not deleted.");
            return ExitCodes.InputUnusable;
        }

        var parent = Path.GetDirectoryName(dataFolder)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(dataFolder)}.restore-{Guid.NewGuid():N}");
        CreateOwnerOnlyFolder(staging);
        try
        {
            if (Unpack(env, backup, staging) is not { } manifest)
            {
                return ExitCodes.InputUnusable;
            }

            foreach (var database in manifest.Files.Where(f => f.Database))
            {
                if (IntegrityCheck(Path.Combine(staging, database.Path)) is { } problem)
                {
                    env.Error.WriteLine($"safeguard-docs: nothing was restored: the database {database.Path} in the backup fails SQLite's integrity check ({problem}). Use another backup.");
                    return ExitCodes.InputUnusable;
                }
            }

            var registerNote = string.Empty;
            if (manifest.Files.Any(f => f.Path == DocumentRegister.FileName))
            {
                var report = DocumentRegister.Open(staging, env.Clock).Check();
                SqliteConnection.ClearAllPools();
                if (!report.Intact)
                {
                    env.Error.WriteLine("safeguard-docs: nothing was restored: the register in the backup does not check out (its chain is broken). Use another backup.");
                    foreach (var problem in report.Breaks)
                    {
                        env.Error.WriteLine($"  {problem.Problem}");
                    }

                    return ExitCodes.InputUnusable;
                }

                registerNote = $", the register's chain intact ({report.Entries.ToString(CultureInfo.InvariantCulture)} {(report.Entries == 1 ? "entry" : "entries")})";
            }

            string? aside = null;
            if (existing.Count > 0)
            {
                aside = $"{dataFolder}.before-restore-{env.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
                Directory.Move(dataFolder, aside);
            }
            else if (Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder);
            }

            Directory.Move(staging, dataFolder);
            var databases = manifest.Files.Count(f => f.Database);
            env.Out.WriteLine($"Restored {env.Show(dataFolder)} from {env.Show(backup)}: {FindingPrinter.Count(manifest.Files.Count, "file")} as backed up on {manifest.CreatedUtc.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))} (UTC), "
                + $"{FindingPrinter.Count(databases, "database")} passing SQLite's integrity check{registerNote}.");
            if (aside is not null)
            {
                env.Out.WriteLine($"What was in {env.Show(dataFolder)} before is now in {env.Show(aside)}. It holds personal data: delete it once the restore is checked.");
            }

            env.Out.WriteLine($"Check it: safeguard-docs register check --data {env.Show(dataFolder)}, then start the app with --data {env.Show(dataFolder)} and sign in.");
            return ExitCodes.Success;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Reads the manifest, then every file into <paramref name="staging"/>, checking its size and SHA-256; null (with the reason printed) when the zip is not a whole backup.</summary>
    private static Manifest? Unpack(CliEnvironment env, string backup, string staging)
    {
        var damaged = $"safeguard-docs: nothing was restored: {env.Show(backup)} is not a whole backup made by 'safeguard-docs backup'";
        try
        {
            using var zip = ZipFile.OpenRead(backup);
            var manifestEntry = zip.GetEntry(ManifestName);
            if (manifestEntry is null)
            {
                env.Error.WriteLine($"{damaged} (it has no {ManifestName}). Use another backup.");
                return null;
            }

            Manifest? manifest;
            using (var reader = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<Manifest>(reader, Json);
            }

            if (manifest is not { Format: 1, Files: not null })
            {
                env.Error.WriteLine($"{damaged} (its {ManifestName} is not one this version reads). Use another backup.");
                return null;
            }

            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in manifest.Files)
            {
                if (!SafeRelative(file.Path) || !listed.Add(file.Path))
                {
                    env.Error.WriteLine($"{damaged} (it names a file outside the data folder or twice). Use another backup.");
                    return null;
                }

                var entry = zip.GetEntry(file.Path);
                if (entry is null)
                {
                    env.Error.WriteLine($"{damaged}: {file.Path} is missing from it. Use another backup.");
                    return null;
                }

                var path = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
                CreateOwnerOnlyFolder(Path.GetDirectoryName(path)!);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long size = 0;
                using (var source = entry.Open())
                using (var output = new FileStream(path, OwnerOnly(FileMode.CreateNew)))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = source.Read(buffer)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        output.Write(buffer, 0, read);
                        size += read;
                    }

                    output.Flush(flushToDisk: true);
                }

                if (size != file.Size || Convert.ToHexStringLower(hash.GetHashAndReset()) != file.Sha256)
                {
                    env.Error.WriteLine($"{damaged}: {file.Path} in it is not the file that was backed up (its size or SHA-256 differs). Use another backup.");
                    return null;
                }
            }

            var extra = zip.Entries.FirstOrDefault(e => e.FullName != ManifestName && !listed.Contains(e.FullName));
            if (extra is not null)
            {
                env.Error.WriteLine($"{damaged} (it holds a file its manifest does not list). Use another backup.");
                return null;
            }

            return manifest;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            env.Error.WriteLine($"{damaged}: it is damaged or not a zip ({e.GetType().Name}). Use another backup.");
            return null;
        }
    }

    /// <summary>SQLite's online backup of a database the app may be writing to: one moment's copy, waiting for a writer rather than failing.</summary>
    private static void CopyDatabase(string source, string copy)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 60 }.ToString());
                from.Open();
                using (var pragma = from.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA busy_timeout = 60000;";
                    pragma.ExecuteNonQuery();
                }

                File.Delete(copy);
                using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
                to.Open();
                // When the connection to the copy closes, SQLite folds any -wal into it: the copy is one file.
                from.BackupDatabase(to);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 10)
            {
                Thread.Sleep(200 * attempt);
            }
        }

        if (IntegrityCheck(copy) is { } problem)
        {
            throw new IOException($"the copy of {Path.GetFileName(source)} fails SQLite's integrity check ({problem})");
        }
    }

    /// <summary>Null when <c>PRAGMA integrity_check</c> says ok; otherwise its first line. Only ever run on a copy (read-write, so a WAL-mode file opens without its -shm).</summary>
    private static string? IntegrityCheck(string database)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var result = command.ExecuteScalar() as string;
            return result == "ok" ? null : result ?? "no answer";
        }
        catch (SqliteException e)
        {
            return e.Message.TrimEnd('.');
        }
    }

    private static ManifestFile Add(ZipArchive zip, string relative, Stream source, bool database)
    {
        var entry = zip.CreateEntry(relative, CompressionLevel.Optimal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        using (var output = entry.Open())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
                size += read;
            }
        }

        return new ManifestFile(relative, size, Convert.ToHexStringLower(hash.GetHashAndReset()), database);
    }

    /// <summary>Every file under <paramref name="folder"/>, with its path inside it ('/' between folders); links are not followed.</summary>
    private static IEnumerable<(string Full, string Relative)> Walk(string folder, string prefix)
    {
        foreach (var item in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (item.LinkTarget is not null)
            {
                continue;
            }

            if (item is DirectoryInfo directory)
            {
                foreach (var inner in Walk(directory.FullName, prefix + directory.Name + "/"))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (item.FullName, prefix + item.Name);
            }
        }
    }

    private static bool Skipped(string name) =>
        name == OutputFolderLock.FileName || SkippedEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsSqlite(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[16];
            return stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) == 16 && header.SequenceEqual(SqliteHeader);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    private static bool SafeRelative(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\', StringComparison.Ordinal) && !path.Contains(':', StringComparison.Ordinal)
        && path != ManifestName && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static void RestrictFile(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void CreateOwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Folders(List<ManifestFile> files)
    {
        var groups = files.GroupBy(f => f.Path.Contains('/', StringComparison.Ordinal) ? f.Path[..f.Path.IndexOf('/', StringComparison.Ordinal)] + "/" : "the folder itself")
            .Select(g => $"{g.Key} {g.Count().ToString(CultureInfo.InvariantCulture)}").ToList();
        return groups.Count == 0 ? string.Empty : " (" + string.Join(", ", groups) + ")";
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} MB",
    };
}
