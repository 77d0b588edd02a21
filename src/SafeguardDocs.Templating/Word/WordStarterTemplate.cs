using System.Reflection;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Core.Cases;
using SafeguardDocs.Templating.Scriban;
using SafeguardDocs.Templating.Scriban.Checking;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Templating.Word;

/// <summary>
/// Writes a starter Word template for a kind (<c>safeguard-docs template new KIND --word FILE.docx</c>):
/// a short sample letter using the kind's main fields (a value, a condition, a table whose row repeats
/// for each item of a list), then every field a template of the kind can use, kept between
/// <c>{{ if false }}</c> and <c>{{ end }}</c> so that it is checked but never printed, for copying tags
/// from. The kind is recorded in the document property <see cref="WordDocumentTemplate.KindProperty"/>.
/// </summary>
public static class WordStarterTemplate
{
    private const int MaxDepth = 4;

    public static void Write(CaseKind kind, Stream output)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(output);
        var model = WordTemplateModel.TypeFor(kind);
        var members = ScribanNames.Members(model);
        var nullability = new NullabilityInfoContext();
        bool Required(PropertyInfo p) => nullability.Create(p).ReadState == NullabilityState.NotNull;

        var body = new W.Body();
        body.Append(Paragraph(kind.Description, bold: true, size: 32));
        body.Append(Paragraph("Our reference: {{ reference }}"));
        body.Append(Paragraph("Date: {{ today }}"));
        body.Append(Paragraph("Replace this sample with your own letter, keeping the tags (the words between double braces) where the case's details should go. The list after it shows every field you can use."));

        // A person or organisation the case must name: "Dear {{ x.name }}".
        // Parts a case may leave out are read with ?. so that the sample prints nothing for them instead of stopping.
        // (Not the settings, which the view model carries too: they are listed with the fields below.)
        foreach (var (name, property) in members.Where(m => m.Key != ScribanFunctions.Settings && ScribanShape.Of(m.Value.PropertyType).Kind == ShapeKind.Object).Take(4))
        {
            var inner = ScribanNames.Members(property.PropertyType).Where(m => ScribanNames.IsScalar(m.Value.PropertyType) && !IsTrueOrFalse(m.Value.PropertyType)).Take(2).ToList();
            if (inner.Count > 0)
            {
                var dot = Required(property) ? "." : "?.";
                body.Append(Paragraph($"{Words(name)}: " + string.Join(", ", inner.Select(i => $"{{{{ {name}{dot}{i.Key} }}}}"))));
            }
        }

        if (members.FirstOrDefault(m => IsTrueOrFalse(m.Value.PropertyType)) is { Key: { } flag })
        {
            body.Append(Paragraph($"{{{{ if {flag} }}}}"));
            body.Append(Paragraph($"This paragraph is printed only when {Words(flag)} is true."));
            body.Append(Paragraph("{{ else }}"));
            body.Append(Paragraph($"This paragraph is printed only when {Words(flag)} is false."));
            body.Append(Paragraph("{{ end }}"));
        }

