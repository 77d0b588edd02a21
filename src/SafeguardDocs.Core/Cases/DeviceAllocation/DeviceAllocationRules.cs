using SafeguardDocs.Core.Rules;
using static SafeguardDocs.Core.Diagnostics.Severity;

namespace SafeguardDocs.Core.Cases.DeviceAllocation;

/// <summary>
/// Seed 000 §7 and Appendix D, one rule per requirement. Each message says what to do and never
/// quotes the value.
/// </summary>
public sealed class DeviceAllocationRules : RuleSet<DeviceAllocationCase>
{
    private const string Letter = Seeds.PanDorset + " Appendix D (template letter)";
    private const string PriorToIssue = Seeds.PanDorset + " §7 \"Prior to issuing digital equipment\"";
    private const string OnIssuing = Seeds.PanDorset + " §7 \"On issuing the digital equipment\"";

    public static readonly Rule ReferenceRequired = new("DA001", Error, Letter, "The case needs a reference. Add \"reference\", for example \"DA-2026-0042\".");
    public static readonly Rule ReferenceUnsafe = new("DA002", Error, Letter, "The reference may contain only letters, digits, '-' and '_' (it becomes the file name). Change it.");
    public static readonly Rule LetterDateRequired = new("DA003", Error, Letter, "The letter needs a date. Add \"letterDate\" as YYYY-MM-DD.");
    public static readonly Rule ProviderNameRequired = new("DA004", Error, Letter, "The letter is signed by the provider: add the provider's name.");
    public static readonly Rule ProviderRoleRequired = new("DA005", Error, Letter, "The sign-off needs the provider's role. Add \"role\".");
    public static readonly Rule ProviderOrganisationRequired = new("DA006", Error, Letter, "Add the providing organisation; it heads the letter.");
    public static readonly Rule ProviderContactExpected = new("DA007", Warning, Letter, "The letter asks the recipient to telephone the provider, but there is no phone number or email. Add \"phone\" or \"email\".");
    public static readonly Rule RecipientNameRequired = new("DA008", Error, Letter, "The letter needs the name of the person it is addressed to. Add the recipient's name.");
    public static readonly Rule RecipientOrganisationRequired = new("DA009", Error, Letter, "Add the recipient's organisation (the school or setting the child attends).");
    public static readonly Rule ChildNameRequired = new("DA010", Error, Letter, "The \"Re:\" line names the child: add the child's name.");
    public static readonly Rule ChildDateOfBirthRequired = new("DA011", Error, Letter, "The \"Re:\" line gives the child's date of birth: add it as YYYY-MM-DD.");
    public static readonly Rule ChildDateOfBirthInFuture = new("DA012", Error, Letter, "The child's date of birth is in the future. Check and correct it.");
    public static readonly Rule LetterBeforeBirth = new("DA013", Error, Letter, "The letter is dated before the child's date of birth. Check both dates.");
    public static readonly Rule DeliveredToRequired = new("DA014", Error, Letter, "Say where the equipment is delivered (the organisation or venue). Add \"deliveredTo\".");
    public static readonly Rule EquipmentRequired = new("DA015", Error, Letter, "List at least one item of equipment under \"equipment\".");
    public static readonly Rule EquipmentDescriptionRequired = new("DA016", Error, Letter, "Each item of equipment needs a description, such as the make and model.");
    public static readonly Rule EquipmentSerialRequired = new("DA017", Warning, Letter, "The serial number of this item is not recorded, so the schedule says \"To be confirmed\". Add \"serialNumber\" when the equipment arrives, so that it can be identified at the annual check and on return.");
    public static readonly Rule OwnershipRequired = new("DA018", Error, OnIssuing, "Make clear who owns the equipment: set \"ownership\" to \"loan\" or \"permanent\".");
    public static readonly Rule HardwareNotWiped = new("DA019", Error, PriorToIssue, "The equipment must be cleaned of everything from any previous user before issue. Wipe it, then set \"hardwareWiped\" to true.");
    public static readonly Rule FilteringNotInstalled = new("DA020", Error, PriorToIssue, "Approved filtering software must be installed before issue. Install it, then set \"filteringInstalled\" to true.");
    public static readonly Rule SafeSchoolsTeamNotInformed = new("DA021", Warning, PriorToIssue, "The guidance asks you to inform the Safe Schools and Communities Team before issue, so that it can offer advice.");
    public static readonly Rule OwnerRequiredForLoan = new("DA022", Error, OnIssuing, "Equipment on loan remains someone's property: name the owning organisation in \"owner\".");
    public static readonly Rule AnnualCheckMissing = new("DA023", Warning, OnIssuing, "For loaned equipment an annual check of how it has been used is good practice. Add \"annualCheckDue\".");
    public static readonly Rule AnnualCheckTooLate = new("DA024", Warning, OnIssuing, "The annual check should fall within twelve months of the letter. Bring \"annualCheckDue\" forward.");
    public static readonly Rule AnnualCheckBeforeLetter = new("DA029", Warning, OnIssuing, "The annual check is dated before the letter: a check of how the equipment has been used comes after it is issued. Check \"annualCheckDue\" and \"letterDate\".");
    public static readonly Rule SalutationExpected = new("DA030", Warning, Letter, "The letter would greet the recipient by full name, because the name has no title. Add a title to \"recipient.name\" (for example \"Mrs\"), or give \"recipient.salutation\" (for example \"Mrs Grant\").");
    public static readonly Rule SafetyInformationNotGiven = new("DA025", Warning, OnIssuing, "Give the young person up-to-date, age-appropriate information on the dangers of internet use, then record it.");
    public static readonly Rule ParentalMonitoringNotGiven = new("DA026", Warning, OnIssuing, "Give parents, carers and the school details of free parental-monitoring software, then record it.");
    public static readonly Rule WeeklyUpdateNotAdvised = new("DA027", Warning, OnIssuing, "Advise that the equipment is connected to the internet weekly so that its anti-malware updates, then record it.");
    public static readonly Rule OwnerGivenForPermanent = new("DA028", Warning, OnIssuing, "The equipment is recorded as the child's own, but an owner is also named. The letter will say it belongs to the child; remove \"owner\" or change \"ownership\" to \"loan\".");

