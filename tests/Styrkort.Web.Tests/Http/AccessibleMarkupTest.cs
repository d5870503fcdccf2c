using System.Text.RegularExpressions;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// What a screen reader and a keyboard need, in the pages as served: the status in words beside its colour, the chart
/// named and backed by a table of the same numbers, a skip link to the content, and the page's language.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AccessibleMarkupTest(DemoSite site)
{
    // A client of its own each time: the collection's shared ones may have been switched to English by another test.
    [Fact]
    public async Task Overview_EveryCellStatesItsStatus_InSignAndWords()
    {
        var html = await (await site.SignInAsync("board")).GetStringAsync($"/?period={site.Period}");
        var cells = Regex.Matches(html, "<td class=\"cell status-([a-z_]+)\".*?</td>", RegexOptions.Singleline);
        Assert.NotEmpty(cells);
        var names = new Dictionary<string, string>
        {
            ["met"] = "✓</span><span class=\"sr-only\">Uppfyllt", ["not_met"] = "✗</span><span class=\"sr-only\">Ej uppfyllt",
            ["no_data"] = "…</span><span class=\"sr-only\">Data saknas", ["no_target"] = "○</span><span class=\"sr-only\">Målnivå saknas",
            ["at_risk"] = "!</span><span class=\"sr-only\">I riskzonen",
        };
        Assert.All(cells, c => Assert.Contains(names[c.Groups[1].Value], c.Value, StringComparison.Ordinal));
        // The list per unit for phones holds every outcome of the matrix.
        Assert.Equal(cells.Count, Regex.Matches(html, "<li data-goal=\"[^\"]+\" data-status=").Count);
    }

    [Fact]
    public async Task GoalPage_ChartIsANamedImage_DescribedByATableOfItsNumbers()
    {
        var html = await (await site.SignInAsync("board")).GetStringAsync($"/goals/nps?period={site.Period}&unit=skane");
        var svg = Regex.Match(html, "<svg class=\"chart\"[^>]*>");
        Assert.True(svg.Success);
        Assert.Contains("role=\"img\"", svg.Value, StringComparison.Ordinal);
        var title = Regex.Match(svg.Value, "aria-labelledby=\"([^\"]+)\"").Groups[1].Value;
        Assert.Matches($"<title id=\"{title}\">Diagram: [^<]+, utveckling per kvartal — Företagspartner Skåne</title>", System.Net.WebUtility.HtmlDecode(html));
        var table = Regex.Match(svg.Value, "aria-describedby=\"([^\"]+)\"").Groups[1].Value;
        var details = Regex.Match(html, $"<details id=\"{table}\">(.*?)</details>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<summary>Diagrammet som tabell</summary>", details, StringComparison.Ordinal);
        // Eight quarters, as the chart draws, ending with the one shown.
        var rows = Regex.Matches(details, "<th scope=\"row\">([^<]+)</th>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(site.Period, rows[^1]);
        Assert.Contains("class=\"badge ", details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv", "Hoppa till innehållet")]
    [InlineData("en", "Skip to content")]
    public async Task EveryPage_StartsWithASkipLink_AndNamesItsLanguage(string lang, string skip)
    {
        var client = site.NewClient();
        await client.GetAsync($"/login?lang={lang}");
        var login = await client.GetStringAsync("/login");
        Assert.Contains($"<html lang=\"{lang}\">", login, StringComparison.Ordinal);
        var body = login[login.IndexOf("<body>", StringComparison.Ordinal)..].ReplaceLineEndings("\n");
        // The skip link is the first link of the page, and its target is the main landmark.
        Assert.StartsWith($"<body>\n<a class=\"skip\" href=\"#main\">{skip}</a>", body, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInPages_FoldTheNavigationIntoANamedMenu()
    {
        var html = await (await site.SignInAsync("board")).GetStringAsync("/targets");
        Assert.Contains("<summary>Meny</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Huvudmeny\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/targets\" aria-current=\"page\">", html, StringComparison.Ordinal);
    }
}