        if (members.FirstOrDefault(m => ScribanNames.ItemType(m.Value.PropertyType) is { } item && ScribanShape.Of(item).Kind == ShapeKind.Object) is { Key: { } list } listMember)
        {
            var itemType = ScribanNames.ItemType(listMember.Value.PropertyType)!;
            var columns = ScribanNames.Members(itemType).Where(m => ScribanNames.IsScalar(m.Value.PropertyType)).Take(3).ToList();
            if (columns.Count > 0)
            {
                body.Append(Paragraph($"{Words(list)} (the second row is repeated for each one):"));
                var table = new W.Table(new W.TableProperties(
                    new W.TableStyle { Val = "TableGrid" },
                    new W.TableWidth { Width = "5000", Type = W.TableWidthUnitValues.Pct },
                    new W.TableBorders(
                        new W.TopBorder { Val = W.BorderValues.Single, Size = 4 }, new W.LeftBorder { Val = W.BorderValues.Single, Size = 4 },
                        new W.BottomBorder { Val = W.BorderValues.Single, Size = 4 }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4 },
                        new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4 }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4 })));
                table.Append(new W.TableGrid(columns.Select(_ => new W.GridColumn { Width = (9000 / columns.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) })));
                table.Append(new W.TableRow(columns.Select(c => Cell(Words(c.Key), bold: true))));
                table.Append(new W.TableRow(columns.Select((c, i) =>
                    Cell((i == 0 ? $"{{{{ for item in {list} }}}}" : string.Empty) + $"{{{{ item.{c.Key} }}}}" + (i == columns.Count - 1 ? "{{ end }}" : string.Empty)))));
                body.Append(table);
            }
        }

        body.Append(Paragraph("Fields you can use", bold: true, size: 28));
        body.Append(Paragraph("Copy a tag from this list into your letter. The list is never printed: it sits between the paragraphs \u201cif false\u201d and \u201cend\u201d below. Delete it when your letter is finished, or leave it for the next person who edits the template."));
        body.Append(Paragraph("{{ if false }}"));
        var seen = new HashSet<Type>();
        Fields(body, model, prefix: string.Empty, depth: 0, seen, itemName: "item");
        body.Append(Paragraph("Also: {{ today }} (today's date) and {{ settings.ladoMeetingWorkingDays }} and the other organisation settings."));
        body.Append(Paragraph("{{ end }}"));
        body.Append(new W.SectionProperties(
            new W.PageSize { Width = 11906, Height = 16838 },
            new W.PageMargin { Top = 1440, Right = 1440, Bottom = 1440, Left = 1440, Header = 708, Footer = 708, Gutter = 0 }));

        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new W.Document(body);
        WordDocumentTemplate.WriteKind(document, kind);
        document.PackageProperties.Title = $"{kind.Description} (Word template)";
    }

    private static void Fields(W.Body body, Type type, string prefix, int depth, HashSet<Type> seen, string itemName)
    {
        if (depth > MaxDepth || !seen.Add(type))
        {
            return;
        }

        foreach (var (name, property) in ScribanNames.Members(type))
        {
            var path = prefix + name;
            var shape = ScribanShape.Of(property.PropertyType);
            switch (shape.Kind)
            {
                case ShapeKind.List when shape.Item.Kind is ShapeKind.Scalar or ShapeKind.Any:
                    body.Append(Paragraph($"{{{{ for line in {path} }}}}{{{{ line }}}}{{{{ end }}}} \u2014 a list: each of its lines"));
                    break;
                case ShapeKind.List when shape.Item.Kind == ShapeKind.Object:
                    var loopVariable = depth == 0 ? itemName : itemName + (depth + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    body.Append(Paragraph($"{{{{ for {loopVariable} in {path} }}}}"));
                    Fields(body, ScribanNames.ItemType(property.PropertyType)!, loopVariable + ".", depth + 1, seen, itemName);
                    body.Append(Paragraph("{{ end }}"));
                    break;
                case ShapeKind.Object:
                    Fields(body, property.PropertyType, path + ".", depth + 1, seen, itemName);
                    break;
                default:
                    body.Append(Paragraph($"{{{{ {path} }}}} \u2014 {shape.Description}"));
                    break;
            }
        }

        seen.Remove(type);
    }

    private static bool IsTrueOrFalse(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);

    /// <summary>"dateOfBirth" → "Date of birth".</summary>
    private static string Words(string name)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private static W.Paragraph Paragraph(string text, bool bold = false, int? size = null)
    {
        var properties = new W.RunProperties();
        if (bold)
        {
            properties.Append(new W.Bold());
        }

        if (size is int half)
        {
            properties.Append(new W.FontSize { Val = half.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var run = new W.Run();
        if (properties.HasChildren)
        {
            run.Append(properties);
        }

        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new W.Paragraph(run);
    }

    private static W.TableCell Cell(string text, bool bold = false) => new(Paragraph(text, bold));
}
