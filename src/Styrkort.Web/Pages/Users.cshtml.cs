using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Styrkort.Web.AppStore;
using Styrkort.Web.Auth;

namespace Styrkort.Web.Pages;

[Authorize(Policy = Policies.Administer)]
public sealed class UsersModel(UserManager<AppUser> users) : PageModel
{
    public sealed record Row(string UserName, string DisplayName, string Roles, string Units);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        var rows = new List<Row>();
        foreach (var u in users.Users.OrderBy(u => u.UserName).ToList())
            rows.Add(new Row(u.UserName!, u.DisplayName, string.Join(", ", await users.GetRolesAsync(u)), u.ManagedUnits));
        Rows = rows;
    }

    public async Task<IActionResult> OnPostAsync(string userName, string? displayName, string password, string role, string? units)
    {
        var result = await Accounts.CreateAsync(users, userName, displayName ?? userName, password ?? "", role, units ?? "");
        if (result is not null) Error = result;
        await OnGetAsync();
        return Page();
    }
}
