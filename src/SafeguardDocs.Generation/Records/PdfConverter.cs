using System.Diagnostics;

namespace SafeguardDocs.Generation.Records;

/// <summary>Why a PDF could not be made.</summary>
public sealed class PdfConversionException(string message) : Exception(message);

/// <summary>
/// Turns a .docx into a PDF/A-2b with LibreOffice headless (<c>soffice</c>). Each conversion has its own
/// LibreOffice profile in a temporary folder, so conversions can run at the same time (one profile can be
/// used by one LibreOffice at a time), and a time limit, after which the conversion is stopped.
/// </summary>
public sealed class PdfConverter
{
    /// <summary>How to install LibreOffice on Debian or Ubuntu, for the message when it is missing.</summary>
    public const string HowToInstall = "Install LibreOffice Writer (on Debian or Ubuntu: sudo apt-get install libreoffice-writer-nogui), or set SAFEGUARD_DOCS_SOFFICE to the soffice program.";

    // PDF/A-2b: SelectPdfVersion 2 in LibreOffice's PDF export filter (JSON filter options, LibreOffice 7.4 and later).
    private const string Filter = "pdf:writer_pdf_Export:{\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"2\"}}";

    private PdfConverter(string soffice, TimeSpan timeout)
    {
        Program = soffice;
        Timeout = timeout;
    }

    /// <summary>The soffice program used.</summary>
    public string Program { get; }

    public TimeSpan Timeout { get; }

    /// <summary>
    /// LibreOffice, from <c>SAFEGUARD_DOCS_SOFFICE</c> or <c>soffice</c> on the PATH; null when it is not installed.
    /// </summary>
    public static PdfConverter? Find(TimeSpan? timeout = null)
    {
        var configured = Environment.GetEnvironmentVariable("SAFEGUARD_DOCS_SOFFICE");
        var program = !string.IsNullOrWhiteSpace(configured)
            ? (File.Exists(configured) ? configured : null)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(dir => new[] { Path.Combine(dir, "soffice"), Path.Combine(dir, "soffice.exe") })
                .FirstOrDefault(File.Exists);
        return program is null ? null : new PdfConverter(program, timeout ?? TimeSpan.FromSeconds(120));
    }

    /// <summary>Converts <paramref name="docxPath"/> to a PDF beside it (same name, <c>.pdf</c>), written complete or not at all. Returns the PDF's path.</summary>
    public string Convert(string docxPath, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(docxPath);
        var target = Path.ChangeExtension(docxPath, ".pdf");
        var work = Directory.CreateTempSubdirectory("sgd-pdf-");
        try
        {
            var profile = Path.Combine(work.FullName, "profile");
            var outDir = Path.Combine(work.FullName, "out");
            Directory.CreateDirectory(outDir);
            var start = new ProcessStartInfo(Program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--norestore", "--nolockcheck", "--convert-to", Filter, "--outdir", outDir, docxPath })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PdfConversionException($"LibreOffice ({Program}) could not be started. {HowToInstall}");
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var errors = process.StandardError.ReadToEndAsync(cancellation);
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new PdfConversionException($"LibreOffice did not finish converting {Path.GetFileName(docxPath)} within {Timeout.TotalSeconds:0} seconds; it was stopped and no PDF was written. Run again; if it keeps happening, convert the file by hand to see what LibreOffice says.");
            }

            var made = Path.Combine(outDir, Path.GetFileNameWithoutExtension(docxPath) + ".pdf");
            if (process.ExitCode != 0 || !File.Exists(made))
            {
                _ = output.Result;
                var said = errors.Result.Trim();
                throw new PdfConversionException($"LibreOffice could not convert {Path.GetFileName(docxPath)} (exit {process.ExitCode}{(said.Length > 0 ? ": " + said.Split('\n')[0] : string.Empty)}); no PDF was written.");
            }

            SafeguardDocs.Core.Io.AtomicFile.Write(target, stream =>
            {
                using var pdf = File.OpenRead(made);
                pdf.CopyTo(stream);
            });
            return target;
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A profile LibreOffice is still closing: left in the temporary folder, harmless.
            }
        }
    }
}
