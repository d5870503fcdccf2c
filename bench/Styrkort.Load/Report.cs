using System.Globalization;
using System.Text;

namespace Styrkort.Load;

/// <summary>Latency per page, during the imports and outside them, and whether the targets of issue 11 hold.</summary>
internal static class Report
{
    public static readonly (Page Page, double P95Milliseconds)[] Targets = [(Page.Overview, 100), (Page.Goal, 150)];

    public sealed record Row(Page Page, string Phase, int Requests, int Errors, double P50, double P95, double P99, double Max);

    public static IReadOnlyList<Row> Rows(Recorder recorder, long end)
    {
        var imports = recorder.ImportIntervals(end);
        var rows = new List<Row>();
        foreach (var page in Enum.GetValues<Page>())
            foreach (var during in new[] { true, false })
            {
                var samples = recorder.Samples.Where(s => s.Page == page && Recorder.Overlaps(s, imports) == during).ToList();
                // Every request counts, failed ones at the time they took: leaving out the timeouts would hide the worst waits.
                var times = samples.Select(s => s.Milliseconds).Order().ToList();
                rows.Add(new Row(page, during ? "during import" : "no import", samples.Count, samples.Count(s => !s.Ok),
                    Percentile(times, 50), Percentile(times, 95), Percentile(times, 99), times.Count == 0 ? double.NaN : times[^1]));
            }
        return rows;
    }

    /// <summary>Nearest rank: the smallest value with at least p % of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Met when the page's p95 during the imports is under its target and no request failed.</summary>
    public static bool Met(IReadOnlyList<Row> rows, Page page, double target)
    {
        var during = rows.Single(r => r.Page == page && r.Phase == "during import");
        return during.Requests > 0 && during.P95 < target && rows.Where(r => r.Page == page).All(r => r.Errors == 0);
    }

    public static string Markdown(LoadOptions options, string server, IReadOnlyList<Row> rows, Recorder recorder, TimeSpan elapsed)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"# Styrkort load — {options.Users} users, {elapsed.TotalSeconds:F0} s, think {options.Think.TotalMilliseconds:F0} ms ±50 %, import {options.ImportFile}");
        s.AppendLine();
        s.AppendLine(inv, $"server: {server}");
        s.AppendLine();
        s.AppendLine("| page | phase | requests | errors | p50 ms | p95 ms | p99 ms | max ms |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            s.AppendLine(inv, $"| {Name(r.Page)} | {r.Phase} | {r.Requests} | {r.Errors} | {Ms(r.P50)} | {Ms(r.P95)} | {Ms(r.P99)} | {Ms(r.Max)} |");
        s.AppendLine();
        var imports = recorder.Imports.ToList();
        s.AppendLine(inv, $"imports: {imports.Count} ({string.Join(", ", imports.Select(i => string.Create(inv, $"{i.Status} {i.Outcome} in {i.Seconds:F1} s")))})");
        var errors = recorder.Samples.Where(x => !x.Ok).GroupBy(x => x.Error).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        if (errors.Count > 0) s.AppendLine("errors: " + string.Join(", ", errors));
        s.AppendLine();
        foreach (var (page, target) in Targets)
            s.AppendLine(inv, $"- {Name(page)} p95 < {target:F0} ms while an import runs, no errors: {(Met(rows, page, target) ? "**met**" : "**not met**")}");
        return s.ToString();
    }

    private static string Name(Page page) => page == Page.Overview ? "overview `/`" : "goal `/goals/{id}`";

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);
}
