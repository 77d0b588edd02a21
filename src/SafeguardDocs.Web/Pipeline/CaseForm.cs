using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using SafeguardDocs.Core.Cases;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>What kind of question a field is asked as.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Lines,
    WholeNumberLines,
    YesNo,
    WholeNumber,
    Number,
    Date,
    DateTime,
    Choice,
    Choices,
    Group,
    List,
}

/// <summary>One choice of a question answered by radios or checkboxes: the value in the case file, and the words shown.</summary>
public sealed record FieldChoice(string Value, string Label);

/// <summary>
/// One field of a case model, as a form asks it. <see cref="Path"/> is the JSON path inside the case
/// with <c>[]</c> for list items (<c>equipment[].serialNumber</c>), as in <c>docs/case-files.md</c>.
/// </summary>
public sealed record FormField(string Name, string Path, string Label, string? Hint, FieldKind Kind, bool Personal, IReadOnlyList<FieldChoice> Choices, IReadOnlyList<FormField> Children);

/// <summary>
/// The form of a case kind, made from its model by the same metadata <c>docs/case-files.md</c> is
/// generated from: <see cref="CaseModelMembers"/> for the JSON names and types in declaration order,
/// and the model's XML comments for hints. A new kind gets a form without hand-written HTML.
/// </summary>
public sealed class CaseForm
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CaseForm> Forms = new(StringComparer.Ordinal);
    private static readonly Lazy<Dictionary<string, string>> Summaries = new(LoadSummaries);

    private CaseForm(CaseKind kind, IReadOnlyList<FormField> fields)
    {
        Kind = kind;
        Fields = fields;
    }

    public CaseKind Kind { get; }

    /// <summary>The top-level fields, <c>kind</c> left out (the form knows its kind).</summary>
    public IReadOnlyList<FormField> Fields { get; }

    /// <summary>
    /// Questions the rules always require: those with an error when every section is there but nothing is
    /// answered (path templates, <c>equipment[].serialNumber</c>). Questions required only in some cases
    /// (an owner for a loan) are not marked; the rules still ask for them as the user types.
    /// </summary>
    public IReadOnlySet<string> Required => required ??= FindRequired();

    private IReadOnlySet<string>? required;

    private HashSet<string> FindRequired()
    {
        var skeleton = new System.Text.Json.Nodes.JsonObject { ["kind"] = Kind.Name };
        Skeleton(Fields, skeleton);
        var json = System.Text.Encoding.UTF8.GetBytes(skeleton.ToJsonString());
        var load = Core.Loading.CaseLoader.Load(json, "case.json");
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (!load.Succeeded)
        {
            return paths;
        }

        var context = new Core.Rules.ValidationContext(new DateOnly(2000, 1, 1), Core.Settings.OrganisationSettings.Default);
        foreach (var finding in load.Kind!.Rules.Check(load.Case!, context).Where(f => f.IsError))
        {
            var path = System.Text.RegularExpressions.Regex.Replace(finding.Path.StartsWith("$.", StringComparison.Ordinal) ? finding.Path[2..] : finding.Path, @"\[\d+\]", "[]");
            paths.Add(path);
        }

        return paths;
    }

    private static void Skeleton(IReadOnlyList<FormField> fields, System.Text.Json.Nodes.JsonObject into)
    {
        foreach (var field in fields)
        {
            if (field.Kind == FieldKind.Group)
            {
                var group = new System.Text.Json.Nodes.JsonObject();
                Skeleton(field.Children, group);
                into[field.Name] = group;
            }
            else if (field.Kind == FieldKind.List)
            {
                var row = new System.Text.Json.Nodes.JsonObject();
                Skeleton(field.Children, row);
                into[field.Name] = new System.Text.Json.Nodes.JsonArray(row);
            }
        }
    }

    public static CaseForm For(CaseKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return Forms.GetOrAdd(kind.Name, _ => new CaseForm(kind, [.. FieldsOf(kind.Name, kind.ModelType, string.Empty).Where(f => f.Name != "kind")]));
    }

    /// <summary>Every field, depth first, with its path template.</summary>
    public IEnumerable<FormField> AllFields() => Flatten(Fields);

    private static IEnumerable<FormField> Flatten(IEnumerable<FormField> fields)
    {
        foreach (var field in fields)
        {
            yield return field;
            foreach (var child in Flatten(field.Children))
            {
                yield return child;
            }
        }
    }

    private static List<FormField> FieldsOf(string kind, Type type, string prefix)
    {
        var fields = new List<FormField>();
        foreach (var (name, property) in CaseModelMembers.Of(type).OrderBy(p => BaseFirst(p.Value)).ThenBy(p => p.Value.MetadataToken))
        {
            var path = prefix + name;
            var personal = property.GetCustomAttribute<PersonalDataAttribute>() is not null;
            var hint = Summary(property);
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var item = CaseModelMembers.ItemType(target);
            var choices = FormChoices.For(kind, path);
            FormField field;
            if (item is not null && IsObject(item))
            {
                field = new FormField(name, path, Label(name), hint, FieldKind.List, personal, [], FieldsOf(kind, item, path + "[]."));
            }
            else if (item is not null)
            {
                var itemType = Nullable.GetUnderlyingType(item) ?? item;
                var listKind = choices.Count > 0 ? FieldKind.Choices : itemType == typeof(int) ? FieldKind.WholeNumberLines : FieldKind.Lines;
                field = new FormField(name, path, Label(name), hint, listKind, personal, choices, []);
            }
            else if (IsObject(target))
            {
                field = new FormField(name, path, Label(name), hint, FieldKind.Group, personal, [], FieldsOf(kind, target, path + "."));
            }
            else
            {
                var fieldKind = choices.Count > 0 ? FieldKind.Choice : target switch
                {
                    _ when target == typeof(bool) => FieldKind.YesNo,
                    _ when target == typeof(int) || target == typeof(long) => FieldKind.WholeNumber,
                    _ when target == typeof(decimal) || target == typeof(double) => FieldKind.Number,
                    _ when target == typeof(DateOnly) => FieldKind.Date,
                    _ when target == typeof(DateTime) => FieldKind.DateTime,
                    _ when IsLong(name) => FieldKind.LongText,
                    _ => FieldKind.Text,
                };
                field = new FormField(name, path, Label(name), hint, fieldKind, personal, choices, []);
            }

            fields.Add(field);
        }

        return fields;
    }

    /// <summary>Properties of the base <see cref="CaseFile"/> (kind, reference) come first, as in every sample.</summary>
    private static int BaseFirst(PropertyInfo property) => property.DeclaringType == typeof(CaseFile) ? 0 : 1;

    private static bool IsObject(Type type) => type.IsClass && type != typeof(string) && CaseModelMembers.ItemType(type) is null;

    private static readonly string[] LongWords = ["reason", "summary", "advice", "notes", "details", "explain", "views", "description"];

    private static bool IsLong(string name) =>
        LongWords
            .Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase))
        && !name.Equals("description", StringComparison.Ordinal);

    /// <summary><c>hardwareWiped</c> → "Hardware wiped"; <c>dslName</c> → "DSL name".</summary>
    public static string Label(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = char.IsUpper(c) && current.Length > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary || (char.IsDigit(c) && current.Length > 0 && !char.IsDigit(name[i - 1])))
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        words.Add(current.ToString());
        var text = string.Join(' ', words.Select((w, i) => Acronyms.TryGetValue(w.ToLowerInvariant(), out var a) ? a : i == 0 ? char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..] : w.ToLowerInvariant()));
        return text;
    }

    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["dsl"] = "DSL", ["lado"] = "LADO", ["send"] = "SEND", ["ehcp"] = "EHCP", ["aup"] = "AUP", ["upn"] = "UPN", ["mis"] = "MIS",
    };

    private static string? Summary(PropertyInfo property) =>
        Summaries.Value.TryGetValue($"P:{property.DeclaringType!.FullName!.Replace('+', '.')}.{property.Name}", out var summary) ? summary : null;

    /// <summary>Property summaries from the Core assembly's XML documentation. A summary that points at code (<c>see cref</c>) is no hint for a reader and is left out.</summary>
    private static Dictionary<string, string> LoadSummaries()
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = Path.ChangeExtension(typeof(CaseFile).Assembly.Location, ".xml");
        if (!File.Exists(file))
        {
            return summaries;
        }

        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            var summary = member.Element("summary");
            if (member.Attribute("name")?.Value is not { } name || summary is null || summary.Descendants("see").Any())
            {
                continue;
            }

            var words = summary.Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            summaries[name] = string.Join(' ', words);
        }

        return summaries;
    }
}

