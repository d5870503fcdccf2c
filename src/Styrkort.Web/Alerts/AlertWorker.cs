using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    public const string SignatureHeader = WebhookDelivery.SignatureHeader;

    private readonly IServiceScopeFactory _scopes;
    private readonly SiteState _site;
    private readonly AlertOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AlertWorker> _log;
    private readonly Channel<(SiteSnapshot? Before, SiteSnapshot After)> _published = Channel.CreateUnbounded<(SiteSnapshot?, SiteSnapshot)>();
    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly HttpClient _http;
    private readonly EmailDelivery _email;
    private readonly WebhookDelivery _webhooks;

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
        Schedule = DigestSchedule.Of(_options);
        _email = new EmailDelivery(_options, Schedule, clock, log);
        _webhooks = new WebhookDelivery(_http, _options, clock, log);
        site.Published += (before, after) => _published.Writer.TryWrite((before, after));
    }

    /// <summary>When the daily digest goes out.</summary>
    public DigestSchedule Schedule { get; }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body, keyed with the subscription's secret.</summary>
    public static string Sign(byte[] body, string secret) => WebhookDelivery.Sign(body, secret);

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
                    await AlertDetector.DetectAsync(db, change.Before, change.After, _site.AlertPeriods, now, cancellation,
                        evaluation => _site.Read(w => new Core.Insights.GoalInsights(change.After.Goals, w, change.After.DecidedLevels)
                            .Analyse(evaluation, forecast: true, anomalies: true, cancellation)));
            if (_site.HasCurrent)
                await AlertDetector.DetectStaleAsync(db, _site.Current, now, cancellation);
            await _email.DeliverAsync(db, now, cancellation);
            await _webhooks.DeliverAsync(db, cancellation);
        }
        finally
        {
            _round.Release();
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        _round.Dispose();
        base.Dispose();
    }
}
