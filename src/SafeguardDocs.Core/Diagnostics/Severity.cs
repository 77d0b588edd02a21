namespace SafeguardDocs.Core.Diagnostics;

/// <summary>How serious a finding is. Errors stop generation; warnings are printed and recorded.</summary>
public enum Severity
{
    Warning,
    Error,
}
