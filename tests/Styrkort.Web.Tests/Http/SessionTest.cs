using System.Net;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

using Accounts = Styrkort.Web.Auth.Accounts;

/// <summary>
/// Sessions end on the server: at sign-out, at a change of password, role or units, and at once when an account is
/// disabled or locked out. Each test works on an account of its own; the demo accounts' sessions are shared.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class SessionTest(DemoSite site)
{
    [Fact]
    public async Task OldCookie_AfterSignOut_IsSentToTheLoginPage()
    {
        var (client, _) = await site.NewAccountAsync(Roles.Viewer);
        var copied = site.CookieHeaderOf(client);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(copied).GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await client.PostFormAsync("/logout")).StatusCode);

        site.AssertSentToLogin(await WithCookie(copied).GetAsync("/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(copied).GetAsync("/api/goals")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheAccountsOtherSessionsToo()
    {
        var (first, name) = await site.NewAccountAsync(Roles.Viewer);
        var second = await site.SignInAsync(name, DemoSite.NewAccountPassword);
        await first.PostFormAsync("/logout");
        site.AssertSentToLogin(await second.GetAsync("/"));
    }

    [Fact]
    public async Task RoleChange_EndsTheAccountsSessions_AndTheNewRoleApplies()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Controller);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/imports")).StatusCode);
        var id = (await site.AccountAsync(name)).Id;

        var saved = await (await site.As("admin")).PostFormAsync($"/admin/users/{id}", ("role", Roles.Viewer), ("units", ""), ("displayName", name));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);

        site.AssertSentToLogin(await client.GetAsync("/imports"));
        var again = await site.SignInAsync(name, DemoSite.NewAccountPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/imports")).StatusCode);
        var entry = Assert.Single(await site.AuditAsync(AuditActions.AccountUpdate, name));
        Assert.Equal("admin", entry.Actor);
        Assert.Contains("role controller → viewer", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitChange_ToKnownUnits_EndsTheSessions_UnknownUnitsAreRefused()
    {
        var (client, name) = await site.NewAccountAsync(Roles.UnitManager, "skane");
        var id = (await site.AccountAsync(name)).Id;
        var admin = await site.As("admin");

        var refused = await admin.PostFormAsync($"/admin/users/{id}", ("role", Roles.UnitManager), ("units", "vast; atlantis"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("atlantis", Html.TextOfId(await refused.Content.ReadAsStringAsync(), "div", "account-error"), StringComparison.Ordinal);
        Assert.Equal("skane", (await site.AccountAsync(name)).ManagedUnits);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await admin.PostFormAsync($"/admin/users/{id}", ("role", Roles.UnitManager), ("units", "vast; skane"))).StatusCode);
        Assert.Equal("vast;skane", (await site.AccountAsync(name)).ManagedUnits);
        site.AssertSentToLogin(await client.GetAsync("/"));
    }

    [Fact]
    public async Task Disable_EndsSessionsAndTokensAtOnce_AndSignInIsRefusedLikeAWrongPassword()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        using var script = site.Bearer(await site.TokenAsync(name, TimeSpan.FromDays(1)));
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/goals")).StatusCode);
        var id = (await site.AccountAsync(name)).Id;
        var admin = await site.As("admin");

        Assert.Equal(HttpStatusCode.Found, (await admin.PostFormAsync($"/admin/users/{id}?handler=Disable")).StatusCode);

        Assert.True((await site.AccountAsync(name)).Disabled);
        site.AssertSentToLogin(await client.GetAsync("/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/goals")).StatusCode);
        var (refused, _) = await site.TrySignInAsync(name, DemoSite.NewAccountPassword);
        var (wrong, _) = await site.TrySignInAsync(name, "not-the-password-1");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(ErrorText(await wrong.Content.ReadAsStringAsync()), ErrorText(await refused.Content.ReadAsStringAsync()));
        Assert.Contains(await site.AuditAsync(AuditActions.SignInFailed, name), e => e.Details.Contains("account disabled", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Found, (await admin.PostFormAsync($"/admin/users/{id}?handler=Enable")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await site.TrySignInAsync(name, DemoSite.NewAccountPassword)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/goals")).StatusCode);
        Assert.Single(await site.AuditAsync(AuditActions.AccountDisable, name));
        Assert.Single(await site.AuditAsync(AuditActions.AccountEnable, name));
    }

    [Fact]
    public async Task LockOut_AfterTenWrongPasswords_RefusesTheRightOne_AndEndsSessionsAndTokens()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        using var script = site.Bearer(await site.TokenAsync(name, TimeSpan.FromDays(1)));
        for (var attempt = 1; attempt <= 10; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await site.TrySignInAsync(name, $"wrong-password-{attempt}")).Response.StatusCode);

        var (right, _) = await site.TrySignInAsync(name, DemoSite.NewAccountPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("class=\"error\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        site.AssertSentToLogin(await client.GetAsync("/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/goals")).StatusCode);
        Assert.Contains(await site.AuditAsync(AuditActions.SignInFailed, name), e => e.Details.Contains("locked out", StringComparison.Ordinal));

        // An admin's new password lifts the lockout.
        var id = (await site.AccountAsync(name)).Id;
        Assert.Equal(HttpStatusCode.Found, (await (await site.As("admin")).PostFormAsync($"/admin/users/{id}?handler=Password", ("password", "an-admin-set-password"))).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await site.TrySignInAsync(name, "an-admin-set-password")).Response.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_KeepsThisBrowser_EndsOtherSessions()
    {
        var (here, name) = await site.NewAccountAsync(Roles.UnitManager, "skane");
        var elsewhere = await site.SignInAsync(name, DemoSite.NewAccountPassword);

        var changed = await here.PostFormAsync("/account?handler=Password",
            ("current", DemoSite.NewAccountPassword), ("password", "my-new-password-2026"), ("repeat", "my-new-password-2026"));
        Assert.Equal(HttpStatusCode.Found, changed.StatusCode);
        Assert.Equal("/account?done=password", changed.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account")).StatusCode);
        site.AssertSentToLogin(await elsewhere.GetAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await site.TrySignInAsync(name, DemoSite.NewAccountPassword)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await site.TrySignInAsync(name, "my-new-password-2026")).Response.StatusCode);
        var entry = Assert.Single(await site.AuditAsync(AuditActions.PasswordChange, name));
        Assert.DoesNotContain("my-new-password-2026", entry.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-the-password-1", "my-new-password-2026", "my-new-password-2026")]
    [InlineData(DemoSite.NewAccountPassword, "my-new-password-2026", "my-other-password-2026")]
    [InlineData(DemoSite.NewAccountPassword, "short", "short")]
    public async Task PasswordChange_Refused_ChangesNothing(string current, string password, string repeat)
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        var response = await client.PostFormAsync("/account?handler=Password", ("current", current), ("password", password), ("repeat", repeat));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Html.TextOfId(await response.Content.ReadAsStringAsync(), "div", "account-error"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await site.TrySignInAsync(name, DemoSite.NewAccountPassword)).Response.StatusCode);
        Assert.Empty(await site.AuditAsync(AuditActions.PasswordChange, name));
    }

    [Fact]
    public async Task WrongCurrentPasswords_CountTowardsTheLockout_SoAnOpenSessionCannotGuessThePassword()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        for (var i = 1; i < 10; i++)
        {
            var response = await client.PostFormAsync("/account?handler=Password", ("current", $"guess-number-{i:00}"), ("password", "my-new-password-2026"), ("repeat", "my-new-password-2026"));
            Assert.Contains("stämmer inte", Html.TextOfId(await response.Content.ReadAsStringAsync(), "div", "account-error"), StringComparison.Ordinal);
            Assert.Equal(i, (await site.AccountAsync(name)).AccessFailedCount);
        }
        // The tenth wrong guess locks the account, which ends its sessions; the right password no longer signs in.
        await client.PostFormAsync("/account?handler=Password", ("current", "guess-number-10"), ("password", "my-new-password-2026"), ("repeat", "my-new-password-2026"));
        Assert.NotNull((await site.AccountAsync(name)).LockoutEnd);
        site.AssertSentToLogin(await client.GetAsync("/"));
        Assert.NotEqual(HttpStatusCode.Found, (await site.TrySignInAsync(name, DemoSite.NewAccountPassword)).Response.StatusCode);
    }

    [Fact]
    public async Task PasswordReset_ByAnAdmin_EndsTheSessions_AndTheNewPasswordWorks()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Viewer);
        var id = (await site.AccountAsync(name)).Id;
        var reset = await (await site.As("admin")).PostFormAsync($"/admin/users/{id}?handler=Password", ("password", "reset-by-the-admin"));
        Assert.Equal(HttpStatusCode.Found, reset.StatusCode);

        site.AssertSentToLogin(await client.GetAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await site.TrySignInAsync(name, DemoSite.NewAccountPassword)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await site.TrySignInAsync(name, "reset-by-the-admin")).Response.StatusCode);
        var entry = Assert.Single(await site.AuditAsync(AuditActions.PasswordReset, name));
        Assert.Equal("admin", entry.Actor);
        Assert.DoesNotContain("reset-by-the-admin", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesTheAccountItsSessionsAndTokens()
    {
        var (client, name) = await site.NewAccountAsync(Roles.Controller);
        using var script = site.Bearer(await site.TokenAsync(name, TimeSpan.FromDays(1)));
        var id = (await site.AccountAsync(name)).Id;

        var deleted = await (await site.As("admin")).PostFormAsync($"/admin/users/{id}?handler=Delete");
        Assert.Equal("/admin/users?done=deleted", deleted.Headers.Location?.OriginalString);

        Assert.Null(await site.App.UseAppStoreAsync((_, users) => users.FindByNameAsync(name)));
        site.AssertSentToLogin(await client.GetAsync("/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/goals")).StatusCode);
        Assert.Single(await site.AuditAsync(AuditActions.AccountDelete, name));
    }

    [Theory]
    [InlineData("Delete")]
    [InlineData("Disable")]
    public async Task AnAdmin_CannotDeleteOrDisableThemselves(string handler)
    {
        var admin = await site.As("admin");
        var id = (await site.AccountAsync("admin")).Id;
        var response = await admin.PostFormAsync($"/admin/users/{id}?handler={handler}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Html.TextOfId(await response.Content.ReadAsStringAsync(), "div", "account-error"));
        Assert.False((await site.AccountAsync("admin")).Disabled);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task TheLastAdmin_StaysAnAdmin()
    {
        // A site of its own: another admin account on the shared site would let the demo admin demote itself.
        var folder = Directory.CreateTempSubdirectory("styrkort-web-lastadmin-").FullName;
        var app = await DemoSite.StartAsync(folder, loginAttemptsPerMinute: 1000, demo: false);
        try
        {
            await app.UseAppStoreAsync(async (_, users) =>
            {
                Assert.Null(await Accounts.CreateAsync(users, "root", "Root", DemoSite.NewAccountPassword, Roles.Admin, ""));
                Assert.Null(await Accounts.CreateAsync(users, "second", "Second", DemoSite.NewAccountPassword, Roles.Admin, ""));
                return 0;
            });
            var root = await site.SignInAsync("root", DemoSite.NewAccountPassword, app);
            var second = await site.SignInAsync("second", DemoSite.NewAccountPassword, app);
            var rootId = await app.UseAppStoreAsync(async (_, users) => (await users.FindByNameAsync("root"))!.Id);
            var secondId = await app.UseAppStoreAsync(async (_, users) => (await users.FindByNameAsync("second"))!.Id);

            // Two admins: one may disable the other; then the one left cannot give up the role.
            Assert.Equal(HttpStatusCode.Found, (await root.PostFormAsync($"/admin/users/{secondId}?handler=Disable")).StatusCode);
            var demoted = await root.PostFormAsync($"/admin/users/{rootId}", ("role", Roles.Viewer));
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
            Assert.Contains("last admin", Html.TextOfId(await demoted.Content.ReadAsStringAsync(), "div", "account-error"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await root.GetAsync("/admin/users")).StatusCode);
            site.AssertSentToLogin(await second.GetAsync("/"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Pages_OfferTheirForms_AndTheLayoutLinksThem()
    {
        var (_, name) = await site.NewAccountAsync(Roles.Viewer);
        var id = (await site.AccountAsync(name)).Id;
        var admin = await site.As("admin");
        Assert.Contains($"href=\"/admin/users/{id}\"", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);
        var edit = await admin.GetStringAsync($"/admin/users/{id}");
        foreach (var action in new[] { "", "?handler=Password", "?handler=Disable", "?handler=Delete" })
            Assert.Contains($"action=\"/admin/users/{id}{action}\"", edit, StringComparison.Ordinal);
        // Not offered on one's own account.
        Assert.DoesNotContain("handler=Delete", await admin.GetStringAsync($"/admin/users/{(await site.AccountAsync("admin")).Id}"), StringComparison.Ordinal);

        var board = await site.As("board");
        var account = await board.GetStringAsync("/account");
        Assert.Contains("action=\"/account?handler=Password\"", account, StringComparison.Ordinal);
        Assert.Contains("href=\"/account\"", account, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/audit\"", account, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit\"", await (await site.As("controller")).GetStringAsync("/account"), StringComparison.Ordinal);
    }

    private HttpClient WithCookie(string cookieHeader)
    {
        var client = new HttpClient(site.Server.CreateHandler()) { BaseAddress = site.Server.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    private static string? ErrorText(string html) => Html.TextOfId(html, "div", "login-error") ?? System.Text.RegularExpressions.Regex.Match(html, "<div class=\"error\">(.*?)</div>").Groups[1].Value;
}
