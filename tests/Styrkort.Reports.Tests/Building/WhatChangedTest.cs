using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Styrkort.Core.Insights;
using Styrkort.Core.Periods;
using Styrkort.Reports.Tests.Support;

namespace Styrkort.Reports.Tests.Building;

/// <summary>
/// "Vad förändrades": each scheduled goal of the report says what drove its change since the board last saw it, in the
/// PDF, the HTML and the workbook, when asked for; without it the report is exactly as before.
/// </summary>
[Collection("report")]
public sealed class WhatChangedTest(AlmiReportData data)
{
    private const string Quarter = "2025-Q2";

    private BoardReportModel Report(bool explain, string lang = "sv", IReadOnlyDictionary<(string, string), ChangeExplanation>? changes = null) =>
        BoardReport.Build(data.File, data.Warehouse, Period.Parse(Quarter),
            new BoardReportOptions { Language = Styrkort.Core.Presentation.Language.Parse(lang), Clock = AlmiReportData.Clock, ExplainChanges = explain, Changes = changes });

    [Fact]
    public void EachGoalWhoseValueChanged_SaysWhatDroveIt_AsTheExplainerSaysIt()
    {
        var report = Report(explain: true);
        var evaluation = new Core.Evaluation.Evaluator(data.File, data.Warehouse).Evaluate(Period.Parse(Quarter));
        var expected = new ChangeExplainer(data.File, data.Warehouse).Explain(evaluation, [], ChangeSince.Board, CancellationToken.None);
        Assert.Contains(report.Goals, g => g.WhatChanged is not null);
        foreach (var goal in report.Goals)
            Assert.Equal(expected.GetValueOrDefault((goal.Id, data.Root))?.Sentence.Swedish, goal.WhatChanged);
        Assert.Equal(expected.GetValueOrDefault((report.Goals[0].Id, data.Root))?.Sentence.English,
            Report(explain: true, lang: "en").Goals[0].WhatChanged);
    }

    [Fact]
    public void WhatChanged_IsSinceTheBoardLastSawTheGoal_TheQuarterItsSectionComparesWith()
    {
        var report = Report(explain: true);
        var evaluation = new Core.Evaluation.Evaluator(data.File, data.Warehouse).Evaluate(Period.Parse(Quarter));
        var changes = new ChangeExplainer(data.File, data.Warehouse).Explain(evaluation, [], ChangeSince.Board, CancellationToken.None);
        var compared = 0;
        foreach (var goal in report.Goals.Where(g => g.WhatChanged is not null))
        {
            var change = changes[(goal.Id, data.Root)];
            Assert.Equal(goal.PreviousReport, change.From);
            Assert.Equal(ChangeSince.Board, change.Since);
            compared += goal.BoardQuarters.Count < 4 ? 1 : 0;
            Assert.Contains(goal.BoardQuarters.Count < 4 ? $"sedan styrelsen senast såg målet ({change.From})" : $"sedan {change.From}, då styrelsen senast såg målet",
                goal.WhatChanged, StringComparison.Ordinal);
        }
        // Some goals of the sample are seen in Q2 and Q4 only: their change runs from 2024-Q4, not from 2025-Q1.
        Assert.True(compared > 0);
    }

    [Fact]
    public void ExplanationsComputedElsewhere_AreUsedAsGiven()
    {
        var goal = Report(explain: false).Goals[0];
        var given = new ChangeExplanation(goal.Id, data.Root, Period.Parse(Quarter).Previous(), Period.Parse(Quarter), 1, 2, true, [],
            new Core.GoalFiles.LocalizedText("Testets mening om förändringen.", "The test's sentence."));
        var report = Report(explain: true, changes: new Dictionary<(string, string), ChangeExplanation> { [(goal.Id, data.Root)] = given });
        Assert.Equal("Testets mening om förändringen.", report.Goals[0].WhatChanged);
        Assert.All(report.Goals.Skip(1), g => Assert.Null(g.WhatChanged));
    }

    [Fact]
    public void Renderers_PrintTheSentence_AndWithoutIt_TheReportIsUnchanged()
    {
        var with = Report(explain: true);
        var goal = with.Goals.First(g => g.WhatChanged is not null);
        var html = Html(with);
        Assert.Contains("<h4>Vad förändrades</h4>", html, StringComparison.Ordinal);
        Assert.Contains(goal.WhatChanged!, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(goal.WhatChanged!, Workbook(with), StringComparison.Ordinal);

        var without = Report(explain: false);
        Assert.All(without.Goals, g => Assert.Null(g.WhatChanged));
        // Only the sentences differ: the report without them is the report with them, less them.
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(html, "<h4>Vad förändrades</h4><p class=\"what-changed\">[^<]*</p>", ""), Html(without));
        Assert.DoesNotContain("Vad förändrades", Html(without), StringComparison.Ordinal);

        if (!PdfText.Available) return;
        using var stream = new MemoryStream();
        PdfRenderer.Render(with, stream);
        var pages = PdfText.Pages(stream.ToArray()).Select(PdfText.Flatten).ToList();
        // On the goal's own page, under its heading.
        Assert.Contains(pages, p => p.Contains($"{goal.Number} {goal.Name}", StringComparison.Ordinal)
            && p.Contains("Vad förändrades " + PdfText.Flatten(goal.WhatChanged!)[..30], StringComparison.Ordinal));
    }

    private static string Html(BoardReportModel report)
    {
        using var stream = new MemoryStream();
        HtmlRenderer.Render(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Workbook(BoardReportModel report)
    {
        using var stream = new MemoryStream();
        XlsxRenderer.Render(report, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var strings = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
        var inline = string.Concat(document.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.InnerText));
        return strings + inline;
    }
}
