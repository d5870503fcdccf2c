using Language = Styrkort.Core.Presentation.Language;
using System.Text;
using System.Text.RegularExpressions;
using Styrkort.Core.Periods;
using Styrkort.Reports.Tests.Support;

namespace Styrkort.Reports.Tests.Html;

[Collection("report")]
public sealed partial class HtmlRendererTest(AlmiReportData data)
{
    [Fact]
    public void Page_IsSelfContained_ChartsInline()
    {
        var html = Render(data.Report("2025-Q2"));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var sources = Source().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(9, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s, StringComparison.Ordinal));
        Assert.All(Href().Matches(html).Select(m => m.Groups[1].Value), h => Assert.StartsWith("#", h, StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Page_ShowsTheScheduledGoalsWithTheirValues()
    {
        var html = Render(data.Report("2025-Q1"));
        var now = data.Evaluate("2025-Q1");

        foreach (var goal in data.File.Goals)
        {
            var scheduled = data.Scheduled("2025-Q1").Contains(goal);
            Assert.Equal(scheduled, html.Contains($"id=\"goal-{goal.Id}\"", StringComparison.Ordinal));
            if (scheduled)
                Assert.Contains(ReportFormat.Value(now[(goal.Id, data.Root)].Value, data.File.Metrics[goal.Metric].Unit, Language.Sv), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analysis_IsMarkdownWithoutMarkup()
    {
        var checkIn = new GoalCheckIn("nps", data.Root, Period.Parse("2025-Q2"), "<script>alert(1)</script> **fet** och *kursiv*\n\n- punkt", []);

        var html = Render(data.Report("2025-Q2", checkIns: [checkIn]));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>fet</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>kursiv</em>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li data-marker=\"•\">punkt</li></ul>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragment_IsTheArticleAlone_ForAPageOfTheWebApplication()
    {
        var fragment = HtmlRenderer.Fragment(data.Report("2025-Q1"));

        Assert.StartsWith("<article class=\"board-report\">", fragment, StringComparison.Ordinal);
        Assert.EndsWith("</article>", fragment, StringComparison.Ordinal);
    }

    private static string Render(BoardReportModel report)
    {
        using var stream = new MemoryStream();
        HtmlRenderer.Render(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex("src=\"([^\"]*)\"")]
    private static partial Regex Source();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
