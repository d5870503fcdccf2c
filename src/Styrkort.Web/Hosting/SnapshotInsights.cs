using Styrkort.Core.Evaluation;
using Styrkort.Core.Insights;
using Styrkort.Core.Periods;

namespace Styrkort.Web.Hosting;

/// <summary>
/// The year-end forecasts, anomalies and change explanations of the default quarter's outcomes, computed in the
/// background after a snapshot is published (<see cref="SiteState.ComputeInsights"/>) and then carried by a copy of the
/// snapshot: a page never computes them, it shows "beräknas…" until they are there.
/// </summary>
public sealed record SnapshotInsights(Period Period, OutcomeInsights Outcomes,
    IReadOnlyDictionary<(string Goal, string Unit), ChangeExplanation> Changes)
{
    /// <summary>The forecast of a goal and unit (or why there is none); null when the period is not the one analysed.</summary>
    public GoalForecast? Forecast(Period period, string goal, string unit) =>
        period == Period ? Outcomes.Forecasts.GetValueOrDefault((goal, unit)) : null;

    public Anomaly? Anomaly(Period period, string goal, string unit) =>
        period == Period ? Outcomes.Anomalies.GetValueOrDefault((goal, unit)) : null;

    public ChangeExplanation? Change(Period period, string goal, string unit) =>
        period == Period ? Changes.GetValueOrDefault((goal, unit)) : null;

    /// <summary>
    /// The changes since the board last saw each goal (<see cref="ChangeSince.Board"/>), for every goal the board sees:
    /// what the board report says, and what the goal page and the API add where that look was not the period before.
    /// </summary>
    public IReadOnlyDictionary<(string Goal, string Unit), ChangeExplanation> BoardChanges { get; init; } =
        new Dictionary<(string Goal, string Unit), ChangeExplanation>();

    /// <summary>The change since the board last saw the goal, only where that was not the period before (else it is <see cref="Change"/>).</summary>
    public ChangeExplanation? BoardChange(Period period, string goal, string unit) =>
        period == Period && BoardChanges.GetValueOrDefault((goal, unit)) is { } c && c.From != period.Previous() ? c : null;
}
