using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Pages;

[EnableRateLimiting("login")]
public sealed class LoginModel(SignInManager<AppUser> signIn, IAuthenticationSchemeProvider schemes, AppDb db, TimeProvider clock, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    // Passwords are bound to properties, not handler arguments: MVC logs handler arguments at Trace.
    [BindProperty] public string? Password { get; set; }
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

    public async Task<IActionResult> OnPostAsync(string? userName)
    {
        // A wrong password, an unknown name, a disabled or a locked-out account all get the same answer on the page;
        // only the audit trail and the log say which it was.
        var result = await signIn.PasswordSignInAsync(userName ?? "", Password ?? "", isPersistent: false, lockoutOnFailure: true);
        var tried = SignInRecord.UserName(userName);
        var from = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!result.Succeeded)
        {
            var why = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "account disabled" : "wrong user name or password";
            logger.LogWarning("Sign-in refused for {UserName} from {RemoteIp}: {Reason}", tried, from, why);
            AuditTrail.Record(db, clock, tried, AuditActions.SignInFailed, tried, $"from {from}: {why}");
            await db.SaveChangesAsync();
            Failed = true;
            ExternalEnabled = await schemes.GetSchemeAsync(ExternalLogin.Scheme) is not null;
            return Page();
        }
        logger.LogInformation("Signed in: {UserName} from {RemoteIp}", tried, from);
        AuditTrail.Record(db, clock, tried, AuditActions.SignIn, tried, $"from {from}");
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
