using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Styrkort.Reports.Markdown;

/// <summary>
/// The one rule for links in text users write (analyses in the web app, the board report in HTML and PDF): a link or
/// image keeps its address only when that is http:, https:, mailto: or relative; any other scheme (javascript:,
/// data:, vbscript:, …) is dropped and its text stays as plain text. Decided on Markdig's syntax tree, where entities
/// and escapes are already decoded, so spelling tricks like <c>jav&amp;#x09;ascript:</c> cannot slip through.
/// </summary>
public static class SafeLinks
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>Markdown as Markdig reads it with raw HTML off, with every unsafe link already turned into text.</summary>
    public static MarkdownDocument Parse(string? markdown, MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", pipeline);
        Neutralize(document);
        return document;
    }

    /// <summary>True for an address a reader may follow: http, https, mailto or one without a scheme.</summary>
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        // Browsers drop ASCII tabs and newlines anywhere in a URL and trim control characters and spaces at its ends;
        // removing every control, space and format character first is stricter than any of them.
        var squeezed = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)
            && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        var colon = squeezed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return true;
        var end = squeezed.IndexOfAny(['/', '?', '#']);
        // A colon after the path, query or fragment starts is not a scheme ("page?at=10:30" is relative).
        if (end >= 0 && end < colon) return true;
        var scheme = squeezed[..colon];
        return AllowedSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Replaces each link and image whose address is not allowed by its text, in place.</summary>
    public static void Neutralize(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsAllowed(link.Url)) continue;
            // The label (or an image's alt text) stays, as plain text; the address goes.
            link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            if (!IsAllowed(autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            text.Append(inline switch
            {
                LiteralInline l => l.Content.ToString(),
                CodeInline c => c.Content,
                HtmlEntityInline e => e.Transcoded.ToString(),
                AutolinkInline a => a.Url,
                LineBreakInline => " ",
                ContainerInline c => PlainText(c),
                _ => "",
            });
        return text.ToString();
    }
}
