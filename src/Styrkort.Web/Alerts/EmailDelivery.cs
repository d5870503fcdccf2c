using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using Styrkort.Core.Presentation;
using Styrkort.Web.AppStore;

namespace Styrkort.Web.Alerts;

/// <summary>
/// Mails the pending alerts over SMTP (MailKit): an alert of an <c>immediate</c> subscription at once, in a mail of its
/// own; those of <c>digest</c> subscriptions once a day (<see cref="DigestSchedule"/>), in one mail per account, address
/// and language with everything recorded before the digest's time. Each mail is in its subscription's language. Every
/// try is recorded on each alert it carries.
/// </summary>
public sealed class EmailDelivery(AlertOptions options, DigestSchedule schedule, TimeProvider clock, ILogger log)
{
    private sealed record Mail(string To, Language Language, string Subject, List<AlertRecord> Alerts);

    public async Task DeliverAsync(AppDb db, DateTime now, CancellationToken cancellation)
    {
        var smtp = options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) return; // no mail server configured: the alerts wait, shown as pending
        var pending = await db.Alerts.Include(a => a.Attempts).Where(a => a.EmailState == DeliveryStates.Pending).OrderBy(a => a.Id).ToListAsync(cancellation);
        if (pending.Count == 0) return;
        var ids = pending.Select(a => a.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.AlertSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellation);
        var reachable = await AlertAccess.OfUsersAsync(db, pending.Select(a => a.UserId), cancellation);
        var (digestAt, digestDay) = schedule.Latest(now);
        var mails = new List<Mail>();
        var digests = new Dictionary<(string User, string To, Language Language), Mail>();
        // Two subscriptions of one account that both hold a change (a goal and its unit, say) make one line, not two mails.
        var immediate = new Dictionary<(string User, string To, Language Language, (string, string, string, string, string) Change), Mail>();
        foreach (var alert in pending)
        {
            if (AlertAccess.Undeliverable(alert, subscriptions, reachable) is { } why)
            {
                alert.EmailState = DeliveryStates.Failed;
                alert.Attempts.Add(new AlertAttempt { Channel = "email", AtUtc = now, Error = why });
                continue;
            }
            var subscription = subscriptions[alert.SubscriptionId];
            var language = Language.Parse(subscription.Language);
            if (subscription.EmailMode == EmailModes.Digest)
            {
                if (alert.CreatedAtUtc >= digestAt) continue; // in tomorrow's digest
                var key = (subscription.UserId, subscription.Email!.ToLowerInvariant(), language);
                if (!digests.TryGetValue(key, out var digest))
                    mails.Add(digests[key] = digest = new Mail(subscription.Email, language, "", []));
                digest.Alerts.Add(alert);
            }
            else
            {
                var key = (subscription.UserId, subscription.Email!.ToLowerInvariant(), language, Change(alert));
                if (immediate.TryGetValue(key, out var mail)) mail.Alerts.Add(alert);
                else mails.Add(immediate[key] = new Mail(subscription.Email, language, AlertTexts.Subject(alert, language), [alert]));
            }
        }
        if (mails.Count > 0) await SendAsync(mails.Select(m => m.Subject.Length > 0 ? m : m with { Subject = AlertTexts.DigestSubject(digestDay, m.Alerts.DistinctBy(Change).Count(), m.Language) }).ToList(), cancellation);
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>What an alert is about, whichever subscription recorded it.</summary>
    internal static (string, string, string, string, string) Change(AlertRecord a) => (a.Kind, a.GoalId, a.UnitId, a.Period, a.Dataset);

    private async Task SendAsync(List<Mail> mails, CancellationToken cancellation)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient();
        string? connectError = null;
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), cancellation);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            connectError = e.Message;
            log.LogWarning("alerts: cannot reach the mail server {Host}:{Port}: {Error}", smtp.Host, smtp.Port, e.Message);
        }
        foreach (var mail in mails)
        {
            var error = connectError;
            if (error is null)
            {
                try
                {
                    var message = new MimeMessage();
                    message.From.Add(MailboxAddress.Parse(smtp.From));
                    message.To.Add(MailboxAddress.Parse(mail.To));
                    message.Subject = mail.Subject.Length > 200 ? mail.Subject[..200] + "…" : mail.Subject;
                    message.Headers.Add(HeaderId.ContentLanguage, mail.Language.Code);
                    message.Body = new TextPart("plain") { Text = AlertTexts.Body(mail.Alerts.DistinctBy(Change), mail.Language) };
                    await client.SendAsync(message, cancellation);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    error = e.Message;
                    log.LogWarning("alerts: a mail to subscription {Subscription} failed: {Error}", mail.Alerts[0].SubscriptionId, e.Message);
                }
            }
            foreach (var alert in mail.Alerts)
            {
                alert.Attempts.Add(new AlertAttempt { Channel = "email", AtUtc = clock.GetUtcNow().UtcDateTime, Delivered = error is null, Error = error });
                if (error is null) alert.EmailState = DeliveryStates.Delivered;
                else if (alert.Attempts.Count(t => t.Channel == "email") >= options.EmailTries) alert.EmailState = DeliveryStates.Failed;
            }
        }
        if (client.IsConnected) await client.DisconnectAsync(true, cancellation);
    }

    private static SecureSocketOptions Security(string security) => security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
