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
/// default quarter turned red (<c>not_met</c>) or into <c>at_risk</c> since the snapshot before; and at any time the
/// datasets whose last import is older than their <c>cadence</c>. Each finding is recorded once per subscription
/// (the unique key of <see cref="AlertRecord"/>): a second run over the same change records nothing.
/// </summary>
public static class AlertDetector
{
    /// <summary>Records the goals that turned red or at risk between the two snapshots; gives the number recorded.</summary>
    public static async Task<int> DetectAsync(AppDb db, SiteSnapshot? before, SiteSnapshot after, Period period, DateTime nowUtc,
        CancellationToken cancellation = default, Func<Evaluation, OutcomeInsights>? insightsOf = null)
    {
        if (!after.HasData) return 0;
        var subscriptions = await ActiveAsync(db, cancellation);
        if (subscriptions.Count == 0) return 0;
        var now = after.Outcomes.Get(period);
        // Before: as the previous snapshot judged the same period (its default quarters are kept, so nothing is evaluated).
        var earlier = before is { HasData: true } && before.Outcomes.Contains(period)
            ? before.Outcomes.Get(period).Outcomes.ToDictionary(o => (o.Goal, o.Unit), o => o.Status)
            : [];
        var names = after.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var candidates = new List<AlertRecord>();
        foreach (var outcome in now.Outcomes)
        {
            var kind = outcome.Status switch { Status.NotMet => AlertKinds.NotMet, Status.AtRisk => AlertKinds.AtRisk, _ => null };
            if (kind is null || earlier.TryGetValue((outcome.Goal, outcome.Unit), out var was) && was == outcome.Status) continue;
            var goal = after.Goals.Goals.FirstOrDefault(g => g.Id == outcome.Goal);
            foreach (var (subscription, access) in subscriptions)
            {
                if (!subscription.KindList.Contains(kind) || !Covers(subscription, outcome.Goal, outcome.Unit, after)
                    || !access.MayRead(outcome.Unit, after)) continue;
                candidates.Add(new AlertRecord
                {
                    SubscriptionId = subscription.Id, UserId = subscription.UserId, GoalId = outcome.Goal, UnitId = outcome.Unit,
                    Period = period.ToString(), Kind = kind, CreatedAtUtc = nowUtc,
                    Message = $"{goal?.Name.Swedish ?? outcome.Goal}, {names.GetValueOrDefault(outcome.Unit, outcome.Unit)}, {period}: "
                              + (kind == AlertKinds.NotMet ? "målet är inte uppfyllt" : "målet är i riskzonen")
                              + (outcome.Value is { } v && (v.Exact is not null || v.Approximate is not null)
                                  ? $" (värde {((double?)v.Exact ?? v.Approximate)!.Value.ToString("0.##", CultureInfo.InvariantCulture)}"
                                    + (outcome.Target.Level is { } l ? $", mål {l.ToString("0.##", CultureInfo.InvariantCulture)})" : ")")
                                  : ""),
                });
            }
        }
        // Anomalies and forecasts: read only when someone asks for them (some forty months of history); once per period.
        if (insightsOf is not null && subscriptions.Any(s => s.Subscription.KindList.Any(k => k is AlertKinds.Anomaly or AlertKinds.Forecast)))
        {
            var insights = insightsOf(now);
            foreach (var ((goalId, unit), anomaly) in insights.Anomalies)
                foreach (var (subscription, access) in subscriptions)
                    if (subscription.KindList.Contains(AlertKinds.Anomaly) && Covers(subscription, goalId, unit, after) && access.MayRead(unit, after))
                        candidates.Add(new AlertRecord
                        {
                            SubscriptionId = subscription.Id, UserId = subscription.UserId, GoalId = goalId, UnitId = unit,
                            Period = period.ToString(), Kind = AlertKinds.Anomaly, CreatedAtUtc = nowUtc,
                            Message = $"{GoalName(after, goalId)}, {names.GetValueOrDefault(unit, unit)}, {anomaly.Month}: avvikande värde — {anomaly.Reason.Swedish}",
                        });
            foreach (var ((goalId, unit), forecast) in insights.Forecasts)
            {
                if (forecast.Forecast is not { ProbabilityMet: { } chance } f) continue;
                foreach (var (subscription, access) in subscriptions)
                    if (subscription.KindList.Contains(AlertKinds.Forecast) && subscription.ForecastBelow is { } level && chance < level
                        && Covers(subscription, goalId, unit, after) && access.MayRead(unit, after))
                        candidates.Add(new AlertRecord
                        {
                            SubscriptionId = subscription.Id, UserId = subscription.UserId, GoalId = goalId, UnitId = unit,
                            Period = period.ToString(), Kind = AlertKinds.Forecast, CreatedAtUtc = nowUtc,
                            Message = $"{GoalName(after, goalId)}, {names.GetValueOrDefault(unit, unit)}: chansen att nå målet {f.Year} är "
                                      + $"{chance.ToString("P0", CultureInfo.GetCultureInfo("sv-SE"))}, under {level.ToString("P0", CultureInfo.GetCultureInfo("sv-SE"))}",
                        });
            }
        }
        return await RecordAsync(db, subscriptions.Select(s => s.Subscription).ToList(), candidates, cancellation);
    }

    private static string GoalName(SiteSnapshot site, string goal) => site.Goals.Goals.FirstOrDefault(g => g.Id == goal)?.Name.Swedish ?? goal;

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
            foreach (var (subscription, _) in subscriptions.Where(s => s.Subscription.KindList.Contains(AlertKinds.Stale)))
                candidates.Add(new AlertRecord
                {
                    SubscriptionId = subscription.Id, UserId = subscription.UserId, Dataset = dataset.Name, Kind = AlertKinds.Stale,
                    Period = imported.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), CreatedAtUtc = nowUtc,
                    Message = $"Datamängden {dataset.Name} importerades senast {imported:yyyy-MM-dd HH:mm} UTC; "
                              + $"den väntas {Cadence(dataset.Cadence!)} och är försenad sedan {dataset.DueAfter(imported):yyyy-MM-dd HH:mm} UTC",
                });
        }
        return await RecordAsync(db, subscriptions.Select(s => s.Subscription).ToList(), candidates, cancellation);
    }

    private static string Cadence(string cadence) => cadence switch
    {
        "weekly" => "varje vecka", "monthly" => "varje månad", "quarterly" => "varje kvartal", _ => cadence,
    };

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
        var ids = subscriptions.Select(s => s.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellation);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
                .ToListAsync(cancellation))
            .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Name!).ToList());
        return subscriptions
            .Where(s => users.TryGetValue(s.UserId, out var u) && !u.Disabled)
            .Select(s => (s, AlertAccess.Of(users[s.UserId], roles.GetValueOrDefault(s.UserId) ?? [])))
            .Where(x => x.Item2.MayReadAnything)
            .ToList();
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

/// <summary>
/// What an account may be told about. Today every role reads every unit (a unit manager writes check-ins only for
/// their own units but reads the whole organisation), so an account with any role may read every unit of the tree; an
/// account without a role, or disabled, is told nothing. Should reading ever be restricted by unit, it is restricted here.
/// </summary>
public sealed record AlertAccess(IReadOnlyList<string> Roles, IReadOnlyList<string> ManagedUnits)
{
    public static AlertAccess Of(AppUser user, IReadOnlyList<string> roles) =>
        new(roles, user.ManagedUnits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool MayReadAnything => Roles.Count > 0;

    public bool MayRead(string unit, SiteSnapshot site) => MayReadAnything && site.UnitIds.Contains(unit);
}
