using Microsoft.CodeAnalysis;

namespace SafeguardDocs.Analyzers;

/// <summary>
/// The SafeguardDocs diagnostics. Each message says what to do next; each has a help page in
/// <c>docs/analyzers/</c>. Messages name members and types, never values.
/// </summary>
public static class Descriptors
{
    public const string PersonalDataInFileNameId = "SGD001";
    public const string PersonalDataInLogId = "SGD002";
    public const string SystemClockId = "SGD003";
    public const string RequirednessNotExplicitId = "SGD004";

    private const string Privacy = "Privacy";
    private const string Determinism = "Determinism";
    private const string Design = "Design";

    /// <summary>SGD001: personal data flows into a file or folder name.</summary>
    public static readonly DiagnosticDescriptor PersonalDataInFileName = new(
        PersonalDataInFileNameId,
        title: "Personal data in a file or folder name",
        messageFormat: "'{0}' is personal data and reaches a file or folder name through '{1}'; name the file with the case reference and OutputNaming.Initials(...) instead",
        category: Privacy,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "File and folder names are seen by people and programs that must not see a child's personal data (backups, sync clients, recent-file lists). A member marked [PersonalData] must not flow into a path; only the output of a method marked [AnonymisesPersonalData], such as OutputNaming.Initials, may.",
        helpLinkUri: HelpLink(PersonalDataInFileNameId));

    /// <summary>SGD002: personal data flows into logging or console output.</summary>
    public static readonly DiagnosticDescriptor PersonalDataInLog = new(
        PersonalDataInLogId,
        title: "Personal data in log or console output",
        messageFormat: "'{0}' is personal data and reaches log or console output through '{1}'; print the case reference, the JSON path or the rule instead, never the value",
        category: Privacy,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Logs and terminal scroll-back are kept, copied and shared far beyond the case file. A member marked [PersonalData] must not reach Console, Debug, Trace, an ILogger or Spectre.Console output.",
        helpLinkUri: HelpLink(PersonalDataInLogId));

    /// <summary>SGD003: the system clock read directly.</summary>
    public static readonly DiagnosticDescriptor SystemClock = new(
        SystemClockId,
        title: "System clock used instead of the injected clock",
        messageFormat: "'{0}' reads the system clock; take a TimeProvider and use its GetLocalNow() or GetUtcNow() (or ValidationContext.Today) so that documents and tests are deterministic",
        category: Determinism,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Documents carry dates, and the same case must give the same document on any day. Only the composition root chooses TimeProvider.System; everything else is given a TimeProvider.",
        helpLinkUri: HelpLink(SystemClockId));

    /// <summary>SGD004: a case-model property whose requiredness is not explicit.</summary>
    public static readonly DiagnosticDescriptor RequirednessNotExplicit = new(
        RequirednessNotExplicitId,
        title: "Case-model property is neither nullable nor required",
        messageFormat: "'{0}.{1}' is neither nullable nor 'required'; make it nullable ('{2}?') and add a validation rule if it must be present, or mark it 'required'",
        category: Design,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A case file is read from JSON, so any field can be missing. A non-nullable property that is not 'required' silently becomes null or a default value; make the requiredness of every field explicit.",
        helpLinkUri: HelpLink(RequirednessNotExplicitId));

    private static string HelpLink(string id) => "docs/analyzers/" + id + ".md";
}
