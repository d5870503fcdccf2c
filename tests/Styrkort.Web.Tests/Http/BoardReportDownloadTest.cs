using System.Net;
using System.Net.Http.Json;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>The "Board report" page's downloads: the same report as `styrkort report`, with the check-ins written in the app.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class BoardReportDownloadTest(DemoSite site)
{
    [Fact]
    public async Task Pdf_IsAPdfNamedAfterQuarterAndUnit()
    {
        var client = await site.As("board");
        var response = await client.GetAsync($"/report/download?period={site.Period}&unit=skane&format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"rapport-{site.Period}-skane.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public async Task Html_CarriesTheGoalOwnersAnalysisForThatUnitAndQuarter()
    {
        var manager = await site.As("skane");
        var analysis = $"Analys för rapporten {Guid.NewGuid():N}";
        var saved = await manager.PostAsJsonAsync("/api/checkins", new CheckInDto("loan_return_36m", "skane", site.Period, analysis, [], null, null));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var html = await (await site.As("board")).GetStringAsync($"/report/download?period={site.Period}&unit=skane&format=html");

        Assert.Contains(analysis, html, StringComparison.Ordinal);
        Assert.Contains("Avkastning lån rullande 36 månader", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_ListsTheMissingAnalyses_OfTheQuarter()
    {
        // Östergötland has no subunits: each goal of its report expects one analysis, Östergötland's own.
        var goal = site.Site.Goals.Goals.First(g => Core.Evaluation.TargetJudge.Scheduled(g, site.Site.DefaultQuarter));
        var board = await site.As("board");
        var before = await board.GetStringAsync($"/report/download?period={site.Period}&unit=ostergotland&format=html");
        Assert.Contains($"<tr data-goal=\"{goal.Id}\">", Missing(before), StringComparison.Ordinal);

        var saved = await (await site.As("controller")).PostAsJsonAsync("/api/checkins", new CheckInDto(goal.Id, "ostergotland", site.Period, "Skriven.", [], null, null));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var after = Missing(await board.GetStringAsync($"/report/download?period={site.Period}&unit=ostergotland&format=html"));
        Assert.Contains("<h2>Saknade analyser</h2>", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"<tr data-goal=\"{goal.Id}\">", after, StringComparison.Ordinal);
    }

    private static string Missing(string html)
    {
        var start = html.IndexOf("<section id=\"missing-checkins\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no section of missing analyses");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("period=2026-03&format=pdf")]
    [InlineData("period=2026-Q2&format=docx")]
    [InlineData("period=2026-Q2&format=pdf&unit=nowhere")]
    public async Task BadRequests_AreRefusedWithAReason(string query)
    {
        var response = await (await site.As("board")).GetAsync("/report/download?" + query);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.NotEqual("", await response.Content.ReadAsStringAsync());
    }
}
