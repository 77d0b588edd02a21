using System.Globalization;
using SafeguardDocs.Core.Diagnostics;
using SafeguardDocs.Web.Pipeline;

namespace SafeguardDocs.Web.Html;

/// <summary>A message to show beside a field: an error (blocks the document) or a warning (shown and kept).</summary>
public sealed record FieldMessage(bool IsError, string Text, string? Source);

/// <summary>
/// Renders a kind's form from its <see cref="CaseForm"/>, in the GOV.UK Design System's patterns:
/// label, hint, the error directly above the input, radios for yes/no and fixed choices, three inputs for
/// a date, repeating sections with "Add another" and "Remove" buttons that work without JavaScript.
/// Every question's wrapper carries its JSON path, so the page's script can put findings beside it.
/// Findings are shown in the form's words (<see cref="FormWords"/>), never the case file's JSON names.
/// </summary>
public sealed class FormView
{
    private readonly CaseForm form;
    private readonly FormState state;
    private readonly Dictionary<string, string> anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldMessage>> messages = new(StringComparer.Ordinal);
    private readonly List<(string Anchor, string Message)> summary = [];

    public FormView(CaseForm form, FormState state, IEnumerable<Finding> findings, IEnumerable<FormProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(problems);
        this.form = form;
        this.state = state;
        Collect(form.Fields, string.Empty);
        foreach (var problem in problems)
        {
            Place(problem.Path, new FieldMessage(true, problem.Message, null));
        }

        foreach (var finding in findings)
        {
            Place(finding.Path, new FieldMessage(finding.IsError, FormWords.Message(form, finding.Path, finding.Message), finding.Source));
        }
    }

    public int ErrorCount => messages.Values.Sum(m => m.Count(x => x.IsError));

    /// <summary>
    /// After a row is added, the row's path (its first input takes the focus); after one is removed, the
    /// list's path (its "Add" button takes it): the page comes back where the user was, not at the top.
    /// </summary>
    public string? Focus { get; init; }

    private bool focused;

    private string Autofocus(string path)
    {
        if (focused || Focus is null || !(path == Focus || path.StartsWith(Focus + ".", StringComparison.Ordinal)))
        {
            return string.Empty;
        }

        focused = true;
        return " autofocus";
    }

