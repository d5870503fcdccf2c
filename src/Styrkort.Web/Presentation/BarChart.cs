using System.Globalization;
using System.Net;
using System.Text;

namespace Styrkort.Web.Presentation;

/// <summary>
/// A small inline SVG of horizontal bars (no script library): one bar per segment of a breakdown, its value written at
/// its end. The chart names itself (role="img", a title and aria-label) and points at the table beside it, which holds
/// the same numbers as text (aria-describedby).
/// </summary>
public static class BarChart
{
    public sealed record Bar(string Label, double? Value);

    public static string Svg(string title, IReadOnlyList<Bar> bars, Func<double, string> format, string? describedBy = null)
    {
        if (bars.Count == 0) return "";
        const int width = 720, labelWidth = 190, valueWidth = 90, row = 26, bar = 16, top = 6;
        var height = top * 2 + bars.Count * row;
        var values = bars.Select(b => b.Value).OfType<double>().ToList();
        // Bars start at zero: a negative segment (a loss, a negative NPS) grows to the left of it.
        var min = Math.Min(0, values.Count == 0 ? 0 : values.Min());
        var max = Math.Max(0, values.Count == 0 ? 0 : values.Max());
        if (max - min < 1e-12) max = min + 1;
        var plot = width - labelWidth - valueWidth;
        double X(double v) => labelWidth + (v - min) / (max - min) * plot;
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        var label = WebUtility.HtmlEncode(title);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"bars\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{label}\"{(describedBy is null ? "" : $" aria-describedby=\"{WebUtility.HtmlEncode(describedBy)}\"")} xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{label}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"zero\" x1=\"{F(X(0))}\" x2=\"{F(X(0))}\" y1=\"0\" y2=\"{height}\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + i * row;
            var text = bars[i].Value is { } v ? format(v) : "–";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"axis\" x=\"{labelWidth - 8}\" y=\"{y + bar - 3}\" text-anchor=\"end\">{WebUtility.HtmlEncode(Shorten(bars[i].Label))}</text>");
            if (bars[i].Value is not { } value) continue;
            var (x0, x1) = (X(Math.Min(0, value)), X(Math.Max(0, value)));
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"{(value < 0 ? "bar negative" : "bar")}\" x=\"{F(x0)}\" y=\"{y}\" width=\"{F(Math.Max(x1 - x0, 1))}\" height=\"{bar}\"><title>{WebUtility.HtmlEncode($"{bars[i].Label}: {text}")}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"value\" x=\"{F(X(Math.Max(0, value)) + 6)}\" y=\"{y + bar - 3}\">{WebUtility.HtmlEncode(text)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    // Long segment names (a campaign's title) are cut in the chart only; the table has them whole.
    private static string Shorten(string label) => label.Length <= 28 ? label : label[..27] + "…";
}
