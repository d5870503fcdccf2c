using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Tests.Support;

/// <summary>Looking into the app store behind the site, and the requests the account tests send again and again.</summary>
internal static class AppStoreAccess
{
    public static async Task<T> UseAppStoreAsync<T>(this WebApplication app, Func<AppDb, UserManager<AppUser>, Task<T>> use)
    {
        using var scope = app.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<AppDb>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public static Task<AppUser> AccountAsync(this DemoSite site, string userName) =>
        site.App.UseAppStoreAsync(async (_, users) => (await users.FindByNameAsync(userName))!);

    public static Task<List<AuditEntry>> AuditAsync(this DemoSite site, string action, string subject) =>
        site.App.UseAppStoreAsync((db, _) => db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.Subject == subject).OrderBy(a => a.Id).ToListAsync());

    /// <summary>A token for the account, straight into the app store; <paramref name="expires"/> from now.</summary>
    public static Task<string> TokenAsync(this DemoSite site, string userName, TimeSpan expires) =>
        site.App.UseAppStoreAsync(async (db, users) =>
        {
            var token = ApiTokenHandler.NewToken();
            var now = DateTime.UtcNow;
            db.ApiTokens.Add(new ApiToken { UserId = (await users.FindByNameAsync(userName))!.Id, Name = "test", Hash = ApiTokenHandler.Hash(token), CreatedAtUtc = now, ExpiresAtUtc = now + expires });
            await db.SaveChangesAsync();
            return token;
        });

    public static HttpMessageHandler GetTestServerHandler(this WebApplication app) =>
        Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestServer(app).CreateHandler();

    public static HttpClient Bearer(this DemoSite site, string token)
    {
        var client = site.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A form post with the anti-forgery field of the client's session (any page's field will do).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = await DemoSite.FormTokenAsync(client);
        return await client.PostAsync(path, DemoSite.Form([.. fields, (Html.TokenField, token)]));
    }

    /// <summary>Signs in through the form with a fresh client: the response, and the client.</summary>
    public static async Task<(HttpResponseMessage Response, HttpClient Client)> TrySignInAsync(this DemoSite site, string userName, string password)
    {
        var client = site.NewClient();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
        return (await client.PostAsync("/login", DemoSite.Form(("userName", userName), ("password", password), (Html.TokenField, token))), client);
    }

    public static void AssertSentToLogin(this DemoSite site, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login", new Uri(site.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
    }
}
