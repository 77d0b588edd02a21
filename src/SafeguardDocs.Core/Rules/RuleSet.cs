using SafeguardDocs.Core.Cases;
using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Core.Rules;

/// <summary>The rules of one kind of case. Every rule runs; all findings come back at once.</summary>
public interface IRuleSet
{
    /// <summary>Every rule this set can report, for documentation and for tests that prove each one can fire.</summary>
    IReadOnlyList<Rule> Rules { get; }

    IReadOnlyList<Finding> Check(CaseFile caseFile, ValidationContext context);
}

/// <summary>Base for a typed rule set; <see cref="Check(T, ValidationContext, FindingList)"/> adds findings.</summary>
public abstract class RuleSet<T> : IRuleSet where T : CaseFile
{
    public abstract IReadOnlyList<Rule> Rules { get; }

    public IReadOnlyList<Finding> Check(CaseFile caseFile, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        if (caseFile is not T typed)
        {
            throw new ArgumentException($"This rule set checks {typeof(T).Name}, not {caseFile.GetType().Name}.", nameof(caseFile));
        }

        var findings = new FindingList();
        Check(typed, context, findings);
        return findings;
    }

    protected abstract void Check(T c, ValidationContext context, FindingList findings);
}

/// <summary>Findings being collected, with helpers for the commonest checks.</summary>
public sealed class FindingList : List<Finding>
{
    public void Add(Rule rule, string path) => Add(rule.At(path));

    /// <summary>Adds the rule's finding when the text is missing or only white space. Returns true when present.</summary>
    public bool RequireText(string? value, Rule rule, string path)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Add(rule, path);
        return false;
    }

    /// <summary>
    /// The case reference, which every kind needs and which becomes the file name: present, and only
    /// letters, digits, '-' and '_' (<see cref="Naming.OutputNaming.IsSafeReference"/>). Returns true when usable.
    /// </summary>
    public bool RequireSafeReference(string? reference, Rule required, Rule unsafeReference)
    {
        if (!RequireText(reference, required, "$.reference"))
        {
            return false;
        }

        if (Naming.OutputNaming.IsSafeReference(reference))
        {
            return true;
        }

        // The rule's own message says which characters are allowed; a reference that is too long or a
        // reserved device name is refused by the same rule, with a message that says so.
        var finding = unsafeReference.At("$.reference");
        var problem = Naming.OutputNaming.ReferenceProblem(reference);
        Add(problem is null || reference!.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') is false ? finding : finding with { Message = problem });
        return false;
    }

    /// <summary>Adds the rule's finding when the value is null. Returns true when present.</summary>
    public bool Require<TValue>(TValue? value, Rule rule, string path)
    {
        if (value is not null)
        {
            return true;
        }

        Add(rule, path);
        return false;
    }
}
