using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Alerts;

/// <summary>
/// The alerts in the background, never in a request: after each published snapshot it records what turned red or at
/// risk (<see cref="AlertDetector"/>); every <see cref="AlertOptions.PollSeconds"/> it looks for stale datasets; and it
/// delivers what is pending — mails at once or in the day's digest, webhooks signed and retried with back-off — with
/// every try recorded as an <see cref="AlertAttempt"/>. One round at a time.
/// </summary>
public sealed class AlertWorker : BackgroundService
{
    public const string SignatureHeader = "X-Styrkort-Signature";

    private readonly IServiceScopeFactory _scopes;
    private readonly SiteState _site;
    private readonly AlertOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AlertWorker> _log;
    private readonly Channel<(SiteSnapshot? Before, SiteSnapshot After)> _published = Channel.CreateUnbounded<(SiteSnapshot?, SiteSnapshot)>();
    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly HttpClient _http;

    public AlertWorker(IServiceScopeFactory scopes, SiteState site, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertWorker> log)
    {
        _scopes = scopes;
        _site = site;
        _options = options.Value;
        _clock = clock;
        _log = log;
        var allowPrivate = _options.Webhook.AllowPrivateAddresses;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // a redirect could lead anywhere, past the address check
            ConnectCallback = (context, cancellation) => WebhookTarget.ConnectAsync(context, allowPrivate, cancellation),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }) { Timeout = TimeSpan.FromSeconds(_options.Webhook.TimeoutSeconds) };
        site.Published += (before, after) => _published.Writer.TryWrite((before, after));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "alerts: a round failed");
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(TimeSpan.FromSeconds(_options.PollSeconds));
            try
            {
                await _published.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the poll interval passed
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: detection of the snapshots published since the last round, stale datasets, delivery.</summary>
    public async Task RunOnceAsync(CancellationToken cancellation = default)
    {
        await _round.WaitAsync(cancellation);
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var now = _clock.GetUtcNow().UtcDateTime;
            while (_published.Reader.TryRead(out var change))
                if (change.Before is not null) // the first snapshot after start has nothing to compare with
                    await AlertDetector.DetectAsync(db, change.Before, change.After, _site.DefaultQuarter, now, cancellation,
                        evaluation => _site.Read(w => new Core.Insights.GoalInsights(change.After.Goals, w, change.After.DecidedLevels)
                            .Analyse(evaluation, forecast: true, anomalies: true, cancellation)));
            if (_site.HasCurrent)
                await AlertDetector.DetectStaleAsync(db, _site.Current, now, cancellation);
            await DeliverEmailAsync(db, now, cancellation);
            await DeliverWebhooksAsync(db, cancellation);
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task DeliverEmailAsync(AppDb db, DateTime now, CancellationToken cancellation)
    {
        var smtp = _options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) return; // no mail server configured: the alerts wait, shown as pending
        var pending = await db.Alerts.Include(a => a.Attempts).Where(a => a.EmailState == DeliveryStates.Pending).OrderBy(a => a.Id).ToListAsync(cancellation);
        if (pending.Count == 0) return;
        var ids = pending.Select(a => a.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellation);
        // The digest of a day holds what was recorded before its hour; it goes out at that hour or at the first round after.
        var cut = now.Date.AddHours(_options.DigestHourUtc);
        if (now < cut) cut = cut.AddDays(-1);
        var mails = new List<(string To, string Subject, List<AlertRecord> Alerts)>();
        var digests = new Dictionary<int, List<AlertRecord>>();
        foreach (var alert in pending)
        {
            if (!subscriptions.TryGetValue(alert.SubscriptionId, out var subscription) || subscription.Email is null)
            {
                alert.EmailState = DeliveryStates.Failed;
                alert.Attempts.Add(new AlertAttempt { Channel = "email", AtUtc = now, Error = "prenumerationen finns inte längre" });
                continue;
            }
            if (subscription.EmailMode == EmailModes.Digest)
            {
                if (alert.CreatedAtUtc >= cut) continue;
                if (!digests.TryGetValue(subscription.Id, out var digest))
                    mails.Add((subscription.Email, $"Styrkort: dagens aviseringar ({cut:yyyy-MM-dd})", digests[subscription.Id] = digest = []));
                digest.Add(alert);
            }
            else mails.Add((subscription.Email, $"Styrkort: {alert.Message}", [alert]));
        }
        if (mails.Count > 0)
        {
            using var client = new SmtpClient();
            string? connectError = null;
            try
            {
                await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellation);
                if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                connectError = e.Message;
                _log.LogWarning("alerts: cannot reach the mail server {Host}:{Port}: {Error}", smtp.Host, smtp.Port, e.Message);
            }
            foreach (var (to, subject, alerts) in mails)
            {
                string? error = connectError;
                if (error is null)
                {
                    try
                    {
                        var message = new MimeMessage();
                        message.From.Add(MailboxAddress.Parse(smtp.From));
                        message.To.Add(MailboxAddress.Parse(to));
                        message.Subject = subject.Length > 200 ? subject[..200] + "…" : subject;
                        message.Body = new TextPart("plain") { Text = Body(alerts) };
                        await client.SendAsync(message, cancellation);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        error = e.Message;
                        _log.LogWarning("alerts: a mail to subscription {Subscription} failed: {Error}", alerts[0].SubscriptionId, e.Message);
                    }
                }
                foreach (var alert in alerts)
                {
                    alert.Attempts.Add(new AlertAttempt { Channel = "email", AtUtc = _clock.GetUtcNow().UtcDateTime, Delivered = error is null, Error = error });
                    if (error is null) alert.EmailState = DeliveryStates.Delivered;
                    else if (alert.Attempts.Count(t => t.Channel == "email") >= _options.EmailTries) alert.EmailState = DeliveryStates.Failed;
                }
            }
            if (client.IsConnected) await client.DisconnectAsync(true, cancellation);
        }
        await db.SaveChangesAsync(cancellation);
    }

    private static string Body(List<AlertRecord> alerts) =>
        string.Join("\n", alerts.Select(a => $"- {a.Message}")) + "\n\nAviseringarna finns på sidan Aviseringar (/alerts) i Styrkort.\n";

    private static SecureSocketOptions Security(string security) => security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private async Task DeliverWebhooksAsync(AppDb db, CancellationToken cancellation)
    {
        var pending = await db.Alerts.Include(a => a.Attempts).Where(a => a.WebhookState == DeliveryStates.Pending).OrderBy(a => a.Id).ToListAsync(cancellation);
        if (pending.Count == 0) return;
        var ids = pending.Select(a => a.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellation);
        foreach (var alert in pending)
        {
            if (!subscriptions.TryGetValue(alert.SubscriptionId, out var subscription) || subscription.WebhookUrl is null)
            {
                alert.WebhookState = DeliveryStates.Failed;
                alert.Attempts.Add(new AlertAttempt { Channel = "webhook", AtUtc = _clock.GetUtcNow().UtcDateTime, Error = "prenumerationen finns inte längre" });
                continue;
            }
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                id = alert.Id, kind = alert.Kind, goal = NullIfEmpty(alert.GoalId), unit = NullIfEmpty(alert.UnitId), period = alert.Period,
                dataset = NullIfEmpty(alert.Dataset), message = alert.Message,
                created_at = alert.CreatedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            });
            var signature = Sign(body, subscription.WebhookSecret);
            var wait = TimeSpan.FromSeconds(_options.Webhook.FirstBackoffSeconds);
            for (var attempt = 1; attempt <= _options.Webhook.Tries; attempt++)
            {
                int? status = null;
                string? error = null;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, subscription.WebhookUrl) { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    request.Headers.Add(SignatureHeader, signature);
                    using var response = await _http.SendAsync(request, cancellation);
                    status = (int)response.StatusCode;
                    if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
                {
                    error = e.Message;
                }
                var delivered = error is null;
                alert.Attempts.Add(new AlertAttempt { Channel = "webhook", AtUtc = _clock.GetUtcNow().UtcDateTime, Delivered = delivered, StatusCode = status, Error = error });
                await db.SaveChangesAsync(cancellation);
                if (delivered)
                {
                    alert.WebhookState = DeliveryStates.Delivered;
                    break;
                }
                _log.LogWarning("alerts: webhook of subscription {Subscription}, try {Attempt}: {Error}", subscription.Id, attempt, error);
                if (attempt == _options.Webhook.Tries) alert.WebhookState = DeliveryStates.Failed;
                else
                {
                    await Task.Delay(wait, _clock, cancellation);
                    wait *= 2;
                }
            }
            await db.SaveChangesAsync(cancellation);
        }
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body, keyed with the subscription's secret.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public override void Dispose()
    {
        _http.Dispose();
        _round.Dispose();
        base.Dispose();
    }
}
