using SafeguardDocs.Markup;

namespace SafeguardDocs.Web.Html;

/// <summary>
/// The preview: the same markup the Word writer turns into the .docx, shown as HTML in the page —
/// letterhead, body, signature places and the reference footer — so what is previewed is what is written.
/// </summary>
public static class MarkupHtml
{
    public static string Render(MarkupDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new HtmlBuilder();
        html.Raw("<div class=\"app-preview\" aria-label=\"Preview of the document\" role=\"region\">");
        if (document.Letterhead.Count > 0)
        {
            html.Raw("<div class=\"app-preview__letterhead\">");
            for (var i = 0; i < document.Letterhead.Count; i++)
            {
                html.Raw(i == 0 ? "<p class=\"app-preview__organisation\">" : "<p>").Text(document.Letterhead[i]).Raw("</p>");
            }

            html.Raw("</div>");
        }

        Blocks(html, document.Blocks);
        html.Raw("<p class=\"app-preview__footer\">Reference ").Text(document.Reference).Raw("</p></div>");
        return html.ToString();
    }

    private static void Blocks(HtmlBuilder html, IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    // Document headings sit under the page's own h1 and h2.
                    var level = Math.Clamp(h.Level + 2, 3, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    html.Raw("<h").Raw(level).Raw(" class=\"app-preview__heading\">");
                    Inlines(html, h.Content);
                    html.Raw("</h").Raw(level).Raw(">");
                    break;
                case Paragraph p:
                    html.Raw("<p").Attr("class", "app-preview__p app-preview__p--" + p.Kind.ToString().ToLowerInvariant()).Raw(">");
                    Inlines(html, p.Content);
                    html.Raw("</p>");
                    break;
                case ListBlock list:
                    List(html, list);
                    break;
                case CheckList checks:
                    html.Raw("<ul class=\"app-preview__checklist\">");
                    foreach (var item in checks.Items)
                    {
                        html.Raw("<li>").Raw(item.Checked ? "<span class=\"app-preview__box\" aria-hidden=\"true\">☑</span><span class=\"govuk-visually-hidden\">Done: </span>" : "<span class=\"app-preview__box\" aria-hidden=\"true\">☐</span><span class=\"govuk-visually-hidden\">Not done: </span>");
                        Inlines(html, item.Content);
                        html.Raw("</li>");
                    }

                    html.Raw("</ul>");
                    break;
                case Table table:
                    html.Raw("<table class=\"govuk-table app-preview__table\">");
                    foreach (var row in table.Rows)
                    {
                        html.Raw("<tr class=\"govuk-table__row\">");
                        foreach (var cell in row.Cells)
                        {
                            var tag = cell.IsHeader || row.IsHeader ? "th" : "td";
                            html.Raw("<").Raw(tag).Raw(tag == "th" ? " scope=\"" + (row.IsHeader ? "col" : "row") + "\"" : string.Empty)
                                .Raw(cell.ColumnSpan > 1 ? $" colspan=\"{cell.ColumnSpan.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"" : string.Empty)
                                .Raw(tag == "th" ? " class=\"govuk-table__header\">" : " class=\"govuk-table__cell\">");
                            foreach (var paragraph in cell.Content)
                            {
                                html.Raw("<p class=\"app-preview__cell\">");
                                Inlines(html, paragraph.Content);
                                html.Raw("</p>");
                            }

                            html.Raw("</").Raw(tag).Raw(">");
                        }

                        html.Raw("</tr>");
                    }

                    html.Raw("</table>");
                    break;
                case SignatureBlock signature:
                    html.Raw("<div class=\"app-preview__signature\">");
                    Blocks(html, signature.Content);
                    html.Raw("</div>");
                    break;
                case SignHere sign:
                    html.Raw("<p class=\"app-preview__sign\">").Text(sign.Label).Raw(": ________________________")
                        .Raw(sign.WithDate ? " Date: ____________" : string.Empty).Raw("</p>");
                    break;
                case PageBreak:
                    html.Raw("<hr class=\"app-preview__page-break\">");
                    break;
            }
        }
    }

    private static void List(HtmlBuilder html, ListBlock list)
    {
        html.Raw(list.Ordered ? "<ol class=\"govuk-list govuk-list--number\">" : "<ul class=\"govuk-list govuk-list--bullet\">");
        foreach (var item in list.Items)
        {
            html.Raw("<li>");
            Inlines(html, item.Content);
            if (item.Nested is not null)
            {
                List(html, item.Nested);
            }

            html.Raw("</li>");
        }

        html.Raw(list.Ordered ? "</ol>" : "</ul>");
    }

    private static void Inlines(HtmlBuilder html, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun run:
                    html.Raw(run.Bold ? "<strong>" : string.Empty).Raw(run.Italic ? "<em>" : string.Empty).Raw(run.Underline ? "<u>" : string.Empty)
                        .Text(run.Text)
                        .Raw(run.Underline ? "</u>" : string.Empty).Raw(run.Italic ? "</em>" : string.Empty).Raw(run.Bold ? "</strong>" : string.Empty);
                    break;
                case LineBreak:
                    html.Raw("<br>");
                    break;
            }
        }
    }
}
