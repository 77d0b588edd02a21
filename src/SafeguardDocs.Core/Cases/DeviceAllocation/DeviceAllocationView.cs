using SafeguardDocs.Core.Settings;

namespace SafeguardDocs.Core.Cases.DeviceAllocation;

/// <summary>
/// What a device-allocation template sees (Razor as <c>View</c>, Scriban as the top level): every
/// property of the case under the case file's own name (<c>child.name</c>, <c>equipment</c>,
/// <c>provider.organisation</c>), the facts the letter depends on worked out once (<c>isLoan</c>,
/// <c>chaseBy</c>, <c>salutation</c>, <c>procedureName</c>), the Safe Schools and Communities Team
/// contact and the useful websites resolved from the case or else the organisation's settings, and
/// <c>settings</c> and <c>today</c>. No template needs to work any of these out again.
/// </summary>
public sealed class DeviceAllocationView
{
    private readonly DeviceAllocationCase _case;

    public DeviceAllocationView(DeviceAllocationCase caseFile, OrganisationSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(settings);
        _case = caseFile;
        Settings = settings;
        Today = today;
        SafeSchoolsTeam = TeamOf(caseFile, settings);
        UsefulWebsites = WebsitesOf(caseFile, settings);
    }

    /// <summary>The view factory registered with <see cref="DeviceAllocationKind.Kind"/>.</summary>
    public static Func<DeviceAllocationCase, OrganisationSettings, DateOnly, DeviceAllocationView> Create { get; } = (c, s, t) => new(c, s, t);

    // ---- the case, under the case file's names ----------------------------------------------------

    public string? Kind => _case.Kind;

    public string? Reference => _case.Reference;

    public DateOnly? LetterDate => _case.LetterDate;

    public Provider? Provider => _case.Provider;

    public Recipient? Recipient => _case.Recipient;

    public AllocatedChild? Child => _case.Child;

    public string? DeliveredTo => _case.DeliveredTo;

    public string? Ownership => _case.Ownership;

    public string? Owner => _case.Owner;

    /// <summary>The equipment; empty when the case lists none.</summary>
    public IReadOnlyList<EquipmentItem> Equipment => _case.Equipment ?? [];

    public PreIssueChecks? PreIssueChecks => _case.PreIssueChecks;

    public OnIssueSteps? OnIssue => _case.OnIssue;

    /// <summary>The procedure as the case names it (null when it names none; see <see cref="ProcedureName"/>).</summary>
    public string? OnlineSafetyProcedure => _case.OnlineSafetyProcedure;

    /// <summary>
    /// The Safe Schools and Communities Team contact the letter gives: the case's own when it has a phone
    /// or an email; else, while the letter follows the Pan-Dorset guidance (no procedure of its own), the
    /// one in the organisation's settings; else null (the letter then points to the named procedure).
    /// </summary>
    public TeamContact? SafeSchoolsTeam { get; }

    /// <summary>The websites the letter lists: the case's own (none for <c>[]</c>), else those in the settings.</summary>
    public IReadOnlyList<Website> UsefulWebsites { get; }

    // ---- derived facts ------------------------------------------------------------------------------

    /// <summary>True when the equipment is on loan (so it has an owner, is returned and has an annual check).</summary>
    public bool IsLoan => _case.IsLoan;

    /// <summary>True when the equipment is given to the child to keep.</summary>
    public bool IsPermanent => _case.IsPermanent;

    /// <summary>The procedure the letter names: the case's, else the Pan-Dorset Online Safety Guidance.</summary>
    public string ProcedureName => _case.ProcedureName;

    /// <summary>The words after "Dear": the case's own salutation, else title and surname from the name.</summary>
    [PersonalData]
    public string Salutation => Salutations.Of(_case.Recipient?.Salutation, _case.Recipient?.Name);

    /// <summary>The date by which the recipient should call if nothing has arrived (the settings' days after the letter).</summary>
    public DateOnly? ChaseBy => _case.LetterDate?.AddDays(Settings.DeliveryChaseDays);

    /// <summary>When the first annual check of a loan is due; null for a gift or when not arranged.</summary>
    public DateOnly? AnnualCheckDue => IsLoan ? _case.OnIssue?.AnnualCheckDue : null;

    // ---- context --------------------------------------------------------------------------------------

    /// <summary>The organisation's settings this letter is written with.</summary>
    public OrganisationSettings Settings { get; }

    /// <summary>Today's date, from the injected clock.</summary>
    public DateOnly Today { get; }

    private static TeamContact? TeamOf(DeviceAllocationCase c, OrganisationSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(c.SafeSchoolsTeam?.Phone) || !string.IsNullOrWhiteSpace(c.SafeSchoolsTeam?.Email))
        {
            return c.SafeSchoolsTeam;
        }

        var team = settings.SafeSchoolsTeam;
        return string.IsNullOrWhiteSpace(c.OnlineSafetyProcedure) && (!string.IsNullOrWhiteSpace(team.Phone) || !string.IsNullOrWhiteSpace(team.Email))
            ? new TeamContact { Phone = team.Phone, Email = team.Email }
            : null;
    }

    private static IReadOnlyList<Website> WebsitesOf(DeviceAllocationCase c, OrganisationSettings settings) =>
        ReferenceEquals(c.UsefulWebsites, LetterDefaults.UsefulWebsites)
            ? [.. settings.UsefulWebsites.Select(w => new Website { Name = w.Name, Address = w.Address })]
            : c.UsefulWebsites ?? [];
}
