using System.Net;
using System.Text;
using Styrkort.Web.Tests.Support;

namespace Styrkort.Web.Tests.Http;

/// <summary>
/// What a security tester sent, and more of the same: each request gets a 4xx (or a plain answer), never a 5xx, and the
/// site still answers afterwards.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class HostileRequestsTest(DemoSite site)
{
    private sealed record Hostile(string Who, string Method, string Path, Func<HttpContent>? Body = null)
    {
        public override string ToString() => $"{Who} {Method} {Path}";
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Raw(string body, string contentType)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static IEnumerable<Hostile> Requests(string period) =>
    [
        // Periods the engine cannot or should not compute.
        new("board", "GET", "/?period=1900-Q1"),
        new("board", "GET", "/?period=9999-Q4"),
        new("board", "GET", "/?period=2199-Q4"),
        new("board", "GET", "/?period=0000-Q1"),
        new("board", "GET", "/?period=2026-Q5"),
        new("board", "GET", "/?period=2026-13"),
        new("board", "GET", "/?period=-2026"),
        new("board", "GET", "/?period=" + new string('9', 5000)),
        new("board", "GET", "/goals/nps?period=1900-Q1"),
        new("board", "GET", "/goals/nps?period=9999-Q4"),
        new("board", "GET", "/goals/nps?period=1900"),
        new("board", "GET", "/goals/nps?period=2199-12"),
        new("board", "GET", "/api/outcomes?period=1900-Q1"),
        new("board", "GET", "/api/outcomes?period=9999-Q4"),
        new("board", "GET", "/api/outcomes?period=2199"),
        new("board", "GET", "/report/download?period=9999-Q4&format=pdf"),
        new("board", "GET", "/report/download?period=1900-Q1&format=html"),
        // The first and the last year the web accepts: computed, however empty.
        new("board", "GET", "/?period=1910-Q1"),
        new("board", "GET", "/goals/nps?period=1910-Q1"),
        new("board", "GET", "/api/outcomes?period=1910"),
        new("board", "GET", "/report/download?period=1910-Q1&format=html"),
        new("board", "GET", "/report/download?period=1910-Q4&format=pdf"),
        new("board", "GET", "/goals/nps?period=2199-Q4"),
        new("board", "GET", "/report/download?period=2199-Q4&format=xlsx"),
        new("board", "GET", "/report/download?period=2026-Q2&format=pdf&unit=%00"),
        new("controller", "GET", "/targets?year=99999"),
        new("controller", "GET", "/targets?year=1899"),
        new("controller", "GET", "/targets?year=abc"),
        new("controller", "GET", "/goals/nps/checkin?unit=skane&period=9999-Q4"),
        new("controller", "GET", "/goals/nps/checkin?unit=%00&period=" + period),
        // NUL and friends, unknown ids, malformed query strings. (A NUL in the path never gets this far: Kestrel and
        // the test server refuse it themselves.)
        new("board", "GET", "/goals/%3Cscript%3E"),
        new("board", "GET", "/goals/no_such_goal?unit=nowhere"),
        new("board", "GET", "/goals/nps?unit=%00"),
        new("board", "GET", "/api/goals/nps/series?unit=%00"),
        new("board", "GET", "/api/checkins?goal=%00&period=%00"),
        new("board", "GET", "/?period=%ZZ&unit=%"),
        new("board", "GET", "/?%%%=%%%"),
        new("board", "GET", "/?period=%E0%A4%A"),
        new("board", "GET", "/?period=2026-Q2&period=2026-Q3"),
        new("board", "GET", "/assets/..%2F..%2Fappsettings.json"),
        new("board", "GET", "/lang?to=%00&back=%00"),
        new(DemoSite.Anonymous, "GET", "/login?returnUrl=%00"),
        new(DemoSite.Anonymous, "GET", "/login/external"),
        new(DemoSite.Anonymous, "GET", "/login/external/callback"),
        new("board", "OPTIONS", "/api/goals"),
        new("board", "DELETE", "/goals/nps"),
        new("board", "PUT", "/api/checkins", () => Json("{}")),
        // The API with the wrong content types and bodies.
        new("controller", "POST", "/api/checkins", () => new StringContent("goal=nps", Encoding.UTF8, "text/plain")),
        new("controller", "POST", "/api/checkins", () => new StringContent("<checkin/>", Encoding.UTF8, "application/xml")),
        new("controller", "POST", "/api/checkins", () => Json("{\"goal\": ")),
        new("controller", "POST", "/api/checkins", () => Json("null")),
        new("controller", "POST", "/api/checkins", () => Json("[1, 2, 3]")),
        new("controller", "POST", "/api/checkins", () => Json(string.Concat(Enumerable.Repeat("[", 10_000)))),
        new("controller", "POST", "/api/checkins", () => Json("{\"goal\": \"nps\\u0000\", \"unit\": \"skane\", \"period\": \"" + period + "\"}")),
        new("controller", "POST", "/api/checkins", () => Json("{\"goal\": \"nps\", \"unit\": \"skane\", \"period\": \"" + period + "\", \"analysis\": \"a\\u0000b\"}")),
        new("controller", "POST", "/api/checkins", () => Json("{\"goal\": \"nps\", \"unit\": \"nowhere\", \"period\": \"1900-Q1\"}")),
        new("controller", "POST", "/api/checkins", () => Json("{\"goal\": \"nps\", \"unit\": \"skane\", \"period\": \"" + period + "\", \"actions\": [{\"what\": \"x\", \"due\": \"not a date\"}]}")),
        new("controller", "POST", "/api/imports", () => Json("{}")),
        new("controller", "POST", "/api/imports", () => new MultipartFormDataContent()),
        new("controller", "POST", "/api/imports", () => new MultipartFormDataContent { { new ByteArrayContent("garbage, not a workbook"u8.ToArray()), "files", "units.xlsx" } }),
        new("controller", "POST", "/api/imports", () => new MultipartFormDataContent { { new ByteArrayContent("unit_id\0\n"u8.ToArray()), "files", "units.csv" } }),
        new("controller", "POST", "/api/imports", () => new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "files", "../../../../tmp/units.csv" } }),
        new("controller", "POST", "/api/imports", () => Raw("--x\r\nbroken", "multipart/form-data")),
        // Forms without a token, with NUL, with a broken multipart body.
        new("controller", "POST", "/goals/nps/checkin", () => DemoSite.Form(("unit", "skane"), ("period", period), ("analysis", "x"))),
        new("controller", "POST", "/goalfile", () => DemoSite.Form(("text", "a\0b"))),
        new("controller", "POST", "/imports", () => Raw("--x\r\nbroken", "multipart/form-data; boundary=x")),
        new(DemoSite.Anonymous, "POST", "/login", () => DemoSite.Form(("userName", "admin\0"), ("password", "x"))),
        new(DemoSite.Anonymous, "POST", "/login", () => new StringContent("%%%", Encoding.UTF8, "application/x-www-form-urlencoded")),
    ];

    [Fact]
    public async Task HostileRequests_GetNoServerError_AndTheSiteStillAnswers()
    {
        var failures = new List<string>();
        foreach (var request in Requests(site.Period))
        {
            var client = await site.As(request.Who);
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path) { Content = request.Body?.Invoke() };
            var response = await client.SendAsync(message);
            if ((int)response.StatusCode >= 500) failures.Add($"{request}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            // Never a stack trace or an exception's type in what the client sees.
            if (body.Contains("   at Styrkort", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal))
                failures.Add($"{request}: shows an exception");
        }
        Assert.Empty(failures);

        var health = await site.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await site.As("board")).GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("/?period=9999-Q4")]
    [InlineData("/?period=1899-Q4")]
    [InlineData("/?period=1900-Q1")]
    [InlineData("/goals/nps?period=1909-Q4")]
    [InlineData("/api/outcomes?period=2200")]
    [InlineData("/goals/nps?period=garbage")]
    [InlineData("/targets?year=2200")]
    public async Task AbsurdPeriods_AreRefusedWith400(string path) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await (await site.As("controller")).GetAsync(path)).StatusCode);
}
