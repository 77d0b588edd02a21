namespace SafeguardDocs.Cli;

/// <summary>The command's exit codes, the same for every subcommand.</summary>
public static class ExitCodes
{
    /// <summary>Done: documents written, or the case is valid.</summary>
    public const int Success = 0;

    /// <summary>The case has errors against the guidance; nothing was written.</summary>
    public const int CaseHasErrors = 1;

    /// <summary>The input could not be read, or the command was wrong.</summary>
    public const int InputUnusable = 2;
}
