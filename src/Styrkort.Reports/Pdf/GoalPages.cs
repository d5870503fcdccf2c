using Language = Styrkort.Core.Presentation.Language;
using SkiaSharp;
using Styrkort.Reports.Markdown;

namespace Styrkort.Reports.Pdf;

/// <summary>One goal's pages: key figures, the eight-period chart, the table per unit, the owner's analysis and actions.</summary>
internal static class GoalPages
{
    private const float ChartHeight = 165;

    public static void Draw(PageWriter w, BoardReportModel model, GoalSection goal)
    {
        var t = ReportText.For(model.Language);
        var lang = model.Language;
        w.NewPage();
        w.Heading($"{goal.Number}  {goal.Name}", 16, after: 2);
        var type = goal.TypeLetter == "Ä" ? t.OwnersDecide : t.BoardDecides;
        w.Text($"{t.Area}: {goal.AreaName} · {t.GoalType}: {goal.TypeLetter} ({type}) · {t.Agenda}: {t.Calendar(goal.BoardQuarters)}{goal.Structure(t)}", 8f, Face.Regular, PageWriter.Muted);
        if (goal.Definition.Description is { } about) w.Text(about, 8.5f, Face.Italic, PageWriter.Ink);
        w.Space(8);
        KeyFigures(w, goal, lang, t);
        w.Space(12);
        if (goal.WhatChanged is { } changed)
        {
            w.Text(t.WhatChanged, 10, Face.Bold);
            w.Text(changed, 8.5f, Face.Regular, PageWriter.Ink);
            w.Space(8);
        }

        w.Text(goal.Yearly ? t.LastYears : t.LastQuarters, 10, Face.Bold);
        ChartBlock.Draw(w, goal, lang, ChartHeight);
        w.Space(6);

        if (goal.Subunits.Count > 0)
        {
            w.Heading(t.ByUnit, 11, after: 2);
            var comparison = goal.Definition.ComparisonMetric is not null;
            var columns = SummaryPages.Columns(t.Unit, $"{t.Change} {t.Since(goal.PreviousReport, goal.Yearly)}", t, comparison, units: true);
            var depth = goal.Result.Unit.Depth;
            var rows = new[] { goal.Result }.Concat(goal.Subunits)
                .Select(r => SummaryPages.Row(goal, r, lang, r.Unit.Name, indent: (r.Unit.Depth - depth) * 8, comparison: comparison))
                .ToList();
            PdfTable.Draw(w, columns, rows, 8f, emphasise: r => r == 0);
        }

        foreach (var checkIn in goal.CheckIns) CheckIn(w, checkIn, t);
    }

    private static void KeyFigures(PageWriter w, GoalSection goal, Language lang, ReportText t)
    {
        var r = goal.Result;
        var previous = $"{t.Change} {t.Since(goal.PreviousReport, goal.Yearly)}";
        var figures = ReportFormat.Row(r, goal.MeasureUnit, lang);
        var boxes = new List<(string Label, string Value, SKColor? Dot)>
        {
            (t.Value, figures.Value(r.Value), null),
            (t.Target, figures.Target(r.Target), null),
        };
        if (goal.Definition.ComparisonMetric is not null)
            boxes.Add((t.Comparison, figures.Value(r.Comparison), null));
        boxes.Add((t.Status, ReportFormat.Status(r, lang), SKColor.Parse(StatusColors.Hex(r.Status))));
        boxes.Add((previous, ReportFormat.Change(r.Change, goal.MeasureUnit, lang), null));
        const float height = 50, gap = 6;
        w.Ensure(height);
        var width = (PageWriter.Width - gap * (boxes.Count - 1)) / boxes.Count;
        using var fill = new SKPaint { Color = new SKColor(0xF2, 0xF5, 0xF9) };
        using var text = new SKPaint { Color = PageWriter.Ink, IsAntialias = true };
        using var label = new SKPaint { Color = PageWriter.Muted, IsAntialias = true };
        for (var i = 0; i < boxes.Count; i++)
        {
            var x = PageWriter.Left + i * (width + gap);
            w.Canvas.DrawRect(x, w.Y, width, height, fill);
            var labelY = w.Y + 12;
            foreach (var line in TextLayout.Wrap([new Run(boxes[i].Label)], 7.5f, width - 12, w.Fonts, PageWriter.Muted).Take(2))
            {
                w.DrawLine(line, x + 6, labelY, 7.5f);
                labelY += 9;
            }
            var valueX = x + 6;
            if (boxes[i].Dot is { } dot)
            {
                using var paint = new SKPaint { Color = dot, IsAntialias = true };
                w.Canvas.DrawCircle(valueX + 4, w.Y + 37, 4.5f, paint);
                valueX += 12;
            }
            var size = 12f;
            while (size > 7 && w.Fonts.Measure(boxes[i].Value, Face.Bold, size) > x + width - 6 - valueX) size -= 0.5f;
            w.Canvas.DrawText(boxes[i].Value, valueX, w.Y + 42, SKTextAlign.Left, w.Fonts.Get(Face.Bold, size), text);
        }
        w.Y += height;
    }

    private static void CheckIn(PageWriter w, GoalCheckIn checkIn, ReportText t)
    {
        w.Heading(t.Analysis, 11, before: 10, after: 2);
        foreach (var block in MarkdownBlocks.Parse(checkIn.Analysis))
        {
            var runs = block.Spans.Select(Run.From).ToList();
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    w.Text(runs.Select(r => r with { Face = Face.Bold }), 10);
                    break;
                case BlockKind.ListItem:
                    var indent = 12 * block.Depth;
                    var top = w.Y;
                    w.Text(runs, 9.5f, indent: indent);
                    if (!string.IsNullOrEmpty(block.Marker))
                    {
                        using var paint = new SKPaint { Color = PageWriter.Ink, IsAntialias = true };
                        w.Canvas.DrawText(block.Marker, PageWriter.Left + indent - 10, top + 9.5f, SKTextAlign.Left, w.Fonts.Get(Face.Regular, 9.5f), paint);
                    }
                    break;
                case BlockKind.Quote:
                    w.Text(runs.Select(r => r with { Face = Face.Italic }), 9.5f, PageWriter.Muted, indent: 12);
                    break;
                default:
                    w.Text(runs, 9.5f, indent: 12 * block.Depth);
                    break;
            }
            w.Space(3);
        }
        if (checkIn.WrittenBy is not null || checkIn.WrittenOn is not null)
            w.Text(string.Join(", ", new[] { checkIn.WrittenBy is { } by ? $"{t.WrittenBy} {by}" : null, checkIn.WrittenOn is { } on ? ReportFormat.Date(on) : null }.OfType<string>()),
                8.5f, Face.Italic, PageWriter.Muted);
        if (checkIn.Actions.Count == 0) return;
        w.Heading(t.Actions, 11, before: 8, after: 2);
        PdfTable.Draw(w, [new(t.What, 4.5f), new(t.Who, 1.8f), new(t.Due, 1.4f), new(t.State, 1.3f)],
            checkIn.Actions.Select(a => (IReadOnlyList<TableCell>)[a.What, a.Who, a.Due is { } d ? ReportFormat.Date(d) : "–", t.ActionState(a.State)]).ToList(), 8.5f);
    }
}
