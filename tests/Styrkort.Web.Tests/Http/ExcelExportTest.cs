using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Styrkort.Core.Periods;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// The overview's and a goal's Excel downloads: real numbers equal to the outcomes, in the metric's number format,
/// a frozen and filtered header, Swedish sheet names, and the same readers and filters as the pages.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ExcelExportTest(DemoSite site)
{
    [Fact]
    public async Task Overview_HoldsEachOutcomeAsANumberInItsUnitsFormat()
    {
        var response = await (await site.As("board")).GetAsync($"/export/overview.xlsx?period={site.Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"oversikt-{site.Period}.xlsx", FileName(response));
        using var book = await Open(response);
        Assert.Empty(new OpenXmlValidator().Validate(book));
        Assert.Equal(["Översikt", "Matris", "Urval"], SheetNames(book));
        var sheet = Sheet(book, "Översikt");
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(["Målområde", "Mål-id", "Mål", "Styrelsen", "Enhets-id", "Enhet", "Värde", "Målnivå"], rows[0].Elements<Cell>().Take(8).Select(c => Text(book, c)));
        Assert.NotNull(sheet.Descendants<Pane>().SingleOrDefault(p => p.State?.Value == PaneStateValues.Frozen && p.VerticalSplit?.Value == 1));
        Assert.StartsWith("A1:", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);

        var outcomes = site.Site.Outcomes(Period.Parse(site.Period)).Outcomes.ToDictionary(o => (o.Goal, o.Unit));
        var checkedCells = 0;
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Elements<Cell>().ToDictionary(c => Column(c));
            var outcome = outcomes[(Text(book, cells["B"]), Text(book, cells["E"]))];
            if (outcome.Value is not { } value) continue;
            var cell = cells["G"];
            Assert.Null(cell.DataType?.Value is { } type && type != CellValues.Number ? type : null);
            Assert.Equal(value.AsDouble, double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture), 9);
            checkedCells++;
        }
        Assert.True(checkedCells > 20, $"only {checkedCells} values");

        // The matrix: a goal area's row, then its goals with a value per unit, as on the page.
        var matrix = Sheet(book, "Matris").Descendants<Row>().ToList();
        Assert.Equal(site.Site.Goals.Areas[0].Name.Swedish, Text(book, matrix[1].Elements<Cell>().First()));
        var firstGoal = site.Site.Goals.Goals.First(g => g.Area == site.Site.Goals.Areas[0].Id);
        var units = site.Site.Outcomes(Period.Parse(site.Period)).Units;
        var valueCells = matrix[2].Elements<Cell>().Skip(1).ToList();
        foreach (var cell in valueCells)
        {
            var unit = units[Column(cell)[0] - 'B'];
            if (outcomes.GetValueOrDefault((firstGoal.Id, unit.Id))?.Value is { } v)
                Assert.Equal(v.AsDouble, double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture), 9);
        }

        // A per-cent goal's value shows with " %", a kronor goal's with " kr".
        var formats = FormatsOfColumn(book, sheet, "G");
        Assert.Contains("0.0\" %\"", formats);
        Assert.Contains("#,##0\" kr\"", formats);
    }

    [Fact]
    public async Task Overview_FiltersByUnitAndArea_AsThePageDoes()
    {
        var area = site.Site.Goals.Areas[0].Id;
        var response = await (await site.As("skane")).GetAsync($"/export/overview.xlsx?period={site.Period}&unit=skane&area={area}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"oversikt-{site.Period}-skane-{area}.xlsx", FileName(response));
        using var book = await Open(response);
        var rows = Sheet(book, "Översikt").Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().ToDictionary(Column, c => Text(book, c))).ToList();
        Assert.NotEmpty(rows);
        var areaName = site.Site.Goals.Areas[0].Name.Swedish;
        Assert.All(rows, r => Assert.Equal(areaName, r["A"]));
        var subtree = site.Site.Current.Units.Where(u => site.Site.Current.IsWithin(u.Id, "skane")).Select(u => u.Id).ToHashSet();
        Assert.All(rows, r => Assert.Contains(r["E"], subtree));
    }

    [Fact]
    public async Task Goal_HasAPerUnitSheetAndAHistorySheetWithDates()
    {
        var goal = site.Site.Goals.Goals.First(g => site.Site.Goals.Metrics[g.Metric].Unit == "percent");
        var response = await (await site.As("controller")).GetAsync($"/goals/{goal.Id}/export.xlsx?period={site.Period}&unit=skane");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"mal-{goal.Id}-{site.Period}-skane.xlsx", FileName(response));
        using var book = await Open(response);
        Assert.Empty(new OpenXmlValidator().Validate(book));
        Assert.Equal(["Per enhet", "Utveckling", "Urval"], SheetNames(book));

        var now = site.Site.Outcomes(Period.Parse(site.Period)).Outcomes.Where(o => o.Goal == goal.Id).ToList();
        var perUnit = Sheet(book, "Per enhet").Descendants<Row>().Skip(1).ToList();
        Assert.Equal(now.Select(o => o.Unit), perUnit.Select(r => Text(book, r.Elements<Cell>().First())));
        foreach (var (o, row) in now.Zip(perUnit))
            if (o.Value is { } v)
                Assert.Equal(v.AsDouble, double.Parse(row.Elements<Cell>().Single(c => Column(c) == "C").CellValue!.Text, CultureInfo.InvariantCulture), 9);

        var history = Sheet(book, "Utveckling");
        var historyRows = history.Descendants<Row>().Skip(1).ToList();
        Assert.Equal(8, historyRows.Count); // eight periods of the one unit
        Assert.All(historyRows, r => Assert.Equal("skane", Text(book, r.Elements<Cell>().Single(c => Column(c) == "C"))));
        var start = historyRows[^1].Elements<Cell>().Single(c => Column(c) == "B");
        Assert.Equal(Period.Parse(site.Period).Start, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(start.CellValue!.Text, CultureInfo.InvariantCulture))));
        Assert.Contains("yyyy-mm-dd", FormatsOfColumn(book, history, "B"));
    }

    [Theory]
    [InlineData("/export/overview.xlsx?period=kvartal", HttpStatusCode.BadRequest)]
    [InlineData("/export/overview.xlsx?period=2026-Q2&unit=nowhere", HttpStatusCode.NotFound)]
    [InlineData("/goals/nothing/export.xlsx", HttpStatusCode.NotFound)]
    public async Task BadRequests_AreRefusedWithAReasonInSwedish(string path, HttpStatusCode expected)
    {
        var response = await (await site.As("board")).GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        // The error page, as every other refused download, with the reason in the reader's language.
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("(ingen period|Enheten .nowhere. finns inte|Målet .nothing. finns inte)", text);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var response = await site.NewClient().GetAsync($"/export/overview.xlsx?period={site.Period}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_LinkTheirDownloads()
    {
        var client = await site.As("board");
        var index = await client.GetStringAsync($"/?period={site.Period}&unit=skane");
        Assert.Contains($"/export/overview.xlsx?period={site.Period}&amp;unit=skane", index, StringComparison.Ordinal);
        var goal = site.Site.Goals.Goals[0].Id;
        var page = await client.GetStringAsync($"/goals/{goal}?period={site.Period}&unit=skane");
        Assert.Contains($"/goals/{goal}/export.xlsx?period={site.Period}&amp;unit=skane", page, StringComparison.Ordinal);
        Assert.Contains("Ladda ner Excel", page, StringComparison.Ordinal);
    }

    private static string? FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    private static async Task<SpreadsheetDocument> Open(HttpResponseMessage response) =>
        SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

    private static List<string> SheetNames(SpreadsheetDocument book) =>
        book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private static Worksheet Sheet(SpreadsheetDocument book, string name)
    {
        var sheet = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string Column(Cell c) => new(c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter).ToArray());

    private static string Text(SpreadsheetDocument book, Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";

    /// <summary>The number format codes of the cells of a column.</summary>
    private static HashSet<string> FormatsOfColumn(SpreadsheetDocument book, Worksheet sheet, string column)
    {
        var styles = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var codes = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? [];
        return sheet.Descendants<Cell>().Where(c => Column(c) == column && c.StyleIndex is not null)
            .Select(c => formats[(int)c.StyleIndex!.Value].NumberFormatId?.Value ?? 0).Where(codes.ContainsKey).Select(id => codes[id]).ToHashSet();
    }
}
