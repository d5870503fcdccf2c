using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Refusals of the sort, series, check-in versions, download and page endpoints: each says what was wrong, in the reader's language on pages
/// and in English in the API, instead of an English text on a Swedish page, a bare "bad request" or an empty answer.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class BadRequestRefusalsTest(DemoSite site)
{
    [Theory]
    [InlineData("sort=colour", "'colour' är ingen kolumn att sortera efter")]
    [InlineData("sort=value&dir=sideways", "'sideways' är ingen ordning")]
    public async Task GoalPage_AnUnknownOrder_IsRefusedInSwedish(string query, string expected)
    {
        var response = await (await site.As("board")).GetAsync($"/goals/nps?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected.Replace("'", "&#x27;", StringComparison.Ordinal), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeriesApi_AnUnknownUnit_Is404NamingIt()
    {
        var response = await (await site.As("board")).GetAsync("/api/goals/nps/series?unit=nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown unit 'nowhere'", (await response.Content.ReadFromJsonAsync<ErrorDto>())!.Error);
    }

    [Theory]
    [InlineData("", "missing: goal, unit, period")]
    [InlineData("?goal=nps&unit=skane", "missing: period")]
    public async Task CheckInVersionsApi_WithoutGoalUnitOrPeriod_SaysWhichIsMissing(string query, string expected)
    {
        var response = await (await site.As("board")).GetAsync($"/api/checkins/versions{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.EndsWith(expected, (await response.Content.ReadFromJsonAsync<ErrorDto>())!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsDownload_WhenAsManyRunAsTheSiteTakes_Is429UntilOneEnds()
    {
        var gate = site.App.Services.GetRequiredService<Web.Drill.RowDownloadGate>();
        var url = $"/goals/nps/rows?unit=skane&period={site.Period}&dataset=nps_responses&format=csv";
        var board = await site.As("board");
        var running = Enumerable.Range(0, gate.Limit).Select(_ => gate.TryEnter()).ToList();
        try
        {
            Assert.All(running, Assert.NotNull);
            var refused = await board.GetAsync(url);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains($"{gate.Limit} nedladdningar av rader pågår redan", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            running.ForEach(s => s?.Dispose());
        }
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync(url)).StatusCode);
        // Every download gives its slot back: as many again as the limit still run.
        for (var i = 0; i <= gate.Limit; i++) Assert.Equal(HttpStatusCode.OK, (await board.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("controller", "/imports/template?dataset=nothing&format=csv", 404, "ingen datamängd heter 'nothing'")]
    [InlineData("controller", "/imports/template?dataset=loans&format=pdf", 400, "'pdf' är inget mallformat")]
    [InlineData("controller", "/imports/preview/00000000000000000000000000000000", 404, "Den här uppladdningen väntar inte längre")]
    [InlineData("controller", "/goals/nps/checkin?unit=skane&period=2026-03", 400, "Analyser skrivs per kvartal")]
    [InlineData("board", "/checkins?period=2026-03", 400, "Analyser skrivs per kvartal")]
    [InlineData("board", "/goals/nps/checkin/history?unit=skane&period=2026-03", 400, "Analyser skrivs per kvartal")]
    [InlineData("board", "/goals/nps/checkin/history?unit=skane&period=hello", 400, "'hello' är ingen period")]
    public async Task PageRefusals_AreTheErrorPage_WithTheReasonInSwedish(string who, string path, int status, string reason)
    {
        var response = await (await site.As(who)).GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<main", page, StringComparison.Ordinal);
        Assert.Contains(reason.Replace("'", "&#x27;", StringComparison.Ordinal), page, StringComparison.Ordinal);
    }
}
