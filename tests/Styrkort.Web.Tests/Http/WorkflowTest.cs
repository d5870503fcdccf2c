using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Styrkort.Core.Formatting;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>What the users do, through the pages and the API: check-ins, board decisions, imports.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class WorkflowTest(DemoSite site)
{
    [Fact]
    public async Task CheckIn_PostedThroughTheApi_IsListed_AndShownOnTheGoalPage()
    {
        var controller = await site.As("controller");
        var body = new CheckInDto("loan_return_36m", "uppsala", site.Period, "Avkastningen **sjunker** i Uppsala.",
            [new ActionDto("Se över prissättningen", "Karin", new DateOnly(2026, 12, 31), "in_progress"), new ActionDto(" ", "tom rad", null, "open")], null, null);
        var posted = await controller.PostAsJsonAsync("/api/checkins", body);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var listed = Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=loan_return_36m&unit=uppsala&period={site.Period}"))!);
        Assert.Equal(body.Analysis, listed.Analysis);
        Assert.Equal("controller", listed.UpdatedBy);
        var action = Assert.Single(listed.Actions); // the empty row is dropped
        Assert.Equal(new ActionDto("Se över prissättningen", "Karin", new DateOnly(2026, 12, 31), "in_progress"), action);

        // Written again over the version it was read as, it is replaced, not doubled.
        Assert.Equal(1, listed.Version);
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins", body with { Analysis = "Ny bedömning.", Actions = [], Version = listed.Version })).StatusCode);
        listed = Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=loan_return_36m&unit=uppsala&period={site.Period}"))!);
        Assert.Equal("Ny bedömning.", listed.Analysis);
        Assert.Empty(listed.Actions);

        var page = await (await site.As("board")).GetStringAsync($"/goals/loan_return_36m?period={site.Period}&unit=uppsala");
        Assert.Contains("Ny bedömning.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_such_goal", "skane", "{p}")]
    [InlineData("nps", "no_such_unit", "{p}")]
    [InlineData("nps", "skane", "last spring")]
    public async Task CheckIn_ForNothingThatExists_Is400(string goal, string unit, string period)
    {
        var body = new CheckInDto(goal, unit, period.Replace("{p}", site.Period, StringComparison.Ordinal), "x", [], null, null);
        var response = await (await site.As("controller")).PostAsJsonAsync("/api/checkins", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CheckIn_FromAScript_MayLeaveOutTheActions()
    {
        var controller = await site.As("controller");
        using var json = new StringContent($"{{\"goal\": \"engagement_index\", \"unit\": \"nord\", \"period\": \"{site.Period}\", \"analysis\": \"Stabilt.\"}}",
            System.Text.Encoding.UTF8, "application/json");
        var response = await controller.PostAsync("/api/checkins", json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<CheckInDto>())!.Actions);

        using var noAnalysis = new StringContent($"{{\"goal\": \"engagement_index\", \"unit\": \"nord\", \"period\": \"{site.Period}\", \"actions\": [], \"version\": 1}}",
            System.Text.Encoding.UTF8, "application/json");
        response = await controller.PostAsync("/api/checkins", noAnalysis);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", (await response.Content.ReadFromJsonAsync<CheckInDto>())!.Analysis);
    }

    [Fact]
    public async Task CheckIn_Markdown_IsRenderedWithoutRunningHtml()
    {
        var controller = await site.As("controller");
        var body = new CheckInDto("women_share", "kalmar", site.Period, "Ökar **tydligt**.\n\n<script>alert(1)</script>", [], null, null);
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins", body)).StatusCode);
        var page = await controller.GetStringAsync($"/goals/women_share?period={site.Period}&unit=kalmar");
        Assert.Contains("<strong>tydligt</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetDecision_RecomputesTheOutcome_WhilePagesReadTheCache()
    {
        const string goal = "nps", unit = "gotland";
        var quarter = site.Site.DefaultQuarter;
        var controller = await site.As("controller");

        // Pages read the precomputed outcomes: requests do not evaluate again.
        var cached = site.Site.Outcomes(quarter);
        Assert.Equal(HttpStatusCode.OK, (await controller.GetAsync($"/?period={quarter}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await controller.GetAsync($"/api/outcomes?period={quarter}")).StatusCode);
        Assert.Same(cached, site.Site.Outcomes(quarter));
        var before = await OutcomeAsync(controller, goal, unit);
        Assert.NotEqual(99.5m, before.Target.Level);

        var token = await DemoSite.FormTokenAsync(controller, "/targets");
        var saved = await controller.PostAsync("/targets", DemoSite.Form(("goal", goal), ("unit", unit), ("year", quarter.Year.ToString(CultureInfo.InvariantCulture)),
            ("level", "99,5"), ("kind", "decision"), ("decidedOn", $"{quarter.Year}-02-20"), ("decidedBy", "Styrelsen Gotland"), ("minute", "§ 7"),
            (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        // The page answered at once; the recompute is queued.
        await site.Jobs.DrainAsync();

        var recomputed = site.Site.Outcomes(quarter);
        Assert.NotSame(cached, recomputed);
        var after = await OutcomeAsync(controller, goal, unit);
        Assert.Equal(99.5m, after.Target.Level);
        Assert.Equal("not_met", after.Status); // nobody recommends at 99.5
        Assert.Equal(before.Value, after.Value);

        // The overview shows the new level, from the cache.
        var overview = await controller.GetStringAsync($"/?period={quarter}");
        Assert.Same(recomputed, site.Site.Outcomes(quarter));
        var cell = Regex.Match(overview, $"<tr data-goal=\"{goal}\">.*?<td[^>]*data-unit=\"{unit}\"[^>]*>.*?</td>", RegexOptions.Singleline).Value;
        Assert.Contains("data-status=\"not_met\"", cell, StringComparison.Ordinal);
        Assert.Contains("≥\u00a0" + SwedishFormat.Value(99.5, site.Site.Goals.Metrics[goal].Unit), Html.Text(cell), StringComparison.Ordinal);

        // The history says who decided what, when.
        var history = Html.TextOfId(await controller.GetStringAsync($"/targets?year={quarter.Year}"), "table", "target-history")!;
        Assert.Contains("Styrelsen Gotland", history, StringComparison.Ordinal);
        Assert.Contains("§ 7", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfABadFile_Is422WithFileLineAndColumn_AndChangesNothing()
    {
        var controller = await site.As("controller");
        var batches = (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))!.Count;
        var cached = site.Site.Outcomes(site.Site.DefaultQuarter);

        var lines = File.ReadLines(Path.Combine(site.DataDirectory, "sample", "loans.csv")).Take(4).ToArray();
        lines[2] = Regex.Replace(lines[2], @",\d{4}-\d{2}-\d{2},", ",2026-13-01,");
        lines[3] = Regex.Replace(lines[3], @",(\d+),(start|expansion|established)$", ",12 kr,$2");
        var response = await controller.PostAsync("/api/imports?wait=true", DemoSite.Upload("loans.csv", string.Join('\n', lines) + "\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<ErrorDto>())!;
        Assert.Contains("nothing was changed", error.Error, StringComparison.Ordinal);
        Assert.Contains(error.Details!, d => d.StartsWith("loans.csv:3:4 (disbursed_on):", StringComparison.Ordinal));
        Assert.Contains(error.Details!, d => d.StartsWith("loans.csv:4:5 (amount):", StringComparison.Ordinal));
        Assert.Equal(batches, (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))!.Count);
        Assert.Same(cached, site.Site.Outcomes(site.Site.DefaultQuarter));
    }

    [Fact]
    public async Task Import_ThroughTheWebApp_IsNamedInTheBoardReportByItsOwnFileName_NotItsTemporaryFolder()
    {
        var controller = await site.As("controller");
        var content = await File.ReadAllTextAsync(Path.Combine(site.DataDirectory, "sample", "operating_costs.csv"));
        var response = await controller.PostAsync("/api/imports?wait=true", DemoSite.Upload("operating_costs.csv", content));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var report = await controller.GetStringAsync($"/report/download?period={site.Period}&format=html");
        Assert.Contains("operating_costs.csv", report, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.Combine(site.DataDirectory, "jobs"), report, StringComparison.Ordinal);
        Assert.DoesNotContain("/jobs/", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAGoodFile_RecordsTheBatch_AndRecomputes()
    {
        var controller = await site.As("controller");
        var cached = site.Site.Outcomes(site.Site.DefaultQuarter);
        var file = Path.Combine(site.DataDirectory, "sample", "units.csv");
        var content = await File.ReadAllTextAsync(file);

        var response = await controller.PostAsync("/api/imports?wait=true", DemoSite.Upload("Units.csv", content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = Assert.Single((await response.Content.ReadFromJsonAsync<List<ImportBatchDto>>())!);
        Assert.Equal(("units", "Units.csv", "controller"), (batch.Dataset, batch.FileName, batch.ImportedBy));
        Assert.Equal(File.ReadLines(file).Count() - 1, batch.Rows);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), batch.Sha256);
        Assert.Equal(batch, (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))![0]);
        Assert.NotSame(cached, site.Site.Outcomes(site.Site.DefaultQuarter));
        Assert.Contains("Units.csv", Html.TextOfId(await controller.GetStringAsync("/imports"), "table", "batches"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OnThePage_ListsTheErrors()
    {
        var controller = await site.As("controller");
        var token = await DemoSite.FormTokenAsync(controller, "/imports");
        var uploaded = await controller.PostAsync("/imports", DemoSite.Upload("nps_responses.csv", "response_id,org_nr,unit_id,answered_on,score\nR1,556000-0001,skane,2026-05-02,11\n", (Html.TokenField, token)));
        // The upload is previewed first; confirmed with the mapping by name, the page answers at once with the job's
        // page, which shows the errors when the job has run.
        Assert.Equal(HttpStatusCode.Found, uploaded.StatusCode);
        var preview = uploaded.Headers.Location!.OriginalString;
        var mapping = new[] { "response_id", "org_nr", "unit_id", "answered_on", "score" }.Select((c, i) => ($"map_0_{i}", c));
        var response = await controller.PostAsync(preview, DemoSite.Form([(Html.TokenField, await DemoSite.FormTokenAsync(controller, preview)), .. mapping]));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/jobs/[0-9a-f]+$", location);
        Assert.Equal(Web.Jobs.JobState.Failed, (await site.JobAsync(location)).State);
        var errors = Html.TextOfId(await controller.GetStringAsync(location), "div", "import-errors");
        Assert.NotNull(errors);
        Assert.Contains("nps_responses.csv:2:5 (score)", errors, StringComparison.Ordinal);
    }

    /// <summary>A form sent without the browser's checks (a field left out) gets the page back or a 400, never a 500.</summary>
    [Theory]
    [InlineData("admin", "/admin/users", "userName=nopassword&role=viewer")]
    [InlineData("admin", "/admin/users", "password=long-enough-password&role=viewer")]
    [InlineData("admin", "/admin/users", "userName=norole&password=long-enough-password")]
    [InlineData("controller", "/targets", "goal=nps&unit=skane&year=2026&kind=proposal")]
    [InlineData("controller", "/targets", "unit=skane&year=2026&level=3&kind=proposal")]
    [InlineData("controller", "/targets", "goal=nps&unit=skane&level=3&kind=decision")]
    [InlineData("controller", "/goals/nps/checkin", "unit=skane&analysis=x")]
    [InlineData("controller", "/goals/nps/checkin", "period=2026-Q2&analysis=x")]
    [InlineData("controller", "/imports", "")]
    public async Task FormPost_WithAFieldLeftOut_IsNotAServerError(string who, string path, string fields)
    {
        var client = await site.As(who);
        var token = await DemoSite.FormTokenAsync(client);
        var form = fields.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=')).Select(f => (f[0], f[1])).Append((Html.TokenField, token)).ToArray();
        var response = await client.PostAsync(path, path == "/imports" ? DemoSite.Upload("", "", form) : DemoSite.Form(form));
        Assert.True((int)response.StatusCode is 200 or 302 or 400, $"{(int)response.StatusCode}");
    }

    private async Task<OutcomeDto> OutcomeAsync(HttpClient client, string goal, string unit) =>
        (await client.GetFromJsonAsync<OutcomesDto>($"/api/outcomes?period={site.Period}"))!.Results.Single(o => o.Goal == goal && o.Unit == unit);
}
