using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Styrkort.Web.Hosting;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>`serve --demo smb`: the small company's sample and its demo accounts, each seeing what their unit allows.</summary>
public sealed class SmbDemoTest : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("styrkort-web-smb-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in new[] { "goals.yaml", "smb-data.yaml" })
            File.Copy(Path.Combine(SourceTree.Root, "samples", "smb", file), Path.Combine(_data, file));
        _app = StyrkortWeb.Build(new WebOptions(_data, Path.Combine(_data, "goals.yaml")), [], b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await Startup.PrepareAsync(_app, Startup.DemoSample.Smb, _ => { });
        await _app.StartAsync();
    }

    [Fact]
    public async Task SalesManagerAndSalesperson_WriteForTheirOwnUnitsOnly_TheControllerSeesTheCompany()
    {
        var manager = await SignInAsync("saljchef");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/goals/revenue/checkin?unit=growth&period=2026-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/goals/revenue/checkin?unit=marketing&period=2026-Q1")).StatusCode);
        var anna = await SignInAsync("anna");
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/goals/revenue/checkin?unit=anna_lindqvist&period=2026-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/goals/revenue/checkin?unit=johan_berg&period=2026-Q1")).StatusCode);
        var overview = await (await SignInAsync("controller")).GetStringAsync("/?period=2026-03");
        Assert.Contains("Nordvik Analys AB", overview, StringComparison.Ordinal);
        Assert.Contains("Team Storkund", overview, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string userName)
    {
        var password = Startup.SmbDemoAccounts.Single(a => a.UserName == userName).Password;
        var client = new HttpClient(new CookieHandler(_app.GetTestServer().CreateHandler())) { BaseAddress = _app.GetTestServer().BaseAddress };
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
        using var response = await client.PostAsync("/login", DemoSite.Form(("userName", userName), ("password", password), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
