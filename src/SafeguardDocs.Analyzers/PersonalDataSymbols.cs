using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafeguardDocs.Analyzers;

/// <summary>
/// Which symbols hold personal data, which methods anonymise it, and which types print it. The
/// marker attributes are recognised by their simple names, so the analyzer needs no reference to
/// SafeguardDocs.Core and a copy of an attribute in another namespace works the same.
/// </summary>
internal sealed class PersonalDataSymbols
{
    public const string PersonalDataAttribute = "PersonalDataAttribute";
    public const string AnonymisesPersonalDataAttribute = "AnonymisesPersonalDataAttribute";
    public const string BecomesFileNameAttribute = "BecomesFileNameAttribute";
    public const string LogOutputAttribute = "LogOutputAttribute";

    private readonly ConcurrentDictionary<ITypeSymbol, ISymbol?> printedByType = new(SymbolEqualityComparer.Default);

    public static bool HasAttribute(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.Name == attributeName);

    /// <summary>True for a property, field or parameter marked <c>[PersonalData]</c> (or overriding one that is).</summary>
    public static bool IsPersonal(ISymbol symbol) => IsMarked(symbol, PersonalDataAttribute);

    /// <summary>
    /// True for a property, field or parameter that carries the attribute, also through an overridden
    /// property, a field's property, or a positional record's parameter (<c>record R([PersonalData] string Name)</c>).
    /// </summary>
    public static bool IsMarked(ISymbol symbol, string attributeName)
    {
        switch (symbol)
        {
            case IPropertySymbol property:
                for (var p = property; p is not null; p = p.OverriddenProperty)
                {
                    if (HasAttribute(p, attributeName))
                    {
                        return true;
                    }
                }

                return property.ContainingType is { IsRecord: true } record
                    && record.InstanceConstructors.Any(c => c.Parameters.Any(
                        p => p.Name == property.Name && HasAttribute(p, attributeName)));
            case IFieldSymbol field:
                return HasAttribute(field, attributeName)
                    || (field.AssociatedSymbol is IPropertySymbol associated && IsMarked(associated, attributeName));
            case IParameterSymbol parameter:
                return HasAttribute(parameter, attributeName);
            default:
                return false;
        }
    }

    public static bool IsAnonymising(IMethodSymbol method)
    {
        for (var m = method; m is not null; m = m.OverriddenMethod)
        {
            if (HasAttribute(m, AnonymisesPersonalDataAttribute)
                || (m.ReducedFrom is { } reduced && HasAttribute(reduced, AnonymisesPersonalDataAttribute)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The personal member that a value of this type prints when it is turned into text: a record's
    /// compiler-generated <c>ToString()</c> prints every public property, and nested records in turn.
    /// Null when the type prints none (not a record, or a record with its own <c>ToString()</c>).
    /// </summary>
    public ISymbol? PersonalMemberPrintedBy(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        return printedByType.GetOrAdd(type, t => Find(t, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)));

        static ISymbol? Find(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            if (type is not INamedTypeSymbol { IsRecord: true } record || !visiting.Add(record))
            {
                return null;
            }

            // The generated ToString() is implicitly declared in source and [CompilerGenerated] in metadata.
            if (record.GetMembers("ToString").OfType<IMethodSymbol>().Any(
                m => m.Parameters.IsEmpty && !m.IsImplicitlyDeclared && !HasAttribute(m, "CompilerGeneratedAttribute")))
            {
                return null;
            }

            for (INamedTypeSymbol? t = record; t is { IsRecord: true }; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                    {
                        continue;
                    }

                    ITypeSymbol? memberType = member switch
                    {
                        IPropertySymbol { IsIndexer: false, GetMethod: not null } p => p.Type,
                        IFieldSymbol f => f.Type,
                        _ => null,
                    };

                    if (memberType is null)
                    {
                        continue;
                    }

                    if (IsPersonal(member))
                    {
                        return member;
                    }

                    if (Find(memberType, visiting) is { } nested)
                    {
                        return nested;
                    }
                }
            }

            return null;
        }
    }

    /// <summary><c>AllocatedChild.Name</c>: the member and the type that declares it, for messages.</summary>
    public static string Describe(ISymbol symbol) => symbol switch
    {
        IParameterSymbol parameter => parameter.Name,
        _ when symbol.ContainingType is { } type => type.Name + "." + symbol.Name,
        _ => symbol.Name,
    };

    public static bool NameStartsWith(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal);
}
