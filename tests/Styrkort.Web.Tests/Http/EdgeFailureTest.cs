using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.Api;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// A site of its own whose authorization fails on purpose (a request with X-Test-Fail), to see what a real server error
/// looks like from outside; and a tight sign-in limit for the 429 page; and HSTS over HTTPS.
/// </summary>
public sealed class EdgeFailureTest : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("styrkort-web-edge-").FullName;
    private WebApplication _app = null!;

    private sealed class FailingHandler : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context) =>
            context.Resource is HttpContext http && http.Request.Headers.ContainsKey("X-Test-Fail")
                ? throw new InvalidOperationException("secret-detail-of-the-failure")
                : Task.CompletedTask;
    }

    public async Task InitializeAsync() =>
        _app = await DemoSite.StartAsync(_folder, loginAttemptsPerMinute: 1, demo: false,
            b =>
            {
                b.Services.AddSingleton<IAuthorizationHandler, FailingHandler>();
                b.Configuration["Styrkort:Limits:MaxRequestBytes"] = "4096";
            });

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private HttpClient Client(string? baseAddress = null)
    {
        var server = (Microsoft.AspNetCore.TestHost.TestServer)_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        return new HttpClient(new CookieHandler(server.CreateHandler())) { BaseAddress = baseAddress is null ? server.BaseAddress : new Uri(baseAddress) };
    }

    [Theory]
    [InlineData("sv", "Något gick fel")]
    [InlineData("en", "Something went wrong")]
    public async Task ServerError_OnAPage_IsAnErrorPageWithoutTheException(string lang, string title)
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Test-Fail", "1");
        client.DefaultRequestHeaders.Add("Cookie", $"lang={lang}");
        var response = await client.GetAsync("/goalfile");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("/assets/site.css", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-detail-of-the-failure", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task ServerError_OnTheApi_IsJsonWithoutTheException()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Test-Fail", "1");
        var response = await client.GetAsync("/api/goals");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-detail-of-the-failure", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<ErrorDto>())?.Error));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task TooManySignInAttempts_GetThe429Page()
    {
        using var client = Client();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
        HttpResponseMessage last = null!;
        for (var attempt = 0; attempt < 2; attempt++)
            last = await client.PostAsync("/login", DemoSite.Form(("userName", "nobody"), ("password", "wrong-guess"), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("För många försök", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_AreReadFromConfiguration()
    {
        // Measured before anything else, so even before signing in.
        using var client = Client();
        var response = await client.PostAsync("/api/checkins", new StringContent(new string('x', 5000), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4,096 bytes", (await response.Content.ReadFromJsonAsync<ErrorDto>())!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_IsSentOverHttps_Only()
    {
        using var https = Client("https://styrkort.example/");
        var secure = await https.GetAsync("/health");
        Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        using var http = Client("http://styrkort.example/");
        Assert.False((await http.GetAsync("/health")).Headers.Contains("Strict-Transport-Security"));
    }
}
