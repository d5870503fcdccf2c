using System.Net;
using System.Text.RegularExpressions;
using Styrkort.Web.Jobs;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>A refused text lists every error; the goal structure's pitfalls are shown; a goal page names what it serves.</summary>
public sealed partial class GoalFilePageTest
{
    [Fact]
    public async Task ARefusedSave_ListsEveryError_WithLineAndColumn_AndSavesNothing()
    {
        var client = await SignInAsync("controller");
        var form = await OpenAsync(client);
        // An unknown key in two goals and a misspelt column in a formula.
        var bad = form.Text
            .Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal)
            .Replace("    metric: disbursed_loans\n", "    metric: disbursed_loans\n    colour: green\n", StringComparison.Ordinal)
            .Replace("    metric: cost_per_effort\n", "    metric: cost_per_effort\n    colour: red\n", StringComparison.Ordinal);

        var response = await SaveAsync(client, form, bad);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var items = Regex.Matches(Html.TextOfId(page, "div", "goalfile-error") is not null ? page : "", "<li>(.*?)</li>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", ""))).ToList();
        Assert.Equal(3, items.Count);
        // The engine's reasons in the page's language (Swedish), from its message catalogue; the CLI keeps them in English.
        Assert.Matches(@"^goals\.yaml:\d+:\d+: datamängden 'loans' har ingen kolumn 'amout'; dess kolumner: ", items[0]);
        Assert.Matches(@"^goals\.yaml:\d+:\d+: okänd nyckel 'colour'; här går: ", items[1]);
        Assert.Matches(@"^goals\.yaml:\d+:\d+: okänd nyckel 'colour'; här går: ", items[2]);
        Assert.Contains("3 fel; inget sparades", Html.TextOfId(page, "div", "goalfile-error"), StringComparison.Ordinal);
        Assert.Single(await VersionsAsync());
    }

    [Fact]
    public async Task AGoalStructure_IsShown_WarningsOnTheGoalFilePage_ServesAndServedByOnTheGoalPages()
    {
        var client = await SignInAsync("controller");
        var form = await OpenAsync(client);
        var structured = form.Text.Replace("    metric: completed_efforts\n",
            "    metric: completed_efforts\n    serves: disbursed_loans\n    owner: Rådgivningschef\n    deadline: 2026-Q4\n", StringComparison.Ordinal);
        Assert.Null(Html.TextOfId(await client.GetStringAsync("/goalfile"), "div", "goalfile-warnings"));

        var saved = await SaveAsync(client, form, structured);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal(JobState.Succeeded, (await DemoSite.JobAsync(_app, saved.Headers.Location!.OriginalString)).State);

        var warnings = Html.TextOfId(await client.GetStringAsync("/goalfile"), "div", "goalfile-warnings")!;
        Assert.Matches(@"goals\.yaml:\d+:\d+: warning: goal 'disbursed_loans' has no owner", warnings);
        Assert.DoesNotContain("'completed_efforts'", warnings, StringComparison.Ordinal);

        var operational = await client.GetStringAsync("/goals/completed_efforts");
        Assert.Contains("href=\"/goals/disbursed_loans", Html.TextOfId(operational, "dd", "serves") is not null ? operational : "", StringComparison.Ordinal);
        Assert.Equal("Rådgivningschef", Html.TextOfId(operational, "dd", "owner")!.Trim());
        Assert.Equal("2026-12-31", Html.TextOfId(operational, "dd", "deadline")!.Trim());
        var strategic = await client.GetStringAsync("/goals/disbursed_loans");
        Assert.Contains("Avslutade affärsutvecklingsinsatser", Html.TextOfId(strategic, "dd", "served-by"), StringComparison.Ordinal);
        Assert.Null(Html.TextOfId(strategic, "dd", "owner"));

        // The overview sets the operational goal right under the goal it serves.
        var overview = await client.GetStringAsync("/");
        var order = Regex.Matches(overview, "data-goal=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(order.IndexOf("disbursed_loans") + 1, order.IndexOf("completed_efforts"));
        var row = Regex.Match(overview, "<tr data-goal=\"completed_efforts\">.*?</th>", RegexOptions.Singleline).Value;
        Assert.Contains("data-serves=\"disbursed_loans\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain("data-serves", Regex.Match(overview, "<tr data-goal=\"disbursed_loans\">.*?</th>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }
}
