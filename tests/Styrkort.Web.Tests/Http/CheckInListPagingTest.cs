using System.Net;
using System.Net.Http.Json;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// <c>GET /api/checkins</c> answers a page at a time: each check-in may hold 20 000 characters and 50 actions, so an
/// unfiltered list of years of them must not be one answer.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class CheckInListPagingTest(DemoSite site)
{
    [Fact]
    public async Task TheList_ComesAPageAtATime_InAFixedOrder_WithTheTotalInAHeader()
    {
        var controller = await site.As("controller");
        foreach (var unit in new[] { "gotland", "halland", "kalmar" })
        {
            var body = new CheckInDto("completed_efforts", unit, site.Period, $"Sidindelning {unit}.", [], null, null);
            var posted = await controller.PostAsJsonAsync("/api/checkins", body);
            Assert.True(posted.IsSuccessStatusCode || posted.StatusCode == HttpStatusCode.Conflict, await posted.Content.ReadAsStringAsync());
        }

        var all = await controller.GetAsync($"/api/checkins?goal=completed_efforts&period={site.Period}");
        var total = int.Parse(Assert.Single(all.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture);
        var whole = (await all.Content.ReadFromJsonAsync<List<CheckInDto>>())!;
        Assert.True(total >= 3);
        Assert.Equal(total, whole.Count);

        // One at a time, the pages are the whole list in the same order: nothing skipped, nothing twice.
        var walked = new List<CheckInDto>();
        for (var offset = 0; offset < total; offset++)
            walked.Add(Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=completed_efforts&period={site.Period}&limit=1&offset={offset}"))!));
        Assert.Equal(whole.Select(c => c.Unit), walked.Select(c => c.Unit));
        Assert.Empty((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=completed_efforts&period={site.Period}&offset={total}"))!);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("offset=-1")]
    [InlineData("limit=abc")]
    public async Task APageOutsideTheLimits_IsRefused(string query)
    {
        var response = await (await site.As("controller")).GetAsync($"/api/checkins?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WithoutALimit_TheAnswerHoldsAtMostTheSitesLimit()
    {
        var response = await (await site.As("controller")).GetAsync("/api/checkins");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((await response.Content.ReadFromJsonAsync<List<CheckInDto>>())!.Count, 0, 200);
    }
}
