using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Auth;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>The audit trail: what is recorded, that the database keeps it append-only, the page and its CSV export.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AuditTrailTest(DemoSite site)
{
    [Fact]
    public async Task SignIn_SuccessFailureAndSignOut_AreRecorded_WithNameAndAddress()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        await site.TrySignInAsync(name, "not-the-password-9");
        await client.PostFormAsync("/logout");

        var signedIn = Assert.Single(await site.AuditAsync(AuditActions.SignIn, name));
        Assert.Equal(name, signedIn.Actor);
        Assert.StartsWith("from ", signedIn.Details, StringComparison.Ordinal);
        var failed = Assert.Single(await site.AuditAsync(AuditActions.SignInFailed, name));
        Assert.Contains("wrong user name or password", failed.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-9", failed.Details + failed.Subject + failed.Actor, StringComparison.Ordinal);
        Assert.Single(await site.AuditAsync(AuditActions.SignOut, name));
    }

    [Fact]
    public async Task SignIn_OfAnUnknownName_IsRecordedUnderTheNameTried()
    {
        await site.TrySignInAsync("nobody-by-this-name", "whatever-password");
        var entry = Assert.Single(await site.AuditAsync(AuditActions.SignInFailed, "nobody-by-this-name"));
        Assert.Equal("nobody-by-this-name", entry.Actor);
    }

    [Fact]
    public async Task CheckIn_ThroughTheApi_IsRecorded()
    {
        var controller = await site.As("controller");
        var body = new CheckInDto("engagement_index", "gotland", site.Period, "Granskad.", [new ActionDto("Följ upp", "Per", null, "open")], null, null);
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins", body)).StatusCode);
        var entry = Assert.Single(await site.AuditAsync(AuditActions.CheckIn, $"engagement_index / gotland / {site.Period}"));
        Assert.Equal("controller", entry.Actor);
        Assert.Contains("1 actions", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountCreate_IsRecorded()
    {
        var response = await (await site.As("admin")).PostFormAsync("/admin/users", ("userName", "audited-new"), ("password", "long-enough-password"), ("role", Roles.Viewer), ("units", ""));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var entry = Assert.Single(await site.AuditAsync(AuditActions.AccountCreate, "audited-new"));
        Assert.Equal("admin", entry.Actor);
        Assert.DoesNotContain("long-enough-password", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountCreate_WithAnUnknownUnit_IsRefused_AndNothingIsRecorded()
    {
        var response = await (await site.As("admin")).PostFormAsync("/admin/users", ("userName", "audited-nowhere"), ("password", "long-enough-password"), ("role", Roles.UnitManager), ("units", "atlantis"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await site.App.UseAppStoreAsync((_, users) => users.FindByNameAsync("audited-nowhere")));
        Assert.Empty(await site.AuditAsync(AuditActions.AccountCreate, "audited-nowhere"));
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else'")]
    [InlineData("DELETE FROM \"AuditEntries\"")]
    public async Task Trail_RefusesUpdateAndDelete_AtTheDatabaseLevel(string sql)
    {
        await RecordAsync("append-only", "x");
        var before = await site.App.UseAppStoreAsync((db, _) => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var refused = await Record.ExceptionAsync(() => site.App.UseAppStoreAsync((db, _) => db.Database.ExecuteSqlRawAsync(sql)));
        Assert.NotNull(refused);
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        var after = await site.App.UseAppStoreAsync((db, _) => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(before.Select(e => (e.Id, e.Actor)), after.Take(before.Count).Select(e => (e.Id, e.Actor)));
    }

    [Fact]
    public async Task Trail_RefusesAChangeThroughEfCoreToo()
    {
        await RecordAsync("append-only-ef", "x");
        var refused = await Record.ExceptionAsync(() => site.App.UseAppStoreAsync(async (db, _) =>
        {
            var entry = await db.AuditEntries.FirstAsync(e => e.Subject == "append-only-ef");
            entry.Details = "rewritten";
            return await db.SaveChangesAsync();
        }));
        Assert.IsType<DbUpdateException>(refused);
        Assert.Equal("x", (await site.App.UseAppStoreAsync((db, _) => db.AuditEntries.AsNoTracking().FirstAsync(e => e.Subject == "append-only-ef"))).Details);
    }

    [Fact]
    public async Task Page_FiltersByActionActorTextAndDate_NewestFirst()
    {
        var marker = "filter-" + Guid.NewGuid().ToString("N")[..8];
        await AddAsync(new AuditEntry { AtUtc = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc), Actor = "eva", Action = AuditActions.Import, Subject = $"{marker} loans", Details = "old" });
        await AddAsync(new AuditEntry { AtUtc = new DateTime(2025, 3, 2, 23, 59, 0, DateTimeKind.Utc), Actor = "eva", Action = AuditActions.TargetDecision, Subject = $"{marker} nps", Details = "mid" });
        await AddAsync(new AuditEntry { AtUtc = new DateTime(2025, 3, 3, 8, 0, 0, DateTimeKind.Utc), Actor = "bo", Action = AuditActions.Import, Subject = "units", Details = $"new {marker.ToUpperInvariant()}" });
        var controller = await site.As("controller");
        var neu = $"new {marker.ToUpperInvariant()}"; // found without regard to case

        Assert.Equal([neu, "mid", "old"], await DetailsAsync(controller, $"/audit?text={marker}"));
        Assert.Equal([neu, "old"], await DetailsAsync(controller, $"/audit?text={marker}&action=import"));
        Assert.Equal(["mid", "old"], await DetailsAsync(controller, $"/audit?text={marker}&actor=eva"));
        Assert.Equal(["mid"], await DetailsAsync(controller, $"/audit?text={marker}&from=2025-03-02&to=2025-03-02"));
        Assert.Equal([neu, "mid"], await DetailsAsync(controller, $"/audit?text={marker}&from=2025-03-02"));
        Assert.Equal(["old"], await DetailsAsync(controller, $"/audit?text={marker}&to=2025-03-01"));
        // Nonsense in the filter is ignored, not an error.
        Assert.Equal(HttpStatusCode.OK, (await controller.GetAsync($"/audit?text={marker}&from=yesterday&pg=-4")).StatusCode);
    }

    [Fact]
    public async Task Page_ShowsAHundredAtATime()
    {
        var marker = "paged-" + Guid.NewGuid().ToString("N")[..8];
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await site.App.UseAppStoreAsync((db, _) =>
        {
            db.AuditEntries.AddRange(Enumerable.Range(0, 105).Select(i => new AuditEntry { AtUtc = start.AddMinutes(i), Actor = "x", Action = AuditActions.Import, Subject = marker, Details = $"n{i:000}" }));
            return db.SaveChangesAsync();
        });
        var admin = await site.As("admin");
        var first = await DetailsAsync(admin, $"/audit?text={marker}");
        Assert.Equal(100, first.Count);
        Assert.Equal("n104", first[0]);
        var page = await admin.GetStringAsync($"/audit?text={marker}");
        Assert.Contains($"/audit?text={marker}&amp;pg=2", page, StringComparison.Ordinal);
        Assert.Equal(["n004", "n003", "n002", "n001", "n000"], await DetailsAsync(admin, $"/audit?text={marker}&pg=2"));
    }

    [Fact]
    public async Task Export_IsQuotedUtf8Csv_WithFormulasNeutralised()
    {
        var marker = "csv-" + Guid.NewGuid().ToString("N")[..8];
        string[] nasty = ["=HYPERLINK(\"http://evil.example\",\"klicka\")", "+1+2", "-3", "@SUM(A1)", "\tTab", "säger \"hej\", då\nny rad", "vanlig"];
        foreach (var (text, i) in nasty.Select((t, i) => (t, i)))
            await AddAsync(new AuditEntry { AtUtc = new DateTime(2025, 6, 1, 12, 0, i, DateTimeKind.Utc), Actor = text, Action = AuditActions.Import, Subject = marker, Details = text });

        var response = await (await site.As("controller")).GetAsync($"/audit/export?text={marker}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv(Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal(AuditCsv.Header, rows[0]);
        var details = rows.Skip(1).Select(r => r[5]).ToList();
        Assert.Equal(["vanlig", "säger \"hej\", då\nny rad", "'\tTab", "'@SUM(A1)", "'-3", "'+1+2", "'=HYPERLINK(\"http://evil.example\",\"klicka\")"], details);
        Assert.All(rows.Skip(1), r => Assert.Equal(r[5], r[2])); // the actor column too
        Assert.All(rows.Skip(1), r => Assert.Equal(marker, r[4]));
    }

    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("", "\"\"")]
    [InlineData("3-2", "\"3-2\"")]
    public void Cell_IsQuoted_AndAFormulaIsNeutralised(string value, string expected) => Assert.Equal(expected, AuditCsv.Cell(value));

    private Task<int> RecordAsync(string subject, string details) =>
        site.App.UseAppStoreAsync((db, _) =>
        {
            AuditTrail.Record(db, TimeProvider.System, "test", AuditActions.Import, subject, details);
            return db.SaveChangesAsync();
        });

    private Task<int> AddAsync(AuditEntry entry) =>
        site.App.UseAppStoreAsync((db, _) =>
        {
            db.AuditEntries.Add(entry);
            return db.SaveChangesAsync();
        });

    /// <summary>The details column of the page's table, top to bottom.</summary>
    private static async Task<List<string>> DetailsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var body = System.Text.RegularExpressions.Regex.Match(html, "<table id=\"audit\">.*?<tbody>(.*?)</tbody>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        return System.Text.RegularExpressions.Regex.Matches(body, "<tr>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(r => System.Text.RegularExpressions.Regex.Matches(r.Groups[1].Value, "<td>(.*?)</td>", System.Text.RegularExpressions.RegexOptions.Singleline)[^1].Groups[1].Value)
            .Select(WebUtility.HtmlDecode).ToList()!;
    }

    /// <summary>A strict RFC 4180 reader: every cell must be quoted.</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var cells = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            Assert.Equal('"', text[i]);
            var cell = new StringBuilder();
            for (i++; ; i++)
            {
                if (text[i] != '"') { cell.Append(text[i]); continue; }
                if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; continue; }
                i++;
                break;
            }
            cells.Add(cell.ToString());
            if (text[i] == ',') { i++; continue; }
            Assert.Equal("\r\n", text.Substring(i, 2));
            i += 2;
            rows.Add([.. cells]);
            cells.Clear();
        }
        return rows;
    }
}
