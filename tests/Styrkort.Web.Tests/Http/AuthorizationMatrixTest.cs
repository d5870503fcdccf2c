using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Hosting;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Every page and endpoint, for nobody and for each role, over the real HTTP pipeline: anonymous → 401 (API, OpenAPI)
/// or a redirect to the login page (pages); a role without the right → 403; the right role → 200 or the page's own
/// redirect. Only /login, /health and the static assets are open to all.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AuthorizationMatrixTest(DemoSite site)
{
    // Who: the demo accounts (Startup.DemoAccounts): admin, controller, skane (unit manager of 'skane'), board (viewer).
    private const string Goal = "nps";

    // Expected: a status code; "login": 302 to /login?ReturnUrl=…; "→/path": 302 to that place (not the login).
    public static TheoryData<string, string, string, string> Matrix()
    {
        var rows = new TheoryData<string, string, string, string>();
        void Row(string method, string path, string anonymous, string admin, string controller, string unitManager, string viewer)
        {
            rows.Add(method, path, DemoSite.Anonymous, anonymous);
            rows.Add(method, path, "admin", admin);
            rows.Add(method, path, "controller", controller);
            rows.Add(method, path, "skane", unitManager);
            rows.Add(method, path, "board", viewer);
        }

        // Pages.                                                   anonymous  admin        controller   unit manager viewer
        Row("GET", "/",                                             "login",   "200",       "200",       "200",       "200");
        Row("GET", $"/goals/{Goal}",                                "login",   "200",       "200",       "200",       "200");
        Row("GET", $"/goals/{Goal}/checkin?unit=skane&period={{p}}", "login",  "200",       "200",       "200",       "403");
        Row("POST", $"/goals/{Goal}/checkin",                       "login",   "→/goals/",  "→/goals/",  "→/goals/",  "403");
        Row("POST", $"/goals/{Goal}/checkin?handler=Preview",       "login",   "200",       "200",       "200",       "403");
        Row("GET", $"/goals/{Goal}/checkin/history?unit=skane&period={{p}}", "login", "200",  "200",       "200",       "200");
        Row("GET", "/checkins",                                     "login",   "200",       "200",       "200",       "200");
        Row("GET", "/targets",                                      "login",   "200",       "200",       "200",       "200");
        Row("POST", "/targets",                                     "login",   "→/targets", "→/targets", "403",       "403");
        Row("GET", "/imports",                                      "login",   "200",       "200",       "403",       "403");
        Row("POST", "/imports",                                     "login",   "200",       "200",       "403",       "403");
        Row("GET", "/admin/users",                                  "login",   "200",       "403",       "403",       "403");
        Row("POST", "/admin/users",                                 "login",   "200",       "403",       "403",       "403");
        Row("GET", "/report",                                       "login",   "200",       "200",       "200",       "200");
        Row("GET", "/goalfile",                                     "login",   "200",       "200",       "200",       "200");
        Row("GET", "/report/download?period={p}&format=xlsx",       "login",   "200",       "200",       "200",       "200");
        Row("GET", $"/goals/{Goal}/rows?unit=skane&period={{p}}&dataset=nps_responses&format=csv", "login", "200", "200", "200", "200");
        Row("GET", "/export/overview.xlsx?period={p}",              "login",   "200",       "200",       "200",       "200");
        Row("GET", $"/goals/{Goal}/export.xlsx?period={{p}}",       "login",   "200",       "200",       "200",       "200");
        Row("GET", "/imports/template?dataset=loans&format=xlsx",   "login",   "200",       "200",       "403",       "403");
        Row("GET", "/imports/preview/00000000000000000000000000000000", "login", "404",     "404",       "403",       "403");
        Row("GET", "/account/tokens",                               "login",   "200",       "200",       "200",       "200");
        Row("POST", "/account/tokens",                              "login",   "200",       "200",       "200",       "200");
        Row("GET", "/account",                                      "login",   "200",       "200",       "200",       "200");
        Row("POST", "/account?handler=Password",                    "login",   "200",       "200",       "200",       "200");
        Row("GET", "/admin/users/{board}",                          "login",   "200",       "403",       "403",       "403");
        Row("POST", "/admin/users/{board}",                         "login",   "200",       "403",       "403",       "403");
        Row("POST", "/admin/users/{admin}?handler=Disable",         "login",   "200",       "403",       "403",       "403");
        Row("GET", "/audit",                                        "login",   "200",       "200",       "403",       "403");
        Row("GET", "/audit?action=signin&pg=2",                     "login",   "200",       "200",       "403",       "403");
        Row("GET", "/audit/export",                                 "login",   "200",       "200",       "403",       "403");
        Row("GET", "/lang?to=sv&back=/targets",                     "login",   "→/targets", "→/targets", "→/targets", "→/targets");
        Row("POST", "/logout",                                      "login",   "→/login",   "→/login",   "→/login",   "→/login");
        // The REST API and its description.
        Row("GET", "/api/goals",                                    "401",     "200",       "200",       "200",       "200");
        Row("GET", "/api/outcomes?period={p}",                      "401",     "200",       "200",       "200",       "200");
        Row("GET", $"/api/goals/{Goal}/series",                     "401",     "200",       "200",       "200",       "200");
        Row("GET", "/api/checkins",                                 "401",     "200",       "200",       "200",       "200");
        Row("POST", "/api/checkins",                                "401",     "200",       "200",       "200",       "403");
        Row("GET", "/api/imports",                                  "401",     "200",       "200",       "200",       "200");
        Row("POST", "/api/imports",                                 "401",     "422",       "422",       "403",       "403");
        // A cookie write without the anti-forgery header (what a forged cross-site request looks like) is refused.
        Row("POST", "/api/checkins#without-antiforgery",            "401",     "400",       "400",       "400",       "403");
        Row("POST", "/api/imports#without-antiforgery",             "401",     "400",       "400",       "403",       "403");
        Row("GET", "/openapi/v1.json",                              "401",     "200",       "200",       "200",       "200");
        // Open to all.
        Row("GET", "/health",                                       "200",     "200",       "200",       "200",       "200");
        Row("GET", "/login",                                        "200",     "200",       "200",       "200",       "200");
        Row("GET", "/assets/site.css",                              "200",     "200",       "200",       "200",       "200");
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Access(string method, string path, string who, string expected)
    {
        // Signing out ends every session of the account, so it signs out an account of its own with the same role.
        var client = method == "POST" && path == "/logout" && who != DemoSite.Anonymous
            ? (await site.NewAccountAsync(Startup.DemoAccounts.Single(a => a.UserName == who).Role)).Client
            : await site.As(who);
        var withoutAntiforgery = path.EndsWith("#without-antiforgery", StringComparison.Ordinal);
        path = path.Replace("#without-antiforgery", "", StringComparison.Ordinal).Replace("{p}", site.Period, StringComparison.Ordinal)
            .Replace("{board}", await UserIdAsync("board"), StringComparison.Ordinal).Replace("{admin}", await UserIdAsync("admin"), StringComparison.Ordinal);
        using var request = await RequestAsync(client, method, path, signedIn: who != DemoSite.Anonymous);
        request.Options.Set(CookieHandler.WithoutAntiforgery, withoutAntiforgery);
        using var response = await client.SendAsync(request);

        var location = response.Headers.Location is { } l ? new Uri(site.Server.BaseAddress, l) : null;
        var seen = $"{(int)response.StatusCode} {location?.PathAndQuery}";
        switch (expected)
        {
            case "login":
                Assert.True(response.StatusCode == HttpStatusCode.Found && location!.AbsolutePath == "/login" && location.Query.Contains("ReturnUrl=", StringComparison.Ordinal),
                    $"expected a redirect to the login page, got {seen}");
                break;
            case ['→', .. var place]:
                Assert.True(response.StatusCode == HttpStatusCode.Found && location!.PathAndQuery.StartsWith(place, StringComparison.Ordinal)
                    && !location.Query.Contains("ReturnUrl=", StringComparison.Ordinal), $"expected a redirect to {place}, got {seen}");
                break;
            default:
                Assert.True((int)response.StatusCode == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), $"expected {expected}, got {seen}");
                break;
        }
    }

    /// <summary>
    /// The request a user of the page or endpoint would send. Form posts carry the anti-forgery token of a signed-in
    /// user (nobody has one to carry: authorisation refuses them first). The writes here change nothing that other
    /// tests read: a proposal (not a decision), a refused upload, a refused account, a check-in of its own.
    /// </summary>
    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = site.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    private Task<int> CurrentCheckInVersionAsync() => site.App.UseAppStoreAsync(async (db, _) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.CheckIns.Where(c => c.GoalId == Goal && c.UnitId == "skane" && c.Period == site.Period).Select(c => c.Version)));

    private async Task<HttpRequestMessage> RequestAsync(HttpClient client, string method, string path, bool signedIn)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "GET") return request;
        var token = signedIn && !path.StartsWith("/api/", StringComparison.Ordinal) ? await DemoSite.FormTokenAsync(client) : null;
        (string, string)[] Fields(params (string, string)[] fields) => token is null ? fields : [.. fields, (Support.Html.TokenField, token)];
        // A check-in is saved over its latest version (the rows write the same one, one after the other).
        var version = (await CurrentCheckInVersionAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.Content = path switch
        {
            $"/goals/{Goal}/checkin" or $"/goals/{Goal}/checkin?handler=Preview" => DemoSite.Form(Fields(("unit", "skane"), ("period", site.Period), ("version", version), ("analysis", "Matrisens analys."),
                ("actions[0].What", "Ring kunderna"), ("actions[0].Who", "Anna"), ("actions[0].State", "open"))),
            "/targets" => DemoSite.Form(Fields(("goal", Goal), ("unit", "skane"), ("year", site.Site.DefaultQuarter.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("level", "55"), ("kind", "proposal"))),
            "/imports" => DemoSite.Upload("not_a_dataset.csv", "a,b\n1,2\n", Fields()),
            "/admin/users" => DemoSite.Form(Fields(("userName", "matrix"), ("password", "short"), ("role", "viewer"))),
            "/account/tokens" => DemoSite.Form(Fields(("name", "matrix"))),
            // A wrong current password, an unknown role, disabling oneself: refused with the page, nothing changed (the
            // demo accounts' sessions are shared by the tests, and any change to an account ends them).
            "/account?handler=Password" => DemoSite.Form(Fields(("current", "not-the-password"), ("password", "a-new-password-1"), ("repeat", "a-new-password-1"))),
            _ when path.StartsWith("/admin/users/", StringComparison.Ordinal) && !path.Contains('?', StringComparison.Ordinal) => DemoSite.Form(Fields(("role", "no_such_role"))),
            _ when path.EndsWith("?handler=Disable", StringComparison.Ordinal) => DemoSite.Form(Fields()),
            "/logout" => DemoSite.Form(Fields()),
            "/api/checkins" => JsonContent.Create(new CheckInDto(Goal, "skane", site.Period, "Analys via API.", [new ActionDto("Följ upp", "Bo", null, "open")], null, null, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture))),
            "/api/imports" => DemoSite.Upload("not_a_dataset.csv", "a,b\n1,2\n"),
            _ => throw new ArgumentException($"no body for POST {path}"),
        };
        return request;
    }
}
