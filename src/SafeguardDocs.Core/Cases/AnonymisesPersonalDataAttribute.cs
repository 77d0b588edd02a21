namespace SafeguardDocs.Core.Cases;

/// <summary>
/// Marks a method whose result no longer identifies the person whose <see cref="PersonalDataAttribute">personal
/// data</see> went in, so that the result may be used where personal data may not: for example
/// <see cref="Naming.OutputNaming.Initials"/>, whose initials go into output file names. The SafeguardDocs
/// analyzers (SGD001, SGD002) treat a call to such a method as clean, whatever its arguments.
/// </summary>
/// <remarks>
/// Put it only on a method that really anonymises, and say in its documentation how. The analyzers
/// recognise the attribute by its name, so a copy in another namespace works too.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AnonymisesPersonalDataAttribute : Attribute;
