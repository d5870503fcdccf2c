using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

/// <summary>
/// The page for a 4xx or 5xx of a page request, re-executed by the status code pages with the original method (so every
/// handler answers, and no anti-forgery check can fail a second time). Never shows an exception.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 413, 429, 500];

    public int Code { get; private set; }
    public string TitleKey => "error_" + (Known.Contains(Code) ? Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : Code >= 500 ? "500" : "400") + "_title";
    public string TextKey => TitleKey.Replace("_title", "_text", StringComparison.Ordinal);
    public string? Detail { get; private set; }

    /// <summary>Called by the page itself: a re-executed PUT or DELETE has no handler here, and still gets the page.</summary>
    public void Prepare()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 404;
        // Opened directly (not re-executed), /error/999 is still only an error page.
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
        // Only the edge's own messages are shown; a 500 never says more than the text.
        if (Code < 500 && HttpContext.Items[ErrorResponses.MessageKey] is string message) Detail = message;
    }
}
