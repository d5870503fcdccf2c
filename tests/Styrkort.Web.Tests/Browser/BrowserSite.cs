using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Styrkort.Web.Hosting;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Browser;

/// <summary>
/// The demo site on Kestrel at a free port of 127.0.0.1, and Debian's Chromium driven by Playwright. Playwright's own
/// browser downloads are never used: the browser is the system's (apt-get install chromium; .ci/run does it). Without
/// it the tests fail and say so, rather than pass without having run.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>Where Chromium is; STYRKORT_CHROMIUM overrides Debian's place.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("STYRKORT_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private string? _dataDirectory;
    private IPlaywright? _playwright;

    public WebApplication App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public SiteState Site => (SiteState)App.Services.GetService(typeof(SiteState))!;
    public string DataDirectory => _dataDirectory!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath} (or STYRKORT_CHROMIUM): apt-get install -y chromium. .ci/run installs it.");

        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        _dataDirectory = Directory.CreateTempSubdirectory("styrkort-web-browser-").FullName;
        // As in DemoSite: the process-wide upload buffer folder must outlive this site's data folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") ?? Path.GetTempPath());
        App = StyrkortWeb.Build(new WebOptions(_dataDirectory, SourceTree.GoalFile), ["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration["Styrkort:LoginAttemptsPerMinute"] = "1000";
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await Startup.PrepareAsync(App, demo: true, _ => { }, demoCompanies: DemoSite.Companies);
        await App.StartAsync();
        BaseUrl = App.Urls.Single().TrimEnd('/');

        // The driver (node and Playwright's package) comes with the NuGet package, in .playwright/ beside the test
        // binaries; nothing is downloaded.
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>A laptop's window, the default, and a phone's (an iPhone 14's 390 × 844 CSS pixels).</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A page of its own (cookies included) in a window the size of a laptop's, or the given size.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? size = null)
    {
        size ??= Desktop;
        var phone = size.Width < 600;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = size,
            // A phone's browser honours the viewport meta tag and takes touches, as a real one does.
            IsMobile = phone,
            HasTouch = phone,
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
        });
        // Generous: CI machines have two cores and may be busy; a slow step should not fail the flow.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in on the login page and waits for the overview's header to name the user. The wait is for the header, not
    /// for the page's load event: under load on a two-core CI machine the event was seen to arrive after the step's
    /// timeout although the page was there.
    /// </summary>
    public static async Task SignInAsync(IPage page, string userName, string? password = null)
    {
        await page.GotoAsync("/login", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("input[name=userName]").FillAsync(userName);
        await page.Locator("input[name=password]").FillAsync(password ?? DemoSite.PasswordOf(userName));
        await page.Locator("form button[type=submit]").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("header .who")).ToHaveTextAsync(userName);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_dataDirectory is not null)
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
