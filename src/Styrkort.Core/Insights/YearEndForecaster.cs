using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Insights;

/// <summary>A goal's value forecast for the end of its target's year.</summary>
/// <param name="Year">The year forecast (the target's year).</param>
/// <param name="Value">The central forecast: the model's point forecast, carried to the year's value.</param>
/// <param name="Low">The 10th percentile of the simulated year-end values.</param>
/// <param name="High">The 90th percentile: [Low, High] is the 80 % interval.</param>
/// <param name="ProbabilityMet">The share of simulated years whose value meets the year's target; null without a level for the year.</param>
/// <param name="Method">How the year is made from the months forecast.</param>
/// <param name="Months">The months of history the model was fitted to.</param>
public sealed record YearEndForecast(Period Year, double Value, double Low, double High, double? ProbabilityMet, YearFromMonths Method, int Months);

/// <summary>A goal and unit's forecast, or why there is none (<see cref="NotForecast"/>, in Swedish and English).</summary>
public sealed record GoalForecast(string Goal, string Unit, YearEndForecast? Forecast, LocalizedText? NotForecast);

/// <summary>
/// Forecasts, for a goal whose level is set for the year, its value at the end of the target's year and the chance of
/// meeting that level, from the metric's own monthly history (<see cref="MonthlyHistory"/>) and a seasonal
/// <see cref="HoltWinters"/> model. How the year follows from the months is read from the metric's formula
/// (<see cref="MetricShape"/>): sums and counts add up their months (the months still to come are forecast), a ratio of
/// them divides its forecast numerator by its forecast denominator (their errors drawn in pairs), and a value whose
/// December is its year (a rolling, latest or to-date window) is forecast to December. Anything else is not forecast,
/// and says why.
/// </summary>
public sealed class YearEndForecaster(TargetLevelBook levels)
{
    /// <summary>Simulated futures per forecast: the 10th and 90th percentiles of 2 000 draws move by well under 1 % of the interval.</summary>
    public const int Paths = 2000;

    /// <summary>The history read for a forecast: the months of the three years before the target's year, and the target year to the origin.</summary>
    public const int HistoryYears = 3;

    public static Period FirstMonth(Period origin) => MonthPeriods.Month(origin.Year - HistoryYears, 1);

