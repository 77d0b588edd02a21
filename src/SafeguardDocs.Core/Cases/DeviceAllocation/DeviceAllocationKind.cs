namespace SafeguardDocs.Core.Cases.DeviceAllocation;

public static class DeviceAllocationKind
{
    public const string Name = "device-allocation";
    public const string Loan = "loan";
    public const string Permanent = "permanent";

    /// <summary>The procedure a letter points to when the case names none (seed 000 is this guidance).</summary>
    public const string DefaultProcedure = "Pan-Dorset Online Safety Guidance";

    public static CaseKind<DeviceAllocationCase, DeviceAllocationView> Kind { get; } = new(
        Name,
        new DeviceAllocationRules(),
        "Digital equipment loan or allocation letter (seed 000 §7, Appendix D)",
        c => c.Child?.Name,
        c => c.LetterDate,
        DeviceAllocationView.Create);
}
