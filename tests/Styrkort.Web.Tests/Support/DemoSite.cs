using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Tests.Support;

/// <summary>
/// The application as `serve --demo` builds it — the same builder, pipeline, app store and demo accounts — on a
/// TestServer instead of Kestrel, over a small generated sample. Preparing takes seconds, so the tests of a collection
/// share one. (WebApplicationFactory wants an entry point that builds the host; ours is the command line.)
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const int Companies = 3000;
    public const string Anonymous = "anonymous";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("styrkort-web-tests-").FullName;
    private readonly Dictionary<string, HttpClient> _signedIn = [];
    private readonly List<HttpClient> _clients = [];
    private readonly Dictionary<HttpClient, CookieHandler> _handlers = [];

    public WebApplication App { get; private set; } = null!;
    public TestServer Server => App.GetTestServer();
    public SiteState Site => App.Services.GetRequiredService<SiteState>();
    public Web.Jobs.JobQueue Jobs => App.Services.GetRequiredService<Web.Jobs.JobQueue>();
    public string DataDirectory => _dataDirectory;
    /// <summary>The quarter the pages show by default (the last complete one).</summary>
    public string Period => Site.DefaultQuarter.ToString();

    public async Task InitializeAsync() => App = await StartAsync(_dataDirectory, loginAttemptsPerMinute: 1000, demo: true);

    // ASP.NET Core reads its upload buffer folder once per process; the app points it into its data folder, which the
    // tests delete with each site, so the test process keeps the system's temporary folder instead.
    static DemoSite() => Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") ?? Path.GetTempPath());

    public static async Task<WebApplication> StartAsync(string dataDirectory, int loginAttemptsPerMinute, bool demo,
        Action<WebApplicationBuilder>? configure = null, string? goalFile = null)
    {
        // Each site seeds from its own copy of the goal file, which the tests check is never written.
        Directory.CreateDirectory(dataDirectory);
        var goals = goalFile ?? Path.Combine(dataDirectory, "goals.yaml");
        if (goalFile is null) File.Copy(SourceTree.GoalFile, goals, overwrite: true);
        var app = StyrkortWeb.Build(new WebOptions(dataDirectory, goals), [], b =>
        {
            b.WebHost.UseTestServer();
            b.Configuration["Styrkort:LoginAttemptsPerMinute"] = loginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(b);
        });
        await Startup.PrepareAsync(app, demo, _ => { }, demoCompanies: Companies);
        await app.StartAsync();
        return app;
    }

    public static string PasswordOf(string userName) => Startup.DemoAccounts.Single(a => a.UserName == userName).Password;

    /// <summary>A client with its own cookies, signed in as nobody.</summary>
    public HttpClient NewClient(WebApplication? app = null)
    {
        var server = (app ?? App).GetTestServer();
        var handler = new CookieHandler(server.CreateHandler());
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        _clients.Add(client);
        _handlers[client] = handler;
        return client;
    }

    /// <summary>
    /// A fresh client signed in through the login form, as a browser does. Like the site's own pages, it sends the
    /// anti-forgery token of its session in the RequestVerificationToken header of its writes to /api/ (forms to pages
    /// carry their own field).
    /// </summary>
    public async Task<HttpClient> SignInAsync(string userName, string? password = null, WebApplication? app = null)
    {
        var client = NewClient(app);
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
        using var response = await client.PostAsync("/login", Form(("userName", userName), ("password", password ?? PasswordOf(userName)), (Html.TokenField, token)));
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"signing in as {userName}: {(int)response.StatusCode} {response.Headers.Location}");
        _handlers[client].ApiAntiforgeryToken = await FormTokenAsync(client);
        return client;
    }

    /// <summary>
    /// A new account of its own (a test that ends sessions, disables or locks must not touch the shared demo accounts),
    /// signed in. The password is <see cref="NewAccountPassword"/>.
    /// </summary>
    public async Task<(HttpClient Client, string UserName)> NewAccountAsync(string role, string units = "")
    {
        var userName = $"{role}-{Guid.NewGuid():N}"[..24];
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppStore.AppUser>>();
            if (await Auth.Accounts.CreateAsync(users, userName, userName, NewAccountPassword, role, units) is { } problem)
                throw new InvalidOperationException(problem);
        }
        return (await SignInAsync(userName, NewAccountPassword), userName);
    }

    public const string NewAccountPassword = "a-test-password-2026";

    /// <summary>The cookies the client holds, as a Cookie header: what someone who copied them would send.</summary>
    public string CookieHeaderOf(HttpClient client) => _handlers[client].Cookies.GetCookieHeader(client.BaseAddress!);

    /// <summary>A client signed in as the demo account (kept for the collection), or anonymous.</summary>
    public async Task<HttpClient> As(string who)
    {
        if (who == Anonymous) return NewClient();
        if (!_signedIn.TryGetValue(who, out var client)) _signedIn[who] = client = await SignInAsync(who);
        return client;
    }

    /// <summary>The anti-forgery token for the client's next form post, from a page every signed-in user may open.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string page = "/account/tokens") =>
        Html.AntiforgeryToken(await client.GetStringAsync(page));

    /// <summary>Waits for the job a page redirected to (/jobs/ID) or the API named, and gives it.</summary>
    public static async Task<Web.Jobs.Job> JobAsync(WebApplication app, string location)
    {
        var id = location.TrimEnd('/').Split('/')[^1];
        var job = app.Services.GetRequiredService<Web.Jobs.JobQueue>().Find(id) ?? throw new InvalidOperationException($"no job {location}");
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        return job;
    }

    public Task<Web.Jobs.Job> JobAsync(string location) => JobAsync(App, location);

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    public static MultipartFormDataContent Upload(string fileName, string content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (fileName.Length == 0) return form; // no file chosen
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "files", fileName);
        return form;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "demo site over TestServer";
}
