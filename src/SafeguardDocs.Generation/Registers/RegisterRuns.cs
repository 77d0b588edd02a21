using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Cases.IncidentReport;
using SafeguardDocs.Excel.Registers;

namespace SafeguardDocs.Generation.Registers;

/// <summary>
/// The registers and logs made from many case files (<c>log incidents</c>, <c>log devices</c>): the case
/// files are read and checked here, the same way as for one document, and the workbook laid out by the
/// Excel project. Prepare first to look at the counts (a front end may refuse to replace a good register
/// with an empty one), then write.
/// </summary>
public static class RegisterRuns
{
    /// <summary>The warning for a folder with no case files, when making the incident log.</summary>
    public const string IncidentLogEmptyFolderId = "IL001";

    /// <summary>The warning for a folder with no case files, when making the device register.</summary>
    public const string DeviceRegisterEmptyFolderId = DeviceRegister.NoCaseFilesId;

    /// <summary>Reads and checks the incident forms among <paramref name="inputs"/> (folders and files) and lays out the log.</summary>
    public static PreparedWorkbook<IncidentLogResult> PrepareIncidentLog(IEnumerable<string> inputs, IncidentLogOptions? options = null)
    {
        options ??= IncidentLogOptions.Default;
        IncidentLog.CheckPeriod(options);
        var cases = CaseReader.Read<IncidentReportCase>(inputs, IncidentLogEmptyFolderId, IncidentReportKind.Name, "an incident monitoring form", new CaseChecker(options.Clock), options.Settings);
        return IncidentLog.Prepare(cases, options);
    }

    /// <summary>
    /// Reads and checks the incident forms among case files held in memory (for example records saved in the
    /// web app) and lays out the same log as <see cref="PrepareIncidentLog(IEnumerable{string}, IncidentLogOptions?)"/>.
    /// Findings name each case by its <see cref="RegisterInput.Name"/>.
    /// </summary>
    public static PreparedWorkbook<IncidentLogResult> PrepareIncidentLog(IEnumerable<RegisterInput> cases, IncidentLogOptions? options = null)
    {
        options ??= IncidentLogOptions.Default;
        IncidentLog.CheckPeriod(options);
        var read = CaseReader.Read<IncidentReportCase>(cases, IncidentReportKind.Name, "an incident monitoring form", new CaseChecker(options.Clock), options.Settings);
        return IncidentLog.Prepare(read, options);
    }

    /// <summary>Reads and checks the device allocations among case files held in memory and lays out the same register as the folder overload.</summary>
    public static PreparedWorkbook<DeviceRegisterResult> PrepareDeviceRegister(IEnumerable<RegisterInput> cases, DeviceRegisterOptions? options = null)
    {
        options ??= DeviceRegisterOptions.Default;
        var read = CaseReader.Read<DeviceAllocationCase>(cases, DeviceAllocationKind.Name, "a device allocation", new CaseChecker(options.Clock), options.Settings);
        return DeviceRegister.Prepare(read, options);
    }

    /// <summary>Reads and checks the device allocations among <paramref name="inputs"/> (folders and files) and lays out the register.</summary>
    public static PreparedWorkbook<DeviceRegisterResult> PrepareDeviceRegister(IEnumerable<string> inputs, DeviceRegisterOptions? options = null)
    {
        options ??= DeviceRegisterOptions.Default;
        var cases = CaseReader.Read<DeviceAllocationCase>(inputs, DeviceRegisterEmptyFolderId, DeviceAllocationKind.Name, "a device allocation", new CaseChecker(options.Clock), options.Settings);
        return DeviceRegister.Prepare(cases, options);
    }
}

/// <summary>A case file held in memory for a register: its UTF-8 JSON and the name findings give it (never personal data: an id or file name).</summary>
public sealed record RegisterInput(string Name, ReadOnlyMemory<byte> Json);
