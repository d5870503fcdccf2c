using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Styrkort.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Styrkort.Web.Tests.Browser;

/// <summary>
/// Accounts in a real browser: an admin creates an account and gives it a unit, the change is in the audit trail, and
/// the new user changes their password and stays signed in.
/// </summary>
public sealed class AccountFlowTest(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Admin_CreatesAndEditsAnAccount_TheTrailShowsIt_TheUserChangesTheirPassword()
    {
        var admin = await site.NewPageAsync();
        var user = await site.NewPageAsync();
        try
        {
            await BrowserSite.SignInAsync(admin, "admin");
            await admin.GotoAsync("/admin/users");
            await admin.Locator("input[name=userName]").FillAsync("anna");
            await admin.Locator("input[name=password]").FillAsync("annas-first-password");
            await admin.Locator("select[name=role]").SelectOptionAsync("viewer");
            await admin.Locator("form.filters button[type=submit]").ClickAsync();
            await Expect(admin.Locator(".ok")).ToBeVisibleAsync();

            await admin.Locator("#users a", new PageLocatorOptions { HasText = "anna" }).ClickAsync();
            await admin.Locator("#edit-account select[name=role]").SelectOptionAsync("unit_manager");
            await admin.Locator("#edit-account input[name=units]").FillAsync("skane");
            await admin.Locator("#edit-account button[type=submit]").ClickAsync();
            await Expect(admin.Locator(".ok")).ToBeVisibleAsync();
            await Expect(admin.Locator("#edit-account input[name=units]")).ToHaveValueAsync("skane");

            await admin.Locator("header nav a[href='/audit']").ClickAsync();
            await admin.Locator("#audit-filter select[name=action]").SelectOptionAsync("account.update");
            await admin.Locator("#audit-filter button[type=submit]").ClickAsync();
            await Expect(admin.Locator("#audit tbody tr").First).ToContainTextAsync("role viewer → unit_manager");

            await BrowserSite.SignInAsync(user, "anna", "annas-first-password");
            await user.Locator("header nav a[href='/account']").ClickAsync();
            await user.Locator("input[name=current]").FillAsync("annas-first-password");
            await user.Locator("input[name=password]").FillAsync("annas-second-password");
            await user.Locator("input[name=repeat]").FillAsync("annas-second-password");
            await user.Locator("form.filters button[type=submit]").ClickAsync();
            await Expect(user.Locator("#account-done")).ToBeVisibleAsync();
            await user.GotoAsync("/");
            await Expect(user.Locator("header .who")).ToHaveTextAsync("anna");
        }
        catch
        {
            foreach (var (page, name) in new[] { (admin, "admin"), (user, "user") })
                try { await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"failed-account-flow-{name}.png"), FullPage = true }); }
                catch (PlaywrightException) { }
            throw;
        }
        finally
        {
            await admin.Context.CloseAsync();
            await user.Context.CloseAsync();
        }
    }

}
