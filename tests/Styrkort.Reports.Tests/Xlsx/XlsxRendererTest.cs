using Language = Styrkort.Core.Presentation.Language;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Styrkort.Core.Evaluation;
using Styrkort.Reports.Tests.Support;

namespace Styrkort.Reports.Tests.Xlsx;

[Collection("report")]
public sealed class XlsxRendererTest(AlmiReportData data)
{
    [Theory]
    [InlineData("2025-Q1")]
    [InlineData("2025-Q2")]
    [InlineData("2025-Q4")]
    public void Summary_HoldsTheScheduledGoals_WithTheEvaluatorsUnroundedValues(string quarter)
    {
        using var workbook = Open(data.Report(quarter));
        var rows = Rows(workbook, 0);
        var now = data.Evaluate(quarter);

        var header = rows.FindIndex(r => r.GetValueOrDefault("C") is "Mål-id");
        var goals = rows.Skip(header + 1).ToList();
        Assert.Equal(data.Scheduled(quarter).Select(g => g.Id), goals.Select(r => r["C"]));
        foreach (var row in goals)
        {
            var o = now[(row["C"]!, data.Root)];
            AssertRaw(o.Value, row.GetValueOrDefault("E"));
            Assert.Equal(o.Comparison, Number(row.GetValueOrDefault("J")));
            Assert.Equal(o.Target.Level, Decimal(row.GetValueOrDefault("F")));
            Assert.Equal(ReportFormat.Status(o.Status, Language.Sv), row["K"]);
        }
    }

    [Fact]
    public void GoalSheets_HoldEveryUnitAndEightPeriods_Unrounded()
    {
        var report = data.Report("2025-Q2");
        using var workbook = Open(report);
        var now = data.Evaluate("2025-Q2");

        for (var i = 0; i < report.Goals.Count; i++)
        {
            var goal = report.Goals[i];
            var rows = Rows(workbook, i + 1);
            var units = rows.SkipWhile(r => r.GetValueOrDefault("A") is not "Enhets-id").Skip(1).TakeWhile(r => r.Count > 0 && r.ContainsKey("B")).ToList();
            Assert.Equal(17, units.Count);
            foreach (var row in units)
            {
                var o = now[(goal.Id, row["A"]!)];
                AssertRaw(o.Value, row.GetValueOrDefault("C"));
                Assert.Equal(o.Comparison, Number(row.GetValueOrDefault("H")));
            }
            var history = rows.SkipWhile(r => r.GetValueOrDefault("A") is not "Period").Skip(1).ToList();
            Assert.Equal(goal.History.Select(p => p.Period.ToString()), history.Select(r => r["A"]));
            for (var p = 0; p < history.Count; p++) AssertRaw(goal.History[p].Value, history[p].GetValueOrDefault("B"));
        }
    }

    [Fact]
    public void Workbook_IsValidOpenXml_WithSheetNamesExcelAccepts()
    {
        using var workbook = Open(data.Report("2025-Q4", Language.En));

        Assert.Empty(new OpenXmlValidator().Validate(workbook));
        var names = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(14, names.Count);
        Assert.Equal("Summary", names[0]);
        Assert.Equal("Data sources", names[^1]);
        Assert.All(names, n => Assert.True(n.Length <= 31 && n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));
    }

    [Fact]
    public void Render_WritesToAStreamThatCannotSeek()
    {
        using var inner = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(inner)) XlsxRenderer.Render(data.Report("2025-Q1"), forwardOnly);

        inner.Position = 0;
        using var workbook = SpreadsheetDocument.Open(inner, false);
        Assert.Equal(6, workbook.WorkbookPart!.WorksheetParts.Count());
    }

    private static void AssertRaw(Quantity? expected, string? cell)
    {
        if (expected is { Exact: { } exact }) Assert.Equal(exact, Decimal(cell));
        else Assert.Equal(expected?.Approximate, Number(cell));
    }

    private static double? Number(string? cell) => cell is null ? null : double.Parse(cell, CultureInfo.InvariantCulture);
    private static decimal? Decimal(string? cell) => cell is null ? null : decimal.Parse(cell, CultureInfo.InvariantCulture);

    private static SpreadsheetDocument Open(BoardReportModel report)
    {
        var stream = new MemoryStream();
        XlsxRenderer.Render(report, stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    /// <summary>A sheet's rows as column letter → raw cell text (the number as written, or the inline string).</summary>
    private static List<Dictionary<string, string?>> Rows(SpreadsheetDocument workbook, int sheet)
    {
        var part = workbook.WorkbookPart!;
        var id = part.Workbook.Sheets!.Elements<Sheet>().ElementAt(sheet).Id!.Value!;
        var data = ((WorksheetPart)part.GetPartById(id)).Worksheet.GetFirstChild<SheetData>()!;
        var rows = new List<Dictionary<string, string?>>();
        foreach (var row in data.Elements<Row>())
        {
            while (rows.Count < row.RowIndex!.Value - 1) rows.Add([]);
            rows.Add(row.Elements<Cell>().ToDictionary(
                c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()),
                c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text));
        }
        return rows;
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
