namespace Styrkort.Web.AppStore;

/// <summary>
/// A user's wish to be told: what about (a goal, a unit's subtree, or everything the user may read), which kinds of
/// change, and how (e-mail at once or in a daily digest, and/or a webhook). See docs/alerts.md.
/// </summary>
public sealed class AlertSubscription
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary><c>all</c>, <c>goal</c> or <c>unit</c> (the unit and every unit below it); see <see cref="AlertScopes"/>.</summary>
    public string Scope { get; set; } = AlertScopes.All;
    public string? GoalId { get; set; }
    public string? UnitId { get; set; }
    /// <summary>The kinds subscribed to, separated by ';' (<see cref="AlertKinds"/>).</summary>
    public string Kinds { get; set; } = "";
    /// <summary>For <see cref="AlertKinds.Forecast"/>: the chance of meeting the target (0–1) below which to be told.</summary>
    public double? ForecastBelow { get; set; }
    /// <summary>The address mails go to; null: no e-mail.</summary>
    public string? Email { get; set; }
    /// <summary><c>immediate</c> or <c>digest</c> (one mail a day); see <see cref="EmailModes"/>.</summary>
    public string EmailMode { get; set; } = EmailModes.Immediate;
    /// <summary>An http(s) URL the alert is POSTed to as JSON; null: no webhook.</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>The key of the HMAC-SHA256 signature of each webhook body; shown to its owner once, when created.</summary>
    public string WebhookSecret { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The language of the mails (<c>sv</c> or <c>en</c>), chosen with the subscription; webhooks carry both.</summary>
    public string Language { get; set; } = "sv";
    /// <summary>The periods whose status changes are told, separated by ';' (<see cref="AlertPeriods"/>): the latest complete quarter, month or both.</summary>
    public string Periods { get; set; } = AlertPeriods.Quarter;

    public IReadOnlyList<string> KindList => Kinds.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> PeriodList => Periods.Split(';', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Which of the default periods a subscription follows: the latest complete quarter and/or month.</summary>
public static class AlertPeriods
{
    public const string Quarter = "quarter";
    public const string Month = "month";
    public static readonly string[] Every = [Quarter, Month];
}

public static class AlertScopes
{
    public const string All = "all";
    public const string Goal = "goal";
    public const string Unit = "unit";
    public static readonly string[] Every = [All, Goal, Unit];
}

public static class AlertKinds
{
    /// <summary>A goal's status became not met (red).</summary>
    public const string NotMet = "not_met";
    /// <summary>A goal's status came into the target's warning zone.</summary>
    public const string AtRisk = "at_risk";
    /// <summary>A dataset with a <c>cadence</c> was not imported within it.</summary>
    public const string Stale = "stale";
    /// <summary>A goal's value far outside its own history (the engine's anomaly check), once per quarter.</summary>
    public const string Anomaly = "anomaly";
    /// <summary>The year-end forecast's chance of meeting the target below the subscription's level, once per quarter.</summary>
    public const string Forecast = "forecast";
    public static readonly string[] Every = [NotMet, AtRisk, Stale, Anomaly, Forecast];
}

public static class EmailModes
{
    public const string Immediate = "immediate";
    public const string Digest = "digest";
}

/// <summary>Where a channel of an alert stands: nothing to send, waiting, delivered, or given up after the last try.</summary>
public static class DeliveryStates
{
    public const string None = "none";
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

/// <summary>
/// One change told to one subscription, recorded once: the key (subscription, goal, unit, period, kind, dataset) is
/// unique, so the same change is never recorded — nor sent — twice.
/// </summary>
public sealed class AlertRecord
{
    public long Id { get; set; }
    public int SubscriptionId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The goal; empty for a stale dataset.</summary>
    public string GoalId { get; set; } = "";
    /// <summary>The unit; empty for a stale dataset.</summary>
    public string UnitId { get; set; } = "";
    /// <summary>The period judged; for a stale dataset the time of the import that is overdue (ISO 8601, UTC).</summary>
    public string Period { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>The stale dataset; empty for a goal's alert.</summary>
    public string Dataset { get; set; } = "";
    /// <summary>What happened, in Swedish.</summary>
    public string Message { get; set; } = "";
    /// <summary>What happened, in English; empty for an alert recorded before alerts spoke English (the Swedish is shown).</summary>
    public string MessageEn { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string EmailState { get; set; } = DeliveryStates.None;
    public string WebhookState { get; set; } = DeliveryStates.None;
    public List<AlertAttempt> Attempts { get; set; } = [];
}

/// <summary>One try to deliver an alert on one channel: delivered or not, with the HTTP status or the error.</summary>
public sealed class AlertAttempt
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    /// <summary><c>email</c> or <c>webhook</c>.</summary>
    public string Channel { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public bool Delivered { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
}
