using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Styrkort.Core.Evaluation;
using Styrkort.Core.Insights;
using Styrkort.Core.Periods;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Alerts;

/// <summary>
/// Finds what the subscriptions ask to be told: after each new snapshot, the goals and units whose status in the
/// default quarter or month turned red (<c>not_met</c>) or into <c>at_risk</c> since the snapshot before; and at any time the
/// datasets whose last import is older than their <c>cadence</c>. Each finding is recorded once per subscription
/// (the unique key of <see cref="AlertRecord"/>): a second run over the same change records nothing.
/// </summary>
public static class AlertDetector
{
    /// <summary>
    /// Records the goals that turned red or at risk between the two snapshots in each of the default periods (the latest
    /// complete quarter and month, <see cref="SiteState.AlertPeriods"/>), for the subscriptions that follow that kind
    /// of period; and the anomalies and low forecasts of the quarter. Gives the number recorded.
    /// </summary>
    public static async Task<int> DetectAsync(AppDb db, SiteSnapshot? before, SiteSnapshot after, IReadOnlyList<Period> periods, DateTime nowUtc,
        CancellationToken cancellation = default, Func<Evaluation, OutcomeInsights>? insightsOf = null)
    {
        if (!after.HasData || periods.Count == 0) return 0;
        var subscriptions = await ActiveAsync(db, cancellation);
        if (subscriptions.Count == 0) return 0;
        var candidates = new List<AlertRecord>();
        foreach (var period in periods)
        {
            var follows = subscriptions.Where(s => s.Subscription.PeriodList.Contains(PeriodKey(period))).ToList();
            if (follows.Count == 0) continue;
            // Both are kept by the snapshots as default periods, so comparing evaluates nothing new.
            var now = after.Outcomes.Get(period);
            var earlier = before is { HasData: true } && before.Outcomes.Contains(period)
                ? before.Outcomes.Get(period).Outcomes.ToDictionary(o => (o.Goal, o.Unit), o => o.Status)
                : [];
            foreach (var outcome in now.Outcomes)
            {
                var kind = outcome.Status switch { Status.NotMet => AlertKinds.NotMet, Status.AtRisk => AlertKinds.AtRisk, _ => null };
                if (kind is null || earlier.TryGetValue((outcome.Goal, outcome.Unit), out var was) && was == outcome.Status) continue;
                AlertText? text = null;
                foreach (var (subscription, access) in follows)
                {
                    if (!subscription.KindList.Contains(kind) || !Covers(subscription, outcome.Goal, outcome.Unit, after)
                        || !access.MayRead(outcome.Unit, after)) continue;
                    text ??= AlertTexts.Status(after, outcome, kind, period);
                    candidates.Add(Alert(subscription, outcome.Goal, outcome.Unit, period, kind, text.Value, nowUtc));
                }
            }
        }
        // Anomalies and forecasts: read only when someone asks for them (some forty months of history); once per quarter.
        var quarter = periods.FirstOrDefault(p => p.Kind == PeriodKind.Quarter);
        if (insightsOf is not null && quarter != default
            && subscriptions.Any(s => s.Subscription.KindList.Any(k => k is AlertKinds.Anomaly or AlertKinds.Forecast)))
        {
            var insights = insightsOf(after.Outcomes.Get(quarter));
            foreach (var ((goalId, unit), anomaly) in insights.Anomalies)
                foreach (var (subscription, access) in subscriptions)
                    if (subscription.KindList.Contains(AlertKinds.Anomaly) && Covers(subscription, goalId, unit, after) && access.MayRead(unit, after))
                        candidates.Add(Alert(subscription, goalId, unit, quarter, AlertKinds.Anomaly, AlertTexts.Anomaly(after, anomaly), nowUtc));
            foreach (var ((goalId, unit), forecast) in insights.Forecasts)
            {
                if (forecast.Forecast is not { ProbabilityMet: { } chance } f) continue;
                foreach (var (subscription, access) in subscriptions)
                    if (subscription.KindList.Contains(AlertKinds.Forecast) && subscription.ForecastBelow is { } level && chance < level
                        && Covers(subscription, goalId, unit, after) && access.MayRead(unit, after))
                        candidates.Add(Alert(subscription, goalId, unit, quarter, AlertKinds.Forecast, AlertTexts.Forecast(after, goalId, unit, f, chance, level), nowUtc));
            }
        }
        return await RecordAsync(db, subscriptions.Select(s => s.Subscription).ToList(), candidates, cancellation);
    }

