using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using SafeguardDocs.Core.Cases.DeviceAllocation;
using SafeguardDocs.Core.Io;
using SafeguardDocs.Generation;
using SafeguardDocs.Markup;
using SafeguardDocs.Templating.Word;
using SafeguardDocs.Word;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SafeguardDocs.Benchmarks;

/// <summary>
/// The Word copy of the full loan letter the benchmark compares with <c>loan-letter.sbn</c>
/// (<c>-- letters --template loan-letter.docx</c>): <c>bench/assets/loan-letter.word.html</c> (the .sbn's
/// content with each block tag alone in its paragraph) written in the built-in house style, so it looks as
/// the .sbn letter does, then its tick boxes made conditions and its kind recorded. <c>-- word-letter</c>
/// writes it again; the file is committed.
/// </summary>
internal static partial class WordLetter
{
    public const string FileName = "loan-letter.docx";

    public static string Folder => Path.Combine(Machine.RepoRoot, "bench", "assets");

    /// <summary>What each tick box stands for, in the order they appear (as the .sbn's <c>checked</c> calls).</summary>
    private static readonly string[] Boxes =
    [
        "preIssueChecks?.hardwareWiped", "preIssueChecks?.filteringInstalled", "preIssueChecks?.safeSchoolsTeamInformed",
        "onIssue?.safetyInformationGiven", "onIssue?.parentalMonitoringGuidanceGiven", "onIssue?.weeklyUpdateAdvised", "annualCheckDue",
    ];

    public static int Write(TextWriter output)
    {
        var source = Path.Combine(Folder, "loan-letter.word.html");
        var html = Comment().Replace(File.ReadAllText(source), string.Empty).Trim();
        var parsed = MarkupParser.Parse(html, source);
        if (parsed.Document is null)
        {
            output.WriteLine(parsed.Error);
            return 1;
        }

        using var buffer = new MemoryStream();
        DocumentWriters.For(HouseStyle.Default, FixedClock.Default).Write(parsed.Document, buffer);
        using (var document = WordprocessingDocument.Open(buffer, true))
        {
            var boxes = document.MainDocumentPart!.Document!.Descendants<W.Text>().Where(t => t.Text == "\u2610").ToList();
            if (boxes.Count != Boxes.Length)
            {
                output.WriteLine($"Expected {Boxes.Length} tick boxes, found {boxes.Count}.");
                return 1;
            }

            for (var i = 0; i < boxes.Count; i++)
            {
                boxes[i].Text = $"{{{{ if {Boxes[i]} }}}}\u2612{{{{ else }}}}\u2610{{{{ end }}}}";
            }

            WordDocumentTemplate.WriteKind(document, DeviceAllocationKind.Kind);
            document.PackageProperties.Title = "Loan letter (Word copy of loan-letter.sbn)";
        }

        var target = Path.Combine(Folder, FileName);
        AtomicFile.WriteAllBytes(target, buffer.ToArray());
        var (template, errors) = WordDocumentTemplate.Load(target);
        foreach (var error in errors)
        {
            output.WriteLine(error);
        }

        output.WriteLine(template is null ? $"{target} does not check clean." : $"Wrote {target}.");
        return template is null ? 1 : 0;
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