    public override IReadOnlyList<Rule> Rules { get; } =
    [
        ReferenceRequired, ReferenceUnsafe, LetterDateRequired, ProviderNameRequired, ProviderRoleRequired,
        ProviderOrganisationRequired, ProviderContactExpected, RecipientNameRequired, RecipientOrganisationRequired,
        ChildNameRequired, ChildDateOfBirthRequired, ChildDateOfBirthInFuture, LetterBeforeBirth, DeliveredToRequired,
        EquipmentRequired, EquipmentDescriptionRequired, EquipmentSerialRequired, OwnershipRequired, HardwareNotWiped,
        FilteringNotInstalled, SafeSchoolsTeamNotInformed, OwnerRequiredForLoan, AnnualCheckMissing, AnnualCheckTooLate,
        SafetyInformationNotGiven, ParentalMonitoringNotGiven, WeeklyUpdateNotAdvised, OwnerGivenForPermanent,
        AnnualCheckBeforeLetter, SalutationExpected,
    ];

    protected override void Check(DeviceAllocationCase c, ValidationContext context, FindingList findings)
    {
        findings.RequireSafeReference(c.Reference, ReferenceRequired, ReferenceUnsafe);

        findings.Require(c.LetterDate, LetterDateRequired, "$.letterDate");

        findings.RequireText(c.Provider?.Name, ProviderNameRequired, "$.provider.name");
        findings.RequireText(c.Provider?.Role, ProviderRoleRequired, "$.provider.role");
        findings.RequireText(c.Provider?.Organisation, ProviderOrganisationRequired, "$.provider.organisation");
        if (c.Provider is not null && string.IsNullOrWhiteSpace(c.Provider.Phone) && string.IsNullOrWhiteSpace(c.Provider.Email))
        {
            findings.Add(ProviderContactExpected, "$.provider");
        }

        findings.RequireText(c.Recipient?.Name, RecipientNameRequired, "$.recipient.name");
        findings.RequireText(c.Recipient?.Organisation, RecipientOrganisationRequired, "$.recipient.organisation");
        if (!string.IsNullOrWhiteSpace(c.Recipient?.Name) && string.IsNullOrWhiteSpace(c.Recipient.Salutation) && !Salutations.HasTitle(c.Recipient.Name))
        {
            findings.Add(SalutationExpected, "$.recipient.salutation");
        }

        findings.RequireText(c.Child?.Name, ChildNameRequired, "$.child.name");
        if (findings.Require(c.Child?.DateOfBirth, ChildDateOfBirthRequired, "$.child.dateOfBirth"))
        {
            var born = c.Child!.DateOfBirth!.Value;
            if (born > context.Today)
            {
                findings.Add(ChildDateOfBirthInFuture, "$.child.dateOfBirth");
            }

            if (c.LetterDate is { } letter && letter < born)
            {
                findings.Add(LetterBeforeBirth, "$.letterDate");
            }
        }

        findings.RequireText(c.DeliveredTo, DeliveredToRequired, "$.deliveredTo");

        if (c.Equipment is null || c.Equipment.Count == 0)
        {
            findings.Add(EquipmentRequired, "$.equipment");
        }
        else
        {
            for (var i = 0; i < c.Equipment.Count; i++)
            {
                var item = c.Equipment[i];
                findings.RequireText(item?.Description, EquipmentDescriptionRequired, $"$.equipment[{i}].description");
                findings.RequireText(item?.SerialNumber, EquipmentSerialRequired, $"$.equipment[{i}].serialNumber");
            }
        }

        if (c.Ownership is not (DeviceAllocationKind.Loan or DeviceAllocationKind.Permanent))
        {
            findings.Add(OwnershipRequired, "$.ownership");
        }

        if (c.PreIssueChecks?.HardwareWiped != true)
        {
            findings.Add(HardwareNotWiped, "$.preIssueChecks.hardwareWiped");
        }

        if (c.PreIssueChecks?.FilteringInstalled != true)
        {
            findings.Add(FilteringNotInstalled, "$.preIssueChecks.filteringInstalled");
        }

        if (c.PreIssueChecks?.SafeSchoolsTeamInformed != true)
        {
            findings.Add(SafeSchoolsTeamNotInformed, "$.preIssueChecks.safeSchoolsTeamInformed");
        }

        if (c.IsLoan)
        {
            findings.RequireText(c.Owner, OwnerRequiredForLoan, "$.owner");
            if (findings.Require(c.OnIssue?.AnnualCheckDue, AnnualCheckMissing, "$.onIssue.annualCheckDue") && c.LetterDate is { } letter)
            {
                var due = c.OnIssue!.AnnualCheckDue!.Value;
                if (due < letter)
                {
                    findings.Add(AnnualCheckBeforeLetter, "$.onIssue.annualCheckDue");
                }
                else if (due > Calendar.PlausibleDates.AddMonthsSaturating(letter, context.Options.AnnualCheckMonths))
                {
                    findings.Add(AnnualCheckTooLate, "$.onIssue.annualCheckDue");
                }
            }
        }
        else if (c.Ownership == DeviceAllocationKind.Permanent && !string.IsNullOrWhiteSpace(c.Owner))
        {
            findings.Add(OwnerGivenForPermanent, "$.owner");
        }

        if (c.OnIssue?.SafetyInformationGiven != true)
        {
            findings.Add(SafetyInformationNotGiven, "$.onIssue.safetyInformationGiven");
        }

        if (c.OnIssue?.ParentalMonitoringGuidanceGiven != true)
        {
            findings.Add(ParentalMonitoringNotGiven, "$.onIssue.parentalMonitoringGuidanceGiven");
        }

        if (c.OnIssue?.WeeklyUpdateAdvised != true)
        {
            findings.Add(WeeklyUpdateNotAdvised, "$.onIssue.weeklyUpdateAdvised");
        }
    }
}
