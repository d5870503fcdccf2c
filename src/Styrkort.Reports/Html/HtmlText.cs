using System.Globalization;
using System.Text;
using Styrkort.Reports.Markdown;

namespace Styrkort.Reports.Html;

/// <summary>Text into HTML: everything encoded, Markdown blocks into a few plain elements.</summary>
internal static class HtmlText
{
    /// <summary>Escapes markup only; the page is UTF-8, so å, ä, ö and no-break spaces stay as they are.</summary>
    public static string Encode(string? text) => (text ?? "")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    public static string Markdown(string markdown)
    {
        var html = new StringBuilder();
        var depth = 0;
        foreach (var block in MarkdownBlocks.Parse(markdown))
        {
            var target = block.Kind == BlockKind.ListItem ? block.Depth : 0;
            for (; depth < target; depth++) html.Append("<ul>");
            for (; depth > target; depth--) html.Append("</ul>");
            var inner = Spans(block.Spans);
            html.Append(block.Kind switch
            {
                BlockKind.Heading => $"<h5>{inner}</h5>",
                BlockKind.ListItem => string.IsNullOrEmpty(block.Marker) ? $"<p>{inner}</p>" : $"<li data-marker=\"{Encode(block.Marker)}\">{inner}</li>",
                BlockKind.Code => $"<pre>{inner}</pre>",
                BlockKind.Quote => $"<blockquote>{inner}</blockquote>",
                _ => $"<p>{inner}</p>",
            });
        }
        for (; depth > 0; depth--) html.Append("</ul>");
        return html.ToString();
    }

    private static string Spans(IEnumerable<Span> spans)
    {
        var html = new StringBuilder();
        foreach (var s in spans)
        {
            var text = Encode(s.Text).Replace("\n", "<br>", StringComparison.Ordinal);
            if (s.Code) text = $"<code>{text}</code>";
            if (s.Italic) text = $"<em>{text}</em>";
            if (s.Bold) text = $"<strong>{text}</strong>";
            html.Append(text);
        }
        return html.ToString();
    }
}
