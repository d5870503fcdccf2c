using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Styrkort.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Styrkort.Web.Tests.Browser;

/// <summary>
/// The goal-file editor in a real browser: numbered lines, an error that takes the cursor to its line, and a save that
/// says it is running (and cannot be clicked twice) while the server checks and evaluates the text.
/// </summary>
public sealed class GoalFileEditorTest(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task TheGutterNumbersTheLines_AnErrorLinkMovesTheCursorToItsLine_AndTheButtonIsDisabledWhileSaving()
    {
        var page = await site.NewPageAsync();
        try
        {
            await BrowserSite.SignInAsync(page, "controller");

            await page.GotoAsync("/goalfile");
            var text = page.Locator("#goalfile-text");
            var original = await text.InputValueAsync();
            var lines = original.Split('\n').Length;
            var gutter = page.Locator("#goalfile-gutter span");
            await Expect(gutter).ToHaveCountAsync(lines);
            await Expect(gutter.First).ToHaveTextAsync("1");
            await Expect(gutter.Last).ToHaveTextAsync(lines.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Number n stands beside line n: the gutter's line height is the text's.
            var heights = await page.EvaluateAsync<double[]>(
                "() => [parseFloat(getComputedStyle(document.querySelector('#goalfile-gutter')).lineHeight), parseFloat(getComputedStyle(document.querySelector('#goalfile-text')).lineHeight)]");
            Assert.Equal(heights[0], heights[1]);

            // A misspelt column, and a line more at the top: the gutter follows the typing.
            var broken = "# edited\n" + original.Replace("formula: sum(loans.amount during ytd)", "formula: sum(loans.amout during ytd)", StringComparison.Ordinal);
            var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("loans.amout", StringComparison.Ordinal)) + 1;
            await text.FillAsync(broken);
            await Expect(gutter).ToHaveCountAsync(lines + 1);

            // The button as the user sees it while the server checks and evaluates: read in the same task as the click,
            // after the form's submit handlers and before any answer can arrive. (A locator would wait for the navigation.)
            var button = page.Locator("#save-goalfile");
            var whileSaving = await button.EvaluateAsync<string[]>("b => { b.click(); return [String(b.disabled), b.textContent, b.form.getAttribute('aria-busy')]; }");
            Assert.Equal(["true", "Kontrollerar och sparar…", "true"], whileSaving);

            // Refused: the text is kept, the error names goals.yaml and links to its line.
            var link = page.Locator("#goalfile-error a.goto-line").First;
            await Expect(link).ToHaveTextAsync(new Regex($"^goals\\.yaml:{line}:\\d+$"));
            Assert.Equal(broken, await text.InputValueAsync());
            await Expect(button).ToBeEnabledAsync();
            await link.ClickAsync();
            await Expect(text).ToBeFocusedAsync();
            var cursorLine = await page.EvaluateAsync<int>(
                "() => { const t = document.querySelector('#goalfile-text'); return t.value.slice(0, t.selectionStart).split('\\n').length; }");
            Assert.Equal(line, cursorLine);
            await Expect(page.Locator($"#L{line}")).ToHaveClassAsync(new Regex("marked"));
            await Expect(page.Locator("#goalfile-gutter .marked")).ToHaveCountAsync(1);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
