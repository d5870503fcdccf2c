using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Styrkort.Web.AppStore;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// The targets page as a controller and a board member use it: the history says what it is, levels keep their own
/// decimals, goals and units by name, a refused form keeps its input, and an open proposal can be withdrawn.
/// Each test works on its own unit in last year, so the shared demo site's other target tests are not disturbed.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class TargetsPageTest(DemoSite site)
{
    private const string Goal = "nps";
    private int Year => site.Site.DefaultQuarter.Year - 1;
    private string YearText => Year.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task History_IsHeadedAsDecisionsAndProposals_InSwedishAndEnglish()
    {
        var client = await site.SignInAsync("board");
        var sv = await client.GetStringAsync("/targets");
        Assert.Contains("<h2>Beslut och förslag – vem registrerade vad och när</h2>", sv, StringComparison.Ordinal);
        Assert.DoesNotContain("Utveckling per kvartal", sv, StringComparison.Ordinal);

        await client.GetAsync("/lang?to=en&back=/targets");
        var en = await client.GetStringAsync("/targets");
        Assert.Contains("<h2>Decisions and proposals – who recorded what, and when</h2>", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarter by quarter", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Level_IsShownWithItsOwnDecimals_WithTheDecimalCommaInSwedish()
    {
        var controller = await site.As("controller");
        Assert.Equal(HttpStatusCode.Found, (await ProposeAsync(controller, "kalmar", "55,75")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await ProposeAsync(controller, "uppsala", "56")).StatusCode);

        var page = await controller.GetStringAsync($"/targets?year={YearText}");
        // 55,75 is neither rounded to 56 nor to 55,8; 56 gets no ",00".
        Assert.Contains("55,75", HistoryRow(page, "kalmar"), StringComparison.Ordinal);
        Assert.DoesNotContain("55,8", HistoryRow(page, "kalmar"), StringComparison.Ordinal);
        Assert.Matches(@"\b56\b(?![,.]\d)", HistoryRow(page, "uppsala"));
        Assert.Contains("55,75", Html.Text(Cell(page, "kalmar")), StringComparison.Ordinal);

        var english = await site.SignInAsync("controller");
        await english.GetAsync("/lang?to=en&back=/targets");
        var en = await english.GetStringAsync($"/targets?year={YearText}");
        Assert.Contains("55.75", HistoryRow(en, "kalmar"), StringComparison.Ordinal);
        Assert.Contains("55.75", Html.Text(Cell(en, "kalmar")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_NamesGoalsAndUnits()
    {
        var controller = await site.As("controller");
        Assert.Equal(HttpStatusCode.Found, (await ProposeAsync(controller, "gotland", "40")).StatusCode);
        var unitName = site.Site.Current.Units.Single(u => u.Id == "gotland").Name;

        var row = HistoryRow(await controller.GetStringAsync($"/targets?year={YearText}"), "gotland");
        Assert.Contains("NPS kundföretag", row, StringComparison.Ordinal);
        Assert.Contains(unitName, row, StringComparison.Ordinal);
        Assert.NotEqual("gotland", unitName); // else the test proves nothing
    }

    [Fact]
    public async Task RefusedSubmission_Is400_AndKeepsWhatWasTyped_WithTheReasonInTheForm()
    {
        var controller = await site.As("controller");
        var response = await ProposeAsync(controller, "halland", "femtio", ("kind", "decision"), ("decidedOn", $"{YearText}-03-02"),
            ("decidedBy", "Styrelsen"), ("minute", "§ 9"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var form = Regex.Match(await response.Content.ReadAsStringAsync(), "<form[^>]*id=\"record-level\".*?</form>", RegexOptions.Singleline).Value;
        Assert.Contains("level: 'femtio' is not a number", Html.Text(form), StringComparison.Ordinal);
        Assert.Contains("name=\"level\" inputmode=\"decimal\" value=\"femtio\"", form, StringComparison.Ordinal);
        Assert.Contains($"value=\"{YearText}\"", form, StringComparison.Ordinal);
        Assert.Matches("<option value=\"halland\" selected=\"selected\">", form);
        Assert.Matches("<option value=\"decision\" selected=\"selected\">", form);
        Assert.Contains($"value=\"{YearText}-03-02\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Styrelsen\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"§ 9\"", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenProposal_IsWithdrawnByItsAuthor_Audited_AndShown_ButOthersGet403()
    {
        var (author, authorName) = await site.NewAccountAsync(Auth.Roles.Controller);
        Assert.Equal(HttpStatusCode.Found, (await ProposeAsync(author, "skane", "12,5")).StatusCode);
        var page = await author.GetStringAsync($"/targets?year={YearText}");
        var id = Regex.Match(HistoryRowHtml(page, "skane"), "data-id=\"(\\d+)\"").Groups[1].Value;
        Assert.Contains("Dra tillbaka", HistoryRow(page, "skane"), StringComparison.Ordinal);

        // A board member (a viewer) may not; nor a unit manager.
        foreach (var other in new[] { "board", "skane" })
        {
            var client = await site.As(other);
            Assert.DoesNotContain("Dra tillbaka", HistoryRow(await client.GetStringAsync($"/targets?year={YearText}"), "skane"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await WithdrawAsync(client, id)).StatusCode);
        }
        Assert.Empty(await site.AuditAsync(AuditActions.TargetWithdrawal, $"{Goal}/skane/{YearText}"));

        Assert.Equal(HttpStatusCode.Found, (await WithdrawAsync(author, id)).StatusCode);
        var audit = Assert.Single(await site.AuditAsync(AuditActions.TargetWithdrawal, $"{Goal}/skane/{YearText}"));
        Assert.Equal(authorName, audit.Actor);

        page = await author.GetStringAsync($"/targets?year={YearText}");
        var latest = HistoryRowHtml(page, "skane");
        Assert.Contains("data-kind=\"withdrawal\"", latest, StringComparison.Ordinal);
        Assert.Contains("Återtaget förslag", Html.Text(latest), StringComparison.Ordinal);
        Assert.Contains(authorName, Html.Text(latest), StringComparison.Ordinal);
        Assert.DoesNotContain("Förslag:", Html.Text(Cell(page, "skane")), StringComparison.Ordinal);

        // Once withdrawn it is no longer open: a second withdrawal is refused, not recorded twice.
        Assert.Equal(HttpStatusCode.Conflict, (await WithdrawAsync(author, id)).StatusCode);
        Assert.Single(await site.AuditAsync(AuditActions.TargetWithdrawal, $"{Goal}/skane/{YearText}"));
    }

    [Fact]
    public async Task OpenProposal_MayBeWithdrawnByAnotherController_ButNotOnceDecided()
    {
        var (author, _) = await site.NewAccountAsync(Auth.Roles.Controller);
        Assert.Equal(HttpStatusCode.Found, (await ProposeAsync(author, "jonkoping", "7")).StatusCode);
        var id = Regex.Match(HistoryRowHtml(await author.GetStringAsync($"/targets?year={YearText}"), "jonkoping"), "data-id=\"(\\d+)\"").Groups[1].Value;

        var admin = await site.As("admin");
        Assert.Equal(HttpStatusCode.Found, (await WithdrawAsync(admin, id)).StatusCode);
        var audit = Assert.Single(await site.AuditAsync(AuditActions.TargetWithdrawal, $"{Goal}/jonkoping/{YearText}"));
        Assert.Equal("admin", audit.Actor);
    }

    private async Task<HttpResponseMessage> ProposeAsync(HttpClient client, string unit, string level, params (string, string)[] more)
    {
        var token = await DemoSite.FormTokenAsync(client, "/targets");
        var fields = new List<(string, string)> { ("goal", Goal), ("unit", unit), ("year", YearText), ("level", level) };
        if (more.All(f => f.Item1 != "kind")) fields.Add(("kind", "proposal"));
        fields.AddRange(more);
        fields.Add((Html.TokenField, token));
        return await client.PostAsync("/targets", DemoSite.Form([.. fields]));
    }

    private static async Task<HttpResponseMessage> WithdrawAsync(HttpClient client, string id)
    {
        var token = await DemoSite.FormTokenAsync(client, "/targets");
        return await client.PostAsync("/targets?handler=withdraw", DemoSite.Form(("id", id), (Html.TokenField, token)));
    }

    /// <summary>The newest history row for the goal and unit (the table is newest first), as HTML.</summary>
    private static string HistoryRowHtml(string page, string unit)
    {
        var table = Regex.Match(page, "<table id=\"target-history\">.*?</table>", RegexOptions.Singleline).Value;
        return Regex.Matches(table, "<tr data-id=.*?</tr>", RegexOptions.Singleline)
            .Select(m => m.Value).First(r => r.Contains($"data-unit=\"{unit}\"", StringComparison.Ordinal));
    }

    private static string HistoryRow(string page, string unit) => Html.Text(HistoryRowHtml(page, unit));

    private static string Cell(string page, string unit) =>
        Regex.Match(page, $"<td[^>]*data-goal=\"{Goal}\" data-unit=\"{unit}\">.*?</td>", RegexOptions.Singleline).Value;
}
