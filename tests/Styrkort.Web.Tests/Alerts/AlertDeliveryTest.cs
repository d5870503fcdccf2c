using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Styrkort.Web.Alerts;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Alerts;

/// <summary>
/// Alerts from detection to delivery, against a real SMTP server and an HTTP listener that this test starts on the
/// loopback address: the listener checks every signature and refuses the first request, so the retry shows.
/// </summary>
public sealed class AlertDeliveryTest : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("styrkort-alerts-").FullName;
    private SimpleSmtpServer _smtp = null!;
    private HttpListener _listener = null!;
    private string _hookUrl = "";
    private readonly ConcurrentQueue<(string Body, string? Signature, int Answered)> _posts = new();
    private int _requests;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();
        var port = FreePort();
        _hookUrl = $"http://127.0.0.1:{port}/hook/";
        _listener = new HttpListener();
        _listener.Prefixes.Add(_hookUrl);
        _listener.Start();
        _ = Task.Run(ListenAsync);
        _app = await DemoSite.StartAsync(_dataDirectory, 1000, demo: true, b =>
        {
            b.Configuration["Alerts:Smtp:Host"] = "127.0.0.1";
            b.Configuration["Alerts:Smtp:Port"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            b.Configuration["Alerts:Smtp:From"] = "styrkort@example.org";
            b.Configuration["Alerts:Smtp:Security"] = "none";
            b.Configuration["Alerts:Webhook:AllowPrivateAddresses"] = "true";
            b.Configuration["Alerts:Webhook:FirstBackoffSeconds"] = "0.2";
            b.Configuration["Alerts:PollSeconds"] = "3600";
        });
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            // The first request of all fails, so that the worker has to try again.
            var status = Interlocked.Increment(ref _requests) == 1 ? 500 : 200;
            _posts.Enqueue((body, context.Request.Headers[AlertWorker.SignatureHeader], status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private async Task<(AlertSubscription Subscription, string UserName)> SubscribeAsync(string role, Action<AlertSubscription> set)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var name = $"{role}-{Guid.NewGuid():N}"[..20];
        Assert.Null(await Auth.Accounts.CreateAsync(users, name, name, DemoSite.NewAccountPassword, role, ""));
        var subscription = new AlertSubscription
        {
            UserId = (await users.FindByNameAsync(name))!.Id, Kinds = "not_met;at_risk", WebhookSecret = "s3cret-" + name, CreatedAtUtc = DateTime.UtcNow,
        };
        set(subscription);
        db.AlertSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return (subscription, name);
    }

    /// <summary>A change: a snapshot without data, then the real one again, so every red goal and unit "turns" red.</summary>
    private async Task ChangeAsync()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var current = site.Current;
        site.Publish(current with { HasData = false });
        site.Publish(current);
        await _app.Services.GetRequiredService<AlertWorker>().RunOnceAsync();
    }

    private async Task<List<AlertRecord>> AlertsOfAsync(int subscription)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().Alerts.AsNoTracking().Include(a => a.Attempts)
            .Where(a => a.SubscriptionId == subscription).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task RedGoals_AreMailedAndPostedOnce_WithinTheSubscribedUnits_SignedAndRetried()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var red = site.Current.Outcomes.Get(site.DefaultQuarter).Outcomes
            .Where(o => o.Status is Core.Evaluation.Status.NotMet or Core.Evaluation.Status.AtRisk).ToList();
        Assert.NotEmpty(red);
        // The unit (with its subtree) that holds some red goals, but not all of them.
        var unit = red.GroupBy(o => o.Unit).OrderByDescending(g => g.Count()).Select(g => g.Key)
            .First(u => u != site.Current.Units.Single(x => x.Parent is null).Id);
        var expected = red.Where(o => site.Current.IsWithin(o.Unit, unit)).Select(o => (o.Goal, o.Unit)).OrderBy(x => x).ToList();
        Assert.True(expected.Count < red.Count);

        var (mail, _) = await SubscribeAsync("viewer", s => { s.Scope = AlertScopes.Unit; s.UnitId = unit; s.Email = "reader@example.org"; });
        var (hook, _) = await SubscribeAsync("controller", s => { s.Scope = AlertScopes.Goal; s.GoalId = expected[0].Goal; s.WebhookUrl = _hookUrl; });
        // An account without a role may read nothing, and is told nothing.
        var (roleless, rolelessName) = await SubscribeAsync("viewer", s => s.Email = "nobody@example.org");
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(rolelessName))!;
            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        }

        await ChangeAsync();

        var mailed = await AlertsOfAsync(mail.Id);
        Assert.Equal(expected, mailed.Select(a => (a.GoalId, a.UnitId)).OrderBy(x => x).ToList());
        Assert.All(mailed, a => Assert.Equal(DeliveryStates.Delivered, a.EmailState));
        Assert.All(mailed, a => Assert.Equal(DeliveryStates.None, a.WebhookState));
        Assert.Equal(mailed.Count, _smtp.ReceivedEmailCount);
        Assert.All(_smtp.ReceivedEmail, m => Assert.Equal("reader@example.org", m.ToAddresses.Single().Address));
        Assert.Empty(await AlertsOfAsync(roleless.Id));

        var posted = await AlertsOfAsync(hook.Id);
        var hookExpected = red.Where(o => o.Goal == expected[0].Goal).Select(o => o.Unit).OrderBy(u => u, StringComparer.Ordinal).ToList();
        Assert.Equal(hookExpected, posted.Select(a => a.UnitId).OrderBy(u => u, StringComparer.Ordinal).ToList());
        Assert.All(posted, a => Assert.Equal(DeliveryStates.Delivered, a.WebhookState));
        // The first try failed (500) and is recorded; the second was delivered.
        var first = posted[0].Attempts.OrderBy(t => t.Id).ToList();
        Assert.Equal([(false, (int?)500), (true, (int?)200)], first.Select(t => (t.Delivered, t.StatusCode)).ToList());
        Assert.Equal(posted.Count + 1, _posts.Count);
        foreach (var (body, signature, _) in _posts)
        {
            var expectedSignature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(hook.WebhookSecret), Encoding.UTF8.GetBytes(body)));
            Assert.Equal(expectedSignature, signature);
            using var json = JsonDocument.Parse(body);
            Assert.Equal(expected[0].Goal, json.RootElement.GetProperty("goal").GetString());
        }

        // The same change again: nothing new is recorded, mailed or posted.
        var mails = _smtp.ReceivedEmailCount;
        var posts = _posts.Count;
        await ChangeAsync();
        Assert.Equal(mailed.Count, (await AlertsOfAsync(mail.Id)).Count);
        Assert.Equal(posted.Count, (await AlertsOfAsync(hook.Id)).Count);
        Assert.Equal(mails, _smtp.ReceivedEmailCount);
        Assert.Equal(posts, _posts.Count);
    }

    [Fact]
    public async Task AStaleDataset_IsToldOncePerOverdueImport()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var current = site.Current;
        var (dataset, lineage) = current.Lineage.First(l => l.Value.ImportedAtUtc is not null);
        var goals = current.Goals with
        {
            Datasets = current.Goals.Datasets.ToDictionary(d => d.Key, d => d.Key == dataset ? d.Value with { Cadence = "weekly" } : d.Value),
        };
        var (subscription, _) = await SubscribeAsync("viewer", s => { s.Kinds = "stale"; s.Email = "data@example.org"; });
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var stale = current with { Goals = goals };
        // A week after the import it is not overdue yet; after eight days it is, once.
        Assert.Equal(0, await AlertDetector.DetectStaleAsync(db, stale, lineage.ImportedAtUtc!.Value.AddDays(6)));
        Assert.Equal(1, await AlertDetector.DetectStaleAsync(db, stale, lineage.ImportedAtUtc!.Value.AddDays(8)));
        Assert.Equal(0, await AlertDetector.DetectStaleAsync(db, stale, lineage.ImportedAtUtc!.Value.AddDays(9)));
        var alert = Assert.Single(await AlertsOfAsync(subscription.Id));
        Assert.Equal(dataset, alert.Dataset);
        Assert.Equal(AlertKinds.Stale, alert.Kind);
    }

    [Fact]
    public async Task AnomaliesAndLowForecasts_AreToldOncePerQuarter_WithinScope()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var current = site.Current;
        var period = site.DefaultQuarter;
        var outcomes = current.Outcomes.Get(period).Outcomes;
        var root = current.Units.Single(u => u.Parent is null).Id;
        var inside = outcomes.First(o => o.Unit != root);
        var outside = outcomes.First(o => o.Goal == inside.Goal && !current.IsWithin(o.Unit, inside.Unit));
        var reason = new Core.GoalFiles.LocalizedText("långt över sin historia", "far above its history");
        Core.Insights.YearEndForecast Chance(double p) => new(new Core.Periods.Period(Core.Periods.PeriodKind.Year, period.Year, 1), 1, 0, 2, p, default, 30);
        var insights = new Core.Insights.OutcomeInsights(
            new Dictionary<(string, string), Core.Insights.GoalForecast>
            {
                [(inside.Goal, inside.Unit)] = new(inside.Goal, inside.Unit, Chance(0.3), null),
                [(outside.Goal, outside.Unit)] = new(outside.Goal, outside.Unit, Chance(0.1), null),
            },
            new Dictionary<(string, string), Core.Insights.Anomaly>
            {
                [(inside.Goal, inside.Unit)] = new(inside.Goal, inside.Unit, period, 9, 1, 7, reason),
                [(outside.Goal, outside.Unit)] = new(outside.Goal, outside.Unit, period, 9, 1, 7, reason),
            });
        var (subscription, _) = await SubscribeAsync("viewer", s =>
        {
            s.Scope = AlertScopes.Unit; s.UnitId = inside.Unit; s.Kinds = "anomaly;forecast"; s.ForecastBelow = 0.5; s.Email = "x@example.org";
        });
        var (high, _) = await SubscribeAsync("viewer", s => { s.Kinds = "forecast"; s.ForecastBelow = 0.05; s.Email = "y@example.org"; });
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        for (var i = 0; i < 2; i++)
            await AlertDetector.DetectAsync(db, current, current, [period], DateTime.UtcNow, default, _ => insights);
        var told = await AlertsOfAsync(subscription.Id);
        Assert.Equal([(AlertKinds.Anomaly, inside.Unit), (AlertKinds.Forecast, inside.Unit)], told.Select(a => (a.Kind, a.UnitId)).OrderBy(x => x.Kind).ToList());
        // A chance of 10 % and 30 % is not below 5 %.
        Assert.Empty(await AlertsOfAsync(high.Id));
    }

    [Fact]
    public async Task AMonthlyFollower_IsToldAboutTheLatestMonth_InEnglish_AndTheWebhookCarriesBothLanguages()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var (quarter, month) = (site.DefaultQuarter, site.DefaultMonth);
        static bool Red(Core.Evaluation.Outcome o) => o.Status is Core.Evaluation.Status.NotMet or Core.Evaluation.Status.AtRisk;
        // A goal red in the month, with a value and a level to show.
        var outcome = site.Current.Outcomes.Get(month).Outcomes.First(o => Red(o) && o.Value is not null && o.Target.Level is not null);
        var goal = site.Current.Goals.Goals.Single(g => g.Id == outcome.Goal);
        var (monthly, _) = await SubscribeAsync("controller", s =>
        {
            s.Scope = AlertScopes.Goal; s.GoalId = goal.Id; s.Periods = "month"; s.Language = "en"; s.Email = "en@example.org"; s.WebhookUrl = _hookUrl;
        });
        var (quarterly, _) = await SubscribeAsync("viewer", s => { s.Scope = AlertScopes.Goal; s.GoalId = goal.Id; s.Email = "sv@example.org"; });

        await ChangeAsync();

        var toldMonthly = await AlertsOfAsync(monthly.Id);
        Assert.Equal(site.Current.Outcomes.Get(month).Outcomes.Where(o => o.Goal == goal.Id && Red(o)).Select(o => o.Unit).Order(StringComparer.Ordinal),
            toldMonthly.Select(a => a.UnitId).Order(StringComparer.Ordinal));
        Assert.All(toldMonthly, a => Assert.Equal(month.ToString(), a.Period));
        var toldQuarterly = await AlertsOfAsync(quarterly.Id);
        Assert.All(toldQuarterly, a => Assert.Equal(quarter.ToString(), a.Period));

        // The figures as the goal page shows them (Figures, TargetText), in each language.
        var unitName = site.Current.Units.Single(u => u.Id == outcome.Unit).Name;
        var metricUnit = site.Current.Goals.Metrics[goal.Metric].Unit;
        string Figures(Core.Presentation.Language l) => $"{Core.Presentation.FigureColumn.Of(metricUnit, l, [outcome]).Value(outcome.Value)}, "
            + $"{l.Pick("mål", "target")} {Core.Presentation.TargetText.Applied(outcome, metricUnit, l)}"
            + (outcome.Comparison is null ? "" : $", {l.Pick("jämförelse", "comparison")} {Core.Presentation.FigureColumn.Of(metricUnit, l, [outcome]).Value(outcome.Comparison)}") + ")";
        var alert = toldMonthly.Single(a => a.UnitId == outcome.Unit);
        var (sv, en) = outcome.Status == Core.Evaluation.Status.NotMet ? ("målet är inte uppfyllt", "the goal is not met") : ("målet är i riskzonen", "the goal is at risk");
        Assert.Equal($"{goal.Name.Swedish}, {unitName}, {month}: {sv} (värde {Figures(Core.Presentation.Language.Sv)}", alert.Message);
        Assert.Equal($"{goal.Name.English}, {unitName}, {month}: {en} (value {Figures(Core.Presentation.Language.En)}", alert.MessageEn);

        // The mails: the monthly follower's in English, the other's in Swedish.
        var english = _smtp.ReceivedEmail.Where(m => m.ToAddresses.Single().Address == "en@example.org")
            .Select(m => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
        Assert.Equal(toldMonthly.Count, english.Count);
        Assert.Contains(english, m => m.Subject == "Styrkort: " + alert.MessageEn && m.TextBody!.Contains("The alerts are on the Alerts page", StringComparison.Ordinal));
        var swedish = _smtp.ReceivedEmail.Where(m => m.ToAddresses.Single().Address == "sv@example.org")
            .Select(m => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();
        Assert.All(swedish, m => Assert.Contains("Aviseringarna finns på sidan Aviseringar", m.TextBody, StringComparison.Ordinal));

        // The webhook: stable English keys, the message in the subscription's language and both texts beside it.
        var post = _posts.Where(p => p.Answered == 200).Select(p => JsonDocument.Parse(p.Body).RootElement).Single(j => j.GetProperty("id").GetInt64() == alert.Id);
        Assert.Equal(("en", alert.MessageEn, alert.Message, alert.MessageEn),
            (post.GetProperty("language").GetString(), post.GetProperty("message").GetString(), post.GetProperty("message_sv").GetString(), post.GetProperty("message_en").GetString()));
    }

    [Fact]
    public async Task AnAccountDisabledBeforeOrAfterTheChange_IsSentNothing()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var (before, beforeName) = await SubscribeAsync("viewer", s => s.Email = "before@example.org");
        var (after, afterName) = await SubscribeAsync("unit_manager", s => { s.Email = "after@example.org"; s.WebhookUrl = _hookUrl; });
        async Task DisableAsync(string name)
        {
            using var scope = _app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(name))!;
            user.Disabled = true;
            await users.UpdateAsync(user);
        }
        await DisableAsync(beforeName);
        using (var scope = _app.Services.CreateScope())
        {
            // Compared with no snapshot before, every red outcome has just turned red.
            Assert.True(await AlertDetector.DetectAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), null, site.Current, site.AlertPeriods, DateTime.UtcNow) > 0);
        }
        await DisableAsync(afterName);
        await _app.Services.GetRequiredService<AlertWorker>().RunOnceAsync();

        Assert.Empty(await AlertsOfAsync(before.Id));
        var recorded = await AlertsOfAsync(after.Id);
        Assert.NotEmpty(recorded);
        Assert.All(recorded, a => Assert.Equal((DeliveryStates.Failed, DeliveryStates.Failed), (a.EmailState, a.WebhookState)));
        Assert.All(recorded, a => Assert.All(a.Attempts, t => Assert.Equal("kontot är avstängt eller saknar roll", t.Error)));
        Assert.Equal(0, _smtp.ReceivedEmailCount);
        Assert.Empty(_posts);
    }

    [Fact]
    public async Task AWebhookThatNeverAnswers_GivesUpOneAlertPerRound_AndHoldsUpNoOtherWebhook()
    {
        var site = _app.Services.GetRequiredService<SiteState>();
        var goal = site.Current.Outcomes.Get(site.DefaultQuarter).Outcomes
            .Where(o => o.Status is Core.Evaluation.Status.NotMet or Core.Evaluation.Status.AtRisk)
            .GroupBy(o => o.Goal).First(g => g.Count() > 1).Key;
        // Nothing listens on that port: every try is refused at once.
        var (dead, _) = await SubscribeAsync("viewer", s => { s.Scope = AlertScopes.Goal; s.GoalId = goal; s.WebhookUrl = $"http://127.0.0.1:{FreePort()}/gone"; });
        var (live, _) = await SubscribeAsync("viewer", s => { s.Scope = AlertScopes.Goal; s.GoalId = goal; s.WebhookUrl = _hookUrl; });

        // Detection and one round of webhook delivery, by hand: the worker's own rounds would race this one.
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await AlertDetector.DetectAsync(db, null, site.Current, [site.DefaultQuarter], DateTime.UtcNow);
        using var http = new HttpClient();
        var delivery = new WebhookDelivery(http, new AlertOptions { Webhook = { FirstBackoffSeconds = 0.01 } }, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await delivery.DeliverAsync(db, default);

        var deadAlerts = await AlertsOfAsync(dead.Id);
        Assert.True(deadAlerts.Count > 1);
        // The first alert was tried three times and given up; the others wait for the next round, untried.
        Assert.Equal(DeliveryStates.Failed, deadAlerts[0].WebhookState);
        Assert.Equal(3, deadAlerts[0].Attempts.Count(t => t.Channel == "webhook" && !t.Delivered));
        Assert.All(deadAlerts.Skip(1), a => Assert.Equal((DeliveryStates.Pending, 0), (a.WebhookState, a.Attempts.Count)));
        Assert.All(await AlertsOfAsync(live.Id), a => Assert.Equal(DeliveryStates.Delivered, a.WebhookState));

        await delivery.DeliverAsync(db, default);
        Assert.Equal(2, (await AlertsOfAsync(dead.Id)).Count(a => a.WebhookState == DeliveryStates.Failed));
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _listener.Stop();
        _listener.Close();
        _smtp.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
