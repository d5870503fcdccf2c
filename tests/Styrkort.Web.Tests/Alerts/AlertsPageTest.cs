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
}
