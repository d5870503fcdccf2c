using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DuckDB.NET.Data;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// An upload is previewed before anything is imported: the detected encoding and separator, the first rows as read,
/// and the column mapping pre-filled by name; "Importera" imports with the mapping, a broken file is refused in the
/// user's language with line and column, and each dataset has a template to fill in.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ImportPreviewTest(DemoSite site)
{
    static ImportPreviewTest() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task SemicolonWindows1252_IsPreviewed_Mapped_AndImportedWithItsDecimalCommas()
    {
        var controller = await site.As("controller");
        // The sample's operating costs as Swedish Excel saves them: semicolons, decimal commas, Windows-1252, the amount
        // column under a name of its own and a comment column the dataset does not have.
        var sample = File.ReadAllLines(Path.Combine(site.DataDirectory, "sample", "operating_costs.csv"));
        var rows = sample.Skip(1).Select(l => l.Split(',')).ToList();
        var text = "unit_id;Månad;Belopp;Kommentar\r\n" + string.Concat(rows.Select(r => $"{r[0]};{r[1]};{r[2].Replace('.', ',')};Hyra på Åsgatan\r\n"));
        var jobs = site.Jobs.All().Count;
        var upload = await UploadAsync(controller, "operating_costs.csv", Encoding.GetEncoding(1252).GetBytes(text));

        Assert.Equal(HttpStatusCode.Found, upload.StatusCode);
        var preview = upload.Headers.Location!.OriginalString;
        Assert.Matches("^/imports/preview/[0-9a-f]{32}$", preview);
        var page = await controller.GetStringAsync(preview);
        Assert.Contains("Windows-1252, semikolon", Html.TextOfId(page, "p", "detected-0"), StringComparison.Ordinal);
        Assert.Contains("Hyra på Åsgatan", page, StringComparison.Ordinal);
        Assert.Contains(rows[0][2].Replace('.', ','), page, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Matches(Html.TextOfId(page, "table", "preview-0")!, "Hyra på Åsgatan").Count);
        // Pre-filled by name: unit_id as itself; Månad, Belopp and Kommentar have no column of that name.
        Assert.Matches("name=\"map_0_0\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*<option value=\"unit_id\" selected", page);
        Assert.Equal(jobs, site.Jobs.All().Count); // nothing is queued before it is confirmed

        // Without month and amount the import is refused, in Swedish, and nothing is queued.
        var token = await DemoSite.FormTokenAsync(controller, preview);
        var refused = await controller.PostAsync(preview, DemoSite.Form((Html.TokenField, token), ("map_0_0", "unit_id"), ("map_0_1", "month")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("ingen kolumn i filen läses som 'amount'", Html.TextOfId(await refused.Content.ReadAsStringAsync(), "div", "preview-errors"), StringComparison.Ordinal);

        var confirmed = await controller.PostAsync(preview, DemoSite.Form((Html.TokenField, token), ("map_0_0", "unit_id"), ("map_0_1", "month"), ("map_0_2", "amount"), ("map_0_3", "")));
        Assert.Equal(HttpStatusCode.Found, confirmed.StatusCode);
        var job = await site.JobAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Equal(Web.Jobs.JobState.Succeeded, job.State);
        var batch = Assert.Single(job.Batches);
        Assert.Equal(rows.Count, batch.Rows);
        Assert.Equal("windows1252;semicolon", batch.Format?.ToString());
        Assert.Equal(rows.Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)), SumOfAmounts());
        Assert.Contains("Windows-1252, semikolon", Html.TextOfId(await controller.GetStringAsync("/imports"), "table", "batches"), StringComparison.Ordinal);
        Assert.Contains($"{rows.Count} rows from operating_costs.csv (Windows-1252, semicolon, sha256", await controller.GetStringAsync("/audit?action=import"), StringComparison.Ordinal);
        // The upload is gone once imported.
        Assert.Equal(HttpStatusCode.NotFound, (await controller.GetAsync(preview)).StatusCode);
    }

    [Fact]
    public async Task AnExcelWorkbook_IsPreviewedAsRead_AndImported()
    {
        var controller = await site.As("controller");
        var sample = File.ReadAllLines(Path.Combine(site.DataDirectory, "sample", "operating_costs.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var book = new Styrkort.Reports.Xlsx.XlsxWorkbook();
        var sheet = book.Sheet("Kostnader").TableHeader("UNIT_ID", "month", "amount");
        foreach (var r in sample) sheet.Row(r[0], r[1], decimal.Parse(r[2], CultureInfo.InvariantCulture));
        var bytes = new MemoryStream();
        book.Write(bytes);

        var upload = await UploadAsync(controller, "operating_costs.xlsx", bytes.ToArray());
        var preview = upload.Headers.Location!.OriginalString;
        var page = await controller.GetStringAsync(preview);
        Assert.Contains("Excel (.xlsx)", Html.TextOfId(page, "p", "detected-0"), StringComparison.Ordinal);
        Assert.Contains($"<td>{sample[0][0]}</td>", page, StringComparison.Ordinal);

        // UNIT_ID is read as unit_id (names match whatever their case): confirmed as proposed.
        var mapping = new[] { "unit_id", "month", "amount" }.Select((c, i) => ($"map_0_{i}", c));
        var confirmed = await controller.PostAsync(preview, DemoSite.Form([(Html.TokenField, await DemoSite.FormTokenAsync(controller, preview)), .. mapping]));
        var job = await site.JobAsync(confirmed.Headers.Location!.OriginalString);
        Assert.True(job.State == Web.Jobs.JobState.Succeeded, string.Join("; ", job.Errors));
        Assert.Equal("xlsx", Assert.Single(job.Batches).Format?.ToString());
        Assert.Equal(sample.Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)), SumOfAmounts());
    }

    [Fact]
    public async Task ABrokenFile_IsRefusedInSwedish_NamingLineAndColumn()
    {
        var controller = await site.As("controller");
        var upload = await UploadAsync(controller, "nps_responses.csv",
            [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("response_id,org_nr,unit_id,answered_on,score\nR1,556000-0001,skane,2026-05-02,9\nR2,556000-0002,skane,2026-05-03,8,extra\n")]);
        var preview = upload.Headers.Location!.OriginalString;
        var page = await controller.GetStringAsync(preview);
        Assert.Contains("UTF-8 BOM, komma", page, StringComparison.Ordinal);
        Assert.Contains("nps_responses.csv, rad 3, kolumn 6: raden har 6 fält, rubrikraden 5", page, StringComparison.Ordinal);

        var token = await DemoSite.FormTokenAsync(controller, preview);
        var fields = new[] { "response_id", "org_nr", "unit_id", "answered_on", "score" }.Select((c, i) => ($"map_0_{i}", c));
        var refused = await controller.PostAsync(preview, DemoSite.Form([(Html.TokenField, token), .. fields]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("rad 3, kolumn 6", Html.TextOfId(await refused.Content.ReadAsStringAsync(), "div", "preview-errors"), StringComparison.Ordinal);
    }

    // The reader's refusals come from the message catalogue: the page's language, the same English as the command line.
    [Theory]
    [InlineData("sv", "nps_responses.csv, rad 2, kolumn 2: ett citattecken inuti ett fält utan citattecken; sätt hela fältet inom citattecken och skriv citattecknet dubbelt")]
    [InlineData("en", "nps_responses.csv, line 2, column 2: a quote inside an unquoted field; quote the whole field and write the quote twice")]
    public async Task AStrayQuote_IsRefusedInThePagesLanguage(string lang, string expected)
    {
        var controller = await site.SignInAsync("controller");
        await controller.GetAsync($"/lang?to={lang}&back=/imports");
        var upload = await UploadAsync(controller, "nps_responses.csv",
            Encoding.UTF8.GetBytes("response_id,org_nr,unit_id,answered_on,score\nR1,55\"6,skane,2026-05-02,9\n"));

        var page = await controller.GetStringAsync(upload.Headers.Location!.OriginalString);

        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUsersUpload_IsNotFound_AndDiscardRemovesIt()
    {
        var controller = await site.As("controller");
        var upload = await UploadAsync(controller, "nps_responses.csv", Encoding.UTF8.GetBytes("response_id,org_nr,unit_id,answered_on,score\n"));
        var preview = upload.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.NotFound, (await (await site.As("admin")).GetAsync(preview)).StatusCode);

        var token = await DemoSite.FormTokenAsync(controller, preview);
        var discarded = await controller.PostAsync(preview + "?handler=discard", DemoSite.Form((Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Found, discarded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await controller.GetAsync(preview)).StatusCode);
    }

    [Fact]
    public async Task Templates_HaveTheDatasetsColumns()
    {
        var controller = await site.As("controller");
        var imports = await controller.GetStringAsync("/imports");
        Assert.Contains("/imports/template?dataset=loans&amp;format=xlsx", imports, StringComparison.Ordinal);

        var csv = await controller.GetAsync("/imports/template?dataset=loans&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("loans.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("loan_id,org_nr,unit_id,disbursed_on,amount,phase", (await csv.Content.ReadAsStringAsync()).Trim('\uFEFF', '\r', '\n'));

        var xlsx = await controller.GetAsync("/imports/template?dataset=loans&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["loans", "Kolumner"], sheets.Select(s => s.Name!.Value));
        var header = ((WorksheetPart)book.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["loan_id", "org_nr", "unit_id", "disbursed_on", "amount", "phase"], header);
        var types = ((WorksheetPart)book.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("decimal", types);
        Assert.Contains("start, expansion, established", types);

        Assert.Equal(HttpStatusCode.NotFound, (await controller.GetAsync("/imports/template?dataset=nothing&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await controller.GetAsync("/imports/template?dataset=loans&format=pdf")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] content)
    {
        var token = await DemoSite.FormTokenAsync(client, "/imports");
        var form = new MultipartFormDataContent { { new StringContent(token), Html.TokenField } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "files", name);
        return await client.PostAsync("/imports", form);
    }

    private decimal SumOfAmounts()
    {
        // The same warehouse file, on a connection of the test's own (DuckDB shares the open database within a process).
        using var db = new DuckDBConnection($"DataSource={Path.Combine(site.DataDirectory, "warehouse.duckdb")}");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT sum(amount) FROM operating_costs";
        return Convert.ToDecimal(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
