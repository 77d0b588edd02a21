namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// How far one render of a Scriban template may go before it is stopped with a diagnostic. A document
/// renders in well under a millisecond and a few thousand characters, so these leave room for any real
/// case while stopping a runaway template (loops inside loops) in about a second instead of filling
/// the memory.
/// </summary>
public sealed record ScribanLimits
{
    public static ScribanLimits Default { get; } = new();

    /// <summary>Steps a loop may take (Scriban counts each loop statement's steps over the render).</summary>
    public int LoopLimit { get; init; } = 10_000;

    /// <summary>How deeply includes and function calls may nest.</summary>
    public int RecursiveLimit { get; init; } = 50;

    /// <summary>Characters of markup one render may produce (a 300-page document is far less).</summary>
    public int OutputLimit { get; init; } = 1_000_000;

    /// <summary>How long one render may take.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(2);
}
