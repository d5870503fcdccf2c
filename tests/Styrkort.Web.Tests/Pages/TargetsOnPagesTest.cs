using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;
using Styrkort.Web.Imports;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Pages;

/// <summary>
/// A goal for the sales team only, against a quarterly budget with bonus bands and a warning zone: the overview leaves
/// the units outside the goal empty, and shows at risk (with its legend) and the band; so does the goal page.
/// </summary>
public sealed partial class TargetsOnPagesTest : IAsyncLifetime
{
    private const string Goals = """
        organisation: Sales test
        datasets:
          units:
            key: [unit_id]
            columns: {unit_id: text, name: text, parent_id: {type: text, nullable: true}}
          sales:
            key: [sale_id]
            unit: unit_id
            time: sold_on
            columns: {sale_id: text, unit_id: text, sold_on: date, amount: decimal}
          budget:
            key: [goal_id, unit_id, period]
            columns: {goal_id: text, unit_id: text, period: text, level: decimal}
        units: {dataset: units, id: unit_id, parent: parent_id, name: name}
        target_levels: {dataset: budget, goal: goal_id, unit: unit_id, period: period, level: level}
        metrics:
          sold: sum(sales.amount during period)
        areas:
          - {id: sales, name: {sv: Försäljning, en: Sales}}
        goals:
          - id: sold_vs_budget
            name: Sales against budget
            area: sales
            type: Ä
            metric: sold
            units: [sales]
            target:
              rule: at_least
              level: budget
              phasing: sum
              warning: 80
              bands: [{below: 90, label: {sv: Ingen bonus, en: No bonus}}, {below: 100, label: {sv: Delbonus, en: Partial bonus}}, {label: Full bonus}]

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-web-targets-").FullName;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private readonly DemoSite _clients = new();

    public async Task InitializeAsync()
    {
        var seed = Directory.CreateDirectory(Path.Combine(_folder, "seed")).FullName;
        await File.WriteAllTextAsync(Path.Combine(seed, "goals.yaml"), Goals);
        var data = Directory.CreateDirectory(Path.Combine(_folder, "csv")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "units.csv"), "unit_id,name,parent_id\ncompany,Company,\nsales,Sales,company\nanna,Anna,sales\nbo,Bo,sales\nmarketing,Marketing,company\n");
        // Q2: Anna 90 of 100 → 90 %, at risk (≥ 80), partial bonus; Bo 60 of 50 → 120 %, met, full bonus.
        await File.WriteAllTextAsync(Path.Combine(data, "sales.csv"), "sale_id,unit_id,sold_on,amount\ns1,anna,2026-04-10,90\ns2,bo,2026-05-15,60\ns3,marketing,2026-04-20,999\n");
        await File.WriteAllTextAsync(Path.Combine(data, "budget.csv"), "goal_id,unit_id,period,level\nsold_vs_budget,anna,2026-Q2,100\nsold_vs_budget,bo,2026-Q2,50\nsold_vs_budget,sales,2026-Q2,150\nsold_vs_budget,anna,2027-Q3,120\n");

        _app = await DemoSite.StartAsync(Path.Combine(_folder, "app"), loginAttemptsPerMinute: 1000, demo: false, goalFile: Path.Combine(seed, "goals.yaml"));
        using (var scope = _app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var users = services.GetRequiredService<UserManager<AppUser>>();
            Assert.Null(await Auth.Accounts.CreateAsync(users, "controller", "controller", DemoSite.NewAccountPassword, Auth.Roles.Controller, ""));
            var db = services.GetRequiredService<AppDb>();
            var site = services.GetRequiredService<SiteState>();
            var goals = site.Goals;
            services.GetRequiredService<ImportService>().Commit(db, goals, data, goals.Datasets.Values.ToDictionary(d => d.Name, d => Path.GetFileName(d.File)), "test");
            site.Publish(await site.BuildAsync(db, goals, site.Current.Version));
        }
        _client = await _clients.SignInAsync("controller", DemoSite.NewAccountPassword, _app);
    }

    [Fact]
    public async Task Overview_UnitsOutsideTheGoalAreEmpty_AtRiskAndTheBandAreShown()
    {
        var html = await _client.GetStringAsync("/?period=2026-Q2");

        var row = Regex.Match(html, "<tr data-goal=\"sold_vs_budget\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var cells = Cells().Matches(row).Select(m => m.Value).ToList();
        // One cell per unit; the company and marketing get an empty cell, no status.
        Assert.Equal(5, cells.Count);
        Assert.Equal(2, cells.Count(c => c == "<td></td>"));
        Assert.Equal(["anna", "bo", "sales"], DataUnit().Matches(row).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.Contains("data-unit=\"anna\" data-status=\"at_risk\"", row, StringComparison.Ordinal);
        Assert.Contains("<span class=\"band\">Delbonus</span>", row, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"bo\" data-status=\"met\"", row, StringComparison.Ordinal);
        // The legend names the status at risk.
        Assert.Contains("<span class=\"badge at_risk\"><span class=\"icon\" aria-hidden=\"true\">!</span> I riskzonen</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalPage_ListsOnlyTheUnitsOfTheGoal_WithStatusAndBand()
    {
        var html = await _client.GetStringAsync("/goals/sold_vs_budget?period=2026-Q2");
        var table = Regex.Match(html, "<table id=\"per-unit\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Equal(["sales", "anna", "bo"], Regex.Matches(table, "<tr data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<span class=\"badge at_risk\"><span class=\"icon\" aria-hidden=\"true\">!</span> I riskzonen</span> <span class=\"band\">Delbonus</span>", table, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge met\"><span class=\"icon\" aria-hidden=\"true\">✓</span> Uppfyllt</span> <span class=\"band\">Full bonus</span>", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Outcomes_CarryTheBandInBothLanguages_AndTheWarning()
    {
        using var json = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/api/outcomes?period=2026-Q2"));
        var results = json.RootElement.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("goal").GetString() == "sold_vs_budget").ToList();
        // Only the goal's units: sales, anna, bo.
        Assert.Equal(["anna", "bo", "sales"], results.Select(r => r.GetProperty("unit").GetString()).Order(StringComparer.Ordinal));
        var anna = results.Single(r => r.GetProperty("unit").GetString() == "anna");
        Assert.Equal("at_risk", anna.GetProperty("status").GetString());
        Assert.Equal("Delbonus", anna.GetProperty("band").GetProperty("sv").GetString());
        Assert.Equal("Partial bonus", anna.GetProperty("band").GetProperty("en").GetString());
        Assert.Equal(80, anna.GetProperty("target").GetProperty("warning").GetDecimal());
    }

    [Fact]
    public async Task Api_APeriodWithoutData_ShowsTheBudgetThatWouldApply()
    {
        // 2027-Q3 lies past the data: answered without a query, yet with the level of its own budget row.
        using var json = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/api/outcomes?period=2027-Q3"));
        var anna = json.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("goal").GetString() == "sold_vs_budget" && r.GetProperty("unit").GetString() == "anna");
        Assert.Equal("no_data", anna.GetProperty("status").GetString());
        Assert.Equal(120, anna.GetProperty("target").GetProperty("level").GetDecimal());
    }

    [GeneratedRegex("data-unit=\"([^\"]+)\"")]
    private static partial Regex DataUnit();

    [GeneratedRegex("<td[^>]*>.*?</td>", RegexOptions.Singleline)]
    private static partial Regex Cells();

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
