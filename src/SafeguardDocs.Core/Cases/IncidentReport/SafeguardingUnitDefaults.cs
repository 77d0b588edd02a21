namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>
/// Where a completed e-safety incident monitoring form goes when the case does not say
/// (<see cref="IncidentReportCase.ReturnTo"/>): the Safeguarding Children Unit, with the contact the
/// guidance itself gives (seed 003 §6 "Monitoring and review", the flowchart's last step, and Appendix 3
/// "Useful Contact details"). This is the one place the default lives, so that it can later come from the
/// organisation's settings instead.
/// </summary>
public static class SafeguardingUnitDefaults
{
    public const string Name = "Safeguarding Children Unit";

    public const string Email = "cpu@stockport.gov.uk";

    public const string Phone = "0161 474 5657";

    /// <summary>The recipient to print: the case's own where it gives one, each part falling back to the default.</summary>
    public static IncidentFormRecipient For(IncidentReportCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var given = c.ReturnTo;
        return given is null || string.IsNullOrWhiteSpace(given.Name)
            ? new IncidentFormRecipient { Name = Name, Email = Email, Phone = Phone }
            : given;
    }
}