    /// <summary>The id of an input or fieldset, from its concrete path: <c>equipment[0].serialNumber</c> → <c>f-equipment-0-serialNumber</c>.</summary>
    public static string Id(string path) =>
        "f-" + path.Replace("[", "-", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace('.', '-');

    /// <summary>The path a finding belongs beside: its own, or the nearest enclosing question or section on the form.</summary>
    private void Place(string jsonPath, FieldMessage message)
    {
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        while (path.Length > 0 && !anchors.ContainsKey(path))
        {
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut < 0 ? string.Empty : path[..cut];
        }

        var anchor = path.Length > 0 ? anchors[path] : "case-form";
        if (message.IsError)
        {
            summary.Add((anchor, message.Text));
        }

        if (!messages.TryGetValue(path, out var list))
        {
            messages[path] = list = [];
        }

        list.Add(message);
    }

    private void Collect(IReadOnlyList<FormField> fields, string prefix)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            anchors[path] = field.Kind is FieldKind.Date or FieldKind.DateTime ? Id(path) + "-day" : field.Kind is FieldKind.Group or FieldKind.List ? "g-" + Id(path)[2..] : Id(path);
            if (field.Kind == FieldKind.Group)
            {
                Collect(field.Children, path + ".");
            }
            else if (field.Kind == FieldKind.List)
            {
                for (var i = 0; i < state.RowsOf(path); i++)
                {
                    anchors[$"{path}[{i}]"] = $"g-{Id(path)[2..]}-{i.ToString(CultureInfo.InvariantCulture)}";
                    Collect(field.Children, $"{path}[{i}].");
                }
            }
        }
    }

    public string Summary() => Layout.ErrorSummary(summary);

    /// <summary>The form's questions, section by section: loose top-level questions first under "About this case".</summary>
    public string Fields()
    {
        var html = new HtmlBuilder();
        var loose = form.Fields.Where(f => f.Kind is not (FieldKind.Group or FieldKind.List)).ToList();
        html.Raw("<section class=\"app-section\" id=\"section-about\"><h2 class=\"govuk-heading-m\">About this case</h2>");
        foreach (var field in loose)
        {
            Field(html, field, field.Path);
        }

        html.Raw("</section>");
        foreach (var field in form.Fields.Where(f => f.Kind is FieldKind.Group or FieldKind.List))
        {
            html.Raw("<section class=\"app-section\"").Attr("id", "section-" + field.Name).Raw(">");
            Field(html, field, field.Path, topLevel: true);
            html.Raw("</section>");
        }

        return html.ToString();
    }

    private void Messages(HtmlBuilder html, string path, string id)
    {
        if (!messages.TryGetValue(path, out var list))
        {
            return;
        }

        html.Raw("<div class=\"app-messages\"").Attr("id", "e-" + id[2..]).Raw(">");
        foreach (var message in list)
        {
            html.Raw(message.IsError ? "<p class=\"govuk-error-message\">" : "<p class=\"app-warning-message\">")
                .Raw(message.IsError ? "<span class=\"govuk-visually-hidden\">Error:</span> " : "<span class=\"app-warning-message__tag\">Warning</span> ")
                .Text(message.Text).Raw("</p>");
        }

        html.Raw("</div>");
    }

    /// <summary>" (required)" after the label of a question the rules always need.</summary>
    private string RequiredMark(FormField field) =>
        form.Required.Contains(field.Path) ? " <span class=\"app-required\">(required)</span>" : string.Empty;

    private bool HasError(string path) => messages.TryGetValue(path, out var list) && list.Any(m => m.IsError);

    private string DescribedBy(FormField field, string path, string id)
    {
        var ids = new List<string>();
        if (field.Hint is not null || field.Kind is FieldKind.Lines or FieldKind.WholeNumberLines or FieldKind.Date or FieldKind.DateTime)
        {
            ids.Add("h-" + id[2..]);
        }

        if (messages.ContainsKey(path))
        {
            ids.Add("e-" + id[2..]);
        }

        return string.Join(' ', ids);
    }

    private static void Hint(HtmlBuilder html, FormField field, string id, string? extra = null)
    {
        var text = string.Join(' ', new[] { field.Hint, extra }.Where(t => !string.IsNullOrEmpty(t)));
        if (text.Length > 0)
        {
            html.Raw("<div class=\"govuk-hint\"").Attr("id", "h-" + id[2..]).Raw(">").Text(text).Raw("</div>");
        }
    }

    private void Field(HtmlBuilder html, FormField field, string path, bool topLevel = false)
    {
        var id = Id(path);
        var error = HasError(path) ? " govuk-form-group--error" : string.Empty;
        switch (field.Kind)
        {
            case FieldKind.Group:
                html.Raw("<fieldset class=\"govuk-fieldset app-group\"").Attr("id", "g-" + id[2..]).Attr("data-path", path).Raw(">")
                    .Raw(topLevel ? "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\"><h2 class=\"govuk-fieldset__heading\">" : "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">")
                    .Text(field.Label).Raw(topLevel ? "</h2></legend>" : "</legend>");
                Hint(html, field, id);
                Messages(html, path, id);
                foreach (var child in field.Children)
                {
                    Field(html, child, path + "." + child.Name);
                }

                html.Raw("</fieldset>");
                break;

            case FieldKind.List:
                List(html, field, path, id, topLevel);
                break;

            case FieldKind.YesNo or FieldKind.Choice or FieldKind.Choices:
            {
                var chosen = state.Get(path).Split('\n').ToHashSet(StringComparer.Ordinal);
                IReadOnlyList<FieldChoice> choices = field.Kind == FieldKind.YesNo ? [new FieldChoice("true", "Yes"), new FieldChoice("false", "No")] : field.Choices;

                // A value the list does not offer (from an imported file) is shown as its own choice, never dropped.
                var extra = chosen.Where(c => c.Length > 0 && !choices.Any(x => x.Value == c)).Select(c => new FieldChoice(c, c)).ToList();
                choices = [.. choices, .. extra];
                var type = field.Kind == FieldKind.Choices ? "checkbox" : "radio";
                var kind = field.Kind switch { FieldKind.YesNo => "yesno", FieldKind.Choice => "choice", _ => "choices" };
                html.Raw("<div class=\"govuk-form-group").Raw(error).Raw("\"").Attr("data-path", path).Attr("data-kind", kind).Raw(">")
                    .Raw("<fieldset class=\"govuk-fieldset\"").Attr("aria-describedby", DescribedBy(field, path, id)).Raw("><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").Text(field.Label).Raw(RequiredMark(field)).Raw("</legend>");
                Hint(html, field, id);
                Messages(html, path, id);
                html.Raw(field.Kind == FieldKind.YesNo ? "<div class=\"govuk-radios govuk-radios--inline\">" : type == "radio" ? "<div class=\"govuk-radios\">" : "<div class=\"govuk-checkboxes\">");
                for (var i = 0; i < choices.Count; i++)
                {
                    var inputId = i == 0 ? id : $"{id}-{i.ToString(CultureInfo.InvariantCulture)}";
                    html.Raw(type == "radio" ? "<div class=\"govuk-radios__item\">" : "<div class=\"govuk-checkboxes__item\">")
                        .Raw("<input").Attr("class", type == "radio" ? "govuk-radios__input" : "govuk-checkboxes__input").Attr("id", inputId).Attr("name", path).Attr("type", type).Attr("value", choices[i].Value)
                        .Raw(chosen.Contains(choices[i].Value) ? " checked" : string.Empty).Raw(">")
                        .Raw("<label").Attr("class", type == "radio" ? "govuk-label govuk-radios__label" : "govuk-label govuk-checkboxes__label").Attr("for", inputId).Raw(">").Text(choices[i].Label).Raw("</label></div>");
                }

                html.Raw("</div></fieldset></div>");
                break;
            }

            case FieldKind.Date or FieldKind.DateTime:
            {
                html.Raw("<div class=\"govuk-form-group").Raw(error).Raw("\"").Attr("data-path", path).Attr("data-kind", field.Kind == FieldKind.Date ? "date" : "datetime").Raw(">")
                    .Raw("<fieldset class=\"govuk-fieldset\" role=\"group\"").Attr("aria-describedby", DescribedBy(field, path, id)).Raw("><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").Text(field.Label).Raw(RequiredMark(field)).Raw("</legend>");
                Hint(html, field, id, field.Kind == FieldKind.Date ? "For example, 20 11 2026." : "For example, 20 11 2026 and 14:30.");
                Messages(html, path, id);
                html.Raw("<div class=\"govuk-date-input\">");
                foreach (var (part, label, width) in new[] { ("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4) })
                {
                    html.Raw("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\"").Attr("for", $"{id}-{part}").Raw(">").Text(label).Raw("</label>")
                        .Raw("<input").Attr("class", $"govuk-input govuk-date-input__input govuk-input--width-{width.ToString(CultureInfo.InvariantCulture)}{(error.Length > 0 ? " govuk-input--error" : string.Empty)}")
                        .Attr("id", $"{id}-{part}").Attr("name", $"{path}-{part}").Raw(" type=\"text\" inputmode=\"numeric\"").Attr("value", state.Get($"{path}-{part}")).Raw("></div></div>");
                }

                if (field.Kind == FieldKind.DateTime)
                {
                    html.Raw("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\"").Attr("for", id + "-time").Raw(">Time</label>")
                        .Raw("<input class=\"govuk-input govuk-date-input__input govuk-input--width-5\"").Attr("id", id + "-time").Attr("name", path + "-time").Raw(" type=\"text\"").Attr("value", state.Get(path + "-time")).Raw("></div></div>");
                }

                html.Raw("</div></fieldset></div>");
                break;
            }

            default:
            {
                var kind = field.Kind switch { FieldKind.Lines => "lines", FieldKind.WholeNumberLines => "int-lines", FieldKind.WholeNumber => "int", FieldKind.Number => "number", _ => "text" };
                html.Raw("<div class=\"govuk-form-group").Raw(error).Raw("\"").Attr("data-path", path).Attr("data-kind", kind).Raw(">")
                    .Raw("<label class=\"govuk-label govuk-label--s\"").Attr("for", id).Raw(">").Text(field.Label).Raw(RequiredMark(field)).Raw("</label>");
                Hint(html, field, id, field.Kind is FieldKind.Lines or FieldKind.WholeNumberLines ? "Put each one on its own line." : null);
                Messages(html, path, id);
                var describedBy = DescribedBy(field, path, id);
                if (field.Kind is FieldKind.Lines or FieldKind.WholeNumberLines or FieldKind.LongText)
                {
                    html.Raw("<textarea").Attr("class", "govuk-textarea" + (error.Length > 0 ? " govuk-textarea--error" : string.Empty)).Attr("id", id).Attr("name", path)
                        .Attr("rows", field.Kind == FieldKind.LongText ? "5" : "3").Raw(Autofocus(path)).Raw(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty).Raw(">")
                        .Text(state.Get(path)).Raw("</textarea>");
                }
                else
                {
                    var width = field.Kind is FieldKind.WholeNumber or FieldKind.Number ? " govuk-input--width-5" : string.Empty;
                    html.Raw("<input").Attr("class", "govuk-input" + width + (error.Length > 0 ? " govuk-input--error" : string.Empty)).Attr("id", id).Attr("name", path)
                        .Raw(field.Kind is FieldKind.WholeNumber or FieldKind.Number ? " type=\"text\" inputmode=\"numeric\"" : " type=\"text\"")
                        .Raw(field.Personal ? " autocomplete=\"off\"" : string.Empty).Raw(Autofocus(path))
                        .Raw(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty)
                        .Attr("value", state.Get(path)).Raw(">");
                }

                html.Raw("</div>");
                break;
            }
        }
    }

    private void List(HtmlBuilder html, FormField field, string path, string id, bool topLevel)
    {
        var rows = state.RowsOf(path);
        html.Raw("<fieldset class=\"govuk-fieldset app-list\"").Attr("id", "g-" + id[2..]).Attr("data-path", path).Attr("data-kind", "list").Raw(">")
            .Raw(topLevel ? "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\"><h2 class=\"govuk-fieldset__heading\">" : "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">")
            .Text(field.Label).Raw(topLevel ? "</h2></legend>" : "</legend>");
        Hint(html, field, id);
        Messages(html, path, id);
        html.Raw("<input type=\"hidden\"").Attr("name", FormCodec.RowsPrefix + path).Attr("value", rows.ToString(CultureInfo.InvariantCulture)).Raw(">");
        for (var i = 0; i < rows; i++)
        {
            var rowPath = $"{path}[{i}]";
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            html.Raw("<fieldset class=\"govuk-fieldset app-list__row\"").Attr("id", $"g-{id[2..]}-{i.ToString(CultureInfo.InvariantCulture)}").Attr("data-path", rowPath).Raw(">")
                .Raw("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").Text($"{field.Label}: item {number}").Raw("</legend>");
            Messages(html, rowPath, Id(rowPath));
            foreach (var child in field.Children)
            {
                Field(html, child, $"{rowPath}.{child.Name}");
            }

            html.Raw("<button type=\"submit\" name=\"action\" class=\"govuk-button govuk-button--secondary app-remove\"").Attr("value", "remove:" + rowPath).Raw(">")
                .Text($"Remove item {number}").Raw("<span class=\"govuk-visually-hidden\">").Text($" from {field.Label.ToLowerInvariant()}").Raw("</span></button>");
            html.Raw("</fieldset>");
        }

        html.Raw("<button type=\"submit\" name=\"action\" class=\"govuk-button govuk-button--secondary\"").Attr("value", "add:" + path).Raw(Autofocus(path)).Raw(">")
            .Text(rows == 0 ? "Add an item" : "Add another item").Raw("<span class=\"govuk-visually-hidden\">").Text($" to {field.Label.ToLowerInvariant()}").Raw("</span></button>");
        html.Raw("</fieldset>");
    }
}
