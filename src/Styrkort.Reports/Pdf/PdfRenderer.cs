using SkiaSharp;
using Styrkort.Reports.Pdf;

namespace Styrkort.Reports;

/// <summary>
/// The board report as an A4 PDF, drawn with SkiaSharp's PDF backend: the DejaVu fonts are embedded and the charts are
/// vector graphics. (PDFsharp 6.5 is AGPL-licensed, and MigraDoc and QuestPDF are not available here.)
/// </summary>
public static class PdfRenderer
{
    internal const string SummaryKey = "#summary", AppendixKey = "#appendix", MissingKey = "#missing-checkins";

    public static void Render(BoardReportModel model, Stream output)
    {
        // The cover's contents list needs page numbers; a first pass to nowhere finds them. It costs the drawing only.
        var pages = Draw(model, Stream.Null, new Dictionary<string, int>());
        Draw(model, output, pages);
    }

    private static Dictionary<string, int> Draw(BoardReportModel model, Stream output, IReadOnlyDictionary<string, int> known)
    {
        var t = ReportText.For(model.Language);
        var pages = new Dictionary<string, int>();
        using var stream = new SKManagedWStream(output);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{t.Title} {model.Period} – {model.Unit.Name}",
            Author = model.Organisation,
            Creator = "Styrkort",
            Producer = "Styrkort",
            Creation = model.ProducedOn.ToDateTime(TimeOnly.MinValue),
            Modified = model.ProducedOn.ToDateTime(TimeOnly.MinValue),
        };
        using var document = SKDocument.CreatePdf(stream, metadata);
        var footer = $"{model.Organisation} · {t.Title} {ReportFormat.Period(model.Period, model.Language)} · {model.Unit.Name}";
        using var w = new PageWriter(document, page => (footer, $"{t.Page} {page}"));

        // Every section begins on a page of its own, so its number is the next one.
        CoverPage.Draw(w, model, known);
        pages[SummaryKey] = w.Page + 1;
        SummaryPages.Draw(w, model);
        foreach (var goal in model.Goals)
        {
            pages[goal.Id] = w.Page + 1;
            GoalPages.Draw(w, model, goal);
        }
        if (model.MissingCheckIns is { } missing)
        {
            pages[MissingKey] = w.Page + 1;
            MissingCheckInsPage.Draw(w, model, missing);
        }
        pages[AppendixKey] = w.Page + 1;
        AppendixPages.Draw(w, model);
        w.Close();
        return pages;
    }
}
