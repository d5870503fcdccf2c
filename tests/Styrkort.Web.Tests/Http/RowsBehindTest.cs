using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Builder;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>"The rows behind this number" on the goal page, and their download as CSV and Excel.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class RowsBehindTest(DemoSite site)
{
    private string RowsUrl(string goal, string unit, string dataset, string format) =>
        $"/goals/{goal}/rows?unit={unit}&period={site.Period}&dataset={dataset}&format={format}";

    [Fact]
    public async Task GoalPage_ListsTheFirstRowsOfEachDatasetTheMetricReads_WithTheirCountAndDownloads()
    {
        var html = await (await site.As("board")).GetStringAsync($"/goals/cost_per_effort?period={site.Period}&unit=skane");
        var datasets = Regex.Matches(html, "<section class=\"rows\" data-dataset=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["efforts", "loans", "operating_costs"], datasets);
        var loans = Regex.Match(html, "<section class=\"rows\" data-dataset=\"loans\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains(WebUtility.HtmlEncode(RowsUrl("cost_per_effort", "skane", "loans", "csv")), loans, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(RowsUrl("cost_per_effort", "skane", "loans", "xlsx")), loans, StringComparison.Ordinal);
        Assert.Equal(["loan_id", "org_nr", "unit_id", "disbursed_on", "amount", "phase"], Regex.Matches(loans, "<th scope=\"col\">([^<]+)</th>").Select(m => m.Groups[1].Value));
        Assert.InRange(Regex.Matches(loans, "<tr>\\s*<td").Count, 1, 20);
    }

    [Fact]
    public async Task CsvDownload_HasEveryRow_AndTheyAddUpToTheGoalsValue()
    {
        var board = await site.As("board");
        var response = await board.GetAsync(RowsUrl("disbursed_loans", "skane", "loans", "csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"disbursed_loans-skane-{site.Period}-loans.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("loan_id,org_nr,unit_id,disbursed_on,amount,phase", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(rows);
        // The rows are the year to date's loans of Skåne's subtree: their sum is the goal's value.
        var outcome = site.Site.Outcomes(site.Site.DefaultQuarter).Outcomes.Single(o => o.Goal == "disbursed_loans" && o.Unit == "skane");
        Assert.Equal(outcome.Value!.Value.Exact, rows.Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture)));
        var year = site.Site.DefaultQuarter.End.Year;
        Assert.All(rows, r => Assert.StartsWith($"{year}-", r[3], StringComparison.Ordinal));
        // The page counts as many.
        var page = await board.GetStringAsync($"/goals/disbursed_loans?period={site.Period}&unit=skane");
        var count = Regex.Match(page, "data-dataset=\"loans\">\\s*<h3>loans <span class=\"muted\">([0-9  ]+) rader").Groups[1].Value;
        Assert.Equal(rows.Count, int.Parse(Regex.Replace(count, "\\s", ""), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task XlsxDownload_OpensWithRealNumbersAndDates()
    {
        var response = await (await site.As("board")).GetAsync(RowsUrl("disbursed_loans", "skane", "loans", "xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var rows = part.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["loan_id", "org_nr", "unit_id", "disbursed_on", "amount", "phase"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        var csv = await (await (await site.As("board")).GetAsync(RowsUrl("disbursed_loans", "skane", "loans", "csv"))).Content.ReadAsStringAsync();
        Assert.Equal(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length, rows.Count);
        var first = rows[1].Elements<Cell>().ToList();
        // amount: a number; disbursed_on: a date serial with a date format.
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, first[4].DataType!.Value);
        Assert.True(double.TryParse(first[4].CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var dateStyle = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)first[3].StyleIndex!.Value);
        var format = part.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == dateStyle.NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd", format.FormatCode!.Value);
        var date = DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + int.Parse(first[3].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(site.Site.DefaultQuarter.End.Year, date.Year);
    }

    [Theory]
    [InlineData("board", HttpStatusCode.OK)]
    [InlineData("skane", HttpStatusCode.OK)]
    [InlineData("controller", HttpStatusCode.OK)]
    public async Task Download_IsForWhoeverMayReadTheGoalPage(string who, HttpStatusCode expected)
    {
        var response = await (await site.As(who)).GetAsync(RowsUrl("nps", "blekinge", "nps_responses", "csv"));
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Download_Anonymous_IsSentToTheLogin()
    {
        var response = await site.NewClient().GetAsync(RowsUrl("nps", "skane", "nps_responses", "csv"));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/login?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/goals/nps/rows?unit=skane&dataset=loans&format=csv", HttpStatusCode.NotFound, "läser inte datamängden 'loans'")]
    [InlineData("/goals/nps/rows?unit=skane&dataset=nps_responses&format=pdf", HttpStatusCode.BadRequest, "'pdf' är inget format")]
    [InlineData("/goals/nps/rows?unit=atlantis&dataset=nps_responses", HttpStatusCode.BadRequest, "Okänd enhet 'atlantis'")]
    [InlineData("/goals/nps/rows?unit=skane&dataset=nps_responses&period=2026-Q9", HttpStatusCode.BadRequest, "")]
    [InlineData("/goals/nothing/rows?unit=skane&dataset=nps_responses", HttpStatusCode.NotFound, "")]
    public async Task Download_BadInput_IsA4xxWithAMessage(string url, HttpStatusCode expected, string message)
    {
        var response = await (await site.As("board")).GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalPage_OfAComparisonGroupMetric_SaysPlainlyWhatItCannotList()
    {
        var html = await (await site.As("board")).GetStringAsync($"/goals/women_share?period={site.Period}&unit=skane");
        var untraced = Html.TextOfId(html, "ul", "untraced");
        Assert.NotNull(untraced);
        Assert.Contains("companies: populationens företag", untraced, StringComparison.Ordinal);
        // The customers' loans and efforts of the year to date are listed, as member rows of the population.
        Assert.Contains("Medlemsraderna i populationen customers", html, StringComparison.Ordinal);
    }
}

/// <summary>A site whose downloads are limited to five rows: past the limit, a clear refusal instead of a file.</summary>
public sealed class RowsDownloadLimitTest : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-web-rows-").FullName;
    private WebApplication _app = null!;
    private readonly DemoSite _helper = new();

    public async Task InitializeAsync() =>
        _app = await DemoSite.StartAsync(_folder, loginAttemptsPerMinute: 1000, demo: true, b => b.Configuration["Styrkort:Limits:MaxDownloadRows"] = "5");

    public async Task DisposeAsync()
    {
        await _helper.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Download_PastTheRowLimit_IsRefusedWithTheCountAndTheLimit()
    {
        var client = await _helper.SignInAsync("board", app: _app);
        var period = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Web.Hosting.SiteState>(_app.Services).DefaultQuarter;
        var response = await client.GetAsync($"/goals/disbursed_loans/rows?unit=skane&period={period}&dataset=loans&format=xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("[0-9  ]+ rader är fler än de 5 som kan laddas ner på en gång", html);
    }
}
