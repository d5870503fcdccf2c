using Styrkort.Core.Evaluation;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Periods;

namespace Styrkort.Core.Insights;

/// <summary>The forecasts and anomalies of an evaluation's outcomes, keyed by (goal, unit); a key is absent where there is nothing to say.</summary>
public sealed record OutcomeInsights(
    IReadOnlyDictionary<(string Goal, string Unit), GoalForecast> Forecasts,
    IReadOnlyDictionary<(string Goal, string Unit), Anomaly> Anomalies);

/// <summary>
/// The year-end forecast and the anomaly check of every outcome of an evaluation, from ONE planned query for the
/// months of the three years before the period's year up to the period's last whole month (<see cref="MonthlyHistory"/>).
/// For the web and the board report: <c>new GoalInsights(file, warehouse, decidedLevels).Analyse(evaluation, forecast:
/// true, anomalies: true, cancellation)</c>; run it in the background, as an evaluation — it reads some forty months.
/// </summary>
public sealed class GoalInsights(GoalFile file, Warehouse.IWarehouse warehouse, IReadOnlyDictionary<(string Goal, string Unit, int Year), decimal>? decidedLevels = null)
{
    public OutcomeInsights Analyse(Evaluation.Evaluation evaluation, bool forecast, bool anomalies, CancellationToken cancellation)
    {
        var forecasts = new Dictionary<(string, string), GoalForecast>();
        var flagged = new Dictionary<(string, string), Anomaly>();
        if (!forecast && !anomalies || evaluation.Outcomes.Count == 0) return new OutcomeInsights(forecasts, flagged);
        var goals = file.Goals.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var origin = MonthPeriods.LastWholeMonth(evaluation.Period);
        var first = YearEndForecaster.FirstMonth(origin);
        var history = MonthlyHistory.Read(file, warehouse, evaluation.Outcomes.Select(o => goals[o.Goal].Metric), first, origin, [], cancellation);
        var forecaster = new YearEndForecaster(YearEndForecaster.Levels(file, warehouse, decidedLevels));
        foreach (var outcome in evaluation.Outcomes)
        {
            cancellation.ThrowIfCancellationRequested();
            var goal = goals[outcome.Goal];
            if (forecast) forecasts[(goal.Id, outcome.Unit)] = forecaster.Forecast(goal, outcome.Unit, evaluation.Period, history);
            if (anomalies && AnomalySeries(history, goal.Metric, outcome.Unit, origin, first) is { } series
                && AnomalyDetector.Check(goal.Id, outcome.Unit, series, evaluation.Period, file.Metrics[goal.Metric].Unit) is { } anomaly)
                flagged[(goal.Id, outcome.Unit)] = anomaly;
        }
        return new OutcomeInsights(forecasts, flagged);
    }

    /// <summary>
    /// The series an anomaly shows in: a sum's or count's own months (to date in the year: each month's increment), a
    /// ratio's own months (the month's numerator over its denominator, so that a month is not hidden in the year to
    /// date), other values as they are.
    /// </summary>
    public static Series? AnomalySeries(MonthlyHistory history, string metric, string unit, Period origin, Period first)
    {
        var shape = history.Shapes[metric];
        var toDate = !shape.PeriodWindows;
        switch (shape.Year)
        {
            case YearFromMonths.Flows:
                return history.Series(metric, flows: true, toDate, unit, origin, first);
            case YearFromMonths.Ratio:
                var n = history.Series(MonthlyHistory.Numerator(metric), flows: true, toDate, unit, origin, first);
                var d = history.Series(MonthlyHistory.Denominator(metric), flows: true, toDate, unit, origin, first);
                var count = Math.Min(n.Count, d.Count);
                var months = new List<Period>();
                var values = new List<double>();
                for (var i = 0; i < count; i++)
                {
                    var (num, den) = (n.Values[n.Count - count + i], d.Values[d.Count - count + i]);
                    // A month without a denominator (no responses) breaks the run: the months after it start a new one.
                    if (den == 0) { months.Clear(); values.Clear(); continue; }
                    months.Add(d.Months[d.Count - count + i]);
                    values.Add(num / den);
                }
                return new Series(months, values);
            default:
                return history.Series(metric, flows: false, toDate: false, unit, origin, first);
        }
    }
}
