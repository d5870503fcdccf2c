using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

// The samples bring the Styrkort.Accounts namespace (SIE) along; Accounts here is the user accounts of the web app.
using Accounts = Styrkort.Web.Auth.Accounts;

/// <summary>
/// One account, for an admin: role, units and name; disable, enable, delete; a new password. Every change ends the
/// account's sessions (a new security stamp) and is audited, in one transaction with the change itself.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UsersEditModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDb db, SiteState site, TimeProvider clock, ILogger<UsersEditModel> logger) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public string Role { get; private set; } = "";
    public bool LockedOut { get; private set; }
    public bool IsSelf { get; private set; }
    // Passwords are bound to properties, not handler arguments: MVC logs handler arguments at Trace.
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostAsync(string id, string? displayName, string? role, string? units) => ChangeAsync(id, "updated", async user =>
    {
        var before = (Role, user.ManagedUnits, user.DisplayName);
        role ??= "";
        var managed = Accounts.NormaliseUnits(units);
        if (!Roles.All.Contains(role)) return $"unknown role '{role}'";
        if (Accounts.UnknownUnits(managed, site.Current.UnitIds) is { } unknown) return unknown;
        if (role != Roles.Admin && await Accounts.IsLastAdminAsync(users, user)) return LastAdmin;
        user.DisplayName = string.IsNullOrWhiteSpace(displayName) ? user.UserName! : displayName.Trim();
        user.ManagedUnits = managed;
        if (role != Role)
        {
            if (Failed(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user))) is { } e1) return e1;
            if (Failed(await users.AddToRoleAsync(user, role)) is { } e2) return e2;
        }
        var changes = new List<string>();
        if (before.Role != role) changes.Add($"role {before.Role} → {role}");
        if (before.ManagedUnits != managed) changes.Add($"units '{before.ManagedUnits}' → '{managed}'");
        if (before.DisplayName != user.DisplayName) changes.Add($"name '{before.DisplayName}' → '{user.DisplayName}'");
        Record(AuditActions.AccountUpdate, user, changes.Count == 0 ? "no change" : string.Join("; ", changes));
        return Failed(await users.UpdateSecurityStampAsync(user));
    });

    public Task<IActionResult> OnPostDisableAsync(string id) => ChangeAsync(id, "disabled", async user =>
    {
        if (IsSelf) return NotYourself;
        if (await Accounts.IsLastAdminAsync(users, user)) return LastAdmin;
        user.Disabled = true;
        Record(AuditActions.AccountDisable, user, "sessions and API tokens stop working");
        return Failed(await users.UpdateSecurityStampAsync(user));
    });

    public Task<IActionResult> OnPostEnableAsync(string id) => ChangeAsync(id, "enabled", async user =>
    {
        user.Disabled = false;
        Record(AuditActions.AccountEnable, user, "");
        return Failed(await users.UpdateSecurityStampAsync(user));
    });

    public Task<IActionResult> OnPostPasswordAsync(string id) => ChangeAsync(id, "password", async user =>
    {
        // The admin types the new password; resetting it also lifts a lockout, the usual reason to reset.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password ?? "");
        if (Failed(reset) is { } problem) return problem;
        if (Failed(await users.SetLockoutEndDateAsync(user, null)) is { } e1) return e1;
        if (Failed(await users.ResetAccessFailedCountAsync(user)) is { } e2) return e2;
        Record(AuditActions.PasswordReset, user, "password set by an admin; sessions ended");
        await db.SaveChangesAsync();
        return null;
    });

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        var result = await ChangeAsync(id, "deleted", async user =>
        {
            if (IsSelf) return NotYourself;
            if (await Accounts.IsLastAdminAsync(users, user)) return LastAdmin;
            await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync();
            Record(AuditActions.AccountDelete, user, $"role {Role}; its API tokens deleted");
            return Failed(await users.DeleteAsync(user));
        });
        return result is RedirectResult ? Redirect("/admin/users?done=deleted") : result;
    }

    private const string NotYourself = "not your own account";
    private const string LastAdmin = "the last admin who can act stays an admin";

    /// <summary>Loads the account, makes the change in one transaction with its audit entry, and shows the page again.</summary>
    private async Task<IActionResult> ChangeAsync(string id, string done, Func<AppUser, Task<string?>> change)
    {
        if (!await LoadAsync(id)) return NotFound();
        await using var tx = await db.Database.BeginTransactionAsync();
        Error = await change(Account);
        if (Error is not null)
        {
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }
        await tx.CommitAsync();
        // An admin who edits their own account stays signed in on this browser; their other sessions end.
        if (IsSelf) await signIn.RefreshSignInAsync(Account);
        logger.LogInformation("Account {UserName} {Change} by {Admin}", Account.UserName, done, User.Identity!.Name);
        return Redirect($"/admin/users/{Uri.EscapeDataString(id)}?done={done}");
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return false;
        Account = user;
        Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        LockedOut = await users.IsLockedOutAsync(user);
        IsSelf = users.GetUserId(User) == user.Id;
        return true;
    }

    private void Record(string action, AppUser user, string details) =>
        AuditTrail.Record(db, clock, User.Identity!.Name!, action, user.UserName!, details);

    private static string? Failed(IdentityResult result) =>
        result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
}
