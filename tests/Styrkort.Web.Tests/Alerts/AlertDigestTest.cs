using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using Styrkort.Web.Alerts;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Alerts;

/// <summary>
/// The daily digest from detection to the mailbox, against a real SMTP server and a clock the test moves: one mail at
/// 06:00 Stockholm time with every alert recorded before it, nothing earlier, nothing twice; an immediate subscriber in
/// the same round is mailed at once.
/// </summary>
public sealed class AlertDigestTest : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("styrkort-digest-").FullName;
    private readonly ManualClock _clock = new();
    private SimpleSmtpServer _smtp = null!;
    private WebApplication _app = null!;
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Six in the morning, Stockholm time, on the 15th of this month: the middle of it, so the default quarter and month stay as today's.</summary>
    private static readonly DateTime DigestAt = TimeZoneInfo.ConvertTimeToUtc(
        new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 15, 6, 0, 0, DateTimeKind.Unspecified), Stockholm);

    public async Task InitializeAsync()
    {
        _clock.Now = DigestAt.AddHours(-3);
        _smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        _app = await DemoSite.StartAsync(_dataDirectory, 1000, demo: true, b =>
        {
            b.Services.AddSingleton<TimeProvider>(_clock);
            b.Configuration["Alerts:Smtp:Host"] = "127.0.0.1";
            b.Configuration["Alerts:Smtp:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            b.Configuration["Alerts:Smtp:Security"] = "none";
            b.Configuration["Alerts:PollSeconds"] = "3600";
        });
    }

    private async Task<AlertSubscription> SubscribeAsync(string userName, string email, string mode, string scope = AlertScopes.All, string? unit = null)
    {
        using var scope_ = _app.Services.CreateScope();
        var users = scope_.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope_.ServiceProvider.GetRequiredService<AppDb>();
        if (await users.FindByNameAsync(userName) is null)
            Assert.Null(await Auth.Accounts.CreateAsync(users, userName, userName, DemoSite.NewAccountPassword, "viewer", ""));
        var subscription = new AlertSubscription
        {
            UserId = (await users.FindByNameAsync(userName))!.Id, Scope = scope, UnitId = unit, Kinds = "not_met;at_risk", Email = email,
            EmailMode = mode, WebhookSecret = "unused", CreatedAtUtc = _clock.Now.UtcDateTime,
        };
        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription;
    }

    private async Task<List<AlertRecord>> AlertsAsync(params int[] subscriptions)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Alerts.AsNoTracking().Include(a => a.Attempts)
            .Where(a => subscriptions.Contains(a.SubscriptionId)).OrderBy(a => a.Id).ToListAsync();
    }

    private List<MimeMessage> MailsTo(string address) => _smtp.ReceivedEmail
        .Where(m => m.ToAddresses.Any(a => a.Address == address))
        .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    private Task RoundAt(DateTime utc)
    {
        _clock.Now = utc;
        return _app.Services.GetRequiredService<AlertWorker>().RunOnceAsync();
    }

    [Fact]
    public async Task TheDigest_IsOneMailAtSixStockholmTime_WithEveryAlert_NothingBeforeAndNothingTwice()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var root = site.Current.Units.Single(u => u.Parent is null).Id;
        // Two subscriptions of one reader to one address: the whole organisation, and one unit below it (whose alerts
        // the first holds too) — one digest, each change once.
        var all = await SubscribeAsync("digest-reader", "digest@example.org", EmailModes.Digest);
        var unit = site.Current.Units.First(u => u.Parent == root).Id;
        var part = await SubscribeAsync("digest-reader", "digest@example.org", EmailModes.Digest, AlertScopes.Unit, unit);
        var now = await SubscribeAsync("immediate-reader", "now@example.org", EmailModes.Immediate, AlertScopes.Unit, unit);

        // A change three hours before the digest: the immediate reader is mailed in the same round, the digest waits.
        var current = site.Current;
        site.Publish(current with { HasData = false });
        site.Publish(current);
        await RoundAt(DigestAt.AddHours(-3));
        var digested = await AlertsAsync(all.Id, part.Id);
        var immediate = await AlertsAsync(now.Id);
        Assert.NotEmpty(digested);
        Assert.NotEmpty(immediate);
        Assert.Equal(immediate.Count, MailsTo("now@example.org").Count);
        Assert.All(immediate, a => Assert.Equal(DeliveryStates.Delivered, a.EmailState));
        Assert.Empty(MailsTo("digest@example.org"));
        Assert.All(digested, a => Assert.Equal((DeliveryStates.Pending, 0), (a.EmailState, a.Attempts.Count)));

        // A minute before six: still nothing.
        await RoundAt(DigestAt.AddMinutes(-1));
        Assert.Empty(MailsTo("digest@example.org"));

        // Six o'clock: one mail with every change recorded, each once; every alert delivered, by one try.
        await RoundAt(DigestAt);
        var mail = Assert.Single(MailsTo("digest@example.org"));
        var changes = digested.Select(a => a.Message).Distinct().ToList();
        Assert.Equal(changes.Count, digested.Count(a => a.SubscriptionId == all.Id));
        var lines = mail.TextBody!.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.Equal(changes.OrderBy(m => m, StringComparer.Ordinal), lines.OrderBy(m => m, StringComparer.Ordinal));
        var day = TimeZoneInfo.ConvertTimeFromUtc(DigestAt, Stockholm).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Styrkort: dagens aviseringar ({day}), {changes.Count} st", mail.Subject);
        var delivered = await AlertsAsync(all.Id, part.Id);
        Assert.All(delivered, a => Assert.Equal(DeliveryStates.Delivered, a.EmailState));
        Assert.All(delivered, a => Assert.True(Assert.Single(a.Attempts).Delivered));

        // The next rounds, that day and the next: nothing again.
        await RoundAt(DigestAt.AddHours(1));
        await RoundAt(DigestAt.AddDays(1));
        Assert.Single(MailsTo("digest@example.org"));
        Assert.Equal(immediate.Count, MailsTo("now@example.org").Count);
        Assert.Equal(delivered.Count, (await AlertsAsync(all.Id, part.Id)).Count);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _smtp.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
