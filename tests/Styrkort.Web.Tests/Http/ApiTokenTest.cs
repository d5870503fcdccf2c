using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>Personal API tokens expire, record their last use (sparingly), and are audited; anti-forgery binds cookies only.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ApiTokenTest(DemoSite site)
{
    [Fact]
    public async Task Token_Expired_Is401()
    {
        var (_, name) = await site.NewAccountAsync(Roles.Viewer);
        using var expired = site.Bearer(await site.TokenAsync(name, TimeSpan.FromMinutes(-1)));
        using var valid = site.Bearer(await site.TokenAsync(name, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/api/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/api/goals")).StatusCode);
    }

    [Theory]
    [InlineData(null, 90)]
    [InlineData("30", 30)]
    [InlineData("365", 365)]
    [InlineData("7", 90)] // not offered: the default
    [InlineData("100000", 90)]
    public async Task Token_FromThePage_ExpiresAfterTheLifetimeChosen(string? days, int expected)
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        (string, string)[] fields = days is null ? [("name", "cron")] : [("name", "cron"), ("days", days)];
        var before = DateTime.UtcNow;
        var page = await (await client.PostFormAsync("/account/tokens", fields)).Content.ReadAsStringAsync();
        Assert.NotNull(Html.TextOfId(page, "code", "new-token"));

        var token = await TokensOfAsync(name);
        var expires = Assert.Single(token).ExpiresAtUtc;
        Assert.InRange(expires, before.AddDays(expected).AddMinutes(-1), DateTime.UtcNow.AddDays(expected).AddMinutes(1));
        Assert.Contains(expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Html.TextOfId(page, "table", "tokens"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_LastUse_IsRecorded_AtMostOnceAMinute()
    {
        var (_, name) = await site.NewAccountAsync(Roles.Viewer);
        using var script = site.Bearer(await site.TokenAsync(name, TimeSpan.FromDays(1)));
        Assert.Null(Assert.Single(await TokensOfAsync(name)).LastUsedAtUtc);

        await script.GetAsync("/api/goals");
        var first = Assert.Single(await TokensOfAsync(name)).LastUsedAtUtc;
        Assert.NotNull(first);
        Assert.InRange(first.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));

        // Within the minute: no write.
        var recently = DateTime.UtcNow.AddSeconds(-30);
        await SetLastUseAsync(name, recently);
        await script.GetAsync("/api/goals");
        Assert.Equal(recently, Assert.Single(await TokensOfAsync(name)).LastUsedAtUtc!.Value, TimeSpan.FromMilliseconds(1));

        // Later: written again.
        await SetLastUseAsync(name, DateTime.UtcNow.AddMinutes(-2));
        await script.GetAsync("/api/goals");
        Assert.InRange(Assert.Single(await TokensOfAsync(name)).LastUsedAtUtc!.Value, DateTime.UtcNow.AddSeconds(-10), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Token_CreateAndRevoke_AreAudited_WithoutTheToken()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        var page = await (await client.PostFormAsync("/account/tokens", ("name", "nightly"), ("days", "30"))).Content.ReadAsStringAsync();
        var token = Html.TextOfId(page, "code", "new-token")!.Trim();
        var id = Assert.Single(await TokensOfAsync(name)).Id;
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/tokens?handler=Revoke", ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).StatusCode);

        var created = Assert.Single(await site.AuditAsync(AuditActions.TokenCreate, "token 'nightly'"), e => e.Actor == name);
        var revoked = Assert.Single(await site.AuditAsync(AuditActions.TokenRevoke, "token 'nightly'"), e => e.Actor == name);
        foreach (var entry in new[] { created, revoked })
        {
            Assert.DoesNotContain(token, entry.Details + entry.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain(ApiTokenHandler.Hash(token), entry.Details + entry.Subject, StringComparison.Ordinal);
        }
        Assert.Empty(await TokensOfAsync(name));
    }

    [Fact]
    public async Task CookieWrite_WithoutTheHeader_IsRefused_AndChangesNothing_WithItGoesThrough()
    {
        var (client, _) = await site.NewAccountAsync(Roles.Controller);
        var body = new CheckInDto("nps", "gavledala", site.Period, "Utan skydd.", [], null, null);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/checkins") { Content = JsonContent.Create(body) };
        forged.Options.Set(CookieHandler.WithoutAntiforgery, true);
        var refused = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(ApiAntiforgery.Header, (await refused.Content.ReadFromJsonAsync<ErrorDto>())!.Error, StringComparison.Ordinal);
        Assert.Empty(await CheckInsAsync("nps", "gavledala"));

        // A token of another session does not do either.
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/checkins") { Content = JsonContent.Create(body) };
        foreign.Options.Set(CookieHandler.WithoutAntiforgery, true);
        foreign.Headers.Add(ApiAntiforgery.Header, await DemoSite.FormTokenAsync(await site.As("controller")));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);
        Assert.Empty(await CheckInsAsync("nps", "gavledala"));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/checkins", body)).StatusCode);
        Assert.Single(await CheckInsAsync("nps", "gavledala"));
    }

    [Fact]
    public async Task TokenWrite_NeedsNoAntiforgery()
    {
        var (_, name) = await site.NewAccountAsync(Roles.Controller);
        using var script = site.Bearer(await site.TokenAsync(name, TimeSpan.FromDays(1)));
        var body = new CheckInDto("nps", "jonkoping", site.Period, "Via skript.", [], null, null);
        Assert.Equal(HttpStatusCode.OK, (await script.PostAsJsonAsync("/api/checkins", body)).StatusCode);
        // An upload: the framework's own form check would refuse it (no anti-forgery cookie); the file itself is refused.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await script.PostAsync("/api/imports", DemoSite.Upload("not_a_dataset.csv", "a,b\n1,2\n"))).StatusCode);
    }

    private Task<List<ApiToken>> TokensOfAsync(string userName) =>
        site.App.UseAppStoreAsync(async (db, users) =>
        {
            var id = (await users.FindByNameAsync(userName))!.Id;
            return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).ToListAsync();
        });

    private Task<int> SetLastUseAsync(string userName, DateTime at) =>
        site.App.UseAppStoreAsync(async (db, users) =>
        {
            var id = (await users.FindByNameAsync(userName))!.Id;
            return await db.ApiTokens.Where(t => t.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, at));
        });

    private Task<List<CheckIn>> CheckInsAsync(string goal, string unit) =>
        site.App.UseAppStoreAsync((db, _) => db.CheckIns.AsNoTracking().Where(c => c.GoalId == goal && c.UnitId == unit && c.Period == site.Period).ToListAsync());
}
