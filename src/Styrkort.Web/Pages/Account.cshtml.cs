using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;

namespace Styrkort.Web.Pages;

/// <summary>One's own account: who one is to Styrkort, and a new password (the current one required).</summary>
[EnableRateLimiting("login")]
public sealed class AccountModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDb db, TimeProvider clock, ILogger<AccountModel> logger) : PageModel
{
    public AppUser Me { get; private set; } = null!;
    public string Role { get; private set; } = "";
    // Passwords are bound to properties, not handler arguments: MVC logs handler arguments at Trace.
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Repeat { get; set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!await LoadAsync()) return Challenge();
        if (Password != Repeat)
        {
            Error = Localization.Texts.For(HttpContext)["password_mismatch"];
            return Page();
        }
        if (!await users.CheckPasswordAsync(Me, Current ?? ""))
        {
            // A wrong current password counts towards the lockout, as at sign-in: a session left open in a browser is
            // no way to guess the password (a locked account's sessions end at once).
            await users.AccessFailedAsync(Me);
            logger.LogWarning("Password change refused for {UserName}: wrong current password", Me.UserName);
            Error = Localization.Texts.For(HttpContext)["password_current_wrong"];
            return Page();
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        // Identity checks the current password and the rules for the new one, and renews the security stamp.
        var changed = await users.ChangePasswordAsync(Me, Current ?? "", Password ?? "");
        if (!changed.Succeeded)
        {
            await tx.RollbackAsync();
            Error = string.Join(" ", changed.Errors.Select(e => e.Description));
            return Page();
        }
        AuditTrail.Record(db, clock, Me.UserName!, AuditActions.PasswordChange, Me.UserName!, "own password changed; other sessions ended");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        // A new cookie with the new stamp keeps this browser signed in; every other session ends.
        await signIn.RefreshSignInAsync(Me);
        logger.LogInformation("Password changed by {UserName}", Me.UserName);
        return Redirect("/account?done=password");
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return false;
        Me = me;
        Role = string.Join(", ", await users.GetRolesAsync(me));
        return true;
    }
}
