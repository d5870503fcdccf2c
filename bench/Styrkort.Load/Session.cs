using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Styrkort.Load;

/// <summary>One signed-in browser: its own cookies (anti-forgery and sign-in) and its own connection.</summary>
internal sealed partial class Session : IDisposable
{
    private readonly HttpClient _http;

    public string UserName { get; }

    private Session(HttpClient http, string userName)
    {
        _http = http;
        UserName = userName;
    }

    public static HttpClient Client(Uri server, CookieContainer? cookies, TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = cookies is not null,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = server, Timeout = timeout };

    /// <summary>Signs in through the login form, as a browser does: GET the form, POST it back with its anti-forgery token.</summary>
    public static async Task<Session> SignInAsync(Uri server, string userName, string password, CancellationToken cancel)
    {
        var http = Client(server, new CookieContainer(), TimeSpan.FromSeconds(30));
        try
        {
            // The server may limit sign-ins per address (HTTP 429): wait and try again, a bounded number of times.
            for (var attempt = 1; ; attempt++)
            {
                var form = await http.GetStringAsync("/login", cancel);
                var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/" };
                if (AntiForgery(form) is { } token) fields["__RequestVerificationToken"] = token;
                using var response = await http.PostAsync("/login", new FormUrlEncodedContent(fields), cancel);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 30)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(10), cancel);
                    continue;
                }
                if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
                    throw new InvalidOperationException($"sign-in of {userName} answered {(int)response.StatusCode}, not a redirect: wrong password or no anti-forgery token?");
                return new Session(http, userName);
            }
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancel) =>
        _http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancel);

    public Task<string> GetStringAsync(string path, CancellationToken cancel) => _http.GetStringAsync(path, cancel);

    /// <summary>A personal API token made on the token page, for the import (a script's way in, not a cookie's).</summary>
    public async Task<string> CreateApiTokenAsync(CancellationToken cancel)
    {
        var page = await _http.GetStringAsync("/account/tokens", cancel);
        var fields = new Dictionary<string, string> { ["name"] = $"load test {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}" };
        if (AntiForgery(page) is { } token) fields["__RequestVerificationToken"] = token;
        using var response = await _http.PostAsync("/account/tokens", new FormUrlEncodedContent(fields), cancel);
        var html = await response.Content.ReadAsStringAsync(cancel);
        var match = NewTokenPattern().Match(html);
        if (!response.IsSuccessStatusCode || !match.Success)
            throw new InvalidOperationException($"the token page answered {(int)response.StatusCode} without a new token (id=\"new-token\")");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>The hidden field Razor Pages puts into every form (attribute order left open).</summary>
    private static string? AntiForgery(string html)
    {
        var input = AntiForgeryInput().Match(html);
        if (!input.Success) return null;
        var value = ValueAttribute().Match(input.Value);
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex AntiForgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("""id="new-token"[^>]*>\s*([^<\s]+)\s*<""")]
    private static partial Regex NewTokenPattern();

    public void Dispose() => _http.Dispose();
}
