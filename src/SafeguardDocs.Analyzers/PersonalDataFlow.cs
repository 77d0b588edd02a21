using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SafeguardDocs.Analyzers;

/// <summary>Where personal data was read, and where to report it.</summary>
internal sealed class PersonalDataSource(ISymbol member, Location location, Location? origin)
{
    /// <summary>The <c>[PersonalData]</c> member (or parameter) that was read.</summary>
    public ISymbol Member { get; } = member;

    /// <summary>The expression inside the sink's argument that carries it.</summary>
    public Location Location { get; } = location;

    /// <summary>When it came through a local variable, where the local was given it.</summary>
    public Location? Origin { get; } = origin;
}

/// <summary>
/// A deliberately simple, intraprocedural taint search over IOperation. A value carries personal data
/// when it reads a <c>[PersonalData]</c> member, property or parameter directly (also inside string
/// interpolation, concatenation, <c>string.Format</c>, <c>ToString()</c> and other calls), or reads a
/// local variable that is given such a value anywhere in the same method. A call to a method marked
/// <c>[AnonymisesPersonalData]</c> is clean whatever its arguments, and so is a <c>bool</c>. A record
/// whose generated <c>ToString()</c> prints a personal member carries personal data where it is turned
/// into text.
/// </summary>
internal sealed class PersonalDataFlow
{
    private readonly PersonalDataSymbols symbols;
    private readonly Func<IOperation, bool> isSinkOfSameRule;
    private readonly HashSet<ILocalSymbol> visitingLocals = new(SymbolEqualityComparer.Default);
    private List<IOperation>? rootDescendants;

    /// <param name="symbols">Shared per compilation.</param>
    /// <param name="isSinkOfSameRule">
    /// A nested call that is itself a sink of the rule being checked is reported on its own, so the
    /// search does not look inside it (one finding per leak, not one per enclosing call).
    /// </param>
    public PersonalDataFlow(PersonalDataSymbols symbols, Func<IOperation, bool> isSinkOfSameRule)
    {
        this.symbols = symbols;
        this.isSinkOfSameRule = isSinkOfSameRule;
    }

    /// <summary>The first personal data the value of <paramref name="argument"/> carries, or null.</summary>
    public PersonalDataSource? Find(IArgumentOperation argument) => Find(argument.Value, formatted: true);

    private PersonalDataSource? Find(IOperation? operation, bool formatted)
    {
        if (operation is null || operation.Type?.SpecialType == SpecialType.System_Boolean)
        {
            return null;
        }

        if (formatted && operation is not IConversionOperation && symbols.PersonalMemberPrintedBy(operation.Type) is { } printed)
        {
            return new PersonalDataSource(printed, operation.Syntax.GetLocation(), origin: null);
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                if (PersonalDataSymbols.IsAnonymising(invocation.TargetMethod) || isSinkOfSameRule(invocation))
                {
                    return null;
                }

                // x.ToString() turns x into text, as interpolation does.
                return Find(invocation.Instance, formatted: invocation.TargetMethod.Name == "ToString")
                    ?? FirstIn(invocation.Arguments.Select(a => a.Value), formatted: false);

            case IObjectCreationOperation creation:
                return isSinkOfSameRule(creation) ? null : FirstIn(creation.Arguments.Select(a => a.Value), formatted: false);

            case IPropertyReferenceOperation property:
                return Member(property, property.Property)
                    ?? Find(property.Instance, formatted: false)
                    ?? FirstIn(property.Arguments.Select(a => a.Value), formatted: false);

            case IFieldReferenceOperation field:
                return Member(field, field.Field) ?? Find(field.Instance, formatted: false);

            case IParameterReferenceOperation parameter:
                return Member(parameter, parameter.Parameter);

            case ILocalReferenceOperation local:
                return FromLocal(local);

            case IConversionOperation conversion:
                // Boxing or widening to object (string.Format, Console.WriteLine(object), a log argument) formats it.
                var toText = formatted || conversion.Type?.SpecialType == SpecialType.System_Object || conversion.Type?.TypeKind == TypeKind.Interface;
                return Find(conversion.Operand, toText);

            case IConditionalOperation conditional:
                return Find(conditional.WhenTrue, formatted) ?? Find(conditional.WhenFalse, formatted);

            case ICoalesceOperation coalesce:
                return Find(coalesce.Value, formatted) ?? Find(coalesce.WhenNull, formatted);

            case IInterpolatedStringOperation interpolated:
                return FirstIn(interpolated.Parts.OfType<IInterpolationOperation>().Select(p => p.Expression), formatted: true);

            case IBinaryOperation binary:
                var concatenation = binary.Type?.SpecialType == SpecialType.System_String;
                return Find(binary.LeftOperand, concatenation) ?? Find(binary.RightOperand, concatenation);

            case IAnonymousFunctionOperation lambda:
                // What the lambda returns flows on (Select(c => c.Name)); what it only tests does not.
                return FirstIn(lambda.Body.Descendants().OfType<IReturnOperation>().Select(r => r.ReturnedValue), formatted: false);

            case IDelegateCreationOperation delegateCreation:
                return Find(delegateCreation.Target, formatted: false);

            case IConditionalAccessOperation access:
                return WidenToAccess(access, Find(access.WhenNotNull, formatted)) ?? Find(access.Operation, formatted: false);

            case IIsPatternOperation or IIsTypeOperation:
                return null;

            default:
                return FirstIn(operation.ChildOperations, formatted);
        }
    }

