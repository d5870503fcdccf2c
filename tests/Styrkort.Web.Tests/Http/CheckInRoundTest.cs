using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>The check-in round (/checkins): per quarter, which goals and units have an analysis, with counts and links.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class CheckInRoundTest(DemoSite site)
{
    [Fact]
    public async Task Round_ListsWrittenAndMissing_WithTheCount()
    {
        var controller = await site.As("controller");
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins",
            new CheckInDto("engagement_index", "mitt", site.Period, "Engagemanget håller.", [], null, null))).StatusCode);
        // A blank analysis is no analysis.
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins",
            new CheckInDto("nps", "mitt", site.Period, "  ", [new ActionDto("Mät igen", "Ola", null, "open")], null, null))).StatusCode);

        var page = await controller.GetStringAsync($"/checkins?period={site.Period}&unit=mitt");

        var rows = Rows(page);
        Assert.All(rows, r => Assert.Equal("mitt", r.Unit));
        Assert.Equal(site.Site.Goals.Goals.Count, rows.Count); // every goal of the sample is followed in every unit
        Assert.Contains(("engagement_index", "mitt", "written"), rows);
        Assert.Contains(("nps", "mitt", "missing"), rows);
        var missing = rows.Count(r => r.State == "missing");
        Assert.Equal($"{missing} av {rows.Count} saknas", Html.TextOfId(page, "p", "round-count")!.Trim());
        // The written one names its author and version; every row links to writing or editing it.
        var engagement = GoalBlock(page, "engagement_index");
        Assert.Contains("controller, ", Html.Text(engagement), StringComparison.Ordinal);
        Assert.Contains($"/goals/engagement_index/checkin?unit=mitt&amp;period={site.Period}", engagement, StringComparison.Ordinal);
        Assert.Contains(">Ändra</a>", engagement, StringComparison.Ordinal);
        Assert.Contains(">Skriv analys</a>", GoalBlock(page, "nps"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_FiltersByArea_AndShowsTheGoalsOwner()
    {
        var controller = await site.As("controller");
        var area = site.Site.Goals.Goals[0].Area;
        var page = await controller.GetStringAsync($"/checkins?period={site.Period}&area={area}&unit=all");
        var goals = Rows(page).Select(r => r.Goal).Distinct().ToList();
        Assert.Equal(site.Site.Goals.Goals.Where(g => g.Area == area).Select(g => g.Id).Order(), goals.Order());
        // Every unit, the root included, for each goal; the sample's goals name no owner.
        Assert.Equal(site.Site.Current.Units.Count * goals.Count, Rows(page).Count);
        Assert.Contains("<span class=\"owner\">–</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_UnitManager_LandsOnTheirOwnUnits_AndMayWidenTheView()
    {
        var manager = await site.As("skane");
        var page = await manager.GetStringAsync("/checkins");
        Assert.Contains($"{site.Period}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"mine\" selected=\"selected\">Mina enheter</option>", page, StringComparison.Ordinal);
        var units = Rows(page).Select(r => r.Unit).Distinct().ToList();
        Assert.Equal(["skane"], units);
        Assert.Contains("class=\"write\"", page, StringComparison.Ordinal);

        var all = await manager.GetStringAsync($"/checkins?period={site.Period}&unit=all");
        var everyUnit = Rows(all).Select(r => r.Unit).Distinct().ToList();
        Assert.Equal(site.Site.Current.Units.Count, everyUnit.Count);
        // Writing is offered only for the units they manage.
        Assert.DoesNotContain("/checkin?unit=vast&amp;", all, StringComparison.Ordinal);
        Assert.Contains("/checkin?unit=skane&amp;", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_ForTheBoard_IsReadOnly_AndAQuarterIsRequired()
    {
        var board = await site.As("board");
        var page = await board.GetStringAsync($"/checkins?period={site.Period}");
        Assert.NotEmpty(Rows(page));
        Assert.DoesNotContain("class=\"write\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"mine\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.GetAsync("/checkins?period=2026-03")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.GetAsync("/checkins?period=nonsense")).StatusCode);
        // Outside the data no check-in can be written: the round says why and offers no links.
        var early = await (await site.As("controller")).GetStringAsync("/checkins?period=2001-Q1");
        Assert.NotNull(Html.TextOfId(early, "p", "round-note"));
        Assert.DoesNotContain("class=\"write\"", early, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_LinksTheRound()
    {
        var page = await (await site.As("board")).GetStringAsync("/");
        Assert.Contains("<a href=\"/checkins\">Analysrunda</a>", page, StringComparison.Ordinal);
    }

    private static string GoalBlock(string page, string goal)
    {
        var start = page.IndexOf($"<tbody data-goal=\"{goal}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, goal);
        return page[start..page.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }

    /// <summary>Each unit row with its goal (the goal is carried by the row group), in page order.</summary>
    private static List<(string Goal, string Unit, string State)> Rows(string page) =>
        Block().Matches(page).SelectMany(block => Row().Matches(block.Groups["body"].Value)
            .Select(row => (block.Groups["goal"].Value, row.Groups["unit"].Value, row.Groups["state"].Value))).ToList();

    [GeneratedRegex("<tbody data-goal=\"(?<goal>[^\"]+)\">(?<body>.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex("<tr data-unit=\"(?<unit>[^\"]+)\" data-state=\"(?<state>[^\"]+)\"")]
    private static partial Regex Row();
}
