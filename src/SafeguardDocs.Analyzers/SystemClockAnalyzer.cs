using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeguardDocs.Analyzers;

/// <summary>
/// SGD003: <c>DateTime.Now</c>, <c>DateTime.Today</c>, <c>DateTime.UtcNow</c>, <c>DateTimeOffset.Now</c>
/// and <c>DateTimeOffset.UtcNow</c> read the system clock, which makes output depend on the day it is
/// made. Code takes a <c>TimeProvider</c> instead; only the composition root picks
/// <c>TimeProvider.System</c>, which needs none of these.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SystemClockAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SystemClock);

    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        // Razor templates compile to generated code, and a template is exactly where a date goes.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(Analyze, OperationKind.PropertyReference);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var property = ((IPropertyReferenceOperation)context.Operation).Property;
        if (!property.IsStatic || !PersonalDataFlowAnalyzer.IsInNamespace(property.ContainingType, "System"))
        {
            return;
        }

        var readsClock = (property.ContainingType.Name, property.Name) switch
        {
            ("DateTime", "Now" or "Today" or "UtcNow") => true,
            ("DateTimeOffset", "Now" or "UtcNow") => true,
            _ => false,
        };

        if (readsClock)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SystemClock,
                context.Operation.Syntax.GetLocation(),
                property.ContainingType.Name + "." + property.Name));
        }
    }
}
