using System.Net;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>An import's refused cells are said in the page's language; the API keeps the engine's English.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ImportMessagesTest(DemoSite site)
{
    private const string BadScore = "response_id,org_nr,unit_id,answered_on,score\nR1,556000-0001,skane,2026-05-02,11\nR2,556000-0002,skane,2026-05-32,7\n";

    private async Task<string> ErrorsOfAnImportAsync(HttpClient client)
    {
        var token = await DemoSite.FormTokenAsync(client, "/imports");
        var uploaded = await client.PostAsync("/imports", DemoSite.Upload("nps_responses.csv", BadScore, (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Found, uploaded.StatusCode);
        var preview = uploaded.Headers.Location!.OriginalString;
        var mapping = new[] { "response_id", "org_nr", "unit_id", "answered_on", "score" }.Select((c, i) => ($"map_0_{i}", c));
        var confirmed = await client.PostAsync(preview, DemoSite.Form([(Html.TokenField, await DemoSite.FormTokenAsync(client, preview)), .. mapping]));
        var job = confirmed.Headers.Location!.OriginalString;
        Assert.Equal(Web.Jobs.JobState.Failed, (await site.JobAsync(job)).State);
        return Html.TextOfId(await client.GetStringAsync(job), "div", "import-errors")!;
    }

    [Fact]
    public async Task BadImportValue_OnASwedishPage_IsRefusedInSwedish()
    {
        var client = await site.SignInAsync("controller");

        var errors = await ErrorsOfAnImportAsync(client);

        Assert.Contains("nps_responses.csv:2:5 (score): över maximum 10, hittade '11'", errors, StringComparison.Ordinal);
        Assert.Contains("nps_responses.csv:3:4 (answered_on): här väntades ett datum ÅÅÅÅ-MM-DD, hittade '2026-05-32'", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("found", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadImportValue_OnAnEnglishPage_IsRefusedInEnglish()
    {
        var client = await site.SignInAsync("controller");
        await client.GetAsync("/lang?to=en&back=/imports");

        var errors = await ErrorsOfAnImportAsync(client);

        Assert.Contains("nps_responses.csv:2:5 (score): above the maximum 10, found '11'", errors, StringComparison.Ordinal);
        Assert.Contains("nps_responses.csv:3:4 (answered_on): expected a date YYYY-MM-DD, found '2026-05-32'", errors, StringComparison.Ordinal);
    }
}
