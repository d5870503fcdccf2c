namespace Styrkort.Web.Alerts;

/// <summary>The <c>Alerts</c> section of the configuration (docs/alerts.md).</summary>
public sealed class AlertOptions
{
    public SmtpOptions Smtp { get; set; } = new();
    public WebhookOptions Webhook { get; set; } = new();
    /// <summary>How often the background worker looks for stale datasets and alerts to deliver, in seconds.</summary>
    public double PollSeconds { get; set; } = 60;
    /// <summary>The hour (0–23, on the clock of <see cref="TimeZone"/>) at which the day's digest mails go out.</summary>
    public int DigestHour { get; set; } = 6;
    /// <summary>
    /// The time zone of <see cref="DigestHour"/> (an IANA name); none: <see cref="DigestSchedule.DefaultZone"/>, as
    /// Swedish users read their clocks, or UTC on a system without time zone data.
    /// </summary>
    public string? TimeZone { get; set; }
    /// <summary>How many subscriptions one account may have; more are refused on the page.</summary>
    public int MaxSubscriptionsPerUser { get; set; } = 50;
    /// <summary>How many times a mail is tried (one try per round of the worker) before it is given up.</summary>
    public int EmailTries { get; set; } = 3;
}

public sealed class SmtpOptions
{
    /// <summary>No host: no mail is sent (e-mail alerts stay pending and the page says so).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "styrkort@localhost";
    public string? User { get; set; }
    /// <summary>Never logged nor shown.</summary>
    public string? Password { get; set; }
    /// <summary><c>auto</c> (STARTTLS when offered), <c>none</c>, <c>starttls</c> or <c>ssl</c>.</summary>
    public string Security { get; set; } = "auto";
}

public sealed class WebhookOptions
{
    /// <summary>How many times a webhook is tried for one alert.</summary>
    public int Tries { get; set; } = 3;
    /// <summary>The wait before the second try; doubled before each further one.</summary>
    public double FirstBackoffSeconds { get; set; } = 2;
    public double TimeoutSeconds { get; set; } = 10;
    /// <summary>
    /// Whether webhook URLs may lead to loopback, private, link-local or otherwise internal addresses. Off by default
    /// (server-side request forgery): checked when a subscription is saved and again on every connection.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
