namespace Styrkort.Reports;

public enum ReportFileFormat { Pdf, Xlsx, Html }

/// <summary>The report's file formats: which renderer, which file name, which content type (for download buttons).</summary>
public static class ReportFiles
{
    public static void Render(BoardReportModel model, ReportFileFormat format, Stream output)
    {
        switch (format)
        {
            case ReportFileFormat.Pdf: PdfRenderer.Render(model, output); break;
            case ReportFileFormat.Xlsx: XlsxRenderer.Render(model, output); break;
            default: HtmlRenderer.Render(model, output); break;
        }
    }

    /// <summary>The format a file name asks for by its extension, or null when it does not say.</summary>
    public static ReportFileFormat? FromFileName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".pdf" => ReportFileFormat.Pdf,
        ".xlsx" => ReportFileFormat.Xlsx,
        ".html" or ".htm" => ReportFileFormat.Html,
        _ => null,
    };

    public static ReportFileFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "pdf" => ReportFileFormat.Pdf,
        "xlsx" => ReportFileFormat.Xlsx,
        "html" => ReportFileFormat.Html,
        _ => throw new ArgumentException($"unknown report format '{name}'; expected pdf, xlsx or html"),
    };

    public static string ContentType(ReportFileFormat format) => format switch
    {
        ReportFileFormat.Pdf => "application/pdf",
        ReportFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>A file name for a download: rapport-2026-Q2-skane.pdf / report-2026-Q2-skane.pdf.</summary>
    public static string FileName(BoardReportModel model, ReportFileFormat format) =>
        $"{(model.English ? "report" : "rapport")}-{model.Period}-{model.Unit.Id}.{format.ToString().ToLowerInvariant()}";
}
