using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;

namespace Styrkort.Web.Pages;

[Authorize]
public sealed class LogoutModel(SignInManager<AppUser> signIn, AppDb db, TimeProvider clock, ILogger<LogoutModel> logger) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            AuditTrail.Record(db, clock, user.UserName!, AuditActions.SignOut, user.UserName!, $"from {HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"}");
            // A new stamp makes every cookie issued so far worthless, including a copy of this one; saved with the entry.
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            logger.LogInformation("Signed out: {UserName}", user.UserName);
        }
        await signIn.SignOutAsync();
        return Redirect("/login");
    }
}
