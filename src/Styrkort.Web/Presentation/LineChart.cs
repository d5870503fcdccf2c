using System.Globalization;
using System.Net;
using System.Text;

namespace Styrkort.Web.Presentation;

/// <summary>A small inline SVG line chart (no script library): the value, the target and the comparison per period.</summary>
public static class LineChart
{
    public sealed record Series(string Name, string Css, IReadOnlyList<double?> Points, bool Dashed = false);

    public static string Svg(IReadOnlyList<string> labels, IReadOnlyList<Series> series, Func<double, string> format)
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
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
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
