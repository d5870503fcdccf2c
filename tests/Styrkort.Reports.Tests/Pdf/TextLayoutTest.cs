using SkiaSharp;
using Styrkort.Reports.Pdf;

namespace Styrkort.Reports.Tests.Pdf;

public sealed class TextLayoutTest : IDisposable
{
    private readonly FontCache _fonts = new();

    private List<string> Wrap(string text, float width, Face face = Face.Regular) =>
        TextLayout.Wrap([new Run(text, face)], 10, width, _fonts, SKColors.Black).Select(l => string.Concat(l.Runs.Select(r => r.Text))).ToList();

    [Fact]
    public void Wrap_BreaksAtSpaces_WithinTheWidth()
    {
        var lines = TextLayout.Wrap([new Run("Målen som styrelsen följer upp detta kvartal, per målområde.")], 10, 120, _fonts, SKColors.Black);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(l.Width <= 120, $"{l.Width}"));
        Assert.Equal("Målen som styrelsen följer upp detta kvartal, per målområde.", string.Join(' ', lines.Select(l => string.Concat(l.Runs.Select(r => r.Text)))));
    }

    [Fact]
    public void Wrap_NeverBreaksANumberAtItsNoBreakSpaces()
    {
        var lines = Wrap("Utfall 1\u00a0684,4\u00a0mnkr", 70);

        Assert.Equal(["Utfall", "1\u00a0684,4\u00a0mnkr"], lines);
    }

    [Fact]
    public void Wrap_KeepsIndentationAfterANewline()
    {
        var lines = Wrap("sum(a\n    over b)", 400, Face.Mono);

        Assert.Equal(["sum(a", "    over b)"], lines);
    }

    [Fact]
    public void Wrap_SplitsAWordWiderThanTheLine()
    {
        var lines = Wrap("affärsutvecklingsinsatser", 40);

        Assert.True(lines.Count > 1);
        Assert.Equal("affärsutvecklingsinsatser", string.Concat(lines));
    }

    public void Dispose() => _fonts.Dispose();
}
