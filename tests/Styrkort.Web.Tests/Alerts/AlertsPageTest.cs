using System.Net;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Alerts;

/// <summary>The Aviseringar page: one's own subscriptions, made and deleted with the form's token, audited; admins see all.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AlertsPageTest(DemoSite site)
{
    private static async Task<HttpResponseMessage> SubscribeAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/alerts"));
        return await client.PostAsync("/alerts", DemoSite.Form([.. fields, (Html.TokenField, token)]));
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLogin()
    {
        var client = site.NewClient();
        using var response = await client.GetAsync("/alerts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubscription_IsMadeAndDeletedByItsOwnerOnly_AuditedAndSeenByAdmins()
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        var (other, _) = await site.NewAccountAsync("unit_manager", "skane");
        var address = $"{ownerName}@example.org";

        using (var created = await SubscribeAsync(owner, ("scope", "unit"), ("unit", "skane"), ("kinds", "not_met"), ("kinds", "stale"),
                   ("email", address), ("emailMode", "digest")))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var subscription = await site.App.UseAppStoreAsync(async (db, users) =>
        {
            var id = (await users.FindByNameAsync(ownerName))!.Id;
            return await db.AlertSubscriptions.AsNoTracking().SingleAsync(s => s.UserId == id);
        });
        Assert.Equal(("unit", "skane", "not_met;stale", EmailModes.Digest), (subscription.Scope, subscription.UnitId, subscription.Kinds, subscription.EmailMode));
        Assert.Single(await site.AuditAsync(AuditActions.AlertSubscribe, $"subscription {subscription.Id}"));

        Assert.Contains(address, await owner.GetStringAsync("/alerts"), StringComparison.Ordinal);
        Assert.DoesNotContain(address, await other.GetStringAsync("/alerts"), StringComparison.Ordinal);
        Assert.Contains(address, await (await site.As("admin")).GetStringAsync("/alerts"), StringComparison.Ordinal);

        // Another account's subscription cannot be deleted; a post without the form's token is refused.
        var otherToken = Html.AntiforgeryToken(await other.GetStringAsync("/alerts"));
        using (var refused = await other.PostAsync("/alerts?handler=Delete", DemoSite.Form(("id", subscription.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Html.TokenField, otherToken))))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using (var forged = await owner.PostAsync("/alerts?handler=Delete", DemoSite.Form(("id", subscription.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(await site.App.UseAppStoreAsync((db, _) => db.AlertSubscriptions.AnyAsync(s => s.Id == subscription.Id)));

        var ownerToken = Html.AntiforgeryToken(await owner.GetStringAsync("/alerts"));
        using (var deleted = await owner.PostAsync("/alerts?handler=Delete", DemoSite.Form(("id", subscription.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Html.TokenField, ownerToken))))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await site.App.UseAppStoreAsync((db, _) => db.AlertSubscriptions.AnyAsync(s => s.Id == subscription.Id)));
        Assert.Single(await site.AuditAsync(AuditActions.AlertUnsubscribe, $"subscription {subscription.Id}"));
    }

    [Theory]
    [InlineData("ftp://example.org/hook")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://user:pw@example.org/hook")]
    [InlineData("/relative")]
    public async Task AWebhookUrl_OtherThanAPublicHttpAddress_IsRefused(string url)
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        using var response = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "not_met"), ("webhook", url));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await site.App.UseAppStoreAsync(async (db, users) =>
        {
            var id = (await users.FindByNameAsync(ownerName))!.Id;
            return await db.AlertSubscriptions.AnyAsync(s => s.UserId == id);
        }));
    }

    [Fact]
    public async Task AWebhookSubscription_ShowsItsSecretOnce()
    {
        var (owner, _) = await site.NewAccountAsync("controller");
        using var response = await SubscribeAsync(owner, ("scope", "goal"), ("goal", "nps"), ("kinds", "at_risk"), ("webhook", "https://hooks.example.org/styrkort"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = Html.TextOfId(await response.Content.ReadAsStringAsync(), "code", "webhook-secret");
        Assert.Matches("^[0-9a-f]{64}$", secret);
        Assert.DoesNotContain(secret!, await owner.GetStringAsync("/alerts"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("fifty")]
    [InlineData("")]
    public async Task AForecastLevel_OutsideOneTo99PerCent_IsRefused(string level)
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        using var response = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "forecast"), ("forecastBelow", level), ("email", "f@example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("mellan 0 och 100", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await SubscriptionsOfAsync(ownerName));
    }

    [Fact]
    public async Task AForecastLevel_IsGivenInPerCent_AndKeptAsAShare_WithTheLanguageAndPeriodsChosen()
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        using var response = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "forecast"), ("kinds", "not_met"), ("forecastBelow", "35"),
            ("periods", "month"), ("periods", "quarter"), ("periods", "year"), ("language", "en"), ("email", "f@example.org"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscription = Assert.Single(await SubscriptionsOfAsync(ownerName));
        Assert.Equal((0.35, "quarter;month", "en"), (subscription.ForecastBelow, subscription.Periods, subscription.Language));
    }

    [Theory]
    [InlineData("a@example.org, b@example.org")]
    [InlineData("Boss <boss@example.org>")]
    [InlineData("no-at-sign")]
    [InlineData("a@example.org\r\nBcc: c@example.org")]
    public async Task AnEmail_OtherThanOnePlainAddress_IsRefused(string email)
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        using var response = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "not_met"), ("email", email));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await SubscriptionsOfAsync(ownerName));
    }

    [Fact]
    public async Task AWebhookUrl_LongerThanTheLimit_IsRefused()
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        var url = "https://hooks.example.org/" + new string('a', Web.Alerts.WebhookTarget.MaxLength);
        using var response = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "not_met"), ("webhook", url));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await SubscriptionsOfAsync(ownerName));
    }

    [Fact]
    public async Task Subscriptions_BeyondTheLimitPerAccount_AreRefused()
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        var max = new Web.Alerts.AlertOptions().MaxSubscriptionsPerUser;
        await site.App.UseAppStoreAsync(async (db, users) =>
        {
            var id = (await users.FindByNameAsync(ownerName))!.Id;
            for (var i = 0; i < max; i++)
                db.AlertSubscriptions.Add(new AlertSubscription { UserId = id, Kinds = "not_met", Email = "x@example.org", WebhookSecret = "s", CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var response = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "not_met"), ("email", "x@example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"redan {max} prenumerationer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(max, (await SubscriptionsOfAsync(ownerName)).Count);
    }

    [Fact]
    public async Task AWebhooksPathAndSecret_AreNeitherInTheAuditTrailNorShownToAnAdmin()
    {
        var (owner, ownerName) = await site.NewAccountAsync("controller");
        const string url = "https://hooks.example.org/services/T000/B000/very-secret-token";
        using var response = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "not_met"), ("webhook", url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = Html.TextOfId(await response.Content.ReadAsStringAsync(), "code", "webhook-secret")!;
        var subscription = Assert.Single(await SubscriptionsOfAsync(ownerName));
        var audit = Assert.Single(await site.AuditAsync(AuditActions.AlertSubscribe, $"subscription {subscription.Id}"));
        Assert.DoesNotContain("very-secret-token", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit.Details, StringComparison.Ordinal);
        Assert.Contains("https://hooks.example.org/…", audit.Details, StringComparison.Ordinal);
        // The owner sees the address they gave; an admin, only its host.
        Assert.Contains(url, await owner.GetStringAsync("/alerts"), StringComparison.Ordinal);
        var adminPage = await (await site.As("admin")).GetStringAsync("/alerts");
        Assert.DoesNotContain("very-secret-token", adminPage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, adminPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglish_ThePageAndItsRefusalsAreEnglish_AndTheMailLanguageDefaultsToIt()
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        await owner.GetAsync("/lang?to=en&back=/alerts");
        var page = await owner.GetStringAsync("/alerts");
        Assert.Contains("<h1>Alerts</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Latest complete month", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Prenumerera", page, StringComparison.Ordinal);
        using (var refused = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "not_met")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Give an e-mail address, a webhook or both.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var made = await SubscribeAsync(owner, ("scope", "all"), ("kinds", "not_met"), ("email", "en@example.org")))
            Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Equal("en", Assert.Single(await SubscriptionsOfAsync(ownerName)).Language);
    }

    private Task<List<AlertSubscription>> SubscriptionsOfAsync(string userName) => site.App.UseAppStoreAsync(async (db, users) =>
    {
        var id = (await users.FindByNameAsync(userName))!.Id;
        return await db.AlertSubscriptions.AsNoTracking().Where(s => s.UserId == id).ToListAsync();
    });
}
