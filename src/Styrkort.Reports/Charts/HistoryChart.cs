using Language = Styrkort.Core.Presentation.Language;
using ScottPlot;
using Styrkort.Core.Evaluation;
using Styrkort.Reports.Typefaces;

namespace Styrkort.Reports.Charts;

internal enum Swatch { Line, Dashed, Dotted, Band, Dot }

/// <summary>One entry of a chart's legend; the legend is drawn by the PDF and the web page, beside the plot.</summary>
internal sealed record LegendItem(string Label, string Color, Swatch Swatch);

/// <summary>
/// A goal's last eight quarters (or years): the value with its status, the target and the comparison. The legend is
/// returned rather than drawn, because ScottPlot's legend panel leaves a gap as tall as itself below the axis.
/// </summary>
internal static class HistoryChart
{
    private const string ValueColor = "#1F4E79", TargetColor = "#6B6B6B", ComparisonColor = "#8E44AD", BandColor = "#2E7D32";

    public static (Plot Plot, IReadOnlyList<LegendItem> Legend) Create(GoalSection goal, Language lang)
    {
        var legend = new List<LegendItem>();
        ReportFonts.RegisterWithScottPlot();
        var text = ReportText.For(lang);
        var points = goal.History;
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var (scale, axisLabel) = Scale(goal, lang);
        double[] Ys(Func<HistoryPoint, double?> pick) => points.Select(p => pick(p) is { } v ? v / scale : double.NaN).ToArray();

        var plot = new Plot();
        var rule = points[^1].Target.Rule;
        if (rule == Core.GoalFiles.TargetRuleKind.Between && points[^1].Target is { Min: { } min, Max: { } max })
        {
            var band = plot.Add.VerticalSpan((double)min / scale, (double)max / scale);
            band.FillStyle.Color = Color.FromHex(BandColor).WithAlpha(0.12);
            band.LineStyle.Width = 0;
            legend.Add(new LegendItem($"{text.Target} ({ReportFormat.Target(points[^1].Target, goal.MeasureUnit, lang)})", BandColor, Swatch.Band));
        }
        else if (rule is Core.GoalFiles.TargetRuleKind.AtLeast or Core.GoalFiles.TargetRuleKind.AtMost or Core.GoalFiles.TargetRuleKind.Exactly)
        {
            var target = plot.Add.Scatter(xs, Ys(p => (double?)p.Target.Level));
            target.Color = Color.FromHex(TargetColor);
            target.LineWidth = 1.5f;
            target.LinePattern = LinePattern.Dashed;
            target.MarkerSize = 0;
            legend.Add(new LegendItem(text.Target, TargetColor, Swatch.Dashed));
        }
        if (points.Any(p => p.Comparison is not null))
        {
            var comparison = plot.Add.Scatter(xs, Ys(p => p.Comparison));
            comparison.Color = Color.FromHex(ComparisonColor);
            comparison.LineWidth = 1.5f;
            comparison.LinePattern = LinePattern.Dotted;
            comparison.MarkerSize = 4;
            legend.Add(new LegendItem(text.Comparison, ComparisonColor, Swatch.Dotted));
        }
        var value = plot.Add.Scatter(xs, Ys(p => p.Value?.AsDouble));
        value.Color = Color.FromHex(ValueColor);
        value.LineWidth = 2;
        value.MarkerSize = 0;
        legend.Insert(0, new LegendItem(text.Value, ValueColor, Swatch.Line));
        // The points carry their status colour, so the chart reads like the tables.
        foreach (var group in points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).GroupBy(x => x.p.Status))
        {
            plot.Add.Markers(group.Select(x => xs[x.i]).ToArray(), group.Select(x => x.p.Value!.Value.AsDouble / scale).ToArray(),
                MarkerShape.FilledCircle, 8, Color.FromHex(StatusColors.Hex(group.Key)));
        }
        foreach (var status in points.Where(p => p.Value is not null).Select(p => p.Status).Distinct().Order())
            legend.Add(new LegendItem(ReportFormat.Status(status, lang), StatusColors.Hex(status), Swatch.Dot));

        plot.Font.Set(ReportFonts.Family);
        plot.Axes.Bottom.SetTicks(xs, points.Select(p => p.Label).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        var decimals = "N" + Decimals(points.SelectMany(p => new[] { p.Value?.AsDouble, p.Comparison, (double?)p.Target.Level, (double?)p.Target.Min, (double?)p.Target.Max })
            .OfType<double>().Select(v => v / scale).ToList());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString(decimals, ReportFormat.Numbers(lang)) };
        plot.Axes.Left.Label.Text = axisLabel;
        plot.Axes.Left.Label.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Grid.MajorLineColor = Color.FromHex("#E5E5E5");
        plot.Axes.Margins(left: 0.04, right: 0.04, bottom: 0.12, top: 0.12);
        if (!points.Any(p => p.Value is not null || p.Comparison is not null || p.Target.Level is not null)) plot.Axes.SetLimitsY(0, 1);
        plot.Axes.SetLimitsX(-0.4, points.Count - 0.6);
        plot.HideLegend();
        return (plot, legend);
    }

    /// <summary>Enough decimals that neighbouring ticks differ: about five ticks span the data.</summary>
    private static int Decimals(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var step = (values.Max() - values.Min()) / 5;
        return step <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(-Math.Log10(step)), 0, 3);
    }

    /// <summary>Large amounts are drawn in millions so that tick labels stay short.</summary>
    private static (double Scale, string Label) Scale(GoalSection goal, Language lang)
    {
        var en = lang.IsEnglish;
        var largest = goal.History.SelectMany(p => new[] { p.Value?.AsDouble, p.Comparison, (double?)p.Target.Level })
            .OfType<double>().Select(Math.Abs).DefaultIfEmpty(0).Max();
        return goal.MeasureUnit switch
        {
            "SEK" when largest >= 1e6 => (1e6, en ? "SEK million" : "mnkr"),
            "SEK" => (1, en ? "SEK" : "kr"),
            "percent" => (1, "%"),
            "count" => (1, en ? "number" : "antal"),
            _ => (1, ""),
        };
    }
}
