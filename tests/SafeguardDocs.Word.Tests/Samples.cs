using SafeguardDocs.Markup;

namespace SafeguardDocs.Word.Tests;

/// <summary>Markup used by the tests: synthetic people only.</summary>
internal static class Samples
{
    public const string Special = "< & \" ' 😀 Siân Ó Súilleabháin مريم";

    public static IReadOnlyList<Inline> T(string text) => [new TextRun(text)];

    public static readonly string[] Letterhead =
    [
        "Northshire County Council",
        "Children's Services · County Hall · Northtown NT1 1AA",
        "01632 960000 · safeguarding@northshire.example",
    ];

    /// <summary>A document that uses every element of the markup.</summary>
    public static MarkupDocument EveryElement() => new(
        "Digital equipment loan agreement",
        "LN-2026-0042",
        Letterhead,
        [
            new Paragraph(T("18 November 2026"), ParagraphKind.Right),
            new Paragraph([new TextRun("Ms A Example"), new LineBreak(), new TextRun("1 High Street"), new LineBreak(), new TextRun("Northtown NT1 2BB")], ParagraphKind.Address),
            new Paragraph([]),
            new Heading(1, T("Digital equipment loan")),
            new Paragraph([new TextRun("Dear "), new TextRun("Ms Example", Bold: true), new TextRun(",")]),
            new Paragraph(
            [
                new TextRun("This letter confirms the loan of a laptop to your child. It is "),
                new TextRun("important", Italic: true),
                new TextRun(" that you "),
                new TextRun("read and sign", Underline: true),
                new TextRun(" the agreement below."),
            ]),
            new Paragraph(T("This document contains personal information. Keep it safe and do not share it."), ParagraphKind.Notice),
            new Heading(2, T("Before the device is issued")),
            new ListBlock(true,
            [
                new ListItem(T("The device is registered to the school.")),
                new ListItem(T("Filtering and monitoring are switched on."), new ListBlock(false,
                [
                    new ListItem(T("Web filtering")),
                    new ListItem(T("Safe search")),
                ])),
                new ListItem(T("The agreement is signed by a parent or carer.")),
            ]),
            new Heading(3, T("Checks completed")),
            new CheckList(
            [
                new CheckItem(true, T("Device asset tag recorded")),
                new CheckItem(false, T("Charger issued")),
            ]),
            new Heading(2, T("Your responsibilities")),
            new ListBlock(true,
            [
                new ListItem(T("Keep the device safe.")),
                new ListItem(T("Report loss or damage at once.")),
            ]),
            new ListBlock(false, [new ListItem([new TextRun("Use it for "), new TextRun("school work", Bold: true)])]),
            new Table(TableKind.Grid, [30, 0, 0],
            [
                new TableRow(true, [new TableCell(true, [new Paragraph(T("Item"))]), new TableCell(true, [new Paragraph(T("Asset tag"))]), new TableCell(true, [new Paragraph(T("Condition"))])]),
                new TableRow(false, [new TableCell(false, [new Paragraph(T("Laptop"))]), new TableCell(false, [new Paragraph(T("NS-00417"))]), new TableCell(false, [])]),
                new TableRow(false, [new TableCell(false, [new Paragraph(T("Charger and case, issued together")), new Paragraph(T("Checked by the office"), ParagraphKind.Small)], ColumnSpan: 2), new TableCell(false, [new Paragraph(T("Good"))])]),
            ]),
            new Paragraph(T("Condition is recorded when the device is issued and when it is returned."), ParagraphKind.Small),
            new Table(TableKind.Form, [35, 65],
            [
                new TableRow(false, [new TableCell(true, [new Paragraph(T("Reference"))]), new TableCell(false, [new Paragraph(T("LN-2026-0042"))])]),
                new TableRow(false, [new TableCell(true, [new Paragraph(T("Return by"))]), new TableCell(false, [new Paragraph(T("31 July 2027"))])]),
            ]),
            new Table(TableKind.Plain, [],
            [
                new TableRow(false, [new TableCell(false, [new Paragraph(T("Left"))]), new TableCell(false, [new Paragraph(T("Right"), ParagraphKind.Right)])]),
            ]),
            new PageBreak(),
            new Heading(2, T("Agreement")),
            new SignatureBlock(
            [
                new Paragraph(T("I have read and agree to the conditions of this loan.")),
                new SignHere("Signed", WithDate: true),
                new SignHere("Print name", WithDate: false),
            ]),
        ]);

    /// <summary>A typical one-to-two page letter, for many-document tests.</summary>
    public static MarkupDocument Letter(int n) => new(
        $"Acceptable use agreement {n}",
        $"AUP-2026-{n:D4}",
        Letterhead,
        [
            new Paragraph(T("18 November 2026"), ParagraphKind.Right),
            new Paragraph([new TextRun($"Parent of pupil {n}"), new LineBreak(), new TextRun("1 High Street")], ParagraphKind.Address),
            new Heading(1, T("Acceptable use of technology")),
            new Paragraph(T("Please read the agreement with your child, sign it and return it to the school office.")),
            new ListBlock(true, [new ListItem(T("I will keep my passwords private.")), new ListItem(T("I will tell a trusted adult if something online worries me."))]),
            new SignatureBlock([new SignHere("Parent or carer", WithDate: true)]),
        ]);
}
