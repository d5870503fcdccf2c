using System.Globalization;
using System.Net;
using System.Text;

namespace Styrkort.Web.Presentation;

/// <summary>
/// A small inline SVG line chart (no script library): the value, the target and the comparison per period. It is an
/// image with a name (its title) and, where the page has one, a description pointing at the same numbers as a table.
/// </summary>
public static class LineChart
{
    public sealed record Series(string Name, string Css, IReadOnlyList<double?> Points, bool Dashed = false);

    /// <param name="title">The chart's accessible name; without one, the series and the periods name it.</param>
    /// <param name="describedBy">The id of the element that gives the numbers as text (a table), if any.</param>
    public static string Svg(IReadOnlyList<string> labels, IReadOnlyList<Series> series, Func<double, string> format,
        string? title = null, string? describedBy = null)
    {
        const int width = 720, height = 260, left = 70, right = 40, top = 20, bottom = 40; // right: room for the last label
        var values = series.SelectMany(s => s.Points).OfType<double>().ToList();
        if (values.Count == 0 || labels.Count == 0) return "";
        // The axis runs from round tick to round tick around the values (AxisSteps), not from the values ± 10 %.
        var ticks = AxisSteps.Ticks(values.Min(), values.Max());
        var (min, max) = (ticks[0], ticks[^1]);
        double X(int i) => left + (labels.Count == 1 ? 0 : i * (width - left - right) / (double)(labels.Count - 1));
        double Y(double v) => top + (max - v) / (max - min) * (height - top - bottom);
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        title ??= $"{string.Join(", ", series.Select(s => s.Name))}: {labels[0]}–{labels[^1]}";
        // The id comes from what the chart shows, so that two charts on one page never share one.
        var id = "chart-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(title + string.Join(',', labels))))[..10];
        var described = describedBy is null ? "" : $" aria-describedby=\"{WebUtility.HtmlEncode(describedBy)}\"";
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}\"{described} xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}\">{WebUtility.HtmlEncode(title)}</title>");
        foreach (var v in ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{WebUtility.HtmlEncode(format(v))}</text>");
        }
        for (var i = 0; i < labels.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(X(i))}\" y=\"{height - 15}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(labels[i])}</text>");
        foreach (var s in series)
        {
            var path = new StringBuilder();
            var pen = 'M';
            for (var i = 0; i < s.Points.Count; i++)
            {
                if (s.Points[i] is not { } v) { pen = 'M'; continue; }
                path.Append(CultureInfo.InvariantCulture, $"{pen}{F(X(i))},{F(Y(v))} ");
                pen = 'L';
            }
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{s.Css}\" d=\"{path}\" fill=\"none\"{(s.Dashed ? " stroke-dasharray=\"6 4\"" : "")}><title>{WebUtility.HtmlEncode(s.Name)}</title></path>");
            for (var i = 0; i < s.Points.Count; i++)
                if (s.Points[i] is { } v)
                    svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"{s.Css}\" cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3\"><title>{WebUtility.HtmlEncode($"{s.Name} {labels[i]}: {format(v)}")}</title></circle>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
