using System.CommandLine;
using System.Globalization;
using Styrkort.Accounts.Pricing;
using Styrkort.Core.Formatting;

namespace Styrkort.Cli;

/// <summary><c>styrkort margin --markup 25</c> or <c>--margin 20</c>: the calculator between markup and margin (seed 004).</summary>
internal static class MarginCommand
{
    public static Command Create()
    {
        var markup = new Option<string?>("--markup") { Description = "Markup (påslag) on the cost, in per cent: 25 or 25,5" };
        var margin = new Option<string?>("--margin") { Description = "Margin (marginal) of the price, in per cent" };
        var cost = new Option<string?>("--cost") { Description = "A cost to show the price for (default 100)" };
        var lang = LanguageOption.Create();
        var command = new Command("margin", "Markup ⇄ margin: the margin a markup gives, or the markup a margin needs") { markup, margin, cost, lang };
        command.SetAction(p => Commands.Guard(() =>
        {
            var (up, of) = (p.GetValue(markup), p.GetValue(margin));
            if ((up is null) == (of is null)) throw new ArgumentException("give exactly one of --markup PERCENT and --margin PERCENT");
            var amount = p.GetValue(cost) is { } c ? Number(c, "--cost") : 100m;
            PricePoint point;
            try
            {
                point = up is not null ? PricePoint.FromMarkup(amount, Number(up, "--markup") / 100) : PricePoint.FromMargin(amount, Number(of!, "--margin") / 100);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentException(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            }
            Console.WriteLine(Describe(point, fromMarkup: up is not null, p.GetValue(lang)));
            return 0;
        }));
        return command;
    }

    public static string Describe(PricePoint point, bool fromMarkup, Core.Presentation.Language lang)
    {
        var sv = !lang.IsEnglish;
        var nf = sv ? SwedishFormat.Numbers : CultureInfo.GetCultureInfo("en-GB").NumberFormat;
        string Pct(decimal rate) => (rate * 100).ToString("N1", nf) + (sv ? "\u00a0%" : "%");
        string Kr(decimal amount) => amount.ToString(amount == decimal.Round(amount) ? "N0" : "N2", nf) + (sv ? "\u00a0kr" : " SEK");
        var (markup, margin) = (Pct(point.Markup), Pct(point.Margin));
        var headline = (fromMarkup, sv) switch
        {
            (true, true) => $"Påslag {markup} ger marginal {margin}.",
            (true, false) => $"A markup of {markup} gives a margin of {margin}.",
            (false, true) => $"Marginal {margin} kräver påslag {markup}.",
            _ => $"A margin of {margin} needs a markup of {markup}.",
        };
        var example = sv
            ? $"Inköpspris {Kr(point.Cost)} → pris {Kr(point.Price)}, bruttovinst {Kr(point.GrossProfit)}: påslag {markup} på inköpspriset, marginal {margin} av priset."
            : $"Cost {Kr(point.Cost)} → price {Kr(point.Price)}, gross profit {Kr(point.GrossProfit)}: a markup of {markup} on the cost, a margin of {margin} of the price.";
        return headline + "\n" + example;
    }

    /// <summary>A number as a Swede or a script writes it: 25, 25.5 or 25,5, with or without a trailing %.</summary>
    private static decimal Number(string text, string option)
    {
        var s = text.Trim().TrimEnd('%').Trim().Replace(',', '.').Replace('−', '-');
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a number");
    }
}
