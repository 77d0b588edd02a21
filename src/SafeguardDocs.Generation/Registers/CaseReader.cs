using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Settings;
using SafeguardDocs.Excel.Registers;

namespace SafeguardDocs.Generation.Registers;

/// <summary>
/// Reads case files for a register or log through the same load-and-check as every other run: one kind
/// is kept, other kinds are skipped, bad files are left out with their findings.
/// </summary>
internal static class CaseReader
{
    /// <summary>The case files the inputs name: each folder's <c>.json</c> files in name order, then listed files, without repeats. An empty folder is a warning <paramref name="emptyFolderId"/>.</summary>
    public static IReadOnlyList<string> CaseFiles(IEnumerable<string> inputs, string emptyFolderId, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(input);
            if (Directory.Exists(input))
            {
                var inFolder = Directory
                    .EnumerateFiles(input, "*.json", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, RecurseSubdirectories = false })
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (inFolder.Count == 0)
                {
                    findings.Add(new Finding(emptyFolderId, Severity.Warning, "$", "This folder has no .json case files. Check the folder, or list the case files instead.") { File = input });
                }

                files.AddRange(inFolder.Where(f => seen.Add(Path.GetFullPath(f))));
            }
            else if (seen.Add(Path.GetFullPath(input)))
            {
                files.Add(input);
            }
        }

        return files;
    }

    public static RegisterCases<TCase> Read<TCase>(IEnumerable<string> inputs, string emptyFolderId, string kindName, string kindInWords, CaseChecker checker, OrganisationSettings settings)
        where TCase : CaseFile
    {
        var findings = new List<Finding>();
        var files = CaseFiles(inputs, emptyFolderId, findings);
        return Read<TCase>([.. files.Select(file => (Func<CaseLoadResult>)(() => CaseLoader.LoadFile(file)))], findings, kindName, kindInWords, checker, settings);
    }

    /// <summary>The same as <see cref="Read{TCase}(IEnumerable{string}, string, string, string, CaseChecker, OrganisationSettings)"/> over case files held in memory (saved records), each named as findings should name it.</summary>
    public static RegisterCases<TCase> Read<TCase>(IEnumerable<RegisterInput> inputs, string kindName, string kindInWords, CaseChecker checker, OrganisationSettings settings)
        where TCase : CaseFile
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Read<TCase>([.. inputs.Select(input => (Func<CaseLoadResult>)(() => CaseLoader.Load(input.Json.Span, input.Name)))], [], kindName, kindInWords, checker, settings);
    }

    private static RegisterCases<TCase> Read<TCase>(IReadOnlyList<Func<CaseLoadResult>> files, List<Finding> findings, string kindName, string kindInWords, CaseChecker checker, OrganisationSettings settings)
        where TCase : CaseFile
    {
        var valid = new List<TCase>();
        int read = 0, otherKinds = 0, leftOut = 0;
        foreach (var loadFile in files)
        {
            var load = loadFile();
            if (load.Kind is { } kind && kind.Name != kindName)
            {
                otherKinds++;
                continue;
            }

            if (load.Kind is null && load.Errors is [{ Id: LoadErrors.UnknownKindId } unknown])
            {
                // Perhaps a kind from a newer version, perhaps a mistyped kind: skip it, but say so.
                findings.Add(unknown with
                {
                    Severity = Severity.Warning,
                    Message = $"This file's \"kind\" is not one SafeguardDocs knows, so it is not included. If it is {kindInWords}, set \"kind\" to \"{kindName}\".",
                });
                otherKinds++;
                continue;
            }

            var check = checker.Check(load, settings);
            findings.AddRange(check.Findings);
            if (!check.Loaded)
            {
                leftOut++;
                continue;
            }

            read++;
            if (check.HasErrors)
            {
                leftOut++;
                continue;
            }

            valid.Add((TCase)load.Case!);
        }

        return new RegisterCases<TCase>(valid, files.Count, read, otherKinds, leftOut, findings);
    }
}
