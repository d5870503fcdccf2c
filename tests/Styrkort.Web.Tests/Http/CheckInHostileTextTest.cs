using System.Net;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// A check-in's text is written by users and shown to everyone: in the preview (the board report's HTML), on the goal
/// page, in the history's diff and in a refused save's comparison. Markup in it is shown as text, never run.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class CheckInHostileTextTest(DemoSite site)
{
    private const string Analysis = "<script>alert(1)</script> [klick](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n\"><svg onload=alert(4)>";
    private const string What = "<img src=y onerror=alert(5)>";
    private const string Who = "\"><script>alert(6)</script>";

    private static void AssertInert(string html, string where)
    {
        // Escaped, the text still reads "onerror=alert"; only a real tag or link would run it.
        foreach (var bad in new[] { "<script>alert", "href=\"javascript:", "<img src=x", "<img src=y", "<svg onload" })
            Assert.False(html.Contains(bad, StringComparison.OrdinalIgnoreCase), $"{where} carries {bad}");
    }

    [Fact]
    public async Task HostileMarkup_IsShownAsText_InPreviewGoalPageHistoryAndConflict()
    {
        var controller = await site.As("controller");
        const string goal = "kyc_coverage", unit = "halland";
        (string, string)[] Fields(string version) =>
        [
            ("unit", unit), ("period", site.Period), ("version", version), ("analysis", Analysis),
            ("actions[0].What", What), ("actions[0].Who", Who), ("actions[0].State", "open"),
        ];
        var token = await DemoSite.FormTokenAsync(controller);

        var preview = await controller.PostAsync($"/goals/{goal}/checkin?handler=Preview", DemoSite.Form([.. Fields("0"), (Html.TokenField, token)]));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        AssertInert(await preview.Content.ReadAsStringAsync(), "the preview");

        var saved = await controller.PostAsync($"/goals/{goal}/checkin", DemoSite.Form([.. Fields("0"), (Html.TokenField, token)]));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        AssertInert(await controller.GetStringAsync($"/goals/{goal}?period={site.Period}&unit={unit}"), "the goal page");
        AssertInert(await controller.GetStringAsync($"/goals/{goal}/checkin/history?unit={unit}&period={site.Period}"), "the history");

        // Saved again over the version it was opened on: refused, with both texts and their difference on the page.
        var stale = await controller.PostAsync($"/goals/{goal}/checkin", DemoSite.Form([.. Fields("0"), (Html.TokenField, token)]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        AssertInert(await stale.Content.ReadAsStringAsync(), "the refused save");
    }
}
