using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>Personal API tokens, the unit manager's units, anti-forgery, signing out and the login's rate limit.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class AccessTest(DemoSite site)
{
    [Fact]
    public async Task ApiToken_FromTheTokensPage_ActsWithTheUsersRoles()
    {
        var board = await site.SignInAsync("board");
        var page = await (await board.PostAsync("/account/tokens", DemoSite.Form(("name", "script"), (Html.TokenField, await DemoSite.FormTokenAsync(board))))).Content.ReadAsStringAsync();
        var token = Html.TextOfId(page, "code", "new-token")?.Trim();
        Assert.NotNull(token);
        Assert.StartsWith(ApiTokenHandler.Prefix, token, StringComparison.Ordinal);

        using var script = Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"/api/outcomes?period={site.Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/openapi/v1.json")).StatusCode);
        // A viewer's token reads, but does not write.
        Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsJsonAsync("/api/checkins", CheckIn("skane"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsync("/api/imports", DemoSite.Upload("units.csv", "x\n"))).StatusCode);

        // Revoked, it opens nothing.
        // The list is oldest first: the new token is the last.
        var id = Regex.Matches(page, "name=\"id\" value=\"(\\d+)\"")[^1].Groups[1].Value;
        var revoked = await board.PostAsync("/account/tokens?handler=Revoke", DemoSite.Form(("id", id), (Html.TokenField, await DemoSite.FormTokenAsync(board))));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/goals")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_WithoutAName_IsStillMade()
    {
        var board = await site.As("board");
        var response = await board.PostAsync("/account/tokens", DemoSite.Form((Html.TokenField, await DemoSite.FormTokenAsync(board))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Html.TextOfId(await response.Content.ReadAsStringAsync(), "code", "new-token"));
    }

    [Fact]
    public async Task ApiToken_OfAController_Writes()
    {
        var token = await TokenInAppStoreAsync("controller");
        using var script = Bearer(token);
        var response = await script.PostAsJsonAsync("/api/checkins", CheckIn("vast"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("controller", (await response.Content.ReadFromJsonAsync<CheckInDto>())!.UpdatedBy);
    }

    [Theory]
    [InlineData("stk_0000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task ApiToken_Unknown_Is401(string token)
    {
        using var script = Bearer(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.PostAsJsonAsync("/api/checkins", CheckIn("skane"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task UnitManager_WritesForTheirUnitOnly()
    {
        var skane = await site.As("skane");
        Assert.Equal(HttpStatusCode.OK, (await skane.GetAsync($"/goals/nps/checkin?unit=skane&period={site.Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await skane.GetAsync($"/goals/nps/checkin?unit=vast&period={site.Period}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await skane.PostAsJsonAsync("/api/checkins", CheckIn("skane"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await skane.PostAsJsonAsync("/api/checkins", CheckIn("vast"))).StatusCode);

        var form = DemoSite.Form(("unit", "vast"), ("period", site.Period), ("analysis", "Inte min enhet."), (Html.TokenField, await DemoSite.FormTokenAsync(skane)));
        Assert.Equal(HttpStatusCode.Forbidden, (await skane.PostAsync("/goals/nps/checkin", form)).StatusCode);

        var vast = await (await site.As("controller")).GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=nps&unit=vast&period={site.Period}");
        Assert.DoesNotContain(vast!, c => c.UpdatedBy == "skane");
        // The goal page offers writing only where the user may write.
        Assert.Contains("id=\"write-checkin\"", await skane.GetStringAsync($"/goals/nps?period={site.Period}&unit=skane"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"write-checkin\"", await skane.GetStringAsync($"/goals/nps?period={site.Period}&unit=vast"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"write-checkin\"", await (await site.As("board")).GetStringAsync($"/goals/nps?period={site.Period}&unit=skane"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRefused()
    {
        var controller = await site.As("controller");
        var decisionsBefore = await CountAsync<TargetDecision>();
        var form = DemoSite.Form(("goal", "nps"), ("unit", "halland"), ("year", site.Site.DefaultQuarter.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("level", "12"), ("kind", "decision"), ("decidedOn", "2026-01-15"));
        Assert.Equal(HttpStatusCode.BadRequest, (await controller.PostAsync("/targets", form)).StatusCode);
        Assert.Equal(decisionsBefore, await CountAsync<TargetDecision>());

        // A token of another session does not do either.
        var otherToken = await DemoSite.FormTokenAsync(await site.As("admin"));
        var check = DemoSite.Form(("unit", "skane"), ("period", site.Period), ("analysis", "x"), (Html.TokenField, otherToken));
        Assert.Equal(HttpStatusCode.BadRequest, (await controller.PostAsync("/goals/nps/checkin", check)).StatusCode);

        var anonymous = site.NewClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/login", DemoSite.Form(("userName", "admin"), ("password", DemoSite.PasswordOf("admin"))))).StatusCode);
    }

    [Fact]
    public async Task SignOut_FromThePageHeader_EndsTheSession()
    {
        // Signing out ends every session of the account: an account of its own.
        var (client, _) = await site.NewAccountAsync(Roles.Viewer);
        var overview = await client.GetStringAsync("/");
        var header = LogoutForm().Match(overview);
        Assert.True(header.Success, "the page header has no sign-out form");
        Assert.True(Html.HasAntiforgeryToken(header.Value), "the sign-out form carries no anti-forgery token: pressing it gives 400");

        var response = await client.PostAsync("/logout", DemoSite.Form((Html.TokenField, Html.AntiforgeryToken(header.Value))));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith("/login", new Uri(site.Server.BaseAddress, after.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_IsRefused()
    {
        var client = site.NewClient();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
        var response = await client.PostAsync("/login", DemoSite.Form(("userName", "controller"), ("password", "wrong-password-1"), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnsToThePageAsked_ButNeverElsewhere()
    {
        var client = site.NewClient();
        var login = await client.GetAsync("/targets");
        Assert.Equal("/login?ReturnUrl=%2Ftargets", new Uri(site.Server.BaseAddress, login.Headers.Location!).PathAndQuery);
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login?ReturnUrl=%2Ftargets"));
        var response = await client.PostAsync("/login?ReturnUrl=%2Ftargets", DemoSite.Form(("userName", "board"), ("password", DemoSite.PasswordOf("board")), (Html.TokenField, token)));
        Assert.Equal("/targets", response.Headers.Location?.OriginalString);

        var other = site.NewClient();
        token = Html.AntiforgeryToken(await other.GetStringAsync("/login"));
        response = await other.PostAsync("/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", DemoSite.Form(("userName", "board"), ("password", DemoSite.PasswordOf("board")), (Html.TokenField, token)));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndLax_AndSecureOverHttps()
    {
        var server = site.Server;
        using var client = new HttpClient(server.CreateHandler()) { BaseAddress = new Uri("https://localhost/") };
        var login = await client.GetAsync("/login");
        var antiforgeryCookie = login.Headers.GetValues("Set-Cookie").Single();
        var token = Html.AntiforgeryToken(await login.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = DemoSite.Form(("userName", "board"), ("password", DemoSite.PasswordOf("board")), (Html.TokenField, token)),
        };
        post.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("styrkort=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", session, StringComparison.Ordinal);
        Assert.Contains("; httponly", session, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", session, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task LanguageSwitch_ReturnsOnlyWithinTheSite(string back)
    {
        var response = await (await site.As("board")).GetAsync($"/lang?to=en&back={Uri.EscapeDataString(back)}");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/login/external")]
    [InlineData("/login/external/callback")]
    public async Task ExternalLogin_WithoutOpenIdConnect_Is404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Login_IsRateLimited()
    {
        var folder = Directory.CreateTempSubdirectory("styrkort-web-ratelimit-").FullName;
        var app = await DemoSite.StartAsync(folder, loginAttemptsPerMinute: 3, demo: false);
        try
        {
            var client = site.NewClient(app);
            var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
            var statuses = new List<HttpStatusCode>();
            for (var attempt = 1; attempt <= 4; attempt++)
                statuses.Add((await client.PostAsync("/login", DemoSite.Form(("userName", "admin"), ("password", $"guess-number-{attempt}"), (Html.TokenField, token)))).StatusCode);
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            // The rest of the site is not limited.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private CheckInDto CheckIn(string unit) =>
        new("kyc_coverage", unit, site.Period, "Kundkännedomen **förbättras**.", [new ActionDto("Gå igenom akterna", "Eva", new DateOnly(2026, 12, 15), "in_progress")], null, null);

    private HttpClient Bearer(string token)
    {
        var client = site.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> TokenInAppStoreAsync(string userName)
    {
        using var scope = site.App.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var token = ApiTokenHandler.NewToken();
        db.ApiTokens.Add(new ApiToken { UserId = user!.Id, Name = "test", Hash = ApiTokenHandler.Hash(token), CreatedAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddDays(1) });
        await db.SaveChangesAsync();
        return token;
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        using var scope = site.App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDb>().Set<T>().Count();
    }

    [GeneratedRegex("<form[^>]*action=\"/logout\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex LogoutForm();
}
