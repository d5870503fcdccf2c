using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Styrkort.Web.Hosting;

/// <summary>
/// Headers every response carries — pages, API, errors, assets — set as the response starts, so that an exception
/// handler that clears the response cannot drop them. The pages have no inline script or style, so the policy needs
/// no 'unsafe-inline'; data: images are for the SVG chart's markers should they ever be inlined as images.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
