using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Evaluation;

/// <summary>Applies a goal's target rule: which level holds for the unit and period, and whether the value meets it.</summary>
public static class TargetJudge
{
    public static (Status, AppliedTarget) Judge(Goal goal, Period period, Quantity? value, double? comparison, decimal? boardLevel)
    {
        var rule = goal.Target;
        var (num, den) = period.YearFraction;
        decimal? level = rule.FromBoard ? boardLevel : rule.Level;
        var applied = rule.Phased && level is { } annual ? annual * num / den : level;
        var target = new AppliedTarget(RuleName(rule.Kind), rule.FromBoard ? "board" : rule.NeedsComparison ? "comparison" : "fixed",
            applied, rule.Phased ? level : null, rule.Low, rule.High, rule.Phased);

        if (value is not { } v || (rule.NeedsComparison && comparison is null)) return (Status.NoData, target);
        if (rule.FromBoard && applied is null) return (Status.NoTarget, target);
        var met = rule.Kind switch
        {
            TargetRuleKind.AtLeast => v.CompareTo(applied!.Value) >= 0,
            TargetRuleKind.AtMost => v.CompareTo(applied!.Value) <= 0,
            TargetRuleKind.Exactly => v.CompareTo(applied!.Value) == 0,
            TargetRuleKind.Between => v.CompareTo(rule.Low!.Value) >= 0 && v.CompareTo(rule.High!.Value) <= 0,
            TargetRuleKind.AboveComparison => v.AsDouble > comparison!.Value,
            TargetRuleKind.BelowComparison => v.AsDouble < comparison!.Value,
            _ => false,
        };
        return (met ? Status.Met : Status.NotMet, target);
    }

    public static string RuleName(TargetRuleKind kind) => kind switch
    {
        TargetRuleKind.AtLeast => "at_least",
        TargetRuleKind.AtMost => "at_most",
        TargetRuleKind.Between => "between",
        TargetRuleKind.Exactly => "exactly",
        TargetRuleKind.AboveComparison => "above_comparison",
        _ => "below_comparison",
    };

    /// <summary>
    /// The board sees a goal in the quarters of its calendar; a month counts when it closes such a quarter, a week when
    /// such a quarter's last day falls in it (2026-W14, 30 March – 5 April, for Q1), a year when Q4 is one.
    /// </summary>
    public static bool Scheduled(Goal goal, Period period) => period.Kind switch
    {
        PeriodKind.Quarter => goal.BoardQuarters.Contains(period.Index),
        PeriodKind.Month => period.Index % 3 == 0 && goal.BoardQuarters.Contains(period.Index / 3),
        PeriodKind.Week => goal.BoardQuarters.Any(q => QuarterEnds(period, q)),
        PeriodKind.Year => goal.BoardQuarters.Contains(4),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period.Kind, null),
    };

    /// <summary>Whether quarter <paramref name="quarter"/> ends within the week, of either year the week touches.</summary>
    private static bool QuarterEnds(Period week, int quarter)
    {
        foreach (var year in new[] { week.Start.Year, week.End.Year })
        {
            var last = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
            if (last >= week.Start && last <= week.End) return true;
        }
        return false;
    }
}
