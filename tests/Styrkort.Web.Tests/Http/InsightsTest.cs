using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Styrkort.Core.GoalFiles;
using Styrkort.Core.Insights;
using Styrkort.Core.Periods;
using Styrkort.Web.Hosting;
using Styrkort.Web.Jobs;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Forecasts, anomalies and change explanations are computed by a background job after each published snapshot and
/// carried by a copy of it; the pages show them (or "beräknas…" until then) and the outcomes API adds their keys only
/// where there is something to say.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class InsightsTest(DemoSite site)
{
    /// <summary>The current snapshot once the insights job that followed its publication has finished.</summary>
    private async Task<SnapshotInsights> InsightsAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (site.Site.Current.Insights is { } insights) return insights;
            var pending = site.Jobs.All().Where(j => j.Kind == InsightsJob.Kind && !j.Finished).ToList();
            if (pending.Count > 0) await Task.WhenAny(Task.WhenAll(pending.Select(j => j.Completion)), Task.Delay(TimeSpan.FromSeconds(30)));
            else await Task.Delay(200);
        }
        var last = site.Jobs.All().FirstOrDefault(j => j.Kind == InsightsJob.Kind);
        throw new TimeoutException($"no insights: {last?.State} {string.Join("; ", last?.Errors ?? [])}");
    }

    /// <summary>Runs a check with the site's snapshot replaced, and puts the one in force back afterwards.</summary>
    private async Task WithSnapshotAsync(Func<SiteSnapshot, SiteSnapshot> change, Func<Task> check)
    {
        var before = site.Site.Current;
        site.Site.Publish(change(before));
        try { await check(); }
        finally { site.Site.Publish(before); }
    }

    [Fact]
    public async Task Snapshot_CarriesTheDefaultQuartersForecastsAnomaliesAndChanges_AfterTheRecompute()
    {
        var insights = await InsightsAsync();
        Assert.Equal(site.Site.DefaultQuarter, insights.Period);
        var evaluation = site.Site.Outcomes(insights.Period);
        // Every outcome has a forecast or the reason why not; several goals of the sample are forecast for the year.
        Assert.Equal(evaluation.Outcomes.Count, insights.Outcomes.Forecasts.Count);
        var forecast = insights.Outcomes.Forecasts.Values.Where(f => f.Forecast is not null).ToList();
        Assert.NotEmpty(forecast);
        Assert.All(forecast, f => Assert.True(f.Forecast!.Low <= f.Forecast.High, $"{f.Goal}/{f.Unit}"));
        Assert.All(forecast, f => Assert.Equal(insights.Period.Year, f.Forecast!.Year.Year));
        Assert.NotEmpty(insights.Changes);
        Assert.All(insights.Changes.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.Sentence.Swedish)));
        // The job is a job of its own, after the write that published the snapshot: the write answers without waiting for it.
        Assert.Contains(site.Jobs.All(), j => j.Kind == InsightsJob.Kind && j.State == JobState.Succeeded);
    }

    [Fact]
    public async Task GoalPage_ShowsTheForecastForTheYear_AndWhatDroveTheChange()
    {
        var insights = await InsightsAsync();
        var (key, goalForecast) = insights.Outcomes.Forecasts.First(f => f.Value.Forecast is { } x && x.Low < x.High && insights.Changes.ContainsKey(f.Key));
        var f = goalForecast.Forecast!;
        var change = insights.Changes[key];
        var board = await site.SignInAsync("board");
        var html = await board.GetStringAsync($"/goals/{key.Goal}?period={insights.Period}&unit={key.Unit}");
        Assert.DoesNotContain("id=\"insights-pending\"", html, StringComparison.Ordinal);
        Assert.Contains($"Prognos för året {f.Year}", html, StringComparison.Ordinal);
        Assert.NotNull(Html.TextOfId(html, "dd", "forecast-value"));
        Assert.Contains("–", Html.TextOfId(html, "dd", "forecast-interval"), StringComparison.Ordinal);
        Assert.Matches(f.ProbabilityMet is null ? "ingen nivå för året" : "^\\d{1,3} %$", Html.TextOfId(html, "dd", "forecast-chance")!.Trim());
        Assert.Contains("docs/insights.md", Html.TextOfId(html, "details", "forecast-method"), StringComparison.Ordinal);
        Assert.Equal(change.Sentence.Swedish, Html.TextOfId(html, "p", "change"));
        if (change.Contributors.Any(c => !c.Rest))
        {
            var table = Html.TextOfId(html, "table", "change-contributors")!;
            var largest = change.Contributors.Where(c => !c.Rest).MaxBy(c => Math.Abs(c.Effect))!;
            Assert.Contains(largest.Label, table, StringComparison.Ordinal);
        }

        // In English too.
        var english = await site.SignInAsync("board");
        await english.GetAsync("/lang?to=en&back=/");
        var en = await english.GetStringAsync($"/goals/{key.Goal}?period={insights.Period}&unit={key.Unit}");
        Assert.Contains($"Forecast for the year {f.Year}", en, StringComparison.Ordinal);
        Assert.Equal(change.Sentence.English, Html.TextOfId(en, "p", "change"));

        // Another period: no forecast of its own, the page says which quarter has them.
        var earlier = await board.GetStringAsync($"/goals/{key.Goal}?period={insights.Period.Previous()}&unit={key.Unit}");
        Assert.Contains("id=\"insights-other-period\"", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"forecast\"", earlier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalPage_SaysTheYearEndIsKnown_WhenNothingLeftInTheYearCanChangeIt()
    {
        // The engagement survey is dated 1 January: from the default quarter its December value is already known.
        var insights = await InsightsAsync();
        var (key, known) = insights.Outcomes.Forecasts.First(f => f.Key.Goal == "engagement_index" && f.Value.Forecast is not null);
        Assert.Equal(known.Forecast!.Low, known.Forecast.High);
        var board = await site.SignInAsync("board");
        var html = await board.GetStringAsync($"/goals/{key.Goal}?period={insights.Period}&unit={key.Unit}");
        Assert.StartsWith("känt", Html.TextOfId(html, "dd", "forecast-interval")!.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalPage_ShowsTheChangeSinceTheBoardLastSawTheGoal_WhereThatWasNotThePeriodBefore()
    {
        var insights = await InsightsAsync();
        var previous = insights.Period.Previous();
        // Computed by the job for every goal the board sees, from the quarter of its last look.
        Assert.NotEmpty(insights.BoardChanges);
        Assert.All(insights.BoardChanges, c => Assert.Equal(Core.Evaluation.BoardCalendar.PreviousLook(site.Site.Goals.Goals.Single(g => g.Id == c.Key.Goal), insights.Period), c.Value.From));
        var (key, change) = insights.BoardChanges.First(c => c.Value.From != previous);
        var board = await site.SignInAsync("board");
        var html = await board.GetStringAsync($"/goals/{key.Goal}?period={insights.Period}&unit={key.Unit}");
        Assert.Equal($"Sedan styrelsen senast såg målet ({change.From})", Html.TextOfId(html, "h3", "change-board-heading"));
        Assert.Equal(change.Sentence.Swedish, Html.TextOfId(html, "p", "change-board"));
        Assert.Contains($"sedan styrelsen senast såg målet ({change.From})", change.Sentence.Swedish, StringComparison.Ordinal);
        if (change.Contributors.Any(c => !c.Rest))
            Assert.Contains(GoalLargest(change).Label, Html.TextOfId(html, "table", "change-board-contributors")!, StringComparison.Ordinal);
        // The change since the period before is there as before.
        if (insights.Changes.TryGetValue(key, out var sincePrevious))
            Assert.Equal(sincePrevious.Sentence.Swedish, Html.TextOfId(html, "p", "change"));

        // Where the board's last look was the period before, the change is shown once, and the page says so.
        var (same, once) = insights.Changes.First(c => insights.BoardChanges.TryGetValue(c.Key, out var b) && b.From == previous);
        var page = await board.GetStringAsync($"/goals/{same.Goal}?period={insights.Period}&unit={same.Unit}");
        Assert.Equal(once.Sentence.Swedish, Html.TextOfId(page, "p", "change"));
        Assert.DoesNotContain("id=\"change-board\"", page, StringComparison.Ordinal);
        Assert.Equal($"{previous} är också då styrelsen senast såg målet.", Html.TextOfId(page, "p", "change-board-same"));

        // The API adds boardChange only where it differs from change; change itself is as before.
        using var api = JsonDocument.Parse(await board.GetStringAsync($"/api/outcomes?period={insights.Period}"));
        var results = api.RootElement.GetProperty("results").EnumerateArray().ToList();
        var json = results.Single(r => r.GetProperty("goal").GetString() == key.Goal && r.GetProperty("unit").GetString() == key.Unit);
        Assert.Equal(change.From.ToString(), json.GetProperty("boardChange").GetProperty("from").GetString());
        Assert.Equal(change.Sentence.English, json.GetProperty("boardChange").GetProperty("sentence").GetProperty("en").GetString());
        Assert.Equal(insights.BoardChanges.Count(c => c.Value.From != previous), results.Count(r => r.TryGetProperty("boardChange", out _)));
        Assert.Equal(insights.Changes.Count, results.Count(r => r.TryGetProperty("change", out _)));
    }

    [Fact]
    public async Task GoalPage_SaysNothingChangedSinceTheBoardLastSawTheGoal_WhenThereIsNoSuchChange()
    {
        var insights = await InsightsAsync();
        var (key, change) = insights.BoardChanges.First(c => c.Value.From != insights.Period.Previous());
        var withoutIt = insights with { BoardChanges = insights.BoardChanges.Where(c => c.Key != key).ToDictionary() };
        await WithSnapshotAsync(s => s with { Insights = withoutIt }, async () =>
        {
            var board = await site.SignInAsync("board");
            var html = await board.GetStringAsync($"/goals/{key.Goal}?period={insights.Period}&unit={key.Unit}");
            Assert.DoesNotContain("id=\"change-board\"", html, StringComparison.Ordinal);
            Assert.Equal($"Ingen förändring att förklara sedan styrelsen senast såg målet ({change.From}).", Html.TextOfId(html, "p", "change-board-none"));
        });
    }

    private static ChangeContributor GoalLargest(ChangeExplanation change) => change.Contributors.Where(c => !c.Rest).MaxBy(c => Math.Abs(c.Effect))!;

    [Fact]
    public async Task GoalPage_SaysTheForecastIsBeingComputed_UntilTheInsightsAreThere()
    {
        await InsightsAsync();
        var board = await site.SignInAsync("board");
        await WithSnapshotAsync(s => s with { Insights = null }, async () =>
        {
            var html = await board.GetStringAsync($"/goals/nps?period={site.Period}");
            Assert.Equal("Prognoser och avvikelser beräknas…", Html.TextOfId(html, "p", "insights-pending"));
            Assert.DoesNotContain("id=\"forecast\"", html, StringComparison.Ordinal);
            using var api = JsonDocument.Parse(await board.GetStringAsync($"/api/outcomes?period={site.Period}"));
            Assert.All(api.RootElement.GetProperty("results").EnumerateArray(), r => Assert.False(r.TryGetProperty("forecast", out _)));
        });
    }

    [Fact]
    public async Task AnAnomaly_IsMarkedInTheOverviewCell_OnTheGoalPage_AndInTheApi()
    {
        var insights = await InsightsAsync();
        var outcome = site.Site.Outcomes(insights.Period).Outcomes.First(o => o.Goal == "nps" && o.Value is not null);
        var reason = new LocalizedText("2026-06 ligger långt under sin historik (testets avvikelse)", "2026-06 is far below its history (the test's anomaly)");
        var anomaly = new Anomaly(outcome.Goal, outcome.Unit, MonthPeriods.LastWholeMonth(insights.Period), 12.5, 48.0, -5.1, reason);
        var flagged = insights.Outcomes.Anomalies.ToDictionary(a => a.Key, a => a.Value);
        flagged[(outcome.Goal, outcome.Unit)] = anomaly;
        var withAnomaly = insights with { Outcomes = insights.Outcomes with { Anomalies = flagged } };
        var board = await site.SignInAsync("board");
        await WithSnapshotAsync(s => s with { Insights = withAnomaly }, async () =>
        {
            var overview = await board.GetStringAsync($"/?period={insights.Period}");
            var cell = Regex.Match(overview, $"<tr data-goal=\"nps\">.*?<td class=\"cell [^\"]*\" data-unit=\"{Regex.Escape(outcome.Unit)}\".*?</td>", RegexOptions.Singleline);
            Assert.True(cell.Success);
            Assert.Contains("<span aria-hidden=\"true\">⚑</span><span class=\"sr-only\">avvikande</span>", cell.Value, StringComparison.Ordinal);
            // Only the flagged cells carry the mark.
            Assert.Equal(flagged.Count, Regex.Matches(Regex.Match(overview, "<table class=\"matrix\".*?</table>", RegexOptions.Singleline).Value, "class=\"sr-only\">avvikande<").Count);

            var page = await board.GetStringAsync($"/goals/nps?period={insights.Period}&unit={outcome.Unit}");
            Assert.Equal("⚑ Avvikande: " + reason.Swedish, Regex.Replace(Html.TextOfId(page, "p", "anomaly")!, "\\s+", " ").Trim());

            using var api = JsonDocument.Parse(await board.GetStringAsync($"/api/outcomes?period={insights.Period}"));
            var results = api.RootElement.GetProperty("results").EnumerateArray().ToList();
            var json = results.Single(r => r.GetProperty("goal").GetString() == "nps" && r.GetProperty("unit").GetString() == outcome.Unit);
            Assert.True(json.GetProperty("anomaly").GetProperty("flagged").GetBoolean());
            Assert.Equal(reason.English, json.GetProperty("anomaly").GetProperty("reason").GetProperty("en").GetString());
            // The keys are there only where there is something to say: never as null.
            Assert.Equal(flagged.Count, results.Count(r => r.TryGetProperty("anomaly", out _)));
            Assert.All(results, r => Assert.False(r.TryGetProperty("forecast", out var v) && v.ValueKind == JsonValueKind.Null));
            Assert.Equal(insights.Outcomes.Forecasts.Values.Count(f => f.Forecast is not null), results.Count(r => r.TryGetProperty("forecast", out _)));
        });
    }

    [Fact]
    public async Task BoardReport_SaysWhatChanged_ForTheScheduledGoals_FromTheSnapshot()
    {
        var insights = await InsightsAsync();
        var board = await site.SignInAsync("board");
        var html = WebUtility.HtmlDecode(await board.GetStringAsync($"/report/download?period={insights.Period}&unit=skane&format=html"));
        // The report compares with the quarter the board last saw each goal.
        var explained = insights.BoardChanges.Where(c => c.Key.Unit == "skane").Select(c => c.Value.Sentence.Swedish).Where(html.Contains).ToList();
        Assert.NotEmpty(explained);
        Assert.Contains("<h4>Vad förändrades</h4>", html, StringComparison.Ordinal);
        // Before the insights are there, the report is made without the sentences rather than waiting for them.
        await WithSnapshotAsync(s => s with { Insights = null }, async () =>
        {
            var plain = WebUtility.HtmlDecode(await board.GetStringAsync($"/report/download?period={insights.Period}&unit=skane&format=html"));
            Assert.DoesNotContain("Vad förändrades", plain, StringComparison.Ordinal);
        });
    }
}