/// <summary>
/// The questions answered from a fixed list, with the words the guidance uses. The values come from
/// the constants in Core that the rules check, so a form can only offer what the rules accept.
/// </summary>
public static class FormChoices
{
    public static IReadOnlyList<FieldChoice> For(string kind, string path) => (kind, path) switch
    {
        (Core.Cases.DeviceAllocation.DeviceAllocationKind.Name, "ownership") =>
        [
            new(Core.Cases.DeviceAllocation.DeviceAllocationKind.Loan, "On loan: it remains the owner's property"),
            new(Core.Cases.DeviceAllocation.DeviceAllocationKind.Permanent, "Permanent: it belongs to the child"),
        ],
        (Core.Cases.ViewingDecision.ViewingDecisionKind.Name, "decision") =>
        [
            new(Core.Cases.ViewingDecision.ViewingDecisionKind.View, "To view the imagery"),
            new(Core.Cases.ViewingDecision.ViewingDecisionKind.NotView, "Not to view the imagery"),
        ],
        (Core.Cases.ViewingDecision.ViewingDecisionKind.Name, "child.sex" or "viewing.viewedBy.sex") => Sexes,
        (Core.Cases.AupAgreement.AupAgreementKind.Name, "audience") =>
            [.. Core.Cases.AupAgreement.AupAudiences.All.Select(a => new FieldChoice(a.Value, a.Label))],
        (Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanKind.Name, "concerns[].category") =>
            [.. Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanValues.ConcernCategories.Select(c => new FieldChoice(c, CaseForm.Label(c)))],
        (Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanKind.Name, "signatories[].role") =>
            [.. Core.Cases.OnlineSafetyPlan.OnlineSafetyPlanValues.SignatoryRoles.Select(c => new FieldChoice(c, CaseForm.Label(c)))],
        (Core.Cases.IncidentReport.IncidentReportKind.Name, _) when Incident(path) is { } options =>
            [.. options.Options.Select(o => new FieldChoice(o.Value, o.Label))],
        _ => [],
    };

    private static Core.Cases.IncidentReport.OptionList? Incident(string path) => path switch
    {
        "involved" => Core.Cases.IncidentReport.IncidentFormValues.Involved,
        "incidentTypes" => Core.Cases.IncidentReport.IncidentFormValues.IncidentTypes,
        "media" => Core.Cases.IncidentReport.IncidentFormValues.Media,
        "actionsTaken" => Core.Cases.IncidentReport.IncidentFormValues.ActionsTaken,
        "contentGeneratedAt" => Core.Cases.IncidentReport.IncidentFormValues.ContentGeneratedAt,
        "frameworkAreas" => Core.Cases.IncidentReport.IncidentFormValues.FrameworkAreas,
        "adultOnAdult" => Core.Cases.IncidentReport.IncidentFormValues.AdultOnAdultKinds,
        _ => null,
    };

    private static readonly IReadOnlyList<FieldChoice> Sexes =
        [.. Core.Cases.ViewingDecision.Sexes.Recognised.Select(s => new FieldChoice(s, CaseForm.Label(s.Replace('-', ' '))))];
}
