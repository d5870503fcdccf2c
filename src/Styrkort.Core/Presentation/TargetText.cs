using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;

namespace Styrkort.Core.Presentation;

/// <summary>Targets in words: as they applied beside a value (≥ 80,0 %), and a goal's rule as the goal file defines it.</summary>
public static class TargetText
{
    /// <summary>The target as it applied, its levels in the column's decimals: ≥ 80,0 %, 2,0 %–4,0 %, &gt; jämförelse; – without a level.</summary>
    public static string Applied(AppliedTarget target, FigureColumn column)
    {
        var language = column.Language;
        string Level(string sign) => target.Level is { } l ? sign + "\u00a0" + column.Value(l) : Figures.Dash;
        return target.Rule switch
        {
            TargetRuleKind.AtLeast => Level("≥"),
            TargetRuleKind.AtMost => Level("≤"),
            TargetRuleKind.Exactly => Level("="),
            TargetRuleKind.Between => target is { Min: { } min, Max: { } max } ? $"{column.Value(min)}\u2013{column.Value(max)}" : Figures.Dash,
            TargetRuleKind.AboveComparison => "> " + language.Pick("jämförelse", "comparison"),
            _ => "< " + language.Pick("jämförelse", "comparison"),
        };
    }

    /// <summary>The target as it applied beside its outcome's value (rule 3 of <see cref="Figures"/>).</summary>
    public static string Applied(Outcome outcome, string? unit, Language language) =>
        Applied(outcome.Target, FigureColumn.Of(unit, language, [outcome]));

    /// <summary>
    /// A goal's rule in words, its levels as written (<see cref="Figures.Exact"/>): "Minst 80 %, fördelad linjärt över
    /// året (nivå × kvartal / 4); i riskzonen från 52 %; nivåer: Delbonus &lt; 90 %, Full bonus".
    /// </summary>
    public static string Rule(TargetRule rule, string? unit, Language language)
    {
        string N(decimal d) => Figures.Exact(d, unit, language);
        var level = rule.FromBoard ? language.Pick("den nivå enhetens styrelse beslutat för året", "the level the unit's board decided for the year")
            : rule.FromBudget ? language.Pick("budgeten för enheten och perioden", "the budget for the unit and period")
            : rule.Level is { } l ? N(l) : "";
        var more = rule.Phased ? language.Pick(", fördelad linjärt över året (nivå × kvartal / 4)", ", phased linearly over the year (level × quarter / 4)") : "";
        if (rule.Sums) more = language.Pick(", en period utan egen nivå har summan av månadernas", ", a period without its own level has the sum of its months'");
        if (rule.Warning is { } warning) more += language.Pick("; i riskzonen från ", "; at risk from ") + N(warning);
        if (rule.Bands.Count > 0)
            more += language.Pick("; nivåer: ", "; bands: ") + string.Join(", ", rule.Bands.Select(b => b.Below is { } below
                ? $"{b.Label.For(language)} < {(rule.BandsOn == BandsOn.Value ? N(below) : Figures.Exact(below, "percent", language))}"
                : b.Label.For(language)));
        return rule.Kind switch
        {
            TargetRuleKind.AtLeast => language.Pick("Minst ", "At least ") + level + more,
            TargetRuleKind.AtMost => language.Pick("Högst ", "At most ") + level + more,
            TargetRuleKind.Exactly => language.Pick("Exakt ", "Exactly ") + level + more,
            TargetRuleKind.Between => language.Pick($"Mellan {N(rule.Low!.Value)} och {N(rule.High!.Value)}, gränserna inräknade",
                                                    $"Between {N(rule.Low!.Value)} and {N(rule.High!.Value)}, both included") + more,
            TargetRuleKind.AboveComparison => language.Pick("Högre än jämförelsegruppens värde", "Above the comparison group's value") + more,
            _ => language.Pick("Lägre än jämförelsegruppens värde", "Below the comparison group's value") + more,
        };
    }
}
