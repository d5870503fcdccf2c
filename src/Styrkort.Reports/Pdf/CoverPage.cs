using SkiaSharp;
using Styrkort.Core.Evaluation;

namespace Styrkort.Reports.Pdf;

/// <summary>The cover: organisation, title, quarter, unit, date of production, the statuses at a glance and the contents.</summary>
internal static class CoverPage
{
    public static void Draw(PageWriter w, BoardReportModel model, IReadOnlyDictionary<string, int> pages)
    {
        var t = ReportText.For(model.Language);
        w.NewPage(footer: false);
        using (var band = new SKPaint { Color = PageWriter.Accent })
            w.Canvas.DrawRect(0, 0, PageWriter.PageWidth, 150, band);
        w.Y = 70;
        w.Text(model.Organisation, 24, Face.Bold, SKColors.White);
        w.Y = 200;
        w.Text(t.Title, 30, Face.Bold, PageWriter.Accent);
        w.Space(4);
        w.Text(t.Quarter(model.Period), 18, Face.Regular, PageWriter.Ink);
        w.Space(28);

        var facts = new (string, string)[]
        {
            (t.Organisation, model.Organisation),
            (t.Unit, model.Unit.Name),
            (t.Period, $"{ReportFormat.Date(model.Period.Start)} – {ReportFormat.Date(model.Period.End)}"),
            (t.Produced, ReportFormat.Date(model.ProducedOn)),
        };
        foreach (var (label, value) in facts)
        {
            var top = w.Y;
            w.Text(label, 10, Face.Regular, PageWriter.Muted);
            w.Y = top;
            w.Text([new Run(value, Face.Bold)], 11, indent: 110);
            w.Space(4);
        }

        w.Space(24);
        var counts = model.Goals.GroupBy(g => g.Result.Status).ToDictionary(g => g.Key, g => g.Count());
        w.Text(t.Summary, 13, Face.Bold, PageWriter.Accent);
        w.Space(4);
        foreach (var status in Enum.GetValues<Status>().Where(counts.ContainsKey))
        {
            using var dot = new SKPaint { Color = SKColor.Parse(StatusColors.Hex(status)), IsAntialias = true };
            w.Canvas.DrawCircle(PageWriter.Left + 4, w.Y + 7, 4, dot);
            w.Text($"{counts[status]} × {ReportFormat.Status(status, model.Language)}", 11, indent: 14);
        }

        w.Space(24);
        w.Text(t.Contents, 13, Face.Bold, PageWriter.Accent);
        w.Space(4);
        Entry(w, t.Summary, pages.GetValueOrDefault(PdfRenderer.SummaryKey));
        foreach (var goal in model.Goals) Entry(w, $"{goal.Number}  {goal.Name}", pages.GetValueOrDefault(goal.Id), indent: 10);
        if (model.MissingCheckIns is not null) Entry(w, t.MissingCheckIns, pages.GetValueOrDefault(PdfRenderer.MissingKey));
        Entry(w, t.Appendix, pages.GetValueOrDefault(PdfRenderer.AppendixKey));
    }

    private static void Entry(PageWriter w, string title, int page, float indent = 0)
    {
        var top = w.Y;
        w.Text(title, 10, indent: indent);
        if (page <= 0) return;
        using var paint = new SKPaint { Color = PageWriter.Ink };
        w.Canvas.DrawText(page.ToString(System.Globalization.CultureInfo.InvariantCulture), PageWriter.Left + PageWriter.Width, top + 10,
            SKTextAlign.Right, w.Fonts.Get(Face.Regular, 10), paint);
    }
}
