namespace Styrkort.Accounts.Pricing;

/// <summary>
/// A price seen both ways: the markup (påslag) is the gross profit over the cost, the margin (marginal) the gross
/// profit over the price. Rates are fractions (0.25 is 25 %). 40 % markup is a 28.6 % margin; a 40 % margin needs a
/// 66.7 % markup. Mixing the two up is the error seed 004 warns about.
/// </summary>
public sealed record PricePoint
{
    private PricePoint(decimal cost, decimal price)
    {
        if (cost <= 0) throw new ArgumentOutOfRangeException(nameof(cost), cost, "the cost must be above 0");
        if (price <= 0) throw new ArgumentOutOfRangeException(nameof(price), price, "the price must be above 0");
        (Cost, Price) = (cost, price);
    }

    public decimal Cost { get; }
    public decimal Price { get; }
    public decimal GrossProfit => Price - Cost;
    public decimal Markup => GrossProfit / Cost;
    public decimal Margin => GrossProfit / Price;

    /// <summary>The price of a cost with a markup: cost × (1 + markup). A markup of −100 % or less gives no price.</summary>
    public static PricePoint FromMarkup(decimal cost, decimal markup)
    {
        if (markup <= -1) throw new ArgumentOutOfRangeException(nameof(markup), markup, "a markup of −100 % or less leaves no price");
        return new PricePoint(cost, cost * (1 + markup));
    }

    /// <summary>The price that gives a margin: cost / (1 − margin). A margin of 100 % or more needs an infinite price.</summary>
    public static PricePoint FromMargin(decimal cost, decimal margin)
    {
        if (margin >= 1) throw new ArgumentOutOfRangeException(nameof(margin), margin, "a margin of 100 % or more cannot be reached at any price");
        return new PricePoint(cost, cost / (1 - margin));
    }

    /// <summary>margin = markup / (1 + markup).</summary>
    public static decimal MarginOf(decimal markup) => FromMarkup(1, markup).Margin;

    /// <summary>markup = margin / (1 − margin).</summary>
    public static decimal MarkupFor(decimal margin) => FromMargin(1, margin).Markup;
}
