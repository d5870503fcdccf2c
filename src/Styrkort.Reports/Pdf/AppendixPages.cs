using System.Globalization;
using SkiaSharp;

namespace Styrkort.Reports.Pdf;

/// <summary>The appendix: each goal's definition from the goal file, the shared terms its formulas use, the data sources.</summary>
internal static class AppendixPages
{
    private static readonly SKColor CodeFill = new(0xF3, 0xF3, 0xF3);

    public static void Draw(PageWriter w, BoardReportModel model)
    {
        var t = ReportText.For(model.Language);
        w.NewPage();
        w.Heading(t.Appendix, 18);
        w.Heading(t.Definitions, 13, before: 2);
        foreach (var goal in model.Goals)
        {
            var d = goal.Definition;
            w.Heading($"{goal.Number}  {goal.Name}", 10.5f, PageWriter.Ink, before: 6, after: 1);
            if ((d.Description ?? d.Label) is { } about) w.Text(about, 9, Face.Italic, PageWriter.Muted);
            Labelled(w, t.Formula, d.Metric);
            Code(w, d.Formula);
            if (d.ComparisonMetric is { } comparison)
            {
                Labelled(w, t.ComparisonFormula, comparison);
                Code(w, d.ComparisonFormula!);
            }
            Labelled(w, t.TargetRuleLabel, d.TargetRule);
            Labelled(w, t.Data, string.Join(", ", d.Datasets));
        }

        if (model.SharedDefinitions.Count > 0)
        {
            w.Heading(t.SharedTerms, 13, before: 12);
            foreach (var kind in model.SharedDefinitions.GroupBy(s => s.Kind))
            {
                w.Heading(t.SharedKind(kind.Key), 10.5f, PageWriter.Ink, before: 4, after: 1);
                foreach (var shared in kind)
                {
                    if (shared.Description is { } about) Labelled(w, shared.Name, about);
                    else w.Text([new Run(shared.Name, Face.Bold)], 9);
                    Code(w, shared.Text);
                }
            }
        }

        w.Heading(t.Sources, 13, before: 12);
        w.Text(t.SourcesIntro, 9, Face.Regular, PageWriter.Muted);
        // Paths are long and alike; the folders are said once, the table names the files.
        foreach (var folder in model.Sources.Select(s => s.Folder).Distinct())
            w.Text([new Run(t.Folder + ": ", Face.Bold), new Run(folder)], 9);
        w.Space(4);
        PdfTable.Draw(w, [new(t.Dataset, 118), new(t.File, 140), new(t.Rows, 55, true), new(t.Imported, 85), new("SHA-256", 85)],
            model.Sources.Select(s => (IReadOnlyList<TableCell>)
            [
                s.Dataset, s.FileName, s.Rows.ToString("N0", ReportFormat.Numbers(model.Language)),
                s.ImportedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.Sha256[..Math.Min(12, s.Sha256.Length)],
            ]).ToList(), 8);
    }

    private static void Labelled(PageWriter w, string label, string text) =>
        w.Text([new Run(label + ": ", Face.Bold), new Run(text)], 9);

    /// <summary>A formula in the goal file's own words, line breaks and indentation kept.</summary>
    private static void Code(PageWriter w, string text)
    {
        const float size = 8, lineHeight = 10.5f, pad = 4;
        var lines = TextLayout.Wrap([new Run(text, Face.Mono)], size, PageWriter.Width - 2 * pad, w.Fonts, PageWriter.Ink);
        w.Ensure(Math.Min(lines.Count * lineHeight + 2 * pad, 120));
        using var fill = new SKPaint { Color = CodeFill };
        w.Space(1);
        for (var i = 0; i < lines.Count; i++)
        {
            var first = i == 0;
            var last = i == lines.Count - 1;
            var height = lineHeight + (first ? pad : 0) + (last ? pad : 0);
            w.Ensure(height);
            w.Canvas.DrawRect(PageWriter.Left, w.Y, PageWriter.Width, height, fill);
            w.DrawLine(lines[i], PageWriter.Left + pad, w.Y + (first ? pad : 0) + size, size);
            w.Y += height;
        }
        w.Space(3);
    }
}