    public GoalForecast Forecast(Goal goal, string unit, Period period, MonthlyHistory history)
    {
        var origin = MonthPeriods.LastWholeMonth(period);
        var year = new Period(PeriodKind.Year, period.EndYear, 1);
        var shape = history.Shapes[goal.Metric];
        if (goal.Target.NeedsComparison)
            return No(goal, unit, "målet jämförs med ett annat mått, inte med en nivå för året", "the target compares with another metric, not with a level for the year");
        if (shape.Year == YearFromMonths.None)
            return No(goal, unit, "årets värde kan inte härledas ur månadernas", $"the year's value cannot be derived from the months': {shape.Reason}");
        if (shape.Year == YearFromMonths.Flows && shape.PeriodWindows && !goal.Target.FromDataset && !goal.Target.Phased)
            return No(goal, unit, "nivån gäller varje period, inte året", "the level applies to each period, not to the year");
        var judge = Judge(goal, unit, year);
        var first = FirstMonth(origin);
        var toDate = !shape.PeriodWindows;
        var random = new Random(Seed(goal.Id, unit, origin));
        var horizon = Math.Max(0, MonthPeriods.MonthsBetween(origin, MonthPeriods.Month(year.Year, 12)));
        double central;
        double[] ends;
        int months;
        switch (shape.Year)
        {
            case YearFromMonths.Path:
            {
                var series = history.Series(goal.Metric, flows: false, toDate: false, unit, origin, first);
                if (!Long(series)) return Short(goal, unit, series);
                months = series.Count;
                if (horizon == 0) return Done(goal, unit, year, series.Values[^1], judge, shape.Year, months);
                if (StepSeries.Of(series) is { } steps)
                {
                    var left = steps.StepsLeft(origin);
                    if (left == 0) return Done(goal, unit, year, series.Values[^1], judge, shape.Year, months);
                    (central, ends) = steps.Forecast(series.Values[^1], left, Paths, random);
                    break;
                }
                (central, ends) = PathAt(series.Values, horizon, random);
                break;
            }
            case YearFromMonths.Flows:
            {
                var series = history.Series(goal.Metric, flows: true, toDate, unit, origin, first);
                if (!Long(series)) return Short(goal, unit, series);
                months = series.Count;
                var done = SoFar(series, year.Year);
                if (horizon == 0) return Done(goal, unit, year, done, judge, shape.Year, months);
                (central, ends) = FlowsSum(series.Values, horizon, Math.Min(horizon, 12), done, random);
                break;
            }
            default:
            {
                var n = history.Series(MonthlyHistory.Numerator(goal.Metric), flows: true, toDate, unit, origin, first);
                var d = history.Series(MonthlyHistory.Denominator(goal.Metric), flows: true, toDate, unit, origin, first);
                var common = Math.Min(n.Count, d.Count);
                (n, d) = (Last(n, common), Last(d, common));
                if (!Long(n)) return Short(goal, unit, n);
                months = common;
                var (doneN, doneD) = (SoFar(n, year.Year), SoFar(d, year.Year));
                if (horizon == 0) return doneD == 0 ? Short(goal, unit, n) : Done(goal, unit, year, doneN / doneD, judge, shape.Year, months);
                var (modelN, modelD) = (HoltWinters.Fit(n.Values), HoltWinters.Fit(d.Values));
                var inYear = Math.Min(horizon, 12);
                var (sumN, sumD) = (modelN.Forecast(horizon).TakeLast(inYear).Sum(), modelD.Forecast(horizon).TakeLast(inYear).Sum());
                central = (doneN + sumN) / (doneD + sumD);
                // The same past month's errors for both: a month with many responses errs in numerator and denominator alike.
                var draws = modelN.Draws(horizon, Paths, random);
                var pathsN = modelN.Simulate(horizon, Paths, random, draws);
                var pathsD = modelD.Simulate(horizon, Paths, random, draws);
                ends = Enumerable.Range(0, Paths).Select(p => (doneN + pathsN[p].TakeLast(inYear).Sum()) / (doneD + pathsD[p].TakeLast(inYear).Sum()))
                    .Where(double.IsFinite).ToArray();
                if (ends.Length == 0 || !double.IsFinite(central)) return Short(goal, unit, n);
                var backN = modelN.Backcasts(horizon);
                var backD = modelD.Backcasts(horizon);
                ends = Placed(central, ends, backN.Zip(backD, (bn, bd) =>
                    (doneN + sumN + bn.Actual.TakeLast(inYear).Sum() - bn.Forecast.TakeLast(inYear).Sum())
                    / (doneD + sumD + bd.Actual.TakeLast(inYear).Sum() - bd.Forecast.TakeLast(inYear).Sum())).Where(double.IsFinite).ToList());
                break;
            }
        }
        Array.Sort(ends);
        double? probability = judge is null ? null : ends.Count(x => judge(x)) / (double)ends.Length;
        return new GoalForecast(goal.Id, unit, new YearEndForecast(year, central, Quantile(ends, 0.1), Quantile(ends, 0.9), probability, shape.Year, months), null);
    }

    /// <summary>Whether a year's value meets the goal's target for the year; null when the year has no level.</summary>
    public bool? Met(Goal goal, string unit, Period year, double value) => Judge(goal, unit, year) is { } judge ? judge(value) : null;

    /// <summary>Judges a year-end value as the evaluation would judge the year; null when the year has no level.</summary>
    private Func<double, bool>? Judge(Goal goal, string unit, Period year)
    {
        var level = goal.Target.FromDataset ? levels.For(goal, unit, year) : null;
        var applied = TargetJudge.Judge(goal, year, new Quantity(null, 0), null, level).Target;
        if (applied.Level is null && (applied.Min is null || applied.Max is null)) return null;
        return x => TargetJudge.Judge(goal, year, new Quantity(null, x), null, level).Status == Status.Met;
    }

    /// <summary>
    /// A value path forecast <paramref name="horizon"/> months ahead: the point forecast, and simulated values placed about it and widened by
    /// the backcasts (unsorted).
    /// </summary>
    public static (double Central, double[] Ends) PathAt(IReadOnlyList<double> series, int horizon, Random random)
    {
        var model = HoltWinters.Fit(series);
        var central = model.Forecast(horizon)[^1];
        var ends = model.Simulate(horizon, Paths, random).Select(p => p[^1]).ToArray();
        return (central, Placed(central, ends, model.Backcasts(horizon).Select(b => central + b.Actual[^1] - b.Forecast[^1]).ToList()));
    }

