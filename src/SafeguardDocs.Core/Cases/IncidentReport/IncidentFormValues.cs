namespace SafeguardDocs.Core.Cases.IncidentReport;

/// <summary>
/// The choices on the e-safety incident monitoring form (seed 003 Appendix 1), in the form's order and
/// words. This is the one place the lists live: the rules, the form template and the incident log all
/// read them from here. Every list except "who was involved" ends with <see cref="Other"/>, which the
/// form follows with "Please explain:".
/// </summary>
public static class IncidentFormValues
{
    /// <summary>"Other" in any list; it needs the explanation the form asks for.</summary>
    public const string Other = "other";

    public const string ChildOnChild = "child-on-child";
    public const string ChildOnAdult = "child-on-adult";
    public const string AdultOnChild = "adult-on-child";
    public const string AdultOnAdult = "adult-on-adult";

    public const string Sexual = "sexual";
    public const string Grooming = "grooming";
    public const string Bullying = "bullying";
    public const string Violence = "violence";
    public const string HateIncitement = "hate/incitement";
    public const string Financial = "financial";

    public const string ReferralToLado = "referral to LADO";
    public const string ReferralToChildrensSocialCare = "referral to children's social care";
    public const string AdviceToParents = "advice to parents";
    public const string PoliceInvestigation = "police investigation";

    public const string GeneratedAtSetting = "setting";
    public const string GeneratedAtHome = "home";

    /// <summary>Framework area (seed 003 §4 and "Is the content…?"): Table 1.</summary>
    public const string AreaBullyingOrThreatening = "bullying-or-threatening";

    /// <summary>Framework area: Table 2.</summary>
    public const string AreaSexual = "sexual";

    /// <summary>Framework area: Table 3.</summary>
    public const string AreaMishandlingPersonalInformation = "mishandling-personal-information";

    /// <summary>Adult on adult, the framework's two sub-columns: two members of staff.</summary>
    public const string StaffOnStaff = "staff-on-staff";

    /// <summary>Adult on adult: a member of the public (for example a parent) towards a member of staff.</summary>
    public const string PublicOnStaff = "public-on-staff";

    /// <summary>"Who was involved?"</summary>
    public static OptionList Involved { get; } = new(
        new(ChildOnChild, "Child on Child"),
        new(ChildOnAdult, "Child on Adult"),
        new(AdultOnChild, "Adult on Child"),
        new(AdultOnAdult, "Adult on Adult"));

    /// <summary>"Type of setting". Values keep the form's capitalisation (matching ignores case).</summary>
    public static OptionList SettingTypes { get; } = new(
        new("After School Club", "After School Club"),
        new("Breakfast Club", "Breakfast Club"),
        new("Childminder", "Childminder"),
        new("Children's Centre", "Children's Centre"),
        new("Foster Home", "Foster Home"),
        new("High School", "High School"),
        new("Home", "Home"),
        new("Infant School", "Infant School"),
        new("Internet Cafe", "Internet Cafe"),
        new("Junior School", "Junior School"),
        new("Library", "Library"),
        new("Nursery", "Nursery"),
        new("Office", "Office"),
        new("Post 16 Education", "Post 16 Education"),
        new("Residential Home", "Residential Home"),
        new("Sports Club", "Sports Club"),
        new("Youth Centre", "Youth Centre"),
        new(Other, "Other"));

    /// <summary>"Type of incident" (more than one may apply).</summary>
    public static OptionList IncidentTypes { get; } = new(
        new(Sexual, "Sexual"),
        new(Grooming, "Grooming"),
        new(Bullying, "Bullying"),
        new(Violence, "Violence"),
        new(HateIncitement, "Hate/Incitement"),
        new(Financial, "Financial"),
        new(Other, "Other"));

    /// <summary>"What media was used?" (more than one may apply).</summary>
    public static OptionList Media { get; } = new(
        new("social networking", "Social networking"),
        new("BBM or other free system", "BBM or other free system"),
        new("MSN", "MSN"),
        new("email", "Email"),
        new("webcam", "Webcam"),
        new("mobile phone", "Mobile Phone"),
        new("games console", "Games Console"),
        new(Other, "Other"));

    /// <summary>"What action was taken?" (more than one may apply).</summary>
    public static OptionList ActionsTaken { get; } = new(
        new(ReferralToLado, "Referral to LADO"),
        new(ReferralToChildrensSocialCare, "Referral to Children's Social Care"),
        new(AdviceToParents, "Advice to parents"),
        new(PoliceInvestigation, "Police investigation"),
        new(Other, "Other"));

    /// <summary>Where the content was generated: the framework tables' evidence rows (seed 003 Tables 1–3).</summary>
    public static OptionList ContentGeneratedAt { get; } = new(
        new(GeneratedAtSetting, "Content generated at setting"),
        new(GeneratedAtHome, "Content generated at home"));

    /// <summary>"Is the content…?" (seed 003 §4): which framework table applies.</summary>
    public static OptionList FrameworkAreas { get; } = new(
        new(AreaBullyingOrThreatening, "Bullying or threatening"),
        new(AreaSexual, "Sexual"),
        new(AreaMishandlingPersonalInformation, "Mishandling of personal information"));

    /// <summary>The framework's two adult-on-adult columns (seed 003 Tables 1–3: "Staff on Staff", "Public on Staff").</summary>
    public static OptionList AdultOnAdultKinds { get; } = new(
        new(StaffOnStaff, "Staff on Staff"),
        new(PublicOnStaff, "Public on Staff"));
}
