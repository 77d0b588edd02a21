using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Core.Loading;
using SafeguardDocs.Core.Rules;

namespace SafeguardDocs.Excel.Registers;

/// <summary>The cases of one kind read from a set of files, and what happened to the rest.</summary>
/// <param name="Valid">Cases of the kind with no errors, in file order.</param>
/// <param name="CasesRead">Files read as a case of the kind, whether or not they passed validation.</param>
/// <param name="OtherKinds">Files of another kind (or a kind SafeguardDocs does not know), skipped.</param>
/// <param name="LeftOut">Files that could not be read, or cases of the kind with errors.</param>
internal sealed record CaseReading<TCase>(IReadOnlyList<TCase> Valid, int CasesRead, int OtherKinds, int LeftOut)
    where TCase : CaseFile;

/// <summary>Reads case files for a register or log: one kind is kept, other kinds are skipped, bad files are left out with their findings.</summary>
internal static class CaseReader
{
    public static CaseReading<TCase> Read<TCase>(IReadOnlyList<string> files, string kindName, string kindInWords, ValidationContext context, List<Finding> findings)
        where TCase : CaseFile
    {
        var valid = new List<TCase>();
        int read = 0, otherKinds = 0, leftOut = 0;
        foreach (var file in files)
        {
            var load = CaseLoader.LoadFile(file);
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

            if (!load.Succeeded)
            {
                findings.AddRange(load.Errors);
                leftOut++;
                continue;
            }

            read++;
            var checks = load.Locate(load.Kind!.Rules.Check(load.Case!, context));
            findings.AddRange(checks.InReadingOrder());
            if (checks.HasErrors())
            {
                leftOut++;
                continue;
            }

            valid.Add((TCase)load.Case!);
        }

        return new CaseReading<TCase>(valid, read, otherKinds, leftOut);
    }
}
