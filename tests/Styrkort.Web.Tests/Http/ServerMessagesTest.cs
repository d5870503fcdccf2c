using System.Net;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>The server's refusals on pages and downloads are in the user's language, on the error page, not bare English text.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ServerMessagesTest(DemoSite site)
{
    [Theory]
    [InlineData("sv", "period=2026-03&format=pdf", HttpStatusCode.BadRequest, "'2026-03' är inget kvartal; ange till exempel 2026-Q2.")]
    [InlineData("en", "period=2026-03&format=pdf", HttpStatusCode.BadRequest, "'2026-03' is not a quarter; expected e.g. 2026-Q2")]
    [InlineData("sv", "period=2026-Q2&format=docx", HttpStatusCode.BadRequest, "'docx' är inget rapportformat; välj pdf, xlsx eller html.")]
    [InlineData("sv", "period=2026-Q2&format=pdf&unit=nowhere", HttpStatusCode.NotFound, "Enheten 'nowhere' finns inte.")]
    public async Task ReportDownload_RefusesInTheUsersLanguage(string lang, string query, HttpStatusCode status, string reason)
    {
        var client = await site.SignInAsync("board");
        client.DefaultRequestHeaders.Add("Cookie", $"lang={lang}");

        var response = await client.GetAsync("/report/download?" + query);

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, Html.TextOfId(await response.Content.ReadAsStringAsync(), "p", "error-detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInForAnUnknownUnit_IsRefusedInSwedish()
    {
        var client = await site.SignInAsync("controller");
        var token = await DemoSite.FormTokenAsync(client);

        var response = await client.PostAsync($"/goals/nps/checkin?unit=nowhere&period={site.Period}",
            DemoSite.Form(("analysis", "Text"), (Html.TokenField, token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Det finns ingen enhet 'nowhere'.", Html.TextOfId(await response.Content.ReadAsStringAsync(), "p", "error-detail"), StringComparison.Ordinal);
    }
}
