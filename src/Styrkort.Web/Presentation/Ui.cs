using Styrkort.Core.Evaluation;
using Styrkort.Core.Presentation;
using Styrkort.Core.GoalFiles;
using Styrkort.Web.Localization;

namespace Styrkort.Web.Presentation;

/// <summary>
/// How outcomes look on a page: the shared vocabulary (<see cref="Figures"/>, <see cref="Statuses"/>,
/// <see cref="TargetText"/>) bound to the request's language, plus trend arrows and a goal's description.
/// </summary>
public static class Ui
{
    public static string Value(double? value, string? unit, Texts t) => Figures.Value(value, unit, t.Lang);

    /// <summary>An outcome's value, with enough decimals that it never reads equal to a level it fails (or passes) by a hair.</summary>
    public static string Value(Outcome o, string? unit, Texts t) => Column([o], unit, t).Value(o.Value);

    public static string Comparison(Outcome o, string? unit, Texts t) => Column([o], unit, t).Value(o.Comparison);

    /// <summary>
    /// Outcomes shown side by side — a goal's row in the overview, its per-unit table — in one scale and one number of
    /// decimals, each value told apart from its levels (the rule of <see cref="Figures"/>).
    /// </summary>
    public static FigureColumn Column(IEnumerable<Outcome?> outcomes, string? unit, Texts t) => FigureColumn.Of(unit, t.Lang, outcomes);

    public static string StatusKey(Status s) => Statuses.Key(s);

    /// <summary>The status's name in the page's language: Uppfyllt, Ej uppfyllt…</summary>
    public static string StatusName(Status s, Texts t) => Statuses.Name(s, t.Lang);

    /// <summary>A status's sign beside its name, so that status never rests on colour alone (<see cref="Statuses.Icon"/>).</summary>
    public static string StatusIcon(Status s) => Statuses.Icon(s);

    /// <summary>The band the value fell in, in the page's language; empty when the goal has no bands or there is no value.</summary>
    public static string Band(Outcome o, Texts t) => o.Band?.For(t.Lang) ?? "";

    /// <summary>The target as it applied, its levels at the unit's decimals; a column's <see cref="FigureColumn.Target"/> matches its values.</summary>
    public static string Target(AppliedTarget target, string? unit, Texts t) =>
        TargetText.Applied(target, FigureColumn.Of(unit, t.Lang, new[] { target.Level, target.Min, target.Max }.OfType<decimal>().Select(d => new FigureRow((double)d, []))));

    /// <summary>↑ or ↓ against the previous quarter; whether up is good depends on the rule.</summary>
    public static (string Arrow, string Css) Trend(Outcome now, Outcome? before, Goal goal)
    {
        if (now.Value is not { } v || before?.Value is not { } p) return ("", "");
        var delta = v.AsDouble - p.AsDouble;
        if (Math.Abs(delta) < 1e-9) return ("→", "flat");
        var lowerIsBetter = goal.Target.Kind.LowerIsBetter();
        var good = delta > 0 != lowerIsBetter;
        return (delta > 0 ? "↑" : "↓", good ? "good" : "bad");
    }

    /// <summary>What the goal measures, its rule in words (<see cref="TargetText.Rule"/>, as in the board report) and who sets its level.</summary>
    public static string Describe(Goal goal, Metric metric, Texts t)
    {
        var rule = TargetText.Rule(goal.Target, metric.Unit, t.Lang);
        var who = goal.LevelSetBy == LevelSetBy.Owners
            ? (t.English ? "Level set by the owners (Ä)." : "Nivån beslutas av ägaren (Ä).")
            : (t.English ? "Level set by each board (S)." : "Nivån beslutas av varje styrelse (S).");
        var what = goal.Description?.For(t.Lang) ?? metric.Label ?? metric.Description ?? goal.Name.For(t.Lang);
        return $"{what.TrimEnd('.')}. {(t.English ? "Target" : "Mål")}: {char.ToLowerInvariant(rule[0])}{rule[1..]}. {who}";
    }
}
