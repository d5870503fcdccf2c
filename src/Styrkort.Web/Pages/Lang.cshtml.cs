using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Styrkort.Web.Pages;

/// <summary>Switches the UI language (a cookie). The login page takes ?lang= itself.</summary>
public sealed class LangModel : PageModel
{
    public IActionResult OnGet(string? to, string? back)
    {
        Set(Response, to);
        return LocalRedirect(back is not null && Url.IsLocalUrl(back) ? back : "/");
    }

    public static void Set(HttpResponse response, string? lang) =>
        response.Cookies.Append("lang", Core.Presentation.Language.Parse(lang).Code,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
}
