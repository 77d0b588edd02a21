using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Excel.Registers;

/// <summary>
/// The cases of one kind a register is made from, already read and checked (by the generation library's
/// load-and-check), and what happened to the rest.
/// </summary>
/// <param name="Valid">Cases of the kind with no errors, in file order.</param>
/// <param name="FilesRead">Case files the inputs named.</param>
/// <param name="CasesRead">Files read as a case of the kind, whether or not they passed validation.</param>
/// <param name="OtherKinds">Files of another kind (or a kind SafeguardDocs does not know), skipped.</param>
/// <param name="LeftOut">Files that could not be read, or cases of the kind with errors.</param>
/// <param name="Findings">Every diagnostic from reading and checking them.</param>
public sealed record RegisterCases<TCase>(IReadOnlyList<TCase> Valid, int FilesRead, int CasesRead, int OtherKinds, int LeftOut, IReadOnlyList<Finding> Findings)
    where TCase : CaseFile;
