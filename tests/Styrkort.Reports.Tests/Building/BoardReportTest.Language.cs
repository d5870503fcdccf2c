using Styrkort.Core.Periods;
using Styrkort.Reports.Html;
using Language = Styrkort.Core.Presentation.Language;

namespace Styrkort.Reports.Tests.Building;

public sealed partial class BoardReportTest
{
    [Fact]
    public void Options_WithoutALanguage_AreSwedish()
    {
        Assert.Equal(Language.Sv, new BoardReportOptions().Language);

        var report = BoardReport.Build(data.File, data.Warehouse, Period.Parse("2025-Q4"), new BoardReportOptions { Clock = Support.AlmiReportData.Clock });

        Assert.Equal(Language.Sv, report.Language);
        Assert.False(report.English);
        Assert.Contains("<html lang=\"sv\">", Html(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Language_English_CarriesThroughToTheModelAndItsText()
    {
        var report = BoardReport.Build(data.File, data.Warehouse, Period.Parse("2025-Q4"),
            new BoardReportOptions { Language = Language.En, Clock = Support.AlmiReportData.Clock });

        Assert.Equal(Language.En, report.Language);
        Assert.True(report.English);
        var html = Html(report);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Q4\u00a02025", html, StringComparison.Ordinal);
        Assert.All(report.Goals, g => Assert.Equal(data.File.Goals.Single(x => x.Id == g.Id).Name.English, g.Name));
    }

    private static string Html(BoardReportModel report)
    {
        using var stream = new MemoryStream();
        HtmlRenderer.Render(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
