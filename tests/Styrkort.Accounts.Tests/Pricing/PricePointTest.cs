using Styrkort.Accounts.Pricing;

namespace Styrkort.Accounts.Tests.Pricing;

/// <summary>Markup ⇄ margin, with the examples of seed 004.</summary>
public sealed class PricePointTest
{
    [Theory]
    [InlineData(0.40, 0.285714)] // "påslag på 40 % … blir bruttomarginalen 29 %"
    [InlineData(0.25, 0.20)]
    [InlineData(0.00, 0.00)]
    [InlineData(1.00, 0.50)]
    [InlineData(-0.20, -0.25)]
    public void MarginOf_AMarkup(double markup, double margin) =>
        Assert.Equal(margin, (double)PricePoint.MarginOf((decimal)markup), 6);

    [Theory]
    [InlineData(0.40, 0.666667)] // "för att få en bruttomarginal på 40 % måste påslaget vara 67 %"
    [InlineData(0.20, 0.25)]
    [InlineData(0.50, 1.00)]
    [InlineData(0.00, 0.00)]
    public void MarkupFor_AMargin(double margin, double markup) =>
        Assert.Equal(markup, (double)PricePoint.MarkupFor((decimal)margin), 6);

    [Fact]
    public void SeedExample_Cost60WithMarkup40()
    {
        var point = PricePoint.FromMarkup(60, 0.40m);
        Assert.Equal((84m, 24m), (point.Price, point.GrossProfit));
        Assert.Equal(0.2857m, decimal.Round(point.Margin, 4));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.375)]
    [InlineData(0.9)]
    public void BothWays_AreInverses(double margin) =>
        Assert.Equal((decimal)margin, decimal.Round(PricePoint.MarginOf(PricePoint.MarkupFor((decimal)margin)), 20));

    [Fact]
    public void Impossible_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PricePoint.MarkupFor(1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PricePoint.MarginOf(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PricePoint.FromMarkup(0, 0.25m));
    }
}
