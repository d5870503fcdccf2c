using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Styrkort.Reports.Markdown;
using Styrkort.Web.Api;
using Styrkort.Web.Hosting;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>The edge of the web app: safe links, security headers, error pages in the user's language, limits with a 4xx.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class EdgeTest(DemoSite site)
{
    private const string HostileAnalysis = """
        Länkar: [bad1](javascript:alert(1)) [bad2](JAVASCRIPT:alert(2)) [bad3](jav&#x09;ascript:alert(3))
        [bad4](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==) [bad5](vbscript:msgbox(5)) <javascript:alert(6)>
        ![bad7](javascript:alert(7)) [bad8][r] [bad9](  java%0ascript:alert(9)) [bad10](&#106;avascript:alert(10))

        Bra: [ok1](https://example.org/a) [ok2](mailto:ekonomi@example.org) [ok3](/goals/nps?period=2026-Q2) <https://example.org/auto>

        [r]: javascript:alert(8)
        """;

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("http://example.org/a:b", true)]
    [InlineData("MAILTO:a@example.org", true)]
    [InlineData("/goals/nps", true)]
    [InlineData("//example.org/x", true)]
    [InlineData("goals/nps?at=10:30", true)]
    [InlineData("#top", true)]
    [InlineData("", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("jav\tascript:alert(1)", false)]
    [InlineData(" \u0001javascript:alert(1)", false)]
    [InlineData("java\u200Bscript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void SafeLinks_AllowOnlyHttpHttpsMailtoAndRelative(string url, bool allowed) =>
        Assert.Equal(allowed, SafeLinks.IsAllowed(url));

    [Theory]
    [InlineData("<javascript:alert(6)>", "javascript:alert(6)")]
    [InlineData("[x](javascript:alert(1))", "x")]
    [InlineData("![x](javascript:alert(1))", "x")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)", "x")]
    [InlineData("[x](jav&#x09;ascript:alert(1))", "x")]
    public void UnsafeLinks_RenderAsPlainText(string markdown, string text)
    {
        var html = Styrkort.Web.Pages.GoalModel.RenderMarkdown(markdown);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src", html, StringComparison.Ordinal);
        Assert.Contains(text, Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public void HostileAnalysis_KeepsOnlyItsSafeLinks()
    {
        var html = Styrkort.Web.Pages.GoalModel.RenderMarkdown(HostileAnalysis);
        Assert.Equal(["https://example.org/a", "mailto:ekonomi@example.org", "/goals/nps?period=2026-Q2", "https://example.org/auto"],
            Hrefs().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
    }

    [Fact]
    public async Task CheckInMarkdown_KeepsOnlySafeLinks_OnTheGoalPageAndInTheBoardReport()
    {
        var controller = await site.As("controller");
        var saved = await controller.PostAsJsonAsync("/api/checkins", new CheckInDto("completed_efforts", "skane", site.Period, HostileAnalysis, [], null, null));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var page = await controller.GetStringAsync($"/goals/completed_efforts?period={site.Period}&unit=skane");
        var analysis = Regex.Match(page, "<div class=\"checkin\" data-unit=\"skane\">.*?<div class=\"analysis\">(?<a>.*?)</div>", RegexOptions.Singleline).Groups["a"].Value;
        Assert.NotEqual("", analysis);
        var hrefs = Hrefs().Matches(analysis).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(["https://example.org/a", "mailto:ekonomi@example.org", "/goals/nps?period=2026-Q2", "https://example.org/auto"], hrefs);
        Assert.DoesNotContain("<img", analysis, StringComparison.Ordinal);
        foreach (var label in new[] { "bad1", "bad2", "bad3", "bad4", "bad5", "bad7", "bad8", "bad9", "bad10" })
            Assert.Contains(label, Html.Text(analysis), StringComparison.Ordinal);

        var report = await controller.GetStringAsync($"/report/download?period={site.Period}&unit=skane&format=html");
        Assert.Contains("bad1", report, StringComparison.Ordinal);
        Assert.Contains("https://example.org/a", report, StringComparison.Ordinal);
        // The report shows an allowed link's address in brackets after its text, and no refused one.
        Assert.Contains("(https://example.org/a)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("(javascript:", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(vbscript:", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(data:", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", report, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("board", "/")]
    [InlineData("board", "/api/goals")]
    [InlineData("board", "/no/such/page")]
    [InlineData("board", "/api/no/such/thing")]
    [InlineData(DemoSite.Anonymous, "/login")]
    [InlineData(DemoSite.Anonymous, "/assets/site.css")]
    [InlineData(DemoSite.Anonymous, "/health")]
    [InlineData(DemoSite.Anonymous, "/api/goals")]
    [InlineData("board", "/?period=9999-Q4")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string who, string path)
    {
        var response = await (await site.As(who)).GetAsync(path);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle()
    {
        var controller = await site.As("controller");
        foreach (var path in new[] { "/", $"/goals/nps?period={site.Period}&unit=skane", $"/goals/nps/checkin?unit=skane&period={site.Period}", "/targets", "/report", "/goalfile", "/imports", "/account/tokens" })
            Assert.DoesNotMatch(InlineCode(), await controller.GetStringAsync(path));
        Assert.DoesNotMatch(InlineCode(), await (await controller.GetAsync("/no/such/page")).Content.ReadAsStringAsync());
        Assert.DoesNotMatch(InlineCode(), await (await site.As("admin")).GetStringAsync("/admin/users"));
        Assert.DoesNotMatch(InlineCode(), await site.NewClient().GetStringAsync("/login"));
    }

    [Theory]
    [InlineData("sv", "/no/such/page", 404, "Sidan finns inte")]
    [InlineData("en", "/no/such/page", 404, "Not found")]
    [InlineData("sv", "/goals/no_such_goal", 404, "Sidan finns inte")]
    [InlineData("sv", "/imports", 403, "Ingen behörighet")]
    [InlineData("en", "/imports", 403, "No access")]
    [InlineData("sv", "/?period=9999-Q4", 400, "Felaktig begäran")]
    [InlineData("en", "/goals/nps?period=1899-Q4", 400, "Bad request")]
    [InlineData("sv", "/?period=not-a-period", 400, "Felaktig begäran")]
    public async Task PageErrors_ShowAnErrorPage_InTheUsersLanguage(string lang, string path, int status, string title)
    {
        var client = site.NewClient();
        await SignInAsync(client, "board");
        client.DefaultRequestHeaders.Add("Cookie", $"lang={lang}");
        var response = await client.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("/assets/site.css", html, StringComparison.Ordinal); // the layout
        Assert.Contains($"data-status=\"{status}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv", "/?period=9999-Q4", "'9999-Q4' ligger utanför åren 1910–2199.")]
    [InlineData("en", "/?period=9999-Q4", "'9999-Q4' is outside the years 1910–2199")]
    [InlineData("sv", "/goals/nps?period=2026-Q9", "'2026-Q9' är ingen period")]
    public async Task PageRefusals_SayWhy_InTheUsersLanguage(string lang, string path, string reason)
    {
        var client = site.NewClient();
        await SignInAsync(client, "board");
        client.DefaultRequestHeaders.Add("Cookie", $"lang={lang}");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, Html.TextOfId(await response.Content.ReadAsStringAsync(), "p", "error-detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/no/such/thing", 404)]
    [InlineData("GET", "/api/goals/no_such_goal/series", 404)]
    [InlineData("GET", "/api/outcomes?period=9999-Q4", 400)]
    [InlineData("GET", "/api/outcomes?period=1899-Q4", 400)]
    [InlineData("GET", "/api/outcomes?period=%00", 400)]
    [InlineData("GET", "/api/outcomes?period=2026-Q2&period=2026-Q3", 400)]
    [InlineData("POST", "/api/goals", 405)]
    public async Task ApiErrors_AreJson_WithTheSameStatus(string method, string path, int status)
    {
        var response = await (await site.As("board")).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var error = await response.Content.ReadFromJsonAsync<ErrorDto>();
        Assert.False(string.IsNullOrWhiteSpace(error?.Error));
    }

    [Fact]
    public async Task ApiErrors_ForAnonymousAndForbidden_AreJsonToo()
    {
        var anonymous = await site.NewClient().GetAsync("/api/goals");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await anonymous.Content.ReadFromJsonAsync<ErrorDto>())?.Error));
        var forbidden = await (await site.As("board")).PostAsJsonAsync("/api/checkins", new CheckInDto("nps", "skane", site.Period, "x", [], null, null));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await forbidden.Content.ReadFromJsonAsync<ErrorDto>())?.Error));
    }

    [Fact]
    public async Task ExternalLogin_WithoutOpenIdConnect_IsANotFoundPageThatSaysSo()
    {
        foreach (var path in new[] { "/login/external", "/login/external/callback" })
        {
            var response = await site.NewClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("OpenID Connect", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CheckIn_OverTheLimits_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        var controller = await site.As("controller");
        var limits = new WebLimits();
        var path = $"/api/checkins?goal=foreign_background_share&unit=kalmar&period={site.Period}";
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync("/api/checkins",
            new CheckInDto("foreign_background_share", "kalmar", site.Period, "Det som gäller.", [], null, null))).StatusCode);

        var tooLong = new string('x', limits.MaxAnalysisChars + 1);
        var tooMany = Enumerable.Range(0, limits.MaxActions + 1).Select(i => new ActionDto($"åtgärd {i}", "Eva", null, "open")).ToList();
        var bodies = new[]
        {
            new CheckInDto("foreign_background_share", "kalmar", site.Period, tooLong, [], null, null),
            new CheckInDto("foreign_background_share", "kalmar", site.Period, "ok", tooMany, null, null),
            new CheckInDto("foreign_background_share", "kalmar", site.Period, "ok", [new ActionDto(new string('y', limits.MaxActionFieldChars + 1), "Eva", null, "open")], null, null),
            new CheckInDto("foreign_background_share", "kalmar", site.Period, "NUL\0här", [], null, null),
            new CheckInDto("foreign_background_share", "kalmar", "9999-Q4", "ok", [], null, null),
        };
        foreach (var body in bodies)
        {
            var response = await controller.PostAsJsonAsync("/api/checkins", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<ErrorDto>())?.Error));
        }

        // The form says why, in Swedish, and keeps what was written.
        var token = await DemoSite.FormTokenAsync(controller, $"/goals/foreign_background_share/checkin?unit=kalmar&period={site.Period}");
        var form = await controller.PostAsync("/goals/foreign_background_share/checkin", DemoSite.Form(("unit", "kalmar"), ("period", site.Period),
            ("analysis", tooLong), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains($"Analysen får vara högst {limits.MaxAnalysisChars} tecken lång.", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains(tooLong, html, StringComparison.Ordinal);

        var stored = Assert.Single((await controller.GetFromJsonAsync<List<CheckInDto>>(path))!);
        Assert.Equal("Det som gäller.", stored.Analysis);
    }

    [Fact]
    public async Task OversizeBodies_Get413_WithAMessage()
    {
        var controller = await site.As("controller");
        var limits = new WebLimits();

        var json = new StringContent("{\"analysis\": \"" + new string('x', (int)limits.MaxRequestBytes) + "\"}", Encoding.UTF8, "application/json");
        var api = await controller.PostAsync("/api/checkins", json);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Contains("MB", (await api.Content.ReadFromJsonAsync<ErrorDto>())!.Error, StringComparison.Ordinal);

        var token = await DemoSite.FormTokenAsync(controller);
        var page = await controller.PostAsync("/account/tokens", DemoSite.Form(("name", new string('x', (int)limits.MaxRequestBytes)), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("För stort", Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithTooManyFiles_Gets413_AndImportsNothing()
    {
        var controller = await site.As("controller");
        var before = (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))!.Count;
        var limits = new WebLimits();
        using var form = new MultipartFormDataContent();
        for (var i = 0; i <= limits.MaxFilesPerUpload; i++) form.Add(new ByteArrayContent("unit_id\n"u8.ToArray()), "files", $"f{i}.csv");
        var response = await controller.PostAsync("/api/imports", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains($"at most {limits.MaxFilesPerUpload} files", (await response.Content.ReadFromJsonAsync<ErrorDto>())!.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))!.Count);
    }

    [Fact]
    public async Task GarbageWorkbook_IsA4xxWithAMessage_AndImportsNothing()
    {
        var controller = await site.As("controller");
        var before = (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))!.Count;
        using var form = new MultipartFormDataContent { { new ByteArrayContent("PK\u0003\u0004 this is no workbook"u8.ToArray()), "files", "units.xlsx" } };
        var response = await controller.PostAsync("/api/imports?wait=true", form);
        Assert.InRange((int)response.StatusCode, 400, 499);
        var error = (await response.Content.ReadFromJsonAsync<ErrorDto>())!;
        Assert.Contains("not a readable Excel workbook", string.Join("\n", [error.Error, .. error.Details ?? []]), StringComparison.Ordinal);
        Assert.Equal(before, (await controller.GetFromJsonAsync<List<ImportBatchDto>>("/api/imports"))!.Count);
    }

    [Fact]
    public async Task GoalFile_OverItsLimit_IsRefusedBeforeParsing_AndTheFileStays()
    {
        var controller = await site.As("controller");
        var goalFile = Path.Combine(site.DataDirectory, "goals.yaml");
        var before = File.ReadAllText(goalFile);
        var token = await DemoSite.FormTokenAsync(controller, "/goalfile");
        var response = await controller.PostAsync("/goalfile", DemoSite.Form(("text", before + "\n#" + new string('x', new WebLimits().MaxGoalFileChars)), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, File.ReadAllText(goalFile));
    }

    private static async Task SignInAsync(HttpClient client, string who)
    {
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/login"));
        var response = await client.PostAsync("/login", DemoSite.Form(("userName", who), ("password", DemoSite.PasswordOf(who)), (Html.TokenField, token)));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
