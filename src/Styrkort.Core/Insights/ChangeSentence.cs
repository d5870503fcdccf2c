using System.Globalization;
using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Insights;

/// <summary>The two periods a change is measured between, and which comparison the earlier one is.</summary>
internal sealed record ChangeSpan(Period From, Period To, ChangeSince Since);

/// <summary>
/// The change of a goal in words, in Swedish and English: how much it rose or fell, and the largest parts of that
/// change ("Företagspartner Skåne: NPS föll 8,0 (62,0 → 54,0) sedan 2026-Q1; 70 % av minskningen kommer från loans.phase
/// start (värdet inom delen)").
/// </summary>
internal static class ChangeSentence
{
    public static LocalizedText Write(Goal goal, string unitName, ChangeSpan span, double before, double after, bool decomposed,
        IReadOnlyList<ChangeContributor> contributors, string? unit)
    {
        var change = after - before;
        var rose = change > 0;
        var sv = $"{unitName}: {goal.Name.Swedish} {(rose ? "steg" : "föll")} {Step(Math.Abs(change), unit, Presentation.Language.Sv)} " +
                 $"({Amount(before, unit, Presentation.Language.Sv)} → {Amount(after, unit, Presentation.Language.Sv)}) {Since(span, Presentation.Language.Sv)}";
        var en = $"{unitName}: {goal.Name.English} {(rose ? "rose" : "fell")} by {Step(Math.Abs(change), unit, Presentation.Language.En)} " +
                 $"({Amount(before, unit, Presentation.Language.En)} → {Amount(after, unit, Presentation.Language.En)}) {Since(span, Presentation.Language.En)}";
        if (!decomposed)
            return new LocalizedText(sv + "; måttet är varken en summa, ett antal eller en kvot av sådana och kan inte delas upp i delar.",
                en + "; the metric is not a sum, a count or a ratio of them, and cannot be split into parts.");
        // The largest parts pulling the way the value went, of the dimension whose largest part explains the most.
        var top = contributors.Where(c => !c.Rest && c.Share > 0).GroupBy(c => c.Dimension)
            .Select(g => g.OrderByDescending(c => c.Share).Take(2).ToList()).OrderByDescending(g => g[0].Share).FirstOrDefault();
        if (top is null) return new LocalizedText(sv + ".", en + ".");
        var svParts = top.Select((c, i) => $"{Percent(c.Share, Presentation.Language.Sv)} {(i == 0 ? $"av {(rose ? "ökningen" : "minskningen")} " : "")}kommer från {Label(c, Presentation.Language.Sv)}");
        var enParts = top.Select((c, i) => $"{Percent(c.Share, Presentation.Language.En)} {(i == 0 ? $"of the {(rose ? "rise" : "drop")} " : "")}comes from {Label(c, Presentation.Language.En)}");
        return new LocalizedText($"{sv}; {string.Join(", ", svParts)}.", $"{en}; {string.Join(", ", enParts)}.");
    }

    /// <summary>
    /// Which comparison it is: "sedan 2026-Q1"; since the board's last look "sedan styrelsen senast såg målet (2025-Q4)" —
    /// and where that look was the period before, both in one: "sedan 2026-Q1, då styrelsen senast såg målet".
    /// </summary>
    private static string Since(ChangeSpan span, Presentation.Language lang) => span switch
    {
        { Since: ChangeSince.Previous } => lang.Pick($"sedan {span.From}", $"since {span.From}"),
        _ when span.From == span.To.Previous() => lang.Pick($"sedan {span.From}, då styrelsen senast såg målet", $"since {span.From}, when the board last saw it"),
        _ => lang.Pick($"sedan styrelsen senast såg målet ({span.From})", $"since the board last saw it ({span.From})"),
    };

    private static string Label(ChangeContributor c, Presentation.Language lang)
    {
        var what = c.Dimension == "unit" ? lang.Pick($"enheten {c.Label}", $"the unit {c.Label}")
            : c.Key is null ? $"{c.Dimension} {lang.Pick("(tomt)", "(empty)")}" : c.Label;
        return c.Kind switch
        {
            ChangeKind.Rate => lang.Pick($"{what} (värdet inom delen)", $"{what} (the value within it)"),
            ChangeKind.Mix => lang.Pick($"{what} (delens vikt, mixen)", $"{what} (its weight, the mix)"),
            _ => what,
        };
    }

    private static string Percent(double share, Presentation.Language lang) =>
        (100 * share).ToString("0", lang.IsEnglish ? CultureInfo.InvariantCulture : SwedishFormat.Numbers) + " %";

    /// <summary>
    /// A change: of a percentage in percentage points, of a unitless score (NPS, an index) in points; one too small for
    /// the unit's decimals gets more of them, so that it never reads "fell by 0,0".
    /// </summary>
    private static string Step(double change, string? unit, Presentation.Language lang) => unit switch
    {
        "percent" => SwedishFormat.Beside(change, [0.0], null, lang) + lang.Pick(" procentenheter", " percentage points"),
        null => SwedishFormat.Beside(change, [0.0], null, lang) + lang.Pick(" poäng", " points"),
        _ => SwedishFormat.Beside(change, [0.0], unit, lang),
    };

    private static string Amount(double value, string? unit, Presentation.Language lang) => SwedishFormat.Value(value, unit, lang);
}
