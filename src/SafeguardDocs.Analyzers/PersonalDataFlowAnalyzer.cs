using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeguardDocs.Analyzers;

/// <summary>
/// SGD001 (personal data in a file or folder name) and SGD002 (personal data in log or console
/// output). Both look at every call and object creation, pick the arguments that are sinks, and search
/// each for personal data with <see cref="PersonalDataFlow"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataFlowAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> PathMethods = new(StringComparer.Ordinal) { "Combine", "Join", "ChangeExtension", "GetFullPath" };
    private static readonly HashSet<string> FileSystemTypes = new(StringComparer.Ordinal) { "FileStream", "FileInfo", "DirectoryInfo", "StreamWriter", "StreamReader" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PersonalDataInFileName, Descriptors.PersonalDataInLog);

    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        // Razor components compile to generated code; a template is product code like any other.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = new PersonalDataSymbols();
            start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, PersonalDataSymbols symbols)
    {
        var (method, arguments) = context.Operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => default,
        };

        if (method is null)
        {
            return;
        }

        var toFileName = new PersonalDataFlow(symbols, IsFileNameSink);
        var toLog = new PersonalDataFlow(symbols, IsLogSink);
        var logSink = IsLogSink(context.Operation);
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && IsFileNameParameter(method, parameter) && toFileName.Find(argument) is { } path)
            {
                Report(context, Descriptors.PersonalDataInFileName, path, method);
            }

            if (logSink && toLog.Find(argument) is { } logged)
            {
                Report(context, Descriptors.PersonalDataInLog, logged, method);
            }
        }
    }

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, PersonalDataSource source, IMethodSymbol sink)
    {
        var sinkName = sink.MethodKind == MethodKind.Constructor
            ? "new " + sink.ContainingType.Name
            : sink.ContainingType.Name + "." + sink.Name;
        var additional = source.Origin is null ? null : new[] { source.Origin };
        context.ReportDiagnostic(Diagnostic.Create(descriptor, source.Location, additional, PersonalDataSymbols.Describe(source.Member), sinkName));
    }

    /// <summary>SGD001 sinks: System.IO path parameters and parameters marked <c>[BecomesFileName]</c>.</summary>
    internal static bool IsFileNameParameter(IMethodSymbol method, IParameterSymbol parameter)
    {
        if (PersonalDataSymbols.HasAttribute(parameter, PersonalDataSymbols.BecomesFileNameAttribute))
        {
            return true;
        }

        var type = method.ContainingType;
        if (!IsInNamespace(type, "System", "IO"))
        {
            return false;
        }

        return type.Name switch
        {
            "Path" => PathMethods.Contains(method.Name),
            "File" or "Directory" => IsPathNamed(parameter.Name),
            _ => method.MethodKind == MethodKind.Constructor && FileSystemTypes.Contains(type.Name) && IsPathNamed(parameter.Name),
        };
    }

    private static bool IsFileNameSink(IOperation operation)
    {
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => default,
        };

        if (method is null)
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && IsFileNameParameter(method, parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// SGD002 sinks, every argument: Console.Write*, Console.Out/Error.Write* and Write* on a writer marked
    /// [LogOutput], Debug and Trace, ILogger's
    /// Log* and BeginScope, [LoggerMessage] methods, and Spectre.Console's Write* and Markup*.
    /// </summary>
    internal static bool IsLogSink(IOperation operation)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return false;
        }

        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var name = method.Name;
        if (IsInNamespace(type, "System") && type.Name == "Console")
        {
            return PersonalDataSymbols.NameStartsWith(name, "Write");
        }

        if (IsInNamespace(type, "System", "Diagnostics") && type.Name is "Debug" or "Trace")
        {
            return PersonalDataSymbols.NameStartsWith(name, "Write") || PersonalDataSymbols.NameStartsWith(name, "Trace")
                || name is "Print" or "Fail" or "Assert";
        }

        if (PersonalDataSymbols.NameStartsWith(name, "Write") && DerivesFromTextWriter(type) && IsLogWriter(invocation.Instance))
        {
            return true;
        }

        if (IsInNamespace(type, "Microsoft", "Extensions", "Logging"))
        {
            return PersonalDataSymbols.NameStartsWith(name, "Log") || name == "BeginScope";
        }

        if (PersonalDataSymbols.HasAttribute(method, "LoggerMessageAttribute"))
        {
            return true;
        }

        return IsInNamespace(type, "Spectre", "Console")
            && (PersonalDataSymbols.NameStartsWith(name, "Write") || PersonalDataSymbols.NameStartsWith(name, "Markup"));
    }

    /// <summary><c>Console.Out</c>, <c>Console.Error</c>, or a writer marked <c>[LogOutput]</c> (the CLI's injected output).</summary>
    private static bool IsLogWriter(IOperation? writer)
    {
        var symbol = writer switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            IParameterReferenceOperation parameter => (ISymbol)parameter.Parameter,
            _ => null,
        };

        if (symbol is IPropertySymbol { Name: "Out" or "Error", ContainingType: { Name: "Console" } console } && IsInNamespace(console, "System"))
        {
            return true;
        }

        return symbol is not null && PersonalDataSymbols.IsMarked(symbol, PersonalDataSymbols.LogOutputAttribute);
    }

    private static bool IsPathNamed(string name) =>
        name.IndexOf("path", StringComparison.OrdinalIgnoreCase) >= 0
        || name.EndsWith("FileName", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("DirName", StringComparison.OrdinalIgnoreCase);

    private static bool DerivesFromTextWriter(INamedTypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == "TextWriter" && IsInNamespace(t, "System", "IO"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the type's namespace is exactly the given one (outermost part first).</summary>
    internal static bool IsInNamespace(ISymbol? symbol, params string[] parts)
    {
        var ns = symbol?.ContainingNamespace;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is not null && ns.IsGlobalNamespace;
    }
}
