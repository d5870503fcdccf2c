using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Styrkort.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Styrkort.Web.Tests.Browser;

/// <summary>
/// A controller's morning in a real browser: sign in, read the overview, open a goal, write a check-in, see it after a
/// reload; import a bad file and read the errors; switch to English. Makes the README's screenshots
/// (docs/screenshots/overview.png, goal.png and overview-phone.png): into the source tree only with STYRKORT_UPDATE_SCREENSHOTS=1, else into
/// a temporary folder, since tests never write the source tree unless asked to.
/// </summary>
public sealed partial class BrowserFlowTest(BrowserSite site) : IClassFixture<BrowserSite>
{
    // Waiting for the navigation to commit, not for the load event: the checks that follow wait for what they read, and
    // a busy machine once let the load event pass unseen (the page was shown, the wait timed out).
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private static string Screenshots { get; } = Environment.GetEnvironmentVariable("STYRKORT_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(SourceTree.Root, "docs", "screenshots")
        : Directory.CreateTempSubdirectory("styrkort-screenshots-").FullName;

    [Fact]
    public async Task Controller_ReadsTheOverview_OpensAGoal_AndWritesACheckIn()
    {
        var page = await site.NewPageAsync();
        await OnFailureKeepAScreenshot(page, async () =>
        {
            await BrowserSite.SignInAsync(page, "controller");

            // The overview: goals × units for the last complete quarter, each cell with its status.
            var quarter = site.Site.DefaultQuarter.ToString();
            await Expect(page.Locator("h1")).ToContainTextAsync($"Översikt {quarter}");
            var matrix = page.Locator("#overview");
            await Expect(matrix).ToBeVisibleAsync();
            await Expect(matrix.Locator("tbody tr[data-goal]")).ToHaveCountAsync(site.Site.Goals.Goals.Count);
            var units = site.Site.Outcomes(site.Site.DefaultQuarter).Units;
            await Expect(matrix.Locator("thead th")).ToHaveCountAsync(units.Count + 1);
            await Expect(matrix.Locator("thead th").Nth(1)).ToHaveTextAsync(units[0].Name);
            await Expect(matrix.Locator("tr.area")).ToHaveCountAsync(site.Site.Goals.Areas.Count);
            Assert.True(await matrix.Locator("td[data-status=met]").CountAsync() > 0, "no goal is met anywhere");
            Assert.True(await matrix.Locator("td[data-status=not_met]").CountAsync() > 0, "no goal is missed anywhere");
            await Expect(matrix.Locator("tr[data-goal=nps] td[data-unit=skane]")).ToContainTextAsync("≥");
            await ScreenshotAsync(page, "overview.png");

            // A goal: its definition, its course, its value per unit.
            await matrix.Locator("tr[data-goal=nps] th a").ClickAsync();
            await page.WaitForURLAsync(new Regex("/goals/nps\\?"), Committed);
            var goal = site.Site.Goals.Goals.Single(g => g.Id == "nps");
            await Expect(page.Locator("h1")).ToContainTextAsync(goal.Name.Swedish);
            await Expect(page.Locator("#definition")).Not.ToBeEmptyAsync();
            await Expect(page.Locator("svg.chart")).ToBeVisibleAsync();
            await Expect(page.Locator("#per-unit tbody tr")).ToHaveCountAsync(units.Count);
            await Expect(page.Locator("#lineage li")).Not.ToHaveCountAsync(0);

            // The check-in for Skåne.
            await page.Locator("form.filters select[name=unit]").SelectOptionAsync("skane");
            await page.Locator("form.filters button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(new Regex("unit=skane"), Committed);
            await page.Locator("#write-checkin").ClickAsync();
            await page.WaitForURLAsync(new Regex("/goals/nps/checkin\\?"), Committed);
            await page.Locator("#analysis").FillAsync(
                "Rekommendationsviljan **steg** efter vårens kundmöten och ligger nu över styrelsens nivå.\n\n- fler uppföljande samtal\n- snabbare svar på ansökningar");
            await page.Locator("input[name='actions[0].What']").FillAsync("Ring alla nya kunder inom 30 dagar");
            await page.Locator("input[name='actions[0].Who']").FillAsync("Sara Lind");
            await page.Locator("input[name='actions[0].Due']").FillAsync("2026-12-15");
            await page.Locator("select[name='actions[0].State']").SelectOptionAsync("in_progress");
            await page.Locator("#save-checkin").ClickAsync();
            await page.WaitForURLAsync(new Regex("/goals/nps\\?.*unit=skane"), Committed);

            await page.ReloadAsync();
            var checkIn = page.Locator(".checkin[data-unit=skane]");
            await Expect(checkIn.Locator(".analysis strong")).ToHaveTextAsync("steg");
            await Expect(checkIn.Locator(".analysis li")).ToHaveCountAsync(2);
            var action = checkIn.Locator("tbody tr");
            await Expect(action).ToHaveCountAsync(1);
            await Expect(action).ToContainTextAsync("Ring alla nya kunder inom 30 dagar");
            await Expect(action).ToContainTextAsync("Sara Lind");
            await Expect(action).ToContainTextAsync("2026-12-15");
            await Expect(action).ToContainTextAsync("Pågår");
            await Expect(checkIn).ToContainTextAsync("controller");
            await ScreenshotAsync(page, "goal.png");
        });
    }

    [Fact]
    public async Task Controller_ImportsABadFile_SeesTheErrors_AndSwitchesToEnglish()
    {
        var page = await site.NewPageAsync();
        await OnFailureKeepAScreenshot(page, async () =>
        {
            await BrowserSite.SignInAsync(page, "controller");
            await page.Locator("header nav a[href='/imports']").ClickAsync();
            await page.WaitForURLAsync(new Regex("/imports$"));
            var batches = await page.Locator("#batches tbody tr").CountAsync();

            var lines = File.ReadLines(Path.Combine(site.DataDirectory, "sample", "loans.csv")).Take(3).ToArray();
            lines[2] = Regex.Replace(lines[2], @",\d{4}-\d{2}-\d{2},", ",2026-13-01,");
            await page.Locator("input[name=files]").SetInputFilesAsync(new FilePayload
            {
                Name = "loans.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"),
            });
            await page.Locator("#upload").ClickAsync();
            // The preview names what was detected and maps the columns by name; "Importera" queues the import.
            await page.WaitForURLAsync(new Regex("/imports/preview/[0-9a-f]+$"));
            await Expect(page.Locator("#detected-0")).ToContainTextAsync("UTF-8, komma");
            await page.Locator("#confirm-import").ClickAsync();

            // The import is queued; its page reloads itself until the job has run, then lists the errors.
            await page.WaitForURLAsync(new Regex("/jobs/[0-9a-f]+$"));
            var errors = page.Locator("#import-errors");
            await Expect(errors).ToContainTextAsync("inget importerades");
            await Expect(errors.Locator("li").First).ToContainTextAsync("loans.csv:3:4 (disbursed_on)");
            await Expect(page.Locator("#import-ok")).ToHaveCountAsync(0);
            await page.Locator("main a[href='/imports']").ClickAsync();
            await page.WaitForURLAsync(new Regex("/imports$"));
            await Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(batches);

            // English, from the link in the page header; the page stays where it was.
            await page.Locator("header .right a", new PageLocatorOptions { HasText = "English" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/imports$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Imports");
            await Expect(page.Locator("header nav")).ToContainTextAsync("Overview");
            await Expect(page.Locator("header nav")).ToContainTextAsync("Target levels");
            await Expect(page.Locator("#upload")).ToHaveTextAsync("Import");
            await Expect(page.Locator("header .right button")).ToHaveTextAsync("Sign out");

            await page.Locator("header nav a[href='/']").ClickAsync();
            await Expect(page.Locator("#overview thead th").First).ToHaveTextAsync("Goal");
            await Expect(page.Locator("h1")).ToContainTextAsync("Overview");
            await Expect(page.Locator("main p.muted .badge.met")).ToHaveTextAsync("✓ Met");

            // Signing out from the header ends the session.
            await page.Locator("header .right button", new PageLocatorOptions { HasText = "Sign out" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/login$"));
            await page.GotoAsync("/imports");
            await page.WaitForURLAsync(new Regex("/login\\?ReturnUrl="));
        });
    }

    [Fact]
    public async Task UnitManager_OnAPhone_ReadsTheOverviewAsAListPerUnit_AndFindsTheMenu()
    {
        var page = await site.NewPageAsync(BrowserSite.Phone);
        await OnFailureKeepAScreenshot(page, async () =>
        {
            await BrowserSite.SignInAsync(page, "skane");
            var quarter = site.Site.DefaultQuarter.ToString();
            await Expect(page.Locator("h1")).ToContainTextAsync($"Översikt {quarter}");
            var list = page.Locator("#overview-list");
            await Expect(list).ToBeVisibleAsync();
            var nps = list.Locator("section[data-unit=skane] li[data-goal=nps]");
            await Expect(nps).ToContainTextAsync("≥");
            await Expect(nps.Locator(".badge")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "overview-phone.png", fullPage: false);

            // The menu folds the navigation and the way out.
            await page.Locator("header details.menu > summary").ClickAsync();
            await Expect(page.Locator("header nav a[href='/targets']")).ToBeVisibleAsync();
            await Expect(page.Locator("header .right button")).ToBeInViewportAsync();
        });
    }

    private static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>When a step fails, what the browser showed is kept beside the test binaries.</summary>
    private static async Task OnFailureKeepAScreenshot(IPage page, Func<Task> steps, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            var path = Path.Combine(AppContext.BaseDirectory, $"failed-{test}.png");
            try { await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true }); } catch (PlaywrightException) { }
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
