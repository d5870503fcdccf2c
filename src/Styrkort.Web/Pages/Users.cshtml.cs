using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Styrkort.Web.AppStore;
using Styrkort.Web.Audit;
using Styrkort.Web.Auth;
using Styrkort.Web.Hosting;

namespace Styrkort.Web.Pages;

// The samples bring the Styrkort.Accounts namespace (SIE) along; Accounts here is the user accounts of the web app.
using Accounts = Styrkort.Web.Auth.Accounts;

/// <summary>The accounts: who may do what. Each account is edited on its own page (UsersEdit).</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UsersModel(UserManager<AppUser> users, AppDb db, SiteState site, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, string Roles, string Units, bool Disabled, DateTimeOffset? LockedOutUntil);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    // Passwords are bound to properties, not handler arguments: MVC logs handler arguments at Trace.
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        var rows = new List<Row>();
        var now = clock.GetUtcNow();
        foreach (var u in await users.Users.OrderBy(u => u.UserName).ToListAsync())
            rows.Add(new Row(u.Id, u.UserName!, u.DisplayName, string.Join(", ", await users.GetRolesAsync(u)), u.ManagedUnits, u.Disabled,
                u.LockoutEnd > now ? u.LockoutEnd : null));
        Rows = rows;
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? role, string? units)
    {
        Error = await CreateAsync((userName ?? "").Trim(), displayName, Password ?? "", role ?? "", Accounts.NormaliseUnits(units));
        if (Error is null) return Redirect("/admin/users?done=created");
        await OnGetAsync();
        return Page();
    }

    private async Task<string?> CreateAsync(string userName, string? displayName, string password, string role, string units)
    {
        if (userName.Length == 0) return "a user name is required";
        if (Accounts.UnknownUnits(units, site.Current.UnitIds) is { } unknown) return unknown;
        // The account, its role and its audit entry are one change: all or nothing.
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await Accounts.CreateAsync(users, userName, string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(), password, role, units) is { } problem)
            return problem;
        AuditTrail.Record(db, clock, User.Identity!.Name!, AuditActions.AccountCreate, userName, $"role {role}; units '{units}'");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return null;
    }
}
