using System.Net;
using System.Net.Http.Json;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Refusals of last session's endpoints found in review: each says what was wrong, in the reader's language on pages
/// and in English in the API, instead of an English text on a Swedish page, a bare "bad request" or an empty answer.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ReviewRefusalsTest(DemoSite site)
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
}
