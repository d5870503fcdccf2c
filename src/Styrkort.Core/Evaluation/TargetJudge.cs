using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Evaluation;

/// <summary>How a value was judged: its status, the target as it applied, and the band it fell in.</summary>
public sealed record Judgement(Status Status, AppliedTarget Target, LocalizedText? Band);

/// <summary>Applies a goal's target rule: which level holds for the unit and period, and whether the value meets it.</summary>
public static class TargetJudge
{
    /// <summary>As <see cref="Judge(Goal, Period, Quantity?, double?, DatasetLevel?)"/>, with a level for the whole year (the board's).</summary>
    public static Judgement Judge(Goal goal, Period period, Quantity? value, double? comparison, decimal? boardLevel) =>
        Judge(goal, period, value, comparison, boardLevel is { } l ? new DatasetLevel(l, ForYear: true) : null);

    /// <param name="datasetLevel">The level target_levels gives the goal, unit and period (for goals with 'level: board' or 'budget').</param>
    public static Judgement Judge(Goal goal, Period period, Quantity? value, double? comparison, DatasetLevel? datasetLevel)
    {
        var rule = goal.Target;
        var (num, den) = period.YearFraction;
        decimal? level = rule.FromDataset ? datasetLevel?.Level : rule.Level;
        // A level written for the period itself applies as it is; only a level for the whole year is phased (and a
        // missing level reads as a missing year's level, as it always has).
        var phased = rule.Phased && datasetLevel is not { ForYear: false };
        var applied = phased && level is { } annual ? annual * num / den : level;
        var warning = phased && rule.Warning is { } w ? w * num / den : rule.Warning;
        var source = rule.FromBoard ? "board" : rule.FromBudget ? "budget" : rule.NeedsComparison ? "comparison" : "fixed";
        var target = new AppliedTarget(rule.Kind, source, applied, phased ? level : null, rule.Low, rule.High, phased) { Warning = warning };

        if (value is not { } v || (rule.NeedsComparison && comparison is null)) return new Judgement(Status.NoData, target, null);
        var band = Band(rule, v, applied);
        if (rule.FromDataset && applied is null) return new Judgement(Status.NoTarget, target, band);
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
        if (met) return new Judgement(Status.Met, target, band);
        // Not met, but within the warning zone: at least 52 for an at-least-55 target, at most the warning for an at-most one.
        var atRisk = warning is { } edge && rule.Kind switch
        {
            TargetRuleKind.AtLeast => v.CompareTo(edge) >= 0,
            TargetRuleKind.AtMost => v.CompareTo(edge) <= 0,
            _ => false,
        };
        return new Judgement(atRisk ? Status.AtRisk : Status.NotMet, target, band);
    }

    /// <summary>
    /// The band the value falls in: measured on the achievement 100 × value / level, in decimal so that exactly 90 %
    /// is 90 and falls in the band from 90 up ('below' is strict), or on the value itself. None without a level to measure by.
    /// </summary>
    public static LocalizedText? Band(TargetRule rule, Quantity value, decimal? level)
    {
        if (rule.Bands.Count == 0) return null;
        decimal measure;
        try
        {
            // A value computed in double precision is read as the decimal it prints as (0.9, not 0.899999…).
            var v = value.Exact ?? (decimal)value.Approximate!.Value;
            if (rule.BandsOn == BandsOn.Value) measure = v;
            else if (level is { } l && l != 0) measure = 100m * v / l;
            else return null;
        }
        catch (OverflowException)
        {
            return null; // beyond what a decimal holds (or not a number): no band rather than a wrong one
        }
        return rule.Bands.First(b => b.Below is not { } below || measure < below).Label;
    }

    public static string RuleName(TargetRuleKind kind) => kind.Key();

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
