using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Styrkort.Core.Periods;

namespace Styrkort.Web.Hosting;

/// <summary>
/// The edge's checks of a request before any page or endpoint sees it: the body's size (per path, see
/// <see cref="WebLimits"/>), the periods and years in the query string, and the form's limits (read once here, where
/// an oversize form is still a clean 413; the pages reuse the form that was read).
/// </summary>
public static class RequestLimits
{
    /// <summary>Before authentication: cheap checks that need nothing but the request line and headers.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, WebLimits limits) => app.Use(async (http, next) =>
    {
        if (ReExecuted(http))
        {
            await next(http);
            return;
        }
        var allowed = limits.RequestBytesFor(http.Request.Path);
        if (http.Request.ContentLength > allowed)
        {
            await ErrorResponses.RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, TooLarge(allowed, ErrorResponses.TextsFor(http)));
            return;
        }
        // Kestrel counts a body without Content-Length (chunked) as it arrives and stops it at this size.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = allowed;
        if (QueryProblem(http.Request.Query, limits, ErrorResponses.TextsFor(http)) is { } problem)
        {
            await ErrorResponses.RefuseAsync(http, StatusCodes.Status400BadRequest, problem);
            return;
        }
        await next(http);
    });

    /// <summary>After authorization, so that nobody unauthorised makes the server read a form.</summary>
    public static IApplicationBuilder UseFormLimits(this IApplicationBuilder app, WebLimits limits) => app.Use(async (http, next) =>
    {
        if ((HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method)) && !ReExecuted(http))
        {
            if (http.Request.HasFormContentType)
            {
                var t = ErrorResponses.TextsFor(http);
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(http.RequestAborted);
                }
                catch (BadHttpRequestException e)
                {
                    await ErrorResponses.RefuseAsync(http, e.StatusCode,
                        e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(limits.RequestBytesFor(http.Request.Path), t) : t["limit_form_unreadable"]);
                    return;
                }
                catch (InvalidDataException e)
                {
                    var tooLarge = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
                    await ErrorResponses.RefuseAsync(http, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                        tooLarge ? Format(t["limit_form"], limits.MaxFileBytes / (1024 * 1024), limits.MaxGoalFileChars) : t["limit_form_unreadable"]);
                    return;
                }
                if (form.Files.Count > limits.MaxFilesPerUpload)
                {
                    await ErrorResponses.RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, Format(t["limit_files"], limits.MaxFilesPerUpload));
                    return;
                }
                if (form.Any(f => f.Value.Any(v => v is not null && HasControlCharacter(v))))
                {
                    await ErrorResponses.RefuseAsync(http, StatusCodes.Status400BadRequest, t["limit_control"]);
                    return;
                }
            }
        }
        await next(http);
    });

    // The error page is rendered by running the pipeline again for the same request: its body is not read twice.
    private static bool ReExecuted(HttpContext http) => http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;

    public static string TooLarge(long allowed, Localization.Texts t) => Format(t["limit_body"],
        allowed >= 1024 * 1024 ? $"{allowed / (1024 * 1024)} MB" : $"{allowed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {t["limit_bytes"]}");

    private static string Format(string text, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args);

    /// <summary>NUL and the other C0 controls except tab, line feed and carriage return; DEL too.</summary>
    public static bool HasControlCharacter(string text) =>
        text.AsSpan().IndexOfAnyInRange('\0', '\u0008') >= 0 || text.AsSpan().IndexOfAnyInRange('\u000B', '\u000C') >= 0
        || text.AsSpan().IndexOfAnyInRange('\u000E', '\u001F') >= 0 || text.Contains('\u007F', StringComparison.Ordinal);

    internal static string? QueryProblem(IQueryCollection query, WebLimits limits, Localization.Texts t)
    {
        foreach (var (_, values) in query)
            foreach (var value in values)
                if (value is not null && HasControlCharacter(value))
                    return t["limit_control"];
        if (query.TryGetValue("period", out var periods))
        {
            if (periods.Count > 1) return t["period_twice"];
            var text = periods.ToString();
            if (text.Length > 0 && PeriodProblem(text, limits, out _, t) is { } problem) return problem;
        }
        if (query.TryGetValue("year", out var years))
        {
            if (years.Count > 1) return t["period_twice"];
            var text = years.ToString();
            if (text.Length > 0 && (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                || year < limits.MinYear || year > limits.MaxYear))
                return Format(t["year_bad"], Shorten(text), limits.MinYear, limits.MaxYear);
        }
        return null;
    }

    /// <summary>Why a period is refused, or null: unparsable, or a year outside the limits (named as such, rather than
    /// as unparsable).</summary>
    public static string? PeriodProblem(string text, WebLimits limits, out Period period, Localization.Texts? t = null)
    {
        t ??= new Localization.Texts(Core.Presentation.Language.En);
        period = default;
        var trimmed = text.Trim();
        if (trimmed.Length is < 4 or > 16 || !int.TryParse(trimmed.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            return Format(t["period_bad"], Shorten(text));
        if (year < limits.MinYear || year > limits.MaxYear) return Format(t["period_range"], Shorten(text), limits.MinYear, limits.MaxYear);
        if (Period.TryParse(trimmed, out period)) return null;
        return Format(t[Period.MissingWeek(trimmed) is null ? "period_bad" : "period_week53"], Shorten(text), year);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
