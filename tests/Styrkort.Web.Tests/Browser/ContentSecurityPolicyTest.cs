using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Styrkort.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Styrkort.Web.Tests.Browser;

/// <summary>
/// The strict Content-Security-Policy holds in a real browser: Chromium reports every blocked inline script or style
/// to the console, so walking the main pages and finding no console error (nor a policy violation event) proves there
/// is none left in the pages, their layout or the chart.
/// </summary>
public sealed class ContentSecurityPolicyTest(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string ViolationListener =
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task MainPages_HaveNoCspViolationOrConsoleError()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Locale = "sv-SE" });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(ViolationListener);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"{page.Url}: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        try
        {
            var login = await page.GotoAsync("/login");
            Assert.Contains("script-src 'self'", await login!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
            await page.Locator("input[name=userName]").FillAsync("admin");
            await page.Locator("input[name=password]").FillAsync(DemoSite.PasswordOf("admin"));
            await page.Locator("form button[type=submit]").ClickAsync();
            await Expect(page.Locator("header .who")).ToHaveTextAsync("admin");

            var period = site.Site.DefaultQuarter.ToString();
            foreach (var path in SitePages.SignedIn(period))
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                // The stylesheet is applied (the policy lets /assets in): the header is not unstyled white.
                Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvalOnSelectorAsync<string>("header.top", "e => getComputedStyle(e).backgroundColor"));
            }
            await page.GotoAsync($"/goals/nps?period={period}&unit=skane");
            await Expect(page.Locator("svg.chart")).ToBeVisibleAsync();
            Assert.True(problems.Count == 0, string.Join("\n", problems));

            // An error page is laid out like the rest; the only console line is the browser's note of the status itself.
            await page.GotoAsync("/no/such/page");
            await Expect(page.Locator("#error h1")).ToContainTextAsync("Sidan finns inte");
            Assert.All(problems, p => Assert.Contains("404", p, StringComparison.Ordinal));
            problems.Clear();

            // The listener does catch a violation: an inline style added to the page is blocked and reported.
            await page.GotoAsync("/");
            await page.EvaluateAsync("document.body.insertAdjacentHTML('beforeend', '<div style=\"color: red\">inline</div>')");
            for (var wait = 0; wait < 50 && problems.Count == 0; wait++) await Task.Delay(100);
            Assert.Contains(problems, p => p.Contains("style-src", StringComparison.Ordinal) || p.Contains("Content Security Policy", StringComparison.Ordinal));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
