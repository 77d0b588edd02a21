namespace SafeguardDocs.Core.Cases;

/// <summary>
/// Marks a member that holds personal data (a name, a date of birth, an address, an email or phone
/// number, free text about a person). Such a value must never reach a file or folder name, a log or
/// the console; the SafeguardDocs analyzers check this at build time (SGD001, SGD002).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute;
