using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.Api;
using Styrkort.Web.AppStore;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// Check-ins keep their versions: each save is a new version with author and time, a save edited from an older version
/// is refused (the form keeps the text, the API answers 409), the history shows a diff, a preview saves nothing, and
/// only quarters the data covers are accepted. Each test writes goals and units of its own.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class CheckInVersionTest(DemoSite site)
{
    [Fact]
    public async Task Save_AddsAVersionEachTime_AndTheHistoryShowsAuthorTimeAndADiff()
    {
        var controller = await site.As("controller");
        var admin = await site.As("admin");
        var first = await controller.PostAsJsonAsync("/api/checkins", new CheckInDto("disbursed_loans", "blekinge", site.Period,
            "Utlåningen ökar.\nEfterfrågan är stabil.", [new ActionDto("Ring kunderna", "Eva", null, "open")], null, null));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<CheckInDto>())!.Version);

        // The second editor saves through the form, over version 1.
        var form = await PostFormAsync(admin, "disbursed_loans", "blekinge", 1, "Utlåningen ökar.\nEfterfrågan viker.", ("Ring kunderna", "Eva", "done"));
        Assert.Equal(HttpStatusCode.Found, form.StatusCode);

        var versions = (await controller.GetFromJsonAsync<List<CheckInVersionDto>>($"/api/checkins/versions?goal=disbursed_loans&unit=blekinge&period={site.Period}"))!;
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal(["admin", "controller"], versions.Select(v => v.SavedBy));
        Assert.Equal("done", Assert.Single(versions[0].Actions).State);
        Assert.Equal("Utlåningen ökar.\nEfterfrågan är stabil.", versions[1].Analysis);
        var current = Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=disbursed_loans&unit=blekinge&period={site.Period}"))!);
        Assert.Equal(2, current.Version);

        // Everyone who reads the goal page reads the history: who, when, and what version 2 changed.
        var board = await site.As("board");
        var history = await board.GetStringAsync($"/goals/disbursed_loans/checkin/history?unit=blekinge&period={site.Period}");
        Assert.Equal(["2", "1"], VersionRows().Matches(history).Select(m => m.Groups[1].Value));
        var diff = Part(history, "checkin-diff", "</pre>");
        Assert.Contains("<del class=\"removed\">- Efterfrågan är stabil.</del>", diff, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"added\">+ Efterfrågan viker.</ins>", diff, StringComparison.Ordinal);
        Assert.Contains("+ Ring kunderna · Eva · Klar", Html.Text(diff), StringComparison.Ordinal);
        var firstDiff = Html.Text(Part(await board.GetStringAsync($"/goals/disbursed_loans/checkin/history?unit=blekinge&period={site.Period}&diff=1"), "checkin-diff", "</pre>"));
        Assert.Contains("+ Efterfrågan är stabil.", firstDiff, StringComparison.Ordinal);
        // The goal page names the version and links to the history.
        var goal = await board.GetStringAsync($"/goals/disbursed_loans?period={site.Period}&unit=blekinge");
        Assert.Contains($"href=\"/goals/disbursed_loans/checkin/history?unit=blekinge&amp;period={site.Period}\"", goal, StringComparison.Ordinal);

        // Every save is in the audit trail with its version.
        var audit = await site.AuditAsync(AuditActions.CheckIn, $"disbursed_loans / blekinge / {site.Period}");
        Assert.Equal(["controller", "admin"], audit.Select(a => a.Actor));
        Assert.StartsWith("version 1:", audit[0].Details, StringComparison.Ordinal);
        Assert.StartsWith("version 2:", audit[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleSave_OfTwoEditors_IsRefused_TheFormKeepsTheTextAndShowsTheNewerOne()
    {
        var manager = await site.As("skane");
        var controller = await site.As("controller");
        // Both open the empty form: it saves over no version.
        foreach (var editor in new[] { manager, controller })
            Assert.Contains("name=\"version\" value=\"0\"", await editor.GetStringAsync($"/goals/women_share/checkin?unit=skane&period={site.Period}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Found, (await PostFormAsync(controller, "women_share", "skane", 0, "Controllerns analys.")).StatusCode);
        var refused = await PostFormAsync(manager, "women_share", "skane", 0, "Enhetens **egen** analys.", ("Fler mentorer", "Sara", "open"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        var error = Html.Text(Html.TextOfId(page, "div", "checkin-error")!);
        Assert.Contains("controller", error, StringComparison.Ordinal);
        Assert.Contains("inget sparades", error, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", error);
        // Nothing is lost: the user's text and action stay in the form, the newer text is shown with the difference.
        Assert.Contains("Enhetens **egen** analys.</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Fler mentorer\"", page, StringComparison.Ordinal);
        var newer = Part(page, "checkin-newer", "</section>");
        Assert.Contains("Controllerns analys.", newer, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"added\">+ Enhetens **egen** analys.</ins>", newer, StringComparison.Ordinal);
        // The next save is over the newer version, knowingly.
        Assert.Contains("name=\"version\" value=\"1\"", page, StringComparison.Ordinal);
        var stored = Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=women_share&unit=skane&period={site.Period}"))!);
        Assert.Equal(("Controllerns analys.", 1), (stored.Analysis, stored.Version));

        Assert.Equal(HttpStatusCode.Found, (await PostFormAsync(manager, "women_share", "skane", 1, "Enhetens **egen** analys.")).StatusCode);
        stored = Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=women_share&unit=skane&period={site.Period}"))!);
        Assert.Equal(("Enhetens **egen** analys.", 2, "skane"), (stored.Analysis, stored.Version, stored.UpdatedBy));
    }

    [Fact]
    public async Task StaleSave_ThroughTheApi_Is409_NamingWhoSavedTheNewerVersion()
    {
        var controller = await site.As("controller");
        var admin = await site.As("admin");
        var body = new CheckInDto("cost_per_effort", "kronoberg", site.Period, "Första.", [], null, null);
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins", body)).StatusCode);

        // Without a version, a script means to write the first one: there is one already.
        var unversioned = await admin.PostAsJsonAsync("/api/checkins", body with { Analysis = "Adminens." });
        Assert.Equal(HttpStatusCode.Conflict, unversioned.StatusCode);
        var conflict = (await unversioned.Content.ReadFromJsonAsync<CheckInConflictDto>())!;
        Assert.Contains("controller", conflict.Error, StringComparison.Ordinal);
        Assert.Equal((1, "Första.", "controller"), (conflict.Current.Version, conflict.Current.Analysis, conflict.Current.SavedBy));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/checkins", body with { Analysis = "Adminens.", Version = 1 })).StatusCode);
        var stale = await controller.PostAsJsonAsync("/api/checkins", body with { Analysis = "Controllerns andra.", Version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        conflict = (await stale.Content.ReadFromJsonAsync<CheckInConflictDto>())!;
        Assert.Contains("version 2 was saved by admin", conflict.Error, StringComparison.Ordinal);
        Assert.Equal("Adminens.", conflict.Current.Analysis);
        var stored = Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=cost_per_effort&unit=kronoberg&period={site.Period}"))!);
        Assert.Equal(("Adminens.", 2), (stored.Analysis, stored.Version));
        Assert.Equal(2, (await site.AuditAsync(AuditActions.CheckIn, $"cost_per_effort / kronoberg / {site.Period}")).Count);
    }

    [Fact]
    public async Task ConcurrentSaves_OfTheSameVersion_OneWins_TheOtherIsRefused()
    {
        var controller = await site.As("controller");
        var admin = await site.As("admin");
        var body = new CheckInDto("ebitda_growth", "malardalen", site.Period, "Första.", [], null, null);
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins", body)).StatusCode);

        var answers = await Task.WhenAll(
            controller.PostAsJsonAsync("/api/checkins", body with { Analysis = "Controllerns.", Version = 1 }),
            admin.PostAsJsonAsync("/api/checkins", body with { Analysis = "Adminens.", Version = 1 }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = (await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<CheckInDto>())!;
        var versions = (await controller.GetFromJsonAsync<List<CheckInVersionDto>>($"/api/checkins/versions?goal=ebitda_growth&unit=malardalen&period={site.Period}"))!;
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal(winner.Analysis, versions[0].Analysis);
        Assert.Equal(2, (await site.AuditAsync(AuditActions.CheckIn, $"ebitda_growth / malardalen / {site.Period}")).Count);
    }

    [Fact]
    public async Task GoalPage_OffersWriting_OnlyForAQuarterOfTheData()
    {
        var controller = await site.As("controller");
        Assert.Contains("id=\"write-checkin\"", await controller.GetStringAsync($"/goals/nps?period={site.Period}&unit=mitt"), StringComparison.Ordinal);
        var month = $"{site.Site.DefaultQuarter.Year}-{site.Site.DefaultQuarter.Index * 3:00}";
        Assert.DoesNotContain("id=\"write-checkin\"", await controller.GetStringAsync($"/goals/nps?period={month}&unit=mitt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ShowsTheTextAsOnTheGoalPageAndInTheReport_AndSavesNothing()
    {
        var controller = await site.As("controller");
        var token = await DemoSite.FormTokenAsync(controller, $"/goals/early_stage_share/checkin?unit=varmland&period={site.Period}");
        var response = await controller.PostAsync("/goals/early_stage_share/checkin?handler=Preview", DemoSite.Form(("unit", "varmland"), ("period", site.Period),
            ("version", "0"), ("analysis", "Andelen **ökar**.\n\n- tidiga bolag\n- fler lån"), ("actions[0].What", "Träffa inkubatorerna"), ("actions[0].Who", "Per"),
            ("actions[0].Due", "2026-12-15"), ("actions[0].State", "in_progress"), (Html.TokenField, token)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var goal = Part(page, "preview-goal", "<h2");
        Assert.Contains("<strong>ökar</strong>", goal, StringComparison.Ordinal);
        Assert.Contains("<td>Träffa inkubatorerna</td>", goal, StringComparison.Ordinal);
        var report = Part(page, "preview-report", "</section>");
        Assert.Contains("Målägarens analys", report, StringComparison.Ordinal);
        Assert.Contains(">tidiga bolag</li>", report, StringComparison.Ordinal);
        Assert.Contains("<td>Pågår</td>", report, StringComparison.Ordinal);
        // The form is still there with what was written, and nothing was saved or audited.
        Assert.Contains("Andelen **ökar**.", Html.TextOfId(page, "textarea", "analysis")!, StringComparison.Ordinal);
        Assert.Empty((await controller.GetFromJsonAsync<List<CheckInVersionDto>>($"/api/checkins/versions?goal=early_stage_share&unit=varmland&period={site.Period}"))!);
        Assert.Empty((await controller.GetFromJsonAsync<List<CheckInDto>>($"/api/checkins?goal=early_stage_share&unit=varmland&period={site.Period}"))!);
        Assert.Empty(await site.AuditAsync(AuditActions.CheckIn, $"early_stage_share / varmland / {site.Period}"));
    }

    [Fact]
    public async Task Preview_IsForWritersOfTheUnitOnly()
    {
        var manager = await site.As("skane");
        var token = await DemoSite.FormTokenAsync(manager);
        var response = await manager.PostAsync("/goals/early_stage_share/checkin?handler=Preview",
            DemoSite.Form(("unit", "varmland"), ("period", site.Period), ("analysis", "x"), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("2026-03", "per quarter")]
    [InlineData("2026", "per quarter")]
    [InlineData("2030-Q1", "after the latest quarter")]
    [InlineData("2001-Q1", "before the imported data")]
    public async Task Period_NotAQuarterOfTheData_Is400WithAMessage(string period, string expected)
    {
        var controller = await site.As("controller");
        var response = await controller.PostAsJsonAsync("/api/checkins", new CheckInDto("nps", "gavledala", period, "x", [], null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<ErrorDto>())!.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await controller.GetAsync($"/goals/nps/checkin?unit=gavledala&period={period}")).StatusCode);
    }

    [Fact]
    public async Task Period_AfterTheLatestQuarter_IsRefusedInSwedishOnTheForm()
    {
        var controller = await site.As("controller");
        var latest = site.Site.DefaultQuarter;
        var future = new Core.Periods.Period(Core.Periods.PeriodKind.Quarter, latest.Year + 1, latest.Index).ToString();
        var token = await DemoSite.FormTokenAsync(controller);
        var response = await controller.PostAsync("/goals/nps/checkin", DemoSite.Form(("unit", "gavledala"), ("period", future), ("analysis", "x"), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ligger efter det senaste kvartalet", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>A form post of a check-in with the client's anti-forgery token.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string goal, string unit, int version, string analysis,
        params (string What, string Who, string State)[] actions)
    {
        var token = await DemoSite.FormTokenAsync(client);
        var fields = new List<(string, string)> { ("unit", unit), ("period", site.Period), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("analysis", analysis) };
        for (var i = 0; i < actions.Length; i++)
            fields.AddRange([($"actions[{i}].What", actions[i].What), ($"actions[{i}].Who", actions[i].Who), ($"actions[{i}].State", actions[i].State)]);
        fields.Add((Html.TokenField, token));
        return await client.PostAsync($"/goals/{goal}/checkin", DemoSite.Form([.. fields]));
    }

    /// <summary>The markup from the element with the id up to the end marker (the elements nest, so no regex finds their end).</summary>
    private static string Part(string html, string id, string end)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element #{id}");
        var stop = html.IndexOf(end, start, StringComparison.Ordinal);
        return html[start..(stop < 0 ? html.Length : stop)];
    }

    [GeneratedRegex("<tr data-version=\"(\\d+)\"")]
    private static partial Regex VersionRows();
}