    /// <summary>
    /// In <c>c.Child?.Name</c> the read of <c>Name</c> is the member binding <c>.Name</c>; report the
    /// whole access, <c>c.Child?.Name</c>, which is what a reader sees.
    /// </summary>
    private static PersonalDataSource? WidenToAccess(IConditionalAccessOperation access, PersonalDataSource? found)
    {
        if (found is null || found.Location.SourceTree is not { } tree || found.Location.SourceSpan.Start != access.WhenNotNull.Syntax.SpanStart)
        {
            return found;
        }

        var span = TextSpan.FromBounds(access.Syntax.SpanStart, found.Location.SourceSpan.End);
        return new PersonalDataSource(found.Member, Location.Create(tree, span), found.Origin);
    }

    private PersonalDataSource? FirstIn(IEnumerable<IOperation?> operations, bool formatted)
    {
        foreach (var operation in operations)
        {
            if (Find(operation, formatted) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static PersonalDataSource? Member(IOperation reference, ISymbol member) =>
        PersonalDataSymbols.IsPersonal(member) ? new PersonalDataSource(member, reference.Syntax.GetLocation(), origin: null) : null;

    /// <summary>A local carries personal data if any value it is given in the same method does (flow-insensitive).</summary>
    private PersonalDataSource? FromLocal(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (!visitingLocals.Add(local))
        {
            return null;
        }

        try
        {
            foreach (var value in ValuesGivenTo(local, reference))
            {
                if (Find(value, formatted: false) is { } found)
                {
                    return new PersonalDataSource(found.Member, reference.Syntax.GetLocation(), found.Origin ?? found.Location);
                }
            }

            return null;
        }
        finally
        {
            visitingLocals.Remove(local);
        }
    }

    private IEnumerable<IOperation?> ValuesGivenTo(ILocalSymbol local, IOperation anyOperationInMethod)
    {
        if (rootDescendants is null)
        {
            var root = anyOperationInMethod;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            rootDescendants = root.DescendantsAndSelf().ToList();
        }

        foreach (var operation in rootDescendants)
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    yield return declarator.Initializer?.Value
                        ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
                case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation control } loop
                    when SymbolEqualityComparer.Default.Equals(control.Symbol, local):
                    // Each element of a personal collection (an address's lines) is personal.
                    yield return loop.Collection;
                    break;
                case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local):
                    yield return (pattern.Parent as IIsPatternOperation)?.Value;
                    break;
            }
        }
    }
}
