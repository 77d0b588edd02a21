namespace SafeguardDocs.Core.Cases;

/// <summary>The five published procedures the rules come from (<c>shared/seeds/</c>). Rules cite these.</summary>
public static class Seeds
{
    /// <summary>Pan-Dorset Online Safety Guidance (sections 1–9, Appendices A–D).</summary>
    public const string PanDorset = "000_f620ea6f56574647.txt";

    /// <summary>Online Safeguarding Strategy (strategy discussions, viewing imagery, Appendix 1).</summary>
    public const string OnlineSafeguardingStrategy = "001_961ca90b783403b5.txt";

    /// <summary>Part 26, E-Safety Procedure (numbered paragraphs).</summary>
    public const string ESafetyProcedure = "002_67302b67d831c681.txt";

    /// <summary>Stockport e-safety incident guidance (framework tables 1–3, Appendix 1 monitoring form).</summary>
    public const string IncidentGuidance = "003_59bb45b12fa933fb.txt";

    /// <summary>Timu Academy Trust Online Safety policy (roles, education, SEND, acceptable use).</summary>
    public const string SchoolPolicy = "004_22b96a695a5ea6e4.txt";
}
