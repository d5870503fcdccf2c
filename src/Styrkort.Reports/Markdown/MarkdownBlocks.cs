using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Styrkort.Reports.Markdown;

/// <summary>A piece of text with its emphasis.</summary>
internal readonly record struct Span(string Text, bool Bold = false, bool Italic = false, bool Code = false);

internal enum BlockKind { Paragraph, Heading, ListItem, Code, Quote }

/// <summary>A block of an analysis: a paragraph, heading, list item (with its marker and depth), code or quotation.</summary>
internal sealed record TextBlock(BlockKind Kind, IReadOnlyList<Span> Spans, int Depth = 0, string? Marker = null);

/// <summary>
/// Reads a goal owner's Markdown into a few plain blocks that both the PDF and the web page can draw. Raw HTML is read
/// as text, so an analysis cannot inject markup into the page; links keep their text and show their address, if it is
/// one <see cref="SafeLinks"/> allows (any other is dropped).
/// </summary>
internal static class MarkdownBlocks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IReadOnlyList<TextBlock> Parse(string markdown)
    {
        var blocks = new List<TextBlock>();
        foreach (var block in SafeLinks.Parse(markdown, Pipeline)) Add(block, blocks, 0, null);
        return blocks;
    }

    private static void Add(Block block, List<TextBlock> into, int depth, string? marker)
    {
        switch (block)
        {
            case HeadingBlock h:
                into.Add(new TextBlock(BlockKind.Heading, Inlines(h.Inline), depth));
                break;
            case ParagraphBlock p:
                into.Add(new TextBlock(marker is null ? BlockKind.Paragraph : BlockKind.ListItem, Inlines(p.Inline), depth, marker));
                break;
            case CodeBlock c:
                into.Add(new TextBlock(BlockKind.Code, [new Span(string.Join('\n', c.Lines.Lines.Take(c.Lines.Count).Select(l => l.ToString())), Code: true)], depth));
                break;
            case ListBlock list:
                var n = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var first = true;
                    foreach (var child in item)
                    {
                        // Only an item's first paragraph carries the marker; the rest hang under it.
                        Add(child, into, depth + 1, first ? (list.IsOrdered ? $"{n}." : "•") : "");
                        first = false;
                    }
                    n++;
                }
                break;
            case QuoteBlock q:
                foreach (var child in q)
                    if (child is ParagraphBlock qp) into.Add(new TextBlock(BlockKind.Quote, Inlines(qp.Inline), depth));
                    else Add(child, into, depth, marker);
                break;
            case ContainerBlock container:
                foreach (var child in container) Add(child, into, depth, marker);
                break;
        }
    }

    private static List<Span> Inlines(ContainerInline? root)
    {
        var spans = new List<Span>();
        void Walk(Inline? inline, bool bold, bool italic)
        {
            for (; inline is not null; inline = inline.NextSibling)
                switch (inline)
                {
                    case LiteralInline l: spans.Add(new Span(l.Content.ToString(), bold, italic)); break;
                    case CodeInline c: spans.Add(new Span(c.Content, bold, italic, Code: true)); break;
                    case LineBreakInline br: spans.Add(new Span(br.IsHard ? "\n" : " ", bold, italic)); break;
                    case HtmlEntityInline e: spans.Add(new Span(e.Transcoded.ToString(), bold, italic)); break;
                    case HtmlInline h: spans.Add(new Span(h.Tag, bold, italic)); break;
                    case AutolinkInline a: spans.Add(new Span(a.Url, bold, italic)); break;
                    case EmphasisInline em:
                        var strong = em.DelimiterCount >= 2;
                        Walk(em.FirstChild, bold || strong, italic || !strong);
                        break;
                    case LinkInline link:
                        Walk(link.FirstChild, bold, italic);
                        if (!link.IsImage && !string.IsNullOrEmpty(link.Url)) spans.Add(new Span($" ({link.Url})", bold, italic));
                        break;
                    case ContainerInline c: Walk(c.FirstChild, bold, italic); break;
                }
        }
        Walk(root?.FirstChild, false, false);
        return Merge(spans);
    }

    /// <summary>Markdig splits text at every delimiter it considered; joining equal neighbours keeps runs whole.</summary>
    private static List<Span> Merge(List<Span> spans)
    {
        var merged = new List<Span>();
        var text = new StringBuilder();
        for (var i = 0; i < spans.Count; i++)
        {
            text.Append(spans[i].Text);
            var next = i + 1 < spans.Count ? spans[i + 1] : (Span?)null;
            if (next is { } n && n.Bold == spans[i].Bold && n.Italic == spans[i].Italic && n.Code == spans[i].Code) continue;
            merged.Add(spans[i] with { Text = text.ToString() });
            text.Clear();
        }
        return merged;
    }
}
