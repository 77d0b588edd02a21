using System.Text.Json.Serialization;

namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>
/// An e-safety incident monitoring form (seed 003 Appendix 1), with what the framework needs to
/// choose its table and column (seed 003 §4, Tables 1–3). The form holds no names of children: only
/// their ages. Values of the form's lists are checked against <see cref="IncidentFormValues"/>.
/// </summary>
public sealed record IncidentReportCase : CaseFile
{
    /// <summary>"Date of incident". Not in the future.</summary>
    public DateOnly? DateOfIncident { get; init; }

    /// <summary>"Age(s) of child(ren) involved", each 0–17.</summary>
    [PersonalData]
    public IReadOnlyList<int?>? AgesOfChildren { get; init; }

    /// <summary>
    /// Optional: true when the ages of the children are not known (the form's age box then says so);
    /// <c>agesOfChildren</c> may then be left out.
    /// </summary>
    public bool? AgesNotKnown { get; init; }

    /// <summary>
    /// "Who was involved?": one or more of the form's four boxes, <c>child-on-child</c>, <c>child-on-adult</c>,
    /// <c>adult-on-child</c> and <c>adult-on-adult</c>, as a list;
    /// a single value in quotes, as earlier case files give it, is read as a list of one.
    /// </summary>
    [JsonConverter(typeof(OneOrManyConverter))]
    public IReadOnlyList<string?>? Involved { get; init; }

    /// <summary>
    /// Optional, for <c>adult-on-child</c>: whether the adult works or volunteers with children (staff, or a
    /// professional of another service). <c>false</c> for a member of the public: the LADO and staff
    /// disciplinary steps do not apply to them.
    /// </summary>
    public bool? AdultWorksWithChildren { get; init; }

    /// <summary>
    /// Optional, for <c>adult-on-adult</c>: <c>staff-on-staff</c> or <c>public-on-staff</c>, the framework
    /// tables' two adult columns. Without it the framework shows both.
    /// </summary>
    public string? AdultOnAdult { get; init; }

    /// <summary>"Type of setting": one of <see cref="IncidentFormValues.SettingTypes"/>.</summary>
    public string? SettingType { get; init; }

    /// <summary>"Please explain:" when the setting type is <c>other</c>.</summary>
    [PersonalData]
    public string? SettingTypeOther { get; init; }

    /// <summary>"Type of incident": one or more of <see cref="IncidentFormValues.IncidentTypes"/>.</summary>
    public IReadOnlyList<string?>? IncidentTypes { get; init; }

    /// <summary>"Please explain:" when an incident type is <c>other</c>.</summary>
    [PersonalData]
    public string? IncidentTypesOther { get; init; }

    /// <summary>
    /// Optional: framework areas ("Is the content…?") beyond those the incident types imply, for example
    /// <c>mishandling-personal-information</c>. Sexual and grooming imply <c>sexual</c>; bullying,
    /// violence and hate/incitement imply <c>bullying-or-threatening</c>.
    /// </summary>
    public IReadOnlyList<string?>? FrameworkAreas { get; init; }

    /// <summary>"What media was used?": one or more of <see cref="IncidentFormValues.Media"/>.</summary>
    public IReadOnlyList<string?>? Media { get; init; }

    /// <summary>"Please explain:" when a medium is <c>other</c>.</summary>
    [PersonalData]
    public string? MediaOther { get; init; }

    /// <summary>Where the content was generated, <c>setting</c> or <c>home</c>: the framework's evidence row.</summary>
    public string? ContentGeneratedAt { get; init; }

    /// <summary>What happened, briefly. Free text about children: personal data.</summary>
    [PersonalData]
    public string? Description { get; init; }

    /// <summary>
    /// Optional, for a sexual incident: true when advice was taken (from the police, children's social care or
    /// the Safeguarding Children Unit) before the parents were spoken to, as Table 2 asks.
    /// </summary>
    public bool? AdviceSoughtBeforeParents { get; init; }

    /// <summary>"What action was taken?": any of <see cref="IncidentFormValues.ActionsTaken"/>.</summary>
    public IReadOnlyList<string?>? ActionsTaken { get; init; }

    /// <summary>"Please explain:" when an action taken is <c>other</c>.</summary>
    [PersonalData]
    public string? ActionsTakenOther { get; init; }

    /// <summary>"Contact details of person completing the form".</summary>
    public IncidentFormCompleter? CompletedBy { get; init; }

    /// <summary>The date the form was completed.</summary>
    public DateOnly? DateCompleted { get; init; }

    /// <summary>
    /// Optional: where the completed form goes (seed 003 §6), printed with the instruction to return it.
    /// Without it the form names the Safeguarding Children Unit and its contact from the guidance
    /// (SafeguardingUnitDefaults).
    /// </summary>
    public IncidentFormRecipient? ReturnTo { get; init; }
}

/// <summary>The unit the completed form is returned to, and how to reach it.</summary>
public sealed record IncidentFormRecipient
{
    /// <summary>The unit, for example "Safeguarding Children Unit".</summary>
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}

/// <summary>The person completing the form: name, and a phone number or email (seed 003 Appendix 1).</summary>
public sealed record IncidentFormCompleter
{
    [PersonalData]
    public string? Name { get; init; }

    public string? Role { get; init; }

    [PersonalData]
    public string? Phone { get; init; }

    [PersonalData]
    public string? Email { get; init; }
}
