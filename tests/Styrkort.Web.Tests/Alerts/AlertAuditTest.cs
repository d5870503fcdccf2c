using System.Net;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Alerts;

/// <summary>What the audit trail keeps of a subscription: who made it and what it is about, not a webhook's credential.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AlertAuditTest(DemoSite site)
{
    [Fact]
    public async Task AWebhookSubscription_IsAuditedWithItsOriginOnly_NotTheUrlsCredential()
    {
        var (owner, ownerName) = await site.NewAccountAsync("viewer");
        var token = Html.AntiforgeryToken(await owner.GetStringAsync("/alerts"));
        const string url = "https://hooks.example.org/services/T0001/B0001/xoxb-credential-part";
        using var response = await owner.PostAsync("/alerts", DemoSite.Form(("scope", "all"), ("kinds", "not_met"), ("webhook", url), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A controller reads the trail, on the page and as CSV.
        var trail = await (await site.As("controller")).GetStringAsync("/audit/export");
        var line = Assert.Single(trail.Split("\r\n"), l => l.Contains(ownerName, StringComparison.Ordinal) && l.Contains("webhook", StringComparison.Ordinal));
        Assert.Contains("https://hooks.example.org/…", line, StringComparison.Ordinal);
        Assert.DoesNotContain("credential", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("T0001", await (await site.As("controller")).GetStringAsync($"/audit?actor={ownerName}"), StringComparison.Ordinal);
    }
}
