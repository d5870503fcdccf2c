using Styrkort.Reports.Markdown;

namespace Styrkort.Reports.Tests.Markdown;

public sealed class MarkdownBlocksTest
{
    [Fact]
    public void Parse_ParagraphsListsAndEmphasis()
    {
        var blocks = MarkdownBlocks.Parse("Utfallet är **under** målet, *tyvärr*.\n\n1. Fler lån\n2. Färre kostnader\n\n- en punkt");

        Assert.Equal([BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem, BlockKind.ListItem], blocks.Select(b => b.Kind));
        Assert.Equal([new Span("Utfallet är "), new Span("under", Bold: true), new Span(" målet, "), new Span("tyvärr", Italic: true), new Span(".")], blocks[0].Spans);
        Assert.Equal(["1.", "2.", "•"], blocks.Skip(1).Select(b => b.Marker));
    }

    [Fact]
    public void Parse_ReadsHtmlAsText_AndKeepsALinksAddress()
    {
        var blocks = MarkdownBlocks.Parse("<b>x</b> [plan](https://example.org/plan)");

        Assert.Equal("<b>x</b> plan (https://example.org/plan)", string.Concat(blocks.Single().Spans.Select(s => s.Text)));
    }

    /// <summary>The PDF and the HTML report draw these blocks: a refused address never reaches either.</summary>
    [Theory]
    [InlineData("[plan](javascript:alert(1))", "plan")]
    [InlineData("[plan](JaVaScRiPt:alert(1))", "plan")]
    [InlineData("[plan](jav&#x09;ascript:alert(1))", "plan")]
    [InlineData("[plan](data:text/html;base64,PHNjcmlwdD4=)", "plan")]
    [InlineData("[plan][r]\n\n[r]: vbscript:x", "plan")]
    [InlineData("[plan](mailto:ekonomi@example.org)", "plan (mailto:ekonomi@example.org)")]
    [InlineData("[plan](/goals/nps)", "plan (/goals/nps)")]
    public void Parse_DropsAnUnsafeLinksAddress_KeepingItsText(string markdown, string text)
    {
        var blocks = MarkdownBlocks.Parse(markdown);

        Assert.Equal(text, string.Concat(blocks.First().Spans.Select(s => s.Text)));
    }
}
