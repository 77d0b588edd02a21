namespace SafeguardDocs.Core.Cases.DeviceAllocation;

public static class DeviceAllocationKind
{
    public const string Name = "device-allocation";
    public const string Loan = "loan";
    public const string Permanent = "permanent";

    public static CaseKind Kind { get; } = new(
        Name,
        typeof(DeviceAllocationCase),
        new DeviceAllocationRules(),
        "Digital equipment loan or allocation letter (seed 000 §7, Appendix D)",
        c => ((DeviceAllocationCase)c).Child?.Name);
}
