using System.Net;
using System.Text.RegularExpressions;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>From a cell of the overview to the goal page of its unit: links, the unit a manager lands on, the sortable per-unit table, breakdowns.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class DrillDownTest(DemoSite site)
{
    [Fact]
    public async Task Overview_EveryCellIsALinkToTheGoalOfItsUnitAndPeriod_WithAnAccessibleName()
    {
        var board = await site.As("board");
        var html = await board.GetStringAsync($"/?period={site.Period}");
        var cells = Cell().Matches(html);
        Assert.NotEmpty(cells);
        foreach (Match cell in cells)
        {
            var (goal, unit) = (cell.Groups["goal"].Value, cell.Groups["unit"].Value);
            Assert.Equal(unit, cell.Groups["dataUnit"].Value);
            Assert.Equal($"/goals/{goal}?period={site.Period}&unit={unit}", WebUtility.HtmlDecode(cell.Groups["href"].Value));
            // The link's name starts "Goal, Unit: " (for screen readers only) and goes on with what the cell shows,
            // the status in words included.
            Assert.Matches("^.+, .+: $", WebUtility.HtmlDecode(cell.Groups["label"].Value));
            Assert.Matches("class=\"sr-only\">(Uppfyllt|Ej uppfyllt|Data saknas|Målnivå saknas|I riskzonen)<", cell.Groups["rest"].Value);
        }
        // Every cell with an outcome has its link: no cell is left without one.
        Assert.Equal(Regex.Matches(html, "<td class=\"cell ").Count, cells.Count);
        // A link opens the goal page on that unit.
        var first = cells[0];
        var page = await board.GetStringAsync(WebUtility.HtmlDecode(first.Groups["href"].Value));
        Assert.Matches($"<option value=\"{first.Groups["unit"].Value}\" selected=\"selected\"", page);
    }

    [Fact]
    public async Task Overview_UnitManagersOwnColumnsComeFirst_OthersSeeTheTreeOrder()
    {
        var skane = await site.As("skane");
        var board = await site.As("board");
        Assert.Equal("skane", Columns(await skane.GetStringAsync("/"))[0]);
        var all = Columns(await board.GetStringAsync("/"));
        Assert.NotEqual("skane", all[0]);
        // The same units, only in another order.
        Assert.Equal(all.Order(), Columns(await skane.GetStringAsync("/")).Order());
    }

    [Theory]
    [InlineData("2026-Q1", "Kvartal")]
    [InlineData("2026-03", "Månad")]
    [InlineData("2026-W12", "Vecka")]
    [InlineData("2025", "År")]
    public async Task PeriodPicker_IsLabelledByTheKindOfPeriod(string period, string label)
    {
        var board = await site.As("board");
        Assert.Contains($"<label>{label}", await board.GetStringAsync($"/?period={period}"), StringComparison.Ordinal);
        Assert.Contains($"<label>{label}", await board.GetStringAsync($"/goals/nps?period={period}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalPage_AUnitManagerWithoutAUnitLandsOnTheirOwn_WhereTheyMayWrite()
    {
        var skane = await site.As("skane");
        var html = await skane.GetStringAsync("/goals/nps");
        Assert.Matches("<option value=\"skane\" selected=\"selected\"", html);
        Assert.Matches("id=\"write-checkin\" href=\"/goals/nps/checkin\\?unit=skane&amp;", html);
        // Asked for another unit, they get it.
        Assert.Matches("<option value=\"blekinge\" selected=\"selected\"", await skane.GetStringAsync("/goals/nps?unit=blekinge"));
        // A viewer lands on the first unit, as before.
        Assert.DoesNotMatch("<option value=\"skane\" selected=\"selected\"", await (await site.As("board")).GetStringAsync("/goals/nps"));
    }

    [Fact]
    public async Task GoalPage_EveryUnitOfThePerUnitTableLinksToItsGoalPage()
    {
        var html = await (await site.As("board")).GetStringAsync($"/goals/nps?period={site.Period}");
        var rows = PerUnitRow().Matches(html);
        Assert.True(rows.Count > 5);
        foreach (Match row in rows)
            Assert.Equal($"/goals/nps?period={site.Period}&unit={row.Groups["unit"].Value}", WebUtility.HtmlDecode(row.Groups["href"].Value));
    }

    [Theory]
    [InlineData("value", "asc")]
    [InlineData("value", "desc")]
    [InlineData("unit", "asc")]
    [InlineData("unit", "desc")]
    [InlineData("status", "asc")]
    public async Task GoalPage_PerUnitTable_SortsOnTheServer_WithAriaSortAndHeaderLinks(string sort, string dir)
    {
        var board = await site.As("board");
        var html = await board.GetStringAsync($"/goals/disbursed_loans?period={site.Period}&sort={sort}&dir={dir}");
        var table = Html.TextOfId(html, "table", "per-unit") is not null ? Regex.Match(html, "<table id=\"per-unit\">.*?</table>", RegexOptions.Singleline).Value : "";
        var expected = dir == "desc" ? "descending" : "ascending";
        Assert.Matches($"<th aria-sort=\"{expected}\"><a class=\"sort\" href=\"[^\"]*sort={sort}", table);
        Assert.Single(Regex.Matches(table, "aria-sort="));
        var rows = Regex.Matches(table, "<tr data-unit=\"[^\"]+\"[^>]*>\\s*<td><a [^>]*>(?<name>[^<]+)</a></td>\\s*<td class=\"num\">(?<value>[^<]*)</td>", RegexOptions.Singleline)
            .Select(m => (Name: WebUtility.HtmlDecode(m.Groups["name"].Value), Value: Number(m.Groups["value"].Value))).ToList();
        Assert.True(rows.Count > 5);
        if (sort == "value")
        {
            var values = rows.Select(r => r.Value).OfType<double>().ToList();
            Assert.Equal(dir == "desc" ? values.OrderDescending() : values.Order(), values);
        }
        if (sort == "unit")
        {
            var names = rows.Select(r => r.Name).ToList();
            var comparer = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true);
            Assert.Equal(dir == "desc" ? names.OrderDescending(comparer) : names.Order(comparer), names);
        }
        // The sorted column's link turns the order around; the others sort ascending.
        if (dir == "asc") Assert.Contains($"sort={sort}&amp;dir=desc#per-unit", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sort=colour")]
    [InlineData("sort=value&dir=sideways")]
    public async Task GoalPage_AnUnknownOrder_IsABadRequest(string query)
    {
        var response = await (await site.As("board")).GetAsync($"/goals/nps?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GoalPage_ShowsEachBreakdownAsATableAndANamedChartDescribedByIt()
    {
        var html = await (await site.As("board")).GetStringAsync($"/goals/disbursed_loans?period={site.Period}&unit=skane");
        var section = Regex.Match(html, "<section class=\"breakdown\" data-dimension=\"loans.phase\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(section);
        var svg = WebUtility.HtmlDecode(Regex.Match(section, "<svg class=\"bars\"[^>]*>").Value);
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Matches("aria-label=\"Utbetalda lån \\(kr\\) per loans.phase för [^\"]+\"", svg);
        var describedBy = Regex.Match(svg, "aria-describedby=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"<table id=\"{describedBy}\" class=\"breakdown-table\">", section, StringComparison.Ordinal);
        Assert.Contains("<title>", section, StringComparison.Ordinal);
        // The segments in the goal file's order of the codes, each with a value formatted as the goal's.
        var segments = Regex.Matches(section, "<tr><th scope=\"row\">(?<key>[^<]+)</th><td class=\"num\">(?<value>[^<]+)</td></tr>").Select(m => m.Groups["key"].Value).ToList();
        Assert.Equal(["start", "expansion", "established"], segments);
    }

    [Fact]
    public async Task GoalPage_WithoutBreakdowns_HasNoBreakdownSection()
    {
        var html = await (await site.As("board")).GetStringAsync("/goals/nps");
        Assert.DoesNotContain("id=\"breakdowns\"", html, StringComparison.Ordinal);
    }

    private static List<string> Columns(string overview) =>
        Regex.Matches(Regex.Match(overview, "<table class=\"matrix\" id=\"overview\">.*?</table>", RegexOptions.Singleline).Value,
            "<tr data-goal=\"[^\"]+\">.*?</tr>", RegexOptions.Singleline)[0].Value is var row
            ? Regex.Matches(row, "data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList()
            : [];

    // Swedish numbers: "1 234 567,5 kr", "7,3 %", "–" for none.
    private static double? Number(string text)
    {
        var digits = Regex.Replace(WebUtility.HtmlDecode(text), "[^0-9,\\-−]", "").Replace('−', '-').Replace(',', '.');
        return double.TryParse(digits, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    [GeneratedRegex("<td class=\"cell [^\"]*\" data-unit=\"(?<dataUnit>[^\"]+)\"[^>]*><a class=\"cell-link\" href=\"(?<href>/goals/(?<goal>[^?]+)\\?period=[^&]+&amp;unit=(?<unit>[^\"]+))\"><span class=\"sr-only\">(?<label>[^<]+)</span>(?<rest>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<tr data-unit=\"(?<unit>[^\"]+)\"[^>]*>\\s*<td><a href=\"(?<href>[^\"]+)\"")]
    private static partial Regex PerUnitRow();
}
