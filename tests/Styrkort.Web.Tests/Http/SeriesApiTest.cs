using System.Net;
using System.Net.Http.Json;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>/api/goals/{id}/series: the default quarters as before, or eight periods of another kind.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class SeriesApiTest(DemoSite site)
{
    [Fact]
    public async Task Series_WithoutAKind_IsTheEightDefaultQuarters()
    {
        var points = await (await site.As("board")).GetFromJsonAsync<List<SeriesPointDto>>("/api/goals/nps/series?unit=skane");
        Assert.Equal(site.Site.Quarters.Select(q => q.ToString()), points!.Select(p => p.Period));
    }

    [Theory]
    [InlineData("period=2026-03", "2025-08 2025-09 2025-10 2025-11 2025-12 2026-01 2026-02 2026-03")]
    [InlineData("period=2026-W12", "2026-W05 2026-W06 2026-W07 2026-W08 2026-W09 2026-W10 2026-W11 2026-W12")]
    [InlineData("period=2025", "2018 2019 2020 2021 2022 2023 2024 2025")]
    public async Task Series_OfAPeriod_IsTheEightPeriodsOfItsKindUpToIt(string query, string periods)
    {
        var points = await (await site.As("board")).GetFromJsonAsync<List<SeriesPointDto>>($"/api/goals/nps/series?unit=skane&{query}");
        Assert.Equal(periods, string.Join(" ", points!.Select(p => p.Period)));
    }

    [Theory]
    [InlineData("week", "-W")]
    [InlineData("month", "-")]
    public async Task Series_OfAKind_EndsAtTheLastCompletePeriodOfIt(string kind, string marker)
    {
        var points = await (await site.As("board")).GetFromJsonAsync<List<SeriesPointDto>>($"/api/goals/nps/series?unit=skane&kind={kind}");
        Assert.Equal(8, points!.Count);
        Assert.All(points, p => Assert.Contains(marker, p.Period, StringComparison.Ordinal));
        Assert.DoesNotContain(points, p => p.Period.Contains('Q', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kind=fortnight")]
    [InlineData("period=2026-Q9")]
    [InlineData("period=2026-03&kind=week")]
    public async Task Series_BadKindOrPeriod_IsA400WithAMessage(string query)
    {
        var response = await (await site.As("board")).GetAsync($"/api/goals/nps/series?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<ErrorDto>())!.Error));
    }
}
