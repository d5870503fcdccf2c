using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Styrkort.Testing;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// `serve --warehouse postgresql://…`: the same demo site with its warehouse on a real PostgreSQL server shows the same
/// outcomes as the site on DuckDB, takes an upload through the job queue, and keeps the one import history.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class WarehouseOnPostgresTest(DemoSite site)
{
    [Fact]
    public async Task TheSiteOnAPostgresWarehouse_ShowsTheOutcomesOfDuckDb_AndImportsThroughTheQueue()
    {
        // Both sites fresh: the collection's shared site has been changed by other tests (decisions, imports).
        var folder = Directory.CreateTempSubdirectory("styrkort-web-pg-").FullName;
        var duckFolder = Directory.CreateTempSubdirectory("styrkort-web-duck-").FullName;
        var app = await DemoSite.StartAsync(folder, loginAttemptsPerMinute: 1000, demo: true,
            b => b.Configuration["Styrkort:Warehouse"] = PostgresServer.Shared.NewDatabaseUrl());
        var duck = await DemoSite.StartAsync(duckFolder, loginAttemptsPerMinute: 1000, demo: true);
        try
        {
            Assert.False(File.Exists(Path.Combine(folder, "warehouse.duckdb"))); // the facts went to PostgreSQL
            Assert.True(File.Exists(Path.Combine(duckFolder, "warehouse.duckdb")));
            var board = await site.SignInAsync("board", app: app);
            var boardOnDuckDb = await site.SignInAsync("board", app: duck);
            foreach (var period in new[] { site.Period, "2025", "2026-03" })
            {
                using var onDuckDb = JsonDocument.Parse(await boardOnDuckDb.GetStringAsync($"/api/outcomes?period={period}"));
                using var onPostgres = JsonDocument.Parse(await board.GetStringAsync($"/api/outcomes?period={period}"));
                Assert.True(onDuckDb.RootElement.GetProperty("results").GetArrayLength() > 100);
                AssertSame(onDuckDb.RootElement, onPostgres.RootElement, period);
            }

            var controller = await site.SignInAsync("controller", app: app);
            var history = (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))!;
            Assert.NotEmpty(history); // the demo's own import
            var units = await File.ReadAllTextAsync(Path.Combine(folder, "sample", "units.csv"));
            var response = await controller.PostAsync("/api/imports?wait=true", DemoSite.Upload("Units.csv", units));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var batch = Assert.Single((await response.Content.ReadFromJsonAsync<List<ImportBatchDto>>())!);
            Assert.Equal(("units", "Units.csv", "controller"), (batch.Dataset, batch.FileName, batch.ImportedBy));
            Assert.Equal(history.Max(b => b.Id) + 1, batch.Id);
            Assert.Equal(batch, (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))![0]);
        }
        finally
        {
            foreach (var a in new[] { app, duck })
            {
                await a.StopAsync();
                await a.DisposeAsync();
            }
            Directory.Delete(folder, recursive: true);
            Directory.Delete(duckFolder, recursive: true);
        }
    }

    /// <summary>Equal JSON, numbers within 1e-9 relative: a float sum may add in another order on another engine.</summary>
    private static void AssertSame(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} on DuckDB, {actual.ValueKind} on PostgreSQL");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                // The outcomes, not the insights: each site's background job adds forecasts and changes at its own pace.
                string[] insights = ["forecast", "anomaly", "change", "boardChange"];
                var names = expected.EnumerateObject().Select(p => p.Name).Except(insights).ToList();
                Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name).Except(insights));
                foreach (var name in names) AssertSame(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}");
                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++) AssertSame(expected[i], actual[i], $"{path}[{i}]");
                break;
            case JsonValueKind.Number:
                var (a, b) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)), $"{path}: {a} on DuckDB, {b} on PostgreSQL");
                break;
            default:
                Assert.Equal(expected.GetRawText(), actual.GetRawText());
                break;
        }
    }
}
