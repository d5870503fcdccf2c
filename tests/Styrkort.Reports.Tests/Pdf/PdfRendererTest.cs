using Language = Styrkort.Core.Presentation.Language;
using Styrkort.Core.Periods;
using Styrkort.Reports.Tests.Support;
using static Styrkort.Reports.Tests.Support.PdfText;

namespace Styrkort.Reports.Tests.Pdf;

[Collection("report")]
public sealed class PdfRendererTest(AlmiReportData data)
{
    [PdfTheory]
    [InlineData("2025-Q1")]
    [InlineData("2025-Q2")]
    [InlineData("2025-Q4")]
    public void Summary_ShowsExactlyTheScheduledGoals_WithTheEvaluatorsValues(string quarter)
    {
        var report = data.Report(quarter);
        var summary = Summary(report);
        var now = data.Evaluate(quarter);
        var scheduled = data.Scheduled(quarter);

        foreach (var goal in data.File.Goals)
            Assert.True(summary.Contains(Flatten(goal.Name.Swedish), StringComparison.Ordinal) == scheduled.Contains(goal),
                $"{goal.Id} is {(scheduled.Contains(goal) ? "" : "not ")}on the board's agenda in {quarter}:\n{summary}");

        for (var i = 0; i < scheduled.Count; i++)
        {
            var goal = scheduled[i];
            var unit = data.File.Metrics[goal.Metric].Unit;
            var o = now[(goal.Id, data.Root)];
            var previous = data.Evaluate(PreviousBoardQuarter(goal.BoardQuarters, quarter))[(goal.Id, data.Root)];
            var row = Row(summary, $"{i + 1} {goal.Name.Swedish}", i + 1 < scheduled.Count ? $"{i + 2} {scheduled[i + 1].Name.Swedish}" : null);
            Core.Evaluation.Quantity? change = o.Value is { } v && previous.Value is { } b ? new(null, v.AsDouble - b.AsDouble) : null;

            Assert.Contains(Flatten(ReportFormat.Value(o.Value, unit, Language.Sv)), row, StringComparison.Ordinal);
            Assert.Contains(Flatten(ReportFormat.Target(o.Target, unit, Language.Sv)), row, StringComparison.Ordinal);
            Assert.Contains(Flatten(ReportFormat.Status(o.Status, Language.Sv)), row, StringComparison.Ordinal);
            Assert.Contains(Flatten(ReportFormat.Change(change, unit, Language.Sv)), row, StringComparison.Ordinal);
            if (o.Comparison is { } c) Assert.Contains(Flatten(ReportFormat.Value(c, unit, Language.Sv)), row, StringComparison.Ordinal);
        }
    }

    [PdfFact]
    public void Goal_Page_ShowsEverySubsidiaryWithItsValue()
    {
        var report = data.Report("2025-Q2");
        var pages = Pages(Render(report));
        var expected = data.Evaluate("2025-Q2");

        var page = Flatten(pages.Single(p => Flatten(p).StartsWith("5 Utbetalda lån (kr)", StringComparison.Ordinal)));
        foreach (var unit in report.Goals[0].Subunits.Select(s => s.Unit).Prepend(report.Unit))
        {
            // A row's value in the scale of its target (kronor or millions), as every figure beside its level.
            var outcome = expected[("disbursed_loans", unit.Id)];
            var value = Core.Presentation.FigureColumn.Of("SEK", Core.Presentation.Language.Sv, [outcome]).Value(outcome.Value);
            Assert.Contains($"{Flatten(unit.Name)} {Flatten(value)}", page, StringComparison.Ordinal);
        }
    }

