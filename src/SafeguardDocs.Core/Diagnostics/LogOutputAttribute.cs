namespace SafeguardDocs.Core.Diagnostics;

/// <summary>
/// Marks a <see cref="TextWriter"/> (a property, field or parameter) whose text goes to the console or
/// a log, such as the command's injected standard output and error. The SafeguardDocs analyzer SGD002
/// checks every <c>Write</c> and <c>WriteLine</c> on it for personal data, as it does on
/// <see cref="Console.Out"/>. The analyzer recognises the attribute by its name.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = true)]
public sealed class LogOutputAttribute : Attribute;
