using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.Hosting;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>Saving the goal file from the web: checked like the command line, kept in history, refused when it does not hold.</summary>
public sealed class GoalFilePageTest : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("styrkort-web-goalfile-").FullName;
    private WebApplication _app = null!;
    private readonly List<HttpClient> _clients = [];

    private string GoalFile => Path.Combine(_dataDirectory, "goals.yaml");

    public async Task InitializeAsync() => _app = await DemoSite.StartAsync(_dataDirectory, loginAttemptsPerMinute: 1000, demo: true);

    private async Task<HttpClient> SignInAsync(string user)
    {
        var server = _app.GetTestServer();
        var client = new HttpClient(new CookieHandler(server.CreateHandler())) { BaseAddress = server.BaseAddress };
        _clients.Add(client);
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
        var response = await client.PostAsync("/login", DemoSite.Form(("userName", user), ("password", DemoSite.PasswordOf(user)), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string text)
    {
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/goalfile"));
        return await client.PostAsync("/goalfile", DemoSite.Form(("text", text), (Html.TokenField, token)));
    }

    [Fact]
    public async Task Controller_SavesAValidGoalFile_WhichIsServedAndTheOldOneKept()
    {
        var client = await SignInAsync("controller");
        var before = await File.ReadAllTextAsync(GoalFile);
        var after = before.Replace("{sv: NPS kundföretag,", "{sv: NPS bland kundföretagen,", StringComparison.Ordinal);

        var response = await SaveAsync(client, after);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(after, await File.ReadAllTextAsync(GoalFile));
        Assert.Contains("NPS bland kundföretagen", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var kept = Directory.GetFiles(Path.Combine(_dataDirectory, "goalfile-history"));
        Assert.Single(kept);
        Assert.Equal(before, await File.ReadAllTextAsync(kept[0]));
    }

    [Fact]
    public async Task AFormulaError_IsShownWithLineAndColumn_AndChangesNothing()
    {
        var client = await SignInAsync("controller");
        var before = await File.ReadAllTextAsync(GoalFile);
        var broken = before.Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("loans.amout", StringComparison.Ordinal)) + 1;

        var response = await SaveAsync(client, broken);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"goals.yaml:{line}:", page, StringComparison.Ordinal);
        Assert.Contains("no column &#x27;amout&#x27;", page, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(GoalFile));
        Assert.Equal("sum(loans.amount during ytd)", _app.Services.GetRequiredService<SiteState>().Goals.Metrics["disbursed_loans"].Formula.Text);
    }

    [Fact]
    public async Task AGoalFileNeedingDataTheWarehouseLacks_IsRefused()
    {
        var client = await SignInAsync("controller");
        var before = await File.ReadAllTextAsync(GoalFile);
        var more = before.Replace("datasets:\n", "datasets:\n  visits:\n    unit: unit_id\n    columns: {unit_id: text}\n", StringComparison.Ordinal);

        var page = await (await SaveAsync(client, more)).Content.ReadAsStringAsync();

        Assert.Contains("visits", page, StringComparison.Ordinal);
        Assert.Contains("import", page, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(GoalFile));
    }

    [Fact]
    public async Task Viewer_MayReadButNotSave()
    {
        var client = await SignInAsync("board");
        Assert.Contains("goalfile-view", await client.GetStringAsync("/goalfile"), StringComparison.Ordinal);
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/account/tokens"));
        var response = await client.PostAsync("/goalfile", DemoSite.Form(("text", "x: 1"), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
