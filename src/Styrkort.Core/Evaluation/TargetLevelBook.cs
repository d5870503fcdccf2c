using Styrkort.Core.Diagnostics;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Evaluation;

/// <summary>A level from target_levels as it applies to one period; <see cref="ForYear"/> when it is the year's, to be phased as the goal says.</summary>
public readonly record struct DatasetLevel(decimal Level, bool ForYear);

/// <summary>
/// The levels of target_levels by goal, unit and period, with the levels decided outside the warehouse (by the board,
/// per year) before the imported ones. For goal G, unit U, period P: the row for exactly P; else P's year row, phased as
/// the goal says; else, with <c>phasing: sum</c>, the sum of the levels of the periods inside P, all of them present.
/// </summary>
public sealed class TargetLevelBook
{
    private readonly Dictionary<(string Goal, string Unit, Period Period), decimal> _levels = [];

    public static readonly TargetLevelBook Empty = new();

    private TargetLevelBook() { }

    /// <param name="rows">The rows of target_levels: goal, unit, the period as text (a year column's year reads as "2026"), level.</param>
    /// <param name="decided">Levels per year that take precedence over the imported ones.</param>
    public static TargetLevelBook Of(GoalFile file, IEnumerable<(string Goal, string Unit, string Period, decimal Level)> rows,
        IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? decided)
    {
        var book = new TargetLevelBook();
        foreach (var ((goal, unit, year), level) in decided ?? new Dictionary<(string, string, int), decimal>())
            if (year is >= Limits.FirstYear and <= Limits.LastYear) book._levels[(goal, unit, new Period(PeriodKind.Year, year, 1))] = level;
        foreach (var (goal, unit, text, level) in rows)
        {
            if (!Period.TryParse(text, out var period))
            {
                // A year outside the years Styrkort evaluates is never asked for: left out, as it always was.
                if (text.Length > 0 && text.All(char.IsAsciiDigit)) continue;
                throw new StyrkortException(Where(file), $"target_levels: '{Printable(text)}' (goal '{goal}', unit '{unit}') is not a period; " +
                                                         "expected a month (2026-03), a quarter (2026-Q2) or a year (2026)");
            }
            book._levels.TryAdd((goal, unit, period), level);
        }
        return book;
    }

    /// <summary>The level target_levels gives the goal in the unit and period; null when there is none (the status no_target).</summary>
    public DatasetLevel? For(Goal goal, string unit, Period period)
    {
        // A year's own row is the year's level (phased × 12/12 as before, so a year's result reads as it always has).
        if (_levels.TryGetValue((goal.Id, unit, period), out var exact)) return new DatasetLevel(exact, ForYear: period.Kind == PeriodKind.Year);
        // A year's level is no level for a shorter period whose levels add up to it: a budget is summed, not phased.
        if (!goal.Target.Sums)
            return period.Kind != PeriodKind.Year && _levels.TryGetValue((goal.Id, unit, new Period(PeriodKind.Year, period.EndYear, 1)), out var year)
                ? new DatasetLevel(year, ForYear: true)
                : null;
        return Sum(goal.Id, unit, period) is { } sum ? new DatasetLevel(sum, ForYear: false) : null;
    }

    /// <summary>A period's own level, else the sum of its parts: a quarter's three months, a year's four quarters (each its own or its months').</summary>
    private decimal? Sum(string goal, string unit, Period period)
    {
        if (_levels.TryGetValue((goal, unit, period), out var own)) return own;
        var parts = period.Kind switch
        {
            PeriodKind.Quarter => Enumerable.Range(period.Index * 3 - 2, 3).Select(m => new Period(PeriodKind.Month, period.Year, m)).ToList(),
            PeriodKind.Year => Enumerable.Range(1, 4).Select(q => new Period(PeriodKind.Quarter, period.Year, q)).ToList(),
            _ => [],
        };
        if (parts.Count == 0) return null;
        decimal total = 0;
        foreach (var part in parts)
        {
            if (Sum(goal, unit, part) is not { } level) return null;
            total += level;
        }
        return total;
    }

    private static SourceLocation Where(GoalFile file)
    {
        var source = file.TargetLevels!;
        return file.Datasets.TryGetValue(source.Dataset, out var data) ? new SourceLocation(data.File, 0, 0) : source.Location;
    }

    private static string Printable(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