    /// <summary>
    /// Monthly amounts forecast <paramref name="horizon"/> months ahead, the last <paramref name="inYear"/> of them added
    /// to <paramref name="done"/> (the year so far): the point forecast, and simulated sums placed about it and widened by the backcasts.
    /// </summary>
    public static (double Central, double[] Ends) FlowsSum(IReadOnlyList<double> series, int horizon, int inYear, double done, Random random)
    {
        var model = HoltWinters.Fit(series);
        var central = done + model.Forecast(horizon).TakeLast(inYear).Sum();
        var ends = model.Simulate(horizon, Paths, random).Select(p => done + p.TakeLast(inYear).Sum()).ToArray();
        return (central, Placed(central, ends, model.Backcasts(horizon).Select(b => central + b.Actual.TakeLast(inYear).Sum() - b.Forecast.TakeLast(inYear).Sum()).ToList()));
    }

    /// <summary>Backcasts needed before they may widen an interval: fewer say little about its width.</summary>
    public const int MinimumBackcasts = 6;

    /// <summary>
    /// The simulated year-end values placed about the central forecast and scaled to the errors the model has made as far
    /// ahead: their deviations from their own median are added to <paramref name="central"/>, scaled so that their
    /// standard deviation is the root mean square error of the model's backcasts (<see cref="HoltWinters.Backcasts"/>,
    /// forecasts from earlier months by models that had not seen what followed), where there are enough of them.
    /// <para>Placed, because a fitted model's one-step errors do not average 0 (a series that steps up twice a year errs
    /// upwards twice and slightly downwards the rest), and fed through the recursions their mean drifts the simulated
    /// year away from the point forecast — in the backtest 6 of 967 central values fell outside their own interval, and
    /// the same intervals placed about the central values covered 78.7 % of the actual years instead of 74.4 %. The
    /// simulation gives the shape of the error; its width is taken from the backcasts.</para>
    /// <para>Scaled, because a bootstrap of one-step errors treats each month's error as new, while months err alike (a
    /// slow year is slow in May and June): alone it covered 62 % of the actual years with an 80 % interval.</para>
    /// </summary>
    private static double[] Placed(double central, double[] simulated, IReadOnlyList<double> backcast)
    {
        if (simulated.Length == 0) return simulated;
        var sorted = simulated.Order().ToArray();
        var median = Quantile(sorted, 0.5);
        var mean = simulated.Average();
        var sd = simulated.Length < 2 ? 0 : Math.Sqrt(simulated.Sum(x => (x - mean) * (x - mean)) / (simulated.Length - 1));
        var k = 1.0;
        if (backcast.Count >= MinimumBackcasts)
        {
            var rmse = Math.Sqrt(backcast.Average(x => (x - central) * (x - central)));
            // A simulation without spread (a series that only steps once a year) takes the backcasts' own values.
            if (sd == 0) return rmse > 0 ? backcast.ToArray() : simulated;
            k = rmse / sd;
        }
        return simulated.Select(x => central + k * (x - median)).ToArray();
    }

    private static bool Long(Series s) => s.Count >= HoltWinters.MinimumHistory;

    private static Series Last(Series s, int count) => new(s.Months.Skip(s.Count - count).ToList(), s.Values.Skip(s.Count - count).ToList());

    private static double SoFar(Series s, int year) => s.Months.Select((m, i) => (m, i)).Where(x => x.m.Year == year).Sum(x => s.Values[x.i]);

    private static GoalForecast Done(Goal goal, string unit, Period year, double value, Func<double, bool>? judge, YearFromMonths method, int months) =>
        new(goal.Id, unit, new YearEndForecast(year, value, value, value, judge is null ? null : judge(value) ? 1 : 0, method, months), null);

    private static GoalForecast Short(Goal goal, string unit, Series s) =>
        No(goal, unit, $"för kort historik ({s.Count} månader, minst {HoltWinters.MinimumHistory})",
            $"history too short ({s.Count} months, at least {HoltWinters.MinimumHistory})");

    private static GoalForecast No(Goal goal, string unit, string sv, string en) => new(goal.Id, unit, null, new LocalizedText(sv, en));

    /// <summary>The q-quantile of sorted values, interpolated between neighbours (type 7, as R and NumPy by default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        return lo + 1 < sorted.Count ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }

    // The same goal, unit and origin draw the same futures: a forecast does not change between two runs on the same data.
    private static int Seed(string goal, string unit, Period origin)
    {
        var hash = 17;
        foreach (var c in $"{goal}|{unit}|{origin}") hash = unchecked(hash * 31 + c);
        return hash;
    }

    /// <summary>The levels of the goal file's target_levels (and those decided in the app), as the evaluator reads them.</summary>
    public static TargetLevelBook Levels(GoalFile file, Warehouse.IWarehouse warehouse, IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? decided) =>
        file.TargetLevels is { } source && file.Goals.Any(g => g.Target.FromDataset)
            ? TargetLevelBook.Of(file, warehouse.TargetLevels(source), decided)
            : TargetLevelBook.Empty;
}