    /// <summary>The <see cref="AlertPeriods"/> key of a period: <c>quarter</c> or <c>month</c>.</summary>
    public static string PeriodKey(Period period) => period.Kind == PeriodKind.Month ? AlertPeriods.Month : AlertPeriods.Quarter;

    private static AlertRecord Alert(AlertSubscription subscription, string goal, string unit, Period period, string kind, AlertText text, DateTime nowUtc) => new()
    {
        SubscriptionId = subscription.Id, UserId = subscription.UserId, GoalId = goal, UnitId = unit, Period = period.ToString(), Kind = kind,
        Message = text.Sv, MessageEn = text.En, CreatedAtUtc = nowUtc,
    };

    /// <summary>Records the datasets whose last import is older than their cadence (once per overdue import).</summary>
    public static async Task<int> DetectStaleAsync(AppDb db, SiteSnapshot site, DateTime nowUtc, CancellationToken cancellation = default)
    {
        var overdue = site.Goals.Datasets.Values
            .Where(d => d.Cadence is not null && site.Lineage.TryGetValue(d.Name, out var l) && l.ImportedAtUtc is { } at && d.DueAfter(at) < nowUtc)
            .ToList();
        if (overdue.Count == 0) return 0;
        var subscriptions = await ActiveAsync(db, cancellation);
        var candidates = new List<AlertRecord>();
        foreach (var dataset in overdue)
        {
            var imported = site.Lineage[dataset.Name].ImportedAtUtc!.Value;
            var text = AlertTexts.Stale(dataset, imported, dataset.DueAfter(imported)!.Value);
            foreach (var (subscription, _) in subscriptions.Where(s => s.Subscription.KindList.Contains(AlertKinds.Stale)))
                candidates.Add(new AlertRecord
                {
                    SubscriptionId = subscription.Id, UserId = subscription.UserId, Dataset = dataset.Name, Kind = AlertKinds.Stale,
                    Period = imported.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), CreatedAtUtc = nowUtc,
                    Message = text.Sv, MessageEn = text.En,
                });
        }
        return await RecordAsync(db, subscriptions.Select(s => s.Subscription).ToList(), candidates, cancellation);
    }

    /// <summary>Whether the subscription's scope holds the goal and unit.</summary>
    public static bool Covers(AlertSubscription subscription, string goal, string unit, SiteSnapshot site) => subscription.Scope switch
    {
        AlertScopes.Goal => subscription.GoalId == goal,
        AlertScopes.Unit => subscription.UnitId is { } root && site.IsWithin(unit, root),
        _ => true,
    };

    /// <summary>The subscriptions of enabled accounts with a role, with what each account may read.</summary>
    private static async Task<List<(AlertSubscription Subscription, AlertAccess Access)>> ActiveAsync(AppDb db, CancellationToken cancellation)
    {
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().ToListAsync(cancellation);
        if (subscriptions.Count == 0) return [];
        var access = await AlertAccess.OfUsersAsync(db, subscriptions.Select(s => s.UserId), cancellation);
        return subscriptions.Where(s => access.ContainsKey(s.UserId)).Select(s => (s, access[s.UserId])).ToList();
    }

    /// <summary>Adds the candidates not recorded before; the unique index is the last guard, the query the first.</summary>
    private static async Task<int> RecordAsync(AppDb db, List<AlertSubscription> subscriptions, List<AlertRecord> candidates, CancellationToken cancellation)
    {
        if (candidates.Count == 0) return 0;
        var ids = candidates.Select(c => c.SubscriptionId).Distinct().ToList();
        var periods = candidates.Select(c => c.Period).Distinct().ToList();
        var existing = (await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.SubscriptionId) && periods.Contains(a.Period))
                .Select(a => new { a.SubscriptionId, a.GoalId, a.UnitId, a.Period, a.Kind, a.Dataset }).ToListAsync(cancellation))
            .Select(a => (a.SubscriptionId, a.GoalId, a.UnitId, a.Period, a.Kind, a.Dataset)).ToHashSet();
        var byId = subscriptions.ToDictionary(s => s.Id);
        var added = 0;
        foreach (var alert in candidates)
        {
            if (!existing.Add((alert.SubscriptionId, alert.GoalId, alert.UnitId, alert.Period, alert.Kind, alert.Dataset))) continue;
            var subscription = byId[alert.SubscriptionId];
            alert.EmailState = subscription.Email is null ? DeliveryStates.None : DeliveryStates.Pending;
            alert.WebhookState = subscription.WebhookUrl is null ? DeliveryStates.None : DeliveryStates.Pending;
            db.Alerts.Add(alert);
            added++;
        }
        await db.SaveChangesAsync(cancellation);
        return added;
    }
}
