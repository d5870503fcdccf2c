using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Styrkort.Core.Periods;
using Styrkort.Reports.Tests.Support;

namespace Styrkort.Reports.Tests.Building;

/// <summary>
/// "Saknade analyser": the goals and units of a report without the goal owner's analysis for the quarter, when the caller
/// keeps check-ins (the web application); left out otherwise (the command line), so that report stays as it was.
/// </summary>
[Collection("report")]
public sealed class MissingCheckInsTest(AlmiReportData data)
{
    private const string Quarter = "2025-Q2";

    [Fact]
    public void Missing_ListsEachGoalsUnitsWithoutAWrittenAnalysis()
    {
        var report = Report(
            CheckIn("disbursed_loans", data.Root, "Utfallet ligger under nivån."),
            CheckIn("disbursed_loans", "skane", "Skåne växer."),
            CheckIn("nps", data.Root, "   "), // blank: not an analysis
            CheckIn("nps", "skane", "Fel kvartal.", "2025-Q1"));

        var missing = report.MissingCheckIns!.ToDictionary(m => m.GoalId);
        // Every goal of the report is listed unless all its units have an analysis; the units are those of its table.
        Assert.Equal(report.Goals.Select(g => g.Id), missing.Keys);
        foreach (var goal in report.Goals)
            Assert.Equal(goal.Subunits.Count + 1, missing[goal.Id].Expected);
        var loans = missing["disbursed_loans"];
        Assert.DoesNotContain(loans.Units, u => u.Id == data.Root || u.Id == "skane");
        Assert.Equal(loans.Expected - 2, loans.Units.Count);
        Assert.Contains(missing["nps"].Units, u => u.Id == data.Root);
        Assert.Contains(missing["nps"].Units, u => u.Id == "skane");
        Assert.Equal(report.Goals.Single(g => g.Id == "nps").Number, missing["nps"].Number);
    }

    [Fact]
    public void Missing_LeavesOutAGoalWhoseEveryUnitHasAnAnalysis()
    {
        var goal = data.Report(Quarter).Goals.First(g => g.Id == "disbursed_loans");
        var report = Report([.. goal.Subunits.Select(r => r.Unit.Id).Append(data.Root).Select(u => CheckIn("disbursed_loans", u, "Skriven."))]);
        Assert.DoesNotContain(report.MissingCheckIns!, m => m.GoalId == "disbursed_loans");
    }

    [Fact]
    public void WithoutCheckInsKept_TheSectionIsLeftOut_InEveryFormat()
    {
        var report = data.Report(Quarter);
        Assert.Null(report.MissingCheckIns);
        Assert.DoesNotContain("missing-checkins", Html(report), StringComparison.Ordinal);
        Assert.DoesNotContain("Saknade analyser", SheetNames(report));
    }

    [Fact]
    public void Html_AndWorkbook_NameTheMissingUnits()
    {
        var report = Report(CheckIn("disbursed_loans", data.Root, "Skriven."));
        var html = Html(report);
        var section = html[html.IndexOf("<section id=\"missing-checkins\">", StringComparison.Ordinal)..html.IndexOf("<section id=\"appendix\">", StringComparison.Ordinal)];
        Assert.Contains("<h2>Saknade analyser</h2>", section, StringComparison.Ordinal);
        Assert.Contains("Företagspartner Skåne", section, StringComparison.Ordinal);
        var loans = report.MissingCheckIns!.Single(m => m.GoalId == "disbursed_loans");
        Assert.Contains($"({loans.Units.Count} av {loans.Expected})", section, StringComparison.Ordinal);

        Assert.Contains("Saknade analyser", SheetNames(report));
        Assert.Contains("Missing analyses", SheetNames(Report("en", CheckIn("disbursed_loans", data.Root, "Written."))));
    }

    [PdfFact]
    public void Pdf_HasAPageOfMissingAnalyses_InTheContents()
    {
        var stream = new MemoryStream();
        PdfRenderer.Render(Report(CheckIn("disbursed_loans", data.Root, "Skriven.")), stream);
        var pages = PdfText.Pages(stream.ToArray()).Select(PdfText.Flatten).ToList();
        Assert.Contains("Saknade analyser", pages[0], StringComparison.Ordinal); // the cover's contents
        var page = Assert.Single(pages, p => p.StartsWith("Saknade analyser", StringComparison.Ordinal));
        Assert.Contains("Företagspartner Skåne", page, StringComparison.Ordinal);
        Assert.Contains("Enheter utan analys", page, StringComparison.Ordinal);
    }

    private BoardReportModel Report(params GoalCheckIn[] checkIns) => Report("sv", checkIns);

    private BoardReportModel Report(string lang, params GoalCheckIn[] checkIns) =>
        BoardReport.Build(data.File, data.Warehouse, Period.Parse(Quarter),
            new BoardReportOptions { Language = Core.Presentation.Language.Parse(lang), CheckIns = checkIns, ListMissingCheckIns = true, Clock = AlmiReportData.Clock });

    private static GoalCheckIn CheckIn(string goal, string unit, string analysis, string quarter = Quarter) =>
        new(goal, unit, Period.Parse(quarter), analysis, [], "Karin Ek", new DateOnly(2025, 7, 10));

    private static string Html(BoardReportModel report)
    {
        var stream = new MemoryStream();
        HtmlRenderer.Render(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<string> SheetNames(BoardReportModel report)
    {
        var stream = new MemoryStream();
        XlsxRenderer.Render(report, stream);
        stream.Position = 0;
        using var workbook = SpreadsheetDocument.Open(stream, false);
        return workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }
}
