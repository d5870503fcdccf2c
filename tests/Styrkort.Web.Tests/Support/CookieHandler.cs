using System.Net;

namespace Styrkort.Web.Tests.Support;

/// <summary>
/// Carries cookies between requests as a browser would (TestServer's client has no cookie container). Redirects are
/// not followed, so a test sees the 302 and where it points.
/// </summary>
internal sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public CookieContainer Cookies { get; } = new();

    /// <summary>Sent in the RequestVerificationToken header of writes to /api/, as a page's script would.</summary>
    public string? ApiAntiforgeryToken { get; set; }

    /// <summary>Set on a request to send it without the header above, as a forged request from another site would come.</summary>
    public static readonly HttpRequestOptionsKey<bool> WithoutAntiforgery = new("without-antiforgery");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = Cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        if (ApiAntiforgeryToken is not null && !(request.Options.TryGetValue(WithoutAntiforgery, out var bare) && bare) && request.Method != HttpMethod.Get && uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)
            && !request.Headers.Contains(Auth.ApiAntiforgery.Header))
            request.Headers.Add(Auth.ApiAntiforgery.Header, ApiAntiforgeryToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var setCookie in setCookies) Cookies.SetCookies(uri, setCookie);
        return response;
    }
}
