using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Pages;

[EnableRateLimiting("login")]
public sealed class LoginModel(SignInManager<AppUser> signIn, IAuthenticationSchemeProvider schemes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Failed { get; private set; }
    public bool ExternalEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? lang)
    {
        if (lang is not null)
        {
            LangModel.Set(Response, lang);
            return Redirect("/login" + (ReturnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(ReturnUrl)));
        }
        ExternalEnabled = await schemes.GetSchemeAsync(ExternalLogin.Scheme) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userName, string password)
    {
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            Failed = true;
            ExternalEnabled = await schemes.GetSchemeAsync(ExternalLogin.Scheme) is not null;
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
