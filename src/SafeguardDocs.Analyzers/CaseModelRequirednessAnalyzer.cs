using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeguardDocs.Analyzers;

/// <summary>
/// SGD004: every settable property of a case model says whether it is required. A case model is a
/// type declared under the <c>SafeguardDocs.Core.Cases</c> namespace that is <c>CaseFile</c>, derives
/// from it, or is reached from one through property types (also inside lists, arrays and nullables).
/// Such a property is either nullable (a missing value is a validation finding) or <c>required</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CaseModelRequirednessAnalyzer : DiagnosticAnalyzer
{
    private const string CasesNamespace = "SafeguardDocs.Core.Cases";
    private const string CaseFileName = "CaseFile";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RequirednessNotExplicit);

    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var models = CaseModels(start.Compilation);
            if (models.Count > 0)
            {
                start.RegisterSymbolAction(c => Analyze(c, models), SymbolKind.Property);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, HashSet<INamedTypeSymbol> models)
    {
        var property = (IPropertySymbol)context.Symbol;
        if (property.IsStatic || property.IsIndexer || property.IsRequired || property.SetMethod is null
            || property.DeclaredAccessibility != Accessibility.Public || !models.Contains(property.ContainingType))
        {
            return;
        }

        var type = property.Type;
        var explicitlyOptional = type switch
        {
            { IsValueType: true } => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T,
            { IsReferenceType: true } => property.NullableAnnotation == NullableAnnotation.Annotated,
            _ => true, // An unconstrained type parameter: its nullability is the caller's to say.
        };

        if (!explicitlyOptional)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RequirednessNotExplicit,
                property.Locations.FirstOrDefault(),
                property.ContainingType.Name,
                property.Name,
                type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }
    }

    /// <summary>The case models declared in this compilation: the roots and everything their properties reach.</summary>
    private static HashSet<INamedTypeSymbol> CaseModels(Compilation compilation)
    {
        var models = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var cases = compilation.Assembly.GlobalNamespace;
        foreach (var part in CasesNamespace.Split('.'))
        {
            cases = cases?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
        }

        if (cases is null)
        {
            return models;
        }

        var declared = new HashSet<INamedTypeSymbol>(AllTypes(cases), SymbolEqualityComparer.Default);
        var pending = new Stack<INamedTypeSymbol>(declared.Where(IsCaseFile));
        while (pending.Count > 0)
        {
            var model = pending.Pop();
            if (!models.Add(model))
            {
                continue;
            }

            foreach (var property in model.GetMembers().OfType<IPropertySymbol>())
            {
                foreach (var reached in NamedTypesIn(property.Type))
                {
                    if (declared.Contains(reached.OriginalDefinition))
                    {
                        pending.Push(reached.OriginalDefinition);
                    }
                }
            }
        }

        return models;
    }

    private static bool IsCaseFile(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == CaseFileName && t.ContainingNamespace?.ToDisplayString() == CasesNamespace)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            yield return type;
            foreach (var nested in type.GetTypeMembers())
            {
                yield return nested;
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(child))
            {
                yield return type;
            }
        }
    }

    /// <summary>The named types a property type mentions: itself, array elements and type arguments.</summary>
    private static IEnumerable<INamedTypeSymbol> NamedTypesIn(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                foreach (var t in NamedTypesIn(array.ElementType))
                {
                    yield return t;
                }

                break;
            case INamedTypeSymbol named:
                yield return named;
                foreach (var argument in named.TypeArguments)
                {
                    foreach (var t in NamedTypesIn(argument))
                    {
                        yield return t;
                    }
                }

                break;
        }
    }
}
