using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Styrkort.Core.Presentation;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Alerts;

/// <summary>
/// Posts the pending alerts to their subscriptions' webhooks: JSON with stable English keys and the message in both
/// languages, signed with the subscription's secret (<see cref="Sign"/>), retried with exponential back-off, every try
/// recorded. A webhook that fails every try of one alert is not tried again for its other alerts in the same round (they
/// wait for the next), so that one dead address cannot hold the worker for all of its alerts.
/// </summary>
public sealed class WebhookDelivery(HttpClient http, AlertOptions options, TimeProvider clock, ILogger log)
{
    public const string SignatureHeader = "X-Styrkort-Signature";

    public async Task DeliverAsync(AppDb db, CancellationToken cancellation)
    {
        var pending = await db.Alerts.Include(a => a.Attempts).Where(a => a.WebhookState == DeliveryStates.Pending).OrderBy(a => a.Id).ToListAsync(cancellation);
        if (pending.Count == 0) return;
        var ids = pending.Select(a => a.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellation);
        var reachable = await AlertAccess.OfUsersAsync(db, pending.Select(a => a.UserId), cancellation);
        var down = new HashSet<int>(); // subscriptions whose webhook failed every try in this round
        foreach (var alert in pending)
        {
            if (AlertAccess.Undeliverable(alert, subscriptions, reachable, webhook: true) is { } why)
            {
                alert.WebhookState = DeliveryStates.Failed;
                alert.Attempts.Add(new AlertAttempt { Channel = "webhook", AtUtc = clock.GetUtcNow().UtcDateTime, Error = why });
                continue;
            }
            if (down.Contains(alert.SubscriptionId)) continue;
            var subscription = subscriptions[alert.SubscriptionId];
            if (!await PostAsync(db, alert, subscription, cancellation)) down.Add(subscription.Id);
        }
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>
    /// The body: <c>message</c> in the subscription's language (Swedish unless it chose English) and both texts beside it,
    /// so that a receiver may pick either; the other keys never change (docs/alerts.md).
    /// </summary>
    public static byte[] Body(AlertRecord alert, AlertSubscription subscription)
    {
        var language = Language.Parse(subscription.Language);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            id = alert.Id, kind = alert.Kind, goal = NullIfEmpty(alert.GoalId), unit = NullIfEmpty(alert.UnitId), period = alert.Period,
            dataset = NullIfEmpty(alert.Dataset), message = AlertTexts.MessageIn(alert, language),
            created_at = alert.CreatedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            language = language.Code, message_sv = alert.Message, message_en = AlertTexts.MessageIn(alert, Language.En),
        });
    }

    private async Task<bool> PostAsync(AppDb db, AlertRecord alert, AlertSubscription subscription, CancellationToken cancellation)
    {
        var body = Body(alert, subscription);
        var signature = Sign(body, subscription.WebhookSecret);
        var wait = TimeSpan.FromSeconds(options.Webhook.FirstBackoffSeconds);
        for (var attempt = 1; attempt <= options.Webhook.Tries; attempt++)
        {
            int? status = null;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, subscription.WebhookUrl) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.Add(SignatureHeader, signature);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                error = e.Message;
            }
            var delivered = error is null;
            alert.Attempts.Add(new AlertAttempt { Channel = "webhook", AtUtc = clock.GetUtcNow().UtcDateTime, Delivered = delivered, StatusCode = status, Error = error });
            if (delivered) alert.WebhookState = DeliveryStates.Delivered;
            else if (attempt == options.Webhook.Tries) alert.WebhookState = DeliveryStates.Failed;
            await db.SaveChangesAsync(cancellation);
            if (delivered) return true;
            // The subscription's number, never its URL (which may carry a token) nor its secret.
            log.LogWarning("alerts: webhook of subscription {Subscription}, try {Attempt}: {Error}", subscription.Id, attempt, error);
            if (attempt < options.Webhook.Tries)
            {
                await Task.Delay(wait, clock, cancellation);
                wait *= 2;
            }
        }
        return false;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body, keyed with the subscription's secret.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
