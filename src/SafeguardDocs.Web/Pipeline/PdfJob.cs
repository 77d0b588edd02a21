using System.Text.Json;
using SafeguardDocs.Generation.Records;
using SafeguardDocs.Web.Jobs;

namespace SafeguardDocs.Web.Pipeline;

/// <summary>Finds LibreOffice for "Download PDF" (<see cref="PdfConverter.Find"/>); a test host can give another finder.</summary>
public sealed class PdfTool(Func<PdfConverter?> find)
{
    public static PdfTool System { get; } = new(() => PdfConverter.Find());

    /// <summary>LibreOffice, or null when it is not installed.</summary>
    public PdfConverter? Find() => find();
}

/// <summary>Which issued .docx of which record a PDF job converts (opaque ids only).</summary>
public sealed record PdfJobParameters(Guid RecordId, Guid DocumentId)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static PdfJobParameters? From(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PdfJobParameters>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// "Download PDF" as a background job: converts an issued .docx to PDF/A-2b with LibreOffice (each conversion
/// with its own profile), keeps the PDF with the record and enters it in the register under the .docx's
/// issue, as <c>generate --pdf</c> does. The .docx and PDF are written to the job's owner-only result folder
/// only while LibreOffice works, under a neutral name, and removed afterwards.
/// </summary>
public sealed class PdfJobHandler(EvidenceStore evidence, PdfTool tool) : IJobHandler
{
    public const string KindName = "record-pdf";

    private const string WorkName = "document.docx";

    public string Kind => KindName;

    public JobLane Lane => JobLane.Light;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PdfJobParameters.From(context.Parameters) is not { } parameters
            || await evidence.DocumentAsync(parameters.RecordId, parameters.DocumentId) is not { Format: EvidenceStore.Docx } docx)
        {
            return JobOutcome.Failure("The document to convert is no longer there. Open the record and ask for the PDF again.");
        }

        context.Report(0, 3);
        if (await evidence.PdfOfAsync(docx) is not null)
        {
            context.Report(3, 3);
            return JobOutcome.Success("The PDF is ready.");
        }

        if (tool.Find() is not { } converter)
        {
            return JobOutcome.Failure("LibreOffice is not installed on the server, so no PDF can be made. " + PdfConverter.HowToInstall);
        }

        var work = Path.Combine(context.ResultFolder, WorkName);
        try
        {
            await File.WriteAllBytesAsync(work, docx.Content, cancellationToken);
            context.Report(1, 3);
            string pdfPath;
            try
            {
                pdfPath = await Task.Run(() => converter.Convert(work, cancellationToken), cancellationToken);
            }
            catch (PdfConversionException e)
            {
                return JobOutcome.Failure(e.Message);
            }

            context.Report(2, 3);
            await evidence.AddPdfAsync(docx, await File.ReadAllBytesAsync(pdfPath, cancellationToken));
            context.Report(3, 3);
            return JobOutcome.Success("The PDF is ready.");
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(context.ResultFolder))
            {
                File.Delete(file);
            }
        }
    }
}
