namespace SafeguardDocs.Templating.Scriban;

/// <summary>
/// A template function was given something it cannot use. The message is the product's own wording and
/// never holds the value (it may be personal data); the renderer turns it into a diagnostic.
/// </summary>
public sealed class TemplateFunctionException : Exception
{
    public TemplateFunctionException()
    {
    }

    public TemplateFunctionException(string message)
        : base(message)
    {
    }

    public TemplateFunctionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
