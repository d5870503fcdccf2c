using Styrkort.Core.Evaluation;
using Styrkort.Core.Formatting;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Presentation;

/// <summary>How outcomes look on a page: formatted values, target texts, status names and colours, trend arrows.</summary>
public static class Ui
{
    public static string Value(double? value, string? unit, Texts t) => value is { } v ? SwedishFormat.Value(v, unit, t.Lang) : "–";

    /// <summary>An outcome's value, with enough decimals that it never reads equal to a level it fails (or passes) by a hair.</summary>
    public static string Value(Outcome o, string? unit, Texts t) =>
        o.Value is { } v ? SwedishFormat.Beside(v.AsDouble, o.Thresholds, unit, t.Lang) : "–";

    public static string Comparison(Outcome o, string? unit, Texts t) =>
        o.Comparison is { } c ? SwedishFormat.Beside(c, o.Value is { } v ? [v.AsDouble] : [], unit, t.Lang) : "–";

    public static string StatusKey(Status s) => s switch
    {
        Status.Met => "met",
        Status.NotMet => "not_met",
        Status.NoData => "no_data",
        Status.AtRisk => "at_risk",
        _ => "no_target",
    };

    /// <summary>
    /// A status's sign, shown beside its name so that status never rests on colour alone (WCAG 1.4.1). Plain text
    /// characters, not emoji, so that every font draws them in the text's own colour.
    /// </summary>
    public static string StatusIcon(Status s) => s switch
    {
        Status.Met => "✓",
        Status.NotMet => "✗",
        Status.AtRisk => "!",
        Status.NoData => "…",
        _ => "○",
    };

    /// <summary>The band the value fell in, in the page's language; empty when the goal has no bands or there is no value.</summary>
    public static string Band(Outcome o, Texts t) => o.Band?.For(t.Lang) ?? "";

    public static string Target(AppliedTarget target, string? unit, Texts t) => target.Rule switch
    {
        "at_least" => target.Level is { } l ? "≥ " + SwedishFormat.Value((double)l, unit, t.Lang) : "–",
        "at_most" => target.Level is { } l ? "≤ " + SwedishFormat.Value((double)l, unit, t.Lang) : "–",
        "exactly" => target.Level is { } l ? "= " + SwedishFormat.Value((double)l, unit, t.Lang) : "–",
        "between" => $"{SwedishFormat.Value((double)target.Min!, unit, t.Lang)} – {SwedishFormat.Value((double)target.Max!, unit, t.Lang)}",
        "above_comparison" => "> " + t["comparison"].ToLowerInvariant(),
        _ => "< " + t["comparison"].ToLowerInvariant(),
    };

    /// <summary>↑ or ↓ against the previous quarter; whether up is good depends on the rule.</summary>
    public static (string Arrow, string Css) Trend(Outcome now, Outcome? before, Goal goal)
    {
        if (now.Value is not { } v || before?.Value is not { } p) return ("", "");
        var delta = v.AsDouble - p.AsDouble;
        if (Math.Abs(delta) < 1e-9) return ("→", "flat");
        var lowerIsBetter = goal.Target.Kind is TargetRuleKind.AtMost or TargetRuleKind.BelowComparison;
        var good = delta > 0 != lowerIsBetter;
        return (delta > 0 ? "↑" : "↓", good ? "good" : "bad");
    }

    public static string Describe(Goal goal, Metric metric, Texts t)
    {
        var rule = goal.Target;
        var level = rule.FromBoard ? (t.English ? "the board's level for the unit and year" : "styrelsens nivå för enheten och året") : rule.Level?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var target = rule.Kind switch
        {
            TargetRuleKind.AtLeast => (t.English ? "at least " : "minst ") + level,
            TargetRuleKind.AtMost => (t.English ? "at most " : "högst ") + level,
            TargetRuleKind.Exactly => (t.English ? "exactly " : "exakt ") + level,
            TargetRuleKind.Between => t.English ? $"between {rule.Low} and {rule.High}" : $"mellan {rule.Low} och {rule.High}",
            TargetRuleKind.AboveComparison => t.English ? "above the comparison group" : "högre än jämförelsegruppen",
            _ => t.English ? "below the comparison group" : "lägre än jämförelsegruppen",
        };
        if (rule.FromBudget) target = target.TrimEnd() + (t.English ? " the budget for the unit and period" : " budgeten för enheten och perioden");
        if (rule.Phased) target += t.English ? ", phased linearly over the year" : ", periodiserad linjärt över året";
        if (rule.Warning is { } warning)
            target += (t.English ? ", at risk from " : ", i riskzonen från ") + warning.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (rule.Bands.Count > 0)
            target += (t.English ? "; bands: " : "; nivåer: ") + string.Join(", ", rule.Bands.Select(b =>
                b.Below is { } below ? $"{b.Label.For(t.Lang)} < {below.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(rule.BandsOn == BandsOn.Achievement ? " %" : "")}" : b.Label.For(t.Lang)));
        var who = goal.LevelSetBy == LevelSetBy.Owners
            ? (t.English ? "Level set by the owners (Ä)." : "Nivån beslutas av ägaren (Ä).")
            : (t.English ? "Level set by each board (S)." : "Nivån beslutas av varje styrelse (S).");
        var what = goal.Description?.For(t.Lang) ?? metric.Label ?? metric.Description ?? goal.Name.For(t.Lang);
        return $"{what.TrimEnd('.')}. {(t.English ? "Target" : "Mål")}: {target}. {who}";
    }
}
