using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Insights;

/// <summary>One forecast made at the end of month <see cref="Origin"/> and the year's value as it turned out.</summary>
/// <param name="Met">Whether the actual year met the target; null without a level for the year.</param>
public sealed record BacktestCase(string Goal, string Unit, Period Origin, YearEndForecast Forecast, double Actual, bool? Met)
{
    public bool Covered => Forecast.Low <= Actual && Actual <= Forecast.High;
    public double AbsoluteError => Math.Abs(Forecast.Value - Actual);
}

/// <summary>The backtest's cases, and the forecasts not made, each with its reason.</summary>
public sealed record BacktestResult(IReadOnlyList<BacktestCase> Cases, IReadOnlyList<GoalForecast> NotForecast);

/// <summary>
/// Forecasts each completed year from the end of given months, with only the history up to that month (the months
/// after it are read but never given to the model), and sets each forecast beside the year's actual value: the
/// coverage of the 80 % interval, the error of the central value, and how the chance of meeting the target compares
/// with what happened. All months and years are read in one planned query.
/// </summary>
public static class Backtest
{
    public static BacktestResult Run(GoalFile file, Warehouse.IWarehouse warehouse, IReadOnlyList<int> years, IReadOnlyList<int> fromMonths,
        string? subtreeOf, CancellationToken cancellation)
    {
        if (years.Count == 0 || fromMonths.Count == 0) throw new ArgumentException("give at least one year and one month to forecast from");
        if (fromMonths.Any(m => m is < 1 or > 11)) throw new ArgumentException("the months to forecast from are 1–11 (month 12 ends the year)");
        var units = warehouse.Units().Select(u => u.Id).ToList();
        if (subtreeOf is not null)
        {
            if (!units.Contains(subtreeOf)) throw new ArgumentException($"unknown unit '{subtreeOf}'; units: {string.Join(", ", units)}");
            var inside = warehouse.Subtree(subtreeOf);
            units = units.Where(inside.Contains).ToList();
        }
        var first = YearEndForecaster.FirstMonth(MonthPeriods.Month(years.Min(), 1));
        var last = MonthPeriods.Month(years.Max(), fromMonths.Max());
        var history = MonthlyHistory.Read(file, warehouse, file.Goals.Select(g => g.Metric), first, last, years, cancellation);
        var forecaster = new YearEndForecaster(YearEndForecaster.Levels(file, warehouse, null));
        var cases = new List<BacktestCase>();
        var skipped = new List<GoalForecast>();
        foreach (var goal in file.Goals)
        {
            var followed = GoalScope.Units(file, goal, warehouse);
            foreach (var unit in units.Where(u => followed is null || followed.Contains(u)))
                foreach (var year in years.Order())
                {
                    var actual = history.Value(goal.Metric, unit, new Period(PeriodKind.Year, year, 1));
                    foreach (var month in fromMonths.Order())
                    {
                        cancellation.ThrowIfCancellationRequested();
                        var origin = MonthPeriods.Month(year, month);
                        var result = forecaster.Forecast(goal, unit, origin, history);
                        if (result.Forecast is not { } f)
                        {
                            skipped.Add(result);
                            continue;
                        }
                        if (actual is not { } a) continue;
                        cases.Add(new BacktestCase(goal.Id, unit, origin, f, a, forecaster.Met(goal, unit, f.Year, a)));
                    }
                }
        }
        return new BacktestResult(cases, skipped);
    }
}