    [PdfFact]
    public void Pdf_WritesSwedishCharactersInEmbeddedFonts()
    {
        var pdf = Render(data.Report("2025-Q4"));
        var text = string.Join('\n', Pages(pdf));

        foreach (var word in new[] { "Styrelserapport", "Företagspartner", "Målnivå", "Förändring", "Hållbart värdeskapande", "Nöjda kunder", "Östergötland", "Datakällor" })
            Assert.Contains(word, text, StringComparison.Ordinal);
        var fonts = Fonts(pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.Contains(fonts, f => f.Contains("DejaVuSans", StringComparison.Ordinal));
        Assert.All(fonts, f => Assert.Equal("yes", f.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [PdfFact]
    public void Cover_NamesOrganisationUnitQuarterAndDateOfProduction()
    {
        var cover = Flatten(Pages(Render(data.Report("2025-Q2", unit: "skane")))[0]);

        Assert.Contains("Styrelserapport", cover, StringComparison.Ordinal);
        Assert.Contains("Kvartal 2, 2025", cover, StringComparison.Ordinal);
        Assert.Contains("Enhet Företagspartner Skåne", cover, StringComparison.Ordinal);
        Assert.Contains("Framtagen 2026-11-03", cover, StringComparison.Ordinal);
    }

    [PdfFact]
    public void English_UsesEnglishWordsAndGoalNames()
    {
        var text = Flatten(string.Join('\n', Pages(Render(data.Report("2025-Q2", Language.En)))));

        foreach (var word in new[] { "Board report", "Summary", "Disbursed loans (SEK)", "Share of women among unique customers", "Data sources", "MSEK" })
            Assert.Contains(word, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sammanfattning", text, StringComparison.Ordinal);
    }

    [PdfFact]
    public void CheckIn_PrintsTheOwnersAnalysisAndActions_UnderItsGoal()
    {
        var checkIn = new GoalCheckIn("disbursed_loans", data.Root, Period.Parse("2025-Q2"),
            "**Utfallet** ligger *under* den fördelade nivån.\n\n- Fler startlån i Skåne\n- Översyn av kreditprocessen",
            [new GoalAction("Kampanj för startlån", "Åsa Öberg", new DateOnly(2025, 9, 30), ActionState.InProgress)], "Karin Ek", new DateOnly(2025, 7, 10));

        var pages = Pages(Render(data.Report("2025-Q2", checkIns: [checkIn]))).Select(Flatten).ToList();

        var goal = string.Join(' ', pages.SkipWhile(p => !p.StartsWith("5 Utbetalda lån", StringComparison.Ordinal)).TakeWhile(p => !p.StartsWith("6 ", StringComparison.Ordinal)));
        foreach (var text in new[] { "Målägarens analys", "Utfallet ligger under den fördelade nivån.", "Fler startlån i Skåne", "Översyn av kreditprocessen",
                     "Skriven av Karin Ek, 2025-07-10", "Åtgärder", "Kampanj för startlån", "Åsa Öberg", "2025-09-30", "Pågår" })
            Assert.Contains(text, goal, StringComparison.Ordinal);
        Assert.Single(pages, p => p.Contains("Målägarens analys", StringComparison.Ordinal));
    }

    [PdfFact]
    public void Appendix_DefinesTheGoalsAndNamesTheDataSources()
    {
        var report = data.Report("2025-Q2");
        var appendix = Flatten(string.Join('\n', Pages(Render(report)).SkipWhile(p => !p.StartsWith("Bilaga", StringComparison.Ordinal))));

        Assert.Contains("sum(loans.amount during ytd)", appendix, StringComparison.Ordinal);
        Assert.Contains(Flatten(data.File.Metrics["women_share_group_b"].Formula.Text), appendix, StringComparison.Ordinal);
        Assert.Contains("group_b", appendix, StringComparison.Ordinal);
        Assert.Contains($"Importerat från: {report.Sources[0].Folder}", appendix, StringComparison.Ordinal);
        foreach (var source in report.Sources)
            Assert.Contains($"{source.Dataset} {source.FileName} {source.Rows.ToString("N0", ReportFormat.Numbers(Language.Sv)).Replace('\u00a0', ' ')}", appendix, StringComparison.Ordinal);
    }

    private static byte[] Render(BoardReportModel report)
    {
        using var stream = new MemoryStream();
        PdfRenderer.Render(report, stream);
        return stream.ToArray();
    }

    /// <summary>The summary pages: after the cover, up to the first goal's page.</summary>
    private static string Summary(BoardReportModel report)
    {
        var pages = Pages(Render(report)).Select(Flatten).ToList();
        var first = $"1 {Flatten(report.Goals[0].Name)}";
        return string.Join(' ', pages.Skip(1).TakeWhile(p => !p.StartsWith(first, StringComparison.Ordinal)));
    }

    private static string Row(string summary, string from, string? to)
    {
        var start = summary.IndexOf(Flatten(from), StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' not in the summary");
        var end = to is null ? summary.Length : summary.IndexOf(Flatten(to), start, StringComparison.Ordinal);
        return summary[start..(end < 0 ? summary.Length : end)];
    }

    /// <summary>Written here independently of the report's calendar: step back to a quarter the board sees the goal in.</summary>
    private static string PreviousBoardQuarter(IReadOnlySet<int> quarters, string quarter)
    {
        var p = Period.Parse(quarter).Previous();
        while (!quarters.Contains(p.Index)) p = p.Previous();
        return p.ToString();
    }
}
