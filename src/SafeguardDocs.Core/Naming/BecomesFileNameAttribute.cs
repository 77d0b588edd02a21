namespace SafeguardDocs.Core.Naming;

/// <summary>
/// Marks a parameter whose argument becomes a file or folder name, or part of one, the way the path
/// parameters of <c>System.IO</c> do. The SafeguardDocs analyzer SGD001 reports
/// <see cref="Cases.PersonalDataAttribute">personal data</see> that flows into such an argument.
/// </summary>
/// <remarks>
/// <c>System.IO</c> (<c>Path</c>, <c>File</c>, <c>Directory</c>, <c>FileStream</c>, <c>FileInfo</c>,
/// <c>DirectoryInfo</c>) is checked without it; put it on the product's own naming and writing code.
/// The analyzer recognises the attribute by its name.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class BecomesFileNameAttribute : Attribute;
