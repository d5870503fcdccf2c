using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Styrkort.Web.Hosting;

/// <summary>
/// One structured line per request: method, path, status, time, user. The query string is logged by its names only
/// (a value may be a secret someone put in a link); headers, cookies and bodies never. An exception that escapes the
/// application is logged here with the request it broke, then passed on.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            failed = true;
            logger.LogError(e, "Unhandled exception in {Method} {Path} by {User}", http.Request.Method, http.Request.Path.Value, UserOf(http));
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // The server answers an escaped exception with 500; the response does not say so yet.
            var status = failed && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
            logger.LogInformation("{Method} {Path}{QueryNames} → {StatusCode} in {ElapsedMs:0} ms by {User}",
                http.Request.Method, http.Request.Path.Value, QueryNames(http.Request), status, elapsed, UserOf(http));
        }
    }

    private static string UserOf(HttpContext http) => http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "-";

    /// <summary><c>?period=…&amp;unit=…</c>: which parameters were given, not what they were.</summary>
    internal static string QueryNames(HttpRequest request) =>
        request.Query.Count == 0 ? "" : "?" + string.Join("&", request.Query.Keys.Select(k => Uri.EscapeDataString(k) + "=…"));
}
