using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Pages;

/// <summary>An ISO week (2026-W12, 16–22 March 2026) is a period the pages and the API accept like any other.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class WeekPeriodTest(DemoSite site)
{
    [GeneratedRegex("""<option value="(?<v>[^"]*)"(?<s> selected="selected")?>""")]
    private static partial Regex Option();

    private static List<(string Value, bool Selected)> Options(string html, string name)
    {
        var start = html.IndexOf($"<select name=\"{name}\"", StringComparison.Ordinal);
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        return Option().Matches(select).Select(m => (m.Groups["v"].Value, m.Groups["s"].Success)).ToList();
    }

    [Fact]
    public async Task Overview_OfAWeek_IsShown_ThePickerOffersItAndTheWeeksBefore()
    {
        var board = await site.As("board");
        var html = await board.GetStringAsync("/?period=2026-W12");

        Assert.Contains("2026-W12", Html.Text(html[html.IndexOf("<h1>", StringComparison.Ordinal)..html.IndexOf("</h1>", StringComparison.Ordinal)]), StringComparison.Ordinal);
        var options = Options(html, "period");
        Assert.Equal([("2026-W12", true)], options.Where(o => o.Selected));
        // The week and the seven before it, beside the default quarters, latest first.
        var weeks = options.Select(o => o.Value).Where(v => v.Contains("-W", StringComparison.Ordinal)).ToList();
        Assert.Equal(["2026-W12", "2026-W11", "2026-W10", "2026-W09", "2026-W08", "2026-W07", "2026-W06", "2026-W05"], weeks);
        Assert.Contains(site.Period, options.Select(o => o.Value));
    }

    [Fact]
    public async Task GoalPage_OfAWeek_FollowsItWeekByWeek()
    {
        var board = await site.As("board");
        var html = await board.GetStringAsync("/goals/disbursed_loans?period=2026-W12");
        Assert.Equal([("2026-W12", true)], Options(html, "period").Where(o => o.Selected));
        Assert.Matches("Utveckling per vecka|Week by week", Html.Text(html));
        // The chart's points are the eight weeks up to the chosen one.
        Assert.Contains("2026-W05", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_OfAWeek_LiesBetweenTheMonthsAroundIt()
    {
        var board = await site.As("board");
        var week = (await board.GetFromJsonAsync<OutcomesDto>("/api/outcomes?period=2026-W12"))!;
        var february = (await board.GetFromJsonAsync<OutcomesDto>("/api/outcomes?period=2026-02"))!;
        var march = (await board.GetFromJsonAsync<OutcomesDto>("/api/outcomes?period=2026-03"))!;
        Assert.Equal("2026-W12", week.Period);
        Assert.Equal(march.Results.Count, week.Results.Count);
        // Disbursed loans so far this year: to 22 March lies between to 28 February and to 31 March, in every unit.
        static Dictionary<string, double> Ytd(OutcomesDto o) =>
            o.Results.Where(r => r.Goal == "disbursed_loans").ToDictionary(r => r.Unit, r => r.Value ?? 0);
        var (w, f, m) = (Ytd(week), Ytd(february), Ytd(march));
        Assert.All(w, x => Assert.InRange(x.Value, f[x.Key], m[x.Key]));
        Assert.Contains(m, x => x.Value > f[x.Key]);   // the sample disburses loans in March
        // 22 March is day 81 of 365: the phased level lies between February's (2/12) and March's (3/12).
        Assert.All(week.Results.Where(r => r.Goal == "disbursed_loans" && r.Target.Phased && r.Target.Level is not null),
            r => Assert.Equal((double)r.Target.AnnualLevel!.Value * 81 / 365, (double)r.Target.Level!.Value, 6));
        Assert.All(week.Results, r => Assert.False(r.Scheduled));   // no quarter ends in 16–22 March
    }

    [Theory]
    [InlineData("/api/outcomes?period=2025-W53", "'2025-W53' is not a period: the ISO year 2025 has 52 weeks, not 53")]
    [InlineData("/api/outcomes?period=2026-W54", "'2026-W54' is not a period; expected a quarter (2026-Q2), a month (2026-03), a year (2026) or a week (2026-W12)")]
    public async Task Api_ABadWeek_IsRefused_SayingWhy(string path, string error)
    {
        var board = await site.As("board");
        var response = await board.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-W00", "'2026-W00' är ingen period; ange ett kvartal (2026-Q2), en månad (2026-03), ett år (2026) eller en vecka (2026-W12).")]
    [InlineData("2025-W53", "'2025-W53' är ingen period: ISO-året 2025 har 52 veckor, inte 53.")]
    public async Task Page_ABadWeek_IsRefused_SayingWhy_InTheUsersLanguage(string period, string reason)
    {
        var client = await site.SignInAsync("board");
        client.DefaultRequestHeaders.Add("Cookie", "lang=sv");
        var response = await client.GetAsync($"/?period={period}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, Html.TextOfId(await response.Content.ReadAsStringAsync(), "p", "error-detail"), StringComparison.Ordinal);
    }
}
