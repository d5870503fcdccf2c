using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Builder;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Data that a spreadsheet would run or that breaks a file: unit names and dataset values beginning with = + - @,
/// control characters, quotes and semicolons in unit ids. Imported into a site of its own (the shared demo stays as
/// it is), then downloaded as CSV and Excel.
/// </summary>
public sealed class HostileDataExportTest(HostileDataSite site) : IClassFixture<HostileDataSite>
{
    private const string OddUnit = HostileDataSite.OddUnit;
    private const string Formula = HostileDataSite.Formula;
    private string Period => site.Period;

    private string RowsUrl(string unit, string format) =>
        $"/goals/disbursed_loans/rows?unit={Uri.EscapeDataString(unit)}&period={Period}&dataset=loans&format={format}";

    [Fact]
    public async Task RowsCsv_TextASpreadsheetWouldRun_BeginsWithAnApostrophe_NumbersStayNumbers()
    {
        var response = await (await site.Clients.SignInAsync("board", app: site.App)).GetAsync(RowsUrl("skane", "csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"klicka\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'+1+1,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'-2+3,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'@SUM(1),", StringComparison.Ordinal));
        // Only text is defused: no amount (a number, never negative here) and no date gains an apostrophe.
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',').Skip(1).Any(f => f.StartsWith('\'')));
    }

    [Fact]
    public async Task RowsXlsx_ControlCharactersAndFormulas_DownloadAsPlainText()
    {
        var response = await (await site.Clients.SignInAsync("board", app: site.App)).GetAsync(RowsUrl("skane", "xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        var ids = sheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().First()).ToList();
        Assert.All(ids, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        var texts = ids.Select(c => c.InnerText).ToList();
        Assert.Contains(Formula, texts);
        Assert.Contains("+1+1", texts);
        // A character XML cannot carry is shown as the replacement character rather than breaking the download.
        Assert.Contains("\uFFFDodd", texts);
    }

    [Fact]
    public async Task Exports_UnitNamesThatLookLikeFormulasOrHoldControlCharacters_AreText()
    {
        var board = await site.Clients.SignInAsync("board", app: site.App);
        foreach (var path in new[] { $"/export/overview.xlsx?period={Period}", $"/goals/disbursed_loans/export.xlsx?period={Period}", $"/report/download?period={Period}&format=xlsx" })
        {
            var response = await board.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            var cells = book.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<Cell>()).ToList();
            Assert.Empty(book.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<CellFormula>()));
            if (!path.StartsWith("/report", StringComparison.Ordinal))
            {
                Assert.Contains(cells, c => c.DataType?.Value == CellValues.InlineString && c.InnerText == Formula);
                if (path.StartsWith("/export", StringComparison.Ordinal)) Assert.Contains(cells, c => c.InnerText == "Odd\uFFFDunit");
            }
        }
    }

    [Fact]
    public async Task RowsDownload_FileName_KeepsOnlyLettersDigitsAndDashes()
    {
        var response = await (await site.Clients.SignInAsync("board", app: site.App)).GetAsync(RowsUrl(OddUnit, "csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"disbursed_loans-od_d_unit-{Period}-loans.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
    }
}

/// <summary>The demo site with the hostile units and loans imported (see <see cref="HostileDataExportTest"/>).</summary>
public sealed class HostileDataSite : IAsyncLifetime
{
    public const string OddUnit = "od\"d;unit";
    public const string Formula = "=HYPERLINK(\"http://evil.example/\",\"klicka\")";
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-web-hostile-").FullName;
    public WebApplication App { get; private set; } = null!;
    public DemoSite Clients { get; } = new();

    public async Task InitializeAsync()
    {
        App = await DemoSite.StartAsync(_folder, loginAttemptsPerMinute: 1000, demo: true);
        var controller = await Clients.SignInAsync("controller", app: App);
        var sample = Path.Combine(_folder, "sample");
        // Skåne's name a formula; a unit whose id carries a quote and a semicolon and whose name a control character.
        var units = File.ReadAllLines(Path.Combine(sample, "units.csv"), Encoding.UTF8).ToList();
        for (var i = 1; i < units.Count; i++)
            if (units[i].StartsWith("skane,", StringComparison.Ordinal))
            {
                var fields = units[i].Split(',');
                fields[1] = "\"" + Formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                units[i] = string.Join(',', fields);
            }
        units.Add("\"od\"\"d;unit\",\"Odd\u0002unit\",skane,");
        // The first loans of Skåne: ids a spreadsheet would read as formulas, and one with a control character.
        var loans = File.ReadAllLines(Path.Combine(sample, "loans.csv"), Encoding.UTF8).ToList();
        var hostile = new Queue<string>(["\"" + Formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", "+1+1", "-2+3", "@SUM(1)", "\u0001odd"]);
        for (var i = 1; i < loans.Count && hostile.Count > 0; i++)
            if (loans[i].Split(',')[2] == "skane" && loans[i].Split(',')[3].StartsWith(Year, StringComparison.Ordinal))
                loans[i] = hostile.Dequeue() + loans[i][loans[i].IndexOf(',', StringComparison.Ordinal)..];
        using var form = new MultipartFormDataContent
        {
            { new StringContent(string.Join("\n", units) + "\n", Encoding.UTF8), "files", "units.csv" },
            { new StringContent(string.Join("\n", loans) + "\n", Encoding.UTF8), "files", "loans.csv" },
        };
        var response = await controller.PostAsync("/api/imports?wait=true", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private string Year => App.Services.GetService(typeof(Web.Hosting.SiteState)) is Web.Hosting.SiteState s ? s.DefaultQuarter.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    public string Period => ((Web.Hosting.SiteState)App.Services.GetService(typeof(Web.Hosting.SiteState))!).DefaultQuarter.ToString();

    public async Task DisposeAsync()
    {
        await Clients.DisposeAsync();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
